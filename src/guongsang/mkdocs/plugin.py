"""The thin MkDocs adapter: MkDocs renders the hand-written pages; guongsang's own frame the generated ones.

MkDocs loads the configuration, renders ``content/*.md`` with Material and copies the theme's assets. The
generated pages are known to it only as stand-in files, excluded from its build, so the hand-written
pages' links to them are checked and resolved; after MkDocs' build they are rendered by
:mod:`guongsang.render.pages` (worker processes, straight into the site folder), then the search index,
the sitemap, feeds, embeds and open data are written.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path
from typing import Any

import mkdocs.utils
from markupsafe import Markup
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from ..editors.spreadsheet import TEMPLATE_NAME, template_workbook
from ..model.diagnostics import Severity, render, summary
from ..model.memo import RecordMemo
from ..model.sanitize import clean_html
from ..model.scope import search_scope
from ..outputs import fonts, media, posters
from ..outputs.feeds import FeedContext
from ..outputs.fonts import FONTS_DIR
from ..outputs.propagation import write_outputs
from ..outputs.search_delta import DeltaIndexer
from ..outputs.search_shards import ShardedIndexer, shard_count
from ..project import Loaded, Settings, load
from ..render import csp, fragments, icons, navigation, templating
from ..render.cache import RenderCache, salt
from ..render.pages import UNCACHED_KINDS, render_all, write_sitemap
from ..site.derive import PER_PAGE, SUBMIT_URL, Page, booklet_url
from . import preview
from .frame_config import frame_of
from .prune import prune_theme_assets

log = logging.getLogger("mkdocs.plugins.guongsang")

# MkDocs makes a new plugin for every rebuild of a live preview; checked records outlive it here.
RECORDS = RecordMemo()


class GuongSangConfig(Config):
    exemplars = c.Type(str, default="exemplars")
    catalog = c.Type(str, default="content/catalog")
    contests = c.Type(str, default="content/contests")  # "" for none
    per_page = c.Type(int, default=PER_PAGE)
    today = c.Optional(c.Type(str))
    search = c.Type(bool, default=True)  # index exemplar pages with Pagefind
    columns = c.Type(str, default="content/columns")
    only_province = c.Optional(c.Type(str))  # build one province's sub-site (code, slug or name)
    only_locality = c.Optional(c.Type(str))  # build a ward's or legacy district's sub-site (code or as written)
    wider_index = c.Optional(c.Type(str))  # a sub-site's search can also query this Pagefind bundle (URL)
    cache_dir = c.Optional(c.Type(str))  # render cache; default .cache/guongsang beside mkdocs.yml
    cache = c.Type(bool, default=True)
    search_delta = c.Type(bool, default=False)  # publish the kept search bundle plus the changed pages (a preview)
    booklets = c.Type(list, default=[])  # booklet PDFs to publish, e.g. ["plan:thanh-xuan-2023", "year:2024"]
    booklet_limit = c.Type(int, default=100)  # exemplars per published booklet (featured, then newest)
    posters = c.Type(bool, default=False)  # an A4 PDF poster per exemplar (costly at scale: opt-in)


class QuietLinksToGenerated(logging.Filter):
    """MkDocs notes every link to a page it does not render; links to generated pages are meant that way."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "which is excluded from the built site" not in record.getMessage()


QUIET = QuietLinksToGenerated()


Indexers = ShardedIndexer | DeltaIndexer


def close_index(indexer: Indexers, site_dir: Path) -> None:
    """Write the search bundle into ``site_dir`` (or publish the one kept from last time), and say which."""
    log.info("Pagefind: %s", indexer.report(indexer.close(site_dir)))


def _write_file(data: bytes, path: Path) -> None:
    """MkDocs' own file write (feeds, embeds, open data)."""
    mkdocs.utils.write_file(data, str(path))


class GuongSangPlugin(BasePlugin[GuongSangConfig]):
    """``plugins: [guongsang]`` in mkdocs.yml."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        super().__init__()
        self.preloaded: Loaded | None = None  # set by ``guongsang build`` to skip a second load
        self.loaded: Loaded | None = None
        self.indexer: Indexers | None = None
        # Set by guongsang.mkdocs.build: the search index is written after MkDocs returns (take_indexer), once the
        # pages it held are freed, because Pagefind's peak memory comes while it writes.
        self.index_later = False
        self.cache: RenderCache | None = None
        self.page_keys: dict[str, str] = {}  # src_uri → render-cache key of every generated page of this build
        self.rebuild = False  # a live-preview rebuild: unchanged pages are left as the last build wrote them
        self.stories: dict[str, str] = {}  # exemplar slug → story HTML as rendered, for the feeds
        self.site_name = ""
        self.media = media.Media()
        self.nav: list[Any] = []  # mkdocs.yml's nav as written: the sections of every page's header
        self.listed: list[str] = []  # canonical addresses of the hand-written pages, for the sitemap

    def settings(self, config: Any) -> Settings:
        root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        today_text = os.environ.get("GUONGSANG_TODAY") or self.config.today  # set by ``guongsang serve``
        today = dt.date.fromisoformat(today_text) if today_text else None
        exemplars = os.environ.get("GUONGSANG_EXEMPLARS") or self.config.exemplars  # set by ``guongsang serve``
        contests = os.environ.get("GUONGSANG_CONTESTS", self.config.contests)  # likewise
        return Settings.at(root, exemplars, self.config.catalog, today, self.config.per_page, contests,
                           self.config.columns, self.config.only_province, self.config.only_locality)

    def on_config(self, config: Any) -> Any:
        loaded = self.preloaded or load(self.settings(config), memo=RECORDS)
        self.preloaded = None  # a later rebuild (serve) reloads from disk
        if not loaded.ok or loaded.site is None:
            raise PluginError("\n" + render(loaded.diagnostics) + "\n" + summary(loaded.diagnostics, loaded.files))
        warnings = [d for d in loaded.diagnostics if d.severity is Severity.WARNING]
        if warnings:  # shown, but not as MkDocs warnings: ``strict`` would turn them into a failed build
            log.info("guongsang:\n%s", render(warnings))
        self.loaded = loaded
        self.site_name = self.site_name or config.site_name
        if loaded.area:  # a sub-site says what it covers in every page's title and header
            config.site_name = f"{self.site_name} · {loaded.area.short}"
        self.nav = self.nav or list(config.nav or [])
        generated = {page.src_uri for page in loaded.site.pages}
        config.nav = navigation.without(self.nav, generated) or None  # MkDocs lists the hand-written pages only
        self.cache = self.open_cache(config, loaded.settings)
        self.page_keys, self.listed = {}, []
        self.rebuild = preview.is_rebuild(config.site_dir) and self.cache is not None
        config.theme.static_templates.discard("sitemap.xml")  # written with the generated pages (render.pages)
        if self.rebuild:  # the 404 page stays as the first build wrote it
            config.theme.static_templates.discard("404.html")
        logging.getLogger("mkdocs.structure.pages").addFilter(QUIET)
        return config

    def cache_folder(self, settings: Settings) -> Path:
        """Where cached pages, image renditions, cards and posters live (default .cache/guongsang)."""
        root = settings.root
        folder = Path(os.environ.get("GUONGSANG_CACHE_DIR") or self.config.cache_dir or root / ".cache/guongsang")
        return folder if folder.is_absolute() else root / folder

    def kept_in(self) -> Path | None:
        """The cache folder, unless the cache is turned off."""
        assert self.loaded
        return self.cache_folder(self.loaded.settings) if self.config.cache else None

    def open_cache(self, config: Any, settings: Settings) -> RenderCache:
        """The render cache, salted with everything every page depends on."""
        folder = self.cache_folder(settings) if self.config.cache else None
        inputs = [Path(config.config_file_path), Path(config.docs_dir), settings.catalog,
                  *([settings.contests] if settings.contests else [])]  # exemplar pages list entries about them
        if config.theme.custom_dir:
            inputs.append(Path(config.theme.custom_dir))
        extra = [settings.today.isoformat(), str(settings.per_page), str(config.site_url), str(config.repo_url),
                 str(config.use_directory_urls), config.site_name, self.loaded.site.scope if self.loaded else "",
                 str(settings.columns)]  # a sub-site's pages link only within its area
        return RenderCache(folder, salt(inputs, *extra))

    def on_files(self, files: Files, config: Any) -> Files:
        assert self.loaded and self.loaded.site
        for page in self.loaded.site.pages:  # stand-ins: links to them resolve, MkDocs does not render them
            stand_in = File.generated(config, page.src_uri, content="")
            stand_in.inclusion = InclusionLevel.EXCLUDED
            files.append(stand_in)
        for uri, content in self.loaded.site.files.items():
            files.append(File.generated(config, uri, content=content))
        if (kept := self.kept_in()) is not None:
            fonts.keep_in(kept)  # booklets' fonts outlive the build
        for uri, content in self._booklets(config).items():
            files.append(File.generated(config, uri, content=content))
        assert self.loaded.catalog
        files.append(File.generated(config, SUBMIT_URL + TEMPLATE_NAME, content=template_workbook(self.loaded.catalog)))
        root, folder = self.loaded.settings.root, self.cache_folder(self.loaded.settings)
        self.media = media.prepare(self.loaded.site, folder, root / FONTS_DIR,
                                   config.site_name, config.site_url or "", config.site_description or "")
        if self.config.posters:
            theme = Path(config.theme.custom_dir) if config.theme.custom_dir else root / "theme"
            self.media.files.update(posters.publish(self.loaded.site, folder, theme,
                                                    config.site_name, config.site_url or ""))
            self.media.posters = True
        for uri, path in self.media.files.items():
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, abs_src_path=str(path)))
        return files

    def _booklets(self, config: Any) -> dict[str, bytes]:
        """The booklets declared in mkdocs.yml, as PDFs; a plan's booklet is linked from its page."""
        from ..outputs.booklet import BookletError, parse_selector, select
        from ..outputs.booklet import render as render_booklet

        assert self.loaded and self.loaded.site and self.loaded.catalog
        settings, out = self.loaded.settings, {}
        theme = Path(config.theme.custom_dir) if config.theme.custom_dir else settings.root / "theme"
        for selector in self.config.booklets:
            try:
                selection = select(self.loaded.site, self.loaded.catalog, *parse_selector(str(selector)),
                                   limit=self.config.booklet_limit)
            except BookletError as exc:
                raise PluginError(f"guongsang: booklets: {exc}") from None
            uri = booklet_url(selection.slug)
            out[uri] = render_booklet(selection, config.site_url or "/", theme, settings.today, self.kept_in())
            if selection.by == "plan":
                self.loaded.site.booklets[selection.value] = uri
        return out

    def navigation(self) -> navigation.Navigation:
        assert self.loaded and self.loaded.site
        return navigation.from_config(self.nav, {page.url: page.title for page in self.loaded.site.pages})

    def on_env(self, env: Any, config: Any, files: Files) -> Any:
        assert self.loaded and self.loaded.site
        templating.install(env, self.loaded.site, self.loaded.settings.today, self.media)
        fragments.install(env)
        sprite = icons.install(env, config.theme)
        if files.get_file_from_path(icons.SPRITE_URI) is None:
            files.append(File.generated(config, icons.SPRITE_URI, content=sprite))
        env.globals["gs_search_config"]["scope"] = search_scope(self.loaded.area, self.config.wider_index)
        env.globals["gs_nav"] = self.navigation()
        return env

    def on_page_context(self, context: dict, page: Any, config: Any, nav: Any) -> dict:
        context["gs_page"] = None  # a hand-written page: no derived data
        return context

    def on_page_content(self, html: str, page: Any, config: Any, files: Files) -> str:
        """Hand-written pages pass as they are, as Markup, so the autoescaping templates print them as HTML."""
        return Markup(html)

    def on_pre_build(self, config: Any) -> None:
        if self.config.search and not self.rebuild:
            assert self.loaded and self.loaded.site
            salt = self.cache.salt if self.cache else ""
            self.indexer = (DeltaIndexer(self.kept_in(), salt) if self.config.search_delta else
                            ShardedIndexer(shard_count(len(self.loaded.site.exemplars)), self.kept_in(), salt)).start()

    def on_post_template(self, output_content: str, template_name: str, config: Any) -> str:
        return csp.seal(output_content)  # 404.html

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        if page.canonical_url and not page.meta.get("robots"):
            self.listed.append(page.canonical_url)
        return csp.seal(output)

    def _story(self, exemplar: Any, config: Any) -> str:
        if exemplar.slug not in self.stories:  # a page not rendered in this build (a preview rebuild)
            import markdown

            self.stories[exemplar.slug] = clean_html(markdown.markdown(
                exemplar.body, extensions=config.markdown_extensions, extension_configs=config.mdx_configs))
        return self.stories[exemplar.slug]

    def _render_generated(self, config: Any) -> None:
        """Every generated page, rendered by guongsang's frame into the site folder (those a preview rebuild
        finds unchanged left as they are); their search documents to the indexer, stories for the feeds."""
        assert self.loaded and self.loaded.site
        site, site_dir = self.loaded.site, Path(config.site_dir)
        if self.cache is not None:
            self.page_keys = {p.src_uri: self.cache.key(p) for p in site.pages if p.kind not in UNCACHED_KINDS}
        written = dict(preview.STATE.keys) if self.rebuild else {}

        def unchanged(page: Page) -> bool:
            key = self.page_keys.get(page.src_uri)
            return key is not None and written.get(page.src_uri) == key

        frame = frame_of(config, self.navigation(), search_scope(self.loaded.area, self.config.wider_index))
        kept = sum(1 for page in site.pages if unchanged(page)) if self.rebuild else 0
        if self.rebuild:
            log.info("guongsang: xem trước — dựng lại %d trang, giữ nguyên %d trang", len(site.pages) - kept, kept)
        for out in render_all(site, frame, self.loaded.settings.today, self.media, site_dir, self.cache,
                              skip=unchanged if self.rebuild else None, keys=self.page_keys):
            if out.page.exemplar and out.story:
                self.stories[out.page.exemplar.slug] = out.story
            if self.indexer and out.search:
                self.indexer.add(f"/{out.page.url}", out.search)
        if not self.rebuild:
            base = frame.site_url
            write_sitemap(site_dir, [*self.listed, *(f"{base}{p.url}" for p in site.pages if not p.hidden)])

    def on_post_build(self, config: Any) -> None:
        assert self.loaded and self.loaded.site
        self._render_generated(config)
        site_url = config.site_url or ""
        ctx = FeedContext(self.site_name, site_url if site_url.endswith("/") or not site_url else f"{site_url}/",
                          self.loaded.settings.today, lambda e: self._story(e, config), self.loaded.site.scope,
                          self.media.published)
        log.info("guongsang: %d social cards", self.media.finish(Path(config.site_dir), only_newer=self.rebuild))
        if self.indexer and not self.index_later:  # before the feeds: Pagefind's peak then meets a smaller build
            close_index(self.take_indexer(), Path(config.site_dir))
        if not self.rebuild:  # a preview rebuild keeps the first build's feeds, embeds and open data
            prune_theme_assets(Path(config.site_dir))
            outputs = write_outputs(self.loaded.site, ctx, Path(config.theme.custom_dir), Path(config.site_dir),
                                    write=_write_file)
            log.info("guongsang: %d feed files, %d embeds, %d open-data files", outputs.feeds,
                     len(outputs.embeds), len(outputs.data))
        if self.cache:
            log.info("Render cache: %d of %d generated pages reused", self.cache.hits, len(self.loaded.site.pages))
            self.cache.commit()
            self.cache.close()
            self.cache = None
        preview.remember(self.page_keys)

    def release(self) -> None:
        """Let go of the records, the site model and the pages of the build just finished (the plugin may
        outlive it: MkDocs' configuration holds it)."""
        self.loaded = self.preloaded = None
        self.stories, self.page_keys, self.listed = {}, {}, []
        self.media = media.Media()

    def take_indexer(self) -> Indexers | None:
        """The search indexer, now the caller's to close (:func:`close_index`)."""
        indexer, self.indexer = self.indexer, None
        return indexer

    def on_build_error(self, error: Exception) -> None:
        self.media.abandon()
        if self.cache:
            self.cache.close()  # nothing of a failed build is kept
            self.cache = None
        if self.indexer:
            self.indexer.abort()
            self.indexer = None

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        settings = self.settings(config)
        theme = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
        folders = (settings.exemplars, settings.catalog, settings.contests, settings.columns, *theme)
        preview.watch_content(server, [p for p in folders if p and p.exists()], settings.root)
        return server
