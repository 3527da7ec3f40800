"""The thin MkDocs adapter: hands the derived pages and images to MkDocs, and the model to the templates.

Generated pages are added as files, never to the nav: the nav holds only the section indexes named in
``mkdocs.yml``, so no page carries a nav that grows with the corpus.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
import pickle
from pathlib import Path
from typing import Any

import mkdocs.utils
from markupsafe import Markup
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from ..editors.spreadsheet import TEMPLATE_NAME, template_workbook
from ..model.diagnostics import Severity, render, summary
from ..model.memo import RecordMemo
from ..model.sanitize import clean_html
from ..model.scope import search_scope
from ..outputs import fonts, media, posters
from ..outputs.feeds import FeedContext
from ..outputs.fonts import FONTS_DIR
from ..outputs.propagation import write_outputs
from ..outputs.search import Indexer, document, document_of, entry_document
from ..project import Loaded, Settings, load
from ..render import csp, icons, templating
from ..render.cache import Packed, RenderCache, salt, unpack
from ..site.contest_views import ContestPage
from ..site.derive import SUBMIT_URL, Page, booklet_url
from . import chrome, preview, skeleton
from .markdown import Converter, Detached

log = logging.getLogger("mkdocs.plugins.guongsang")

# MkDocs makes a new plugin for every rebuild of a live preview; checked records outlive it here.
RECORDS = RecordMemo()


class GuongSangConfig(Config):
    exemplars = c.Type(str, default="exemplars")
    catalog = c.Type(str, default="content/catalog")
    contests = c.Type(str, default="content/contests")  # "" for none
    per_page = c.Type(int, default=24)
    today = c.Optional(c.Type(str))
    search = c.Type(bool, default=True)  # index exemplar pages with Pagefind
    columns = c.Type(str, default="content/columns")
    only_province = c.Optional(c.Type(str))  # build one province's sub-site (code, slug or name)
    only_locality = c.Optional(c.Type(str))  # build a ward's or legacy district's sub-site (code or as written)
    wider_index = c.Optional(c.Type(str))  # a sub-site's search can also query this Pagefind bundle (URL)
    cache_dir = c.Optional(c.Type(str))  # render cache; default .cache/guongsang beside mkdocs.yml
    cache = c.Type(bool, default=True)
    booklets = c.Type(list, default=[])  # booklet PDFs to publish, e.g. ["plan:thanh-xuan-2023", "year:2024"]
    booklet_limit = c.Type(int, default=100)  # exemplars per published booklet (featured, then newest)
    posters = c.Type(bool, default=False)  # an A4 PDF poster per exemplar (costly at scale: opt-in)


SHARED_CONVERTER = True  # the generated pages' Markdown through one converter (guongsang.mkdocs.markdown)
DETACHED = True  # records' stories converted by a worker process while the build goes on (mkdocs_render.Detached)
DETACHED_FROM = 200  # fewer stories than this convert here before a worker would have started
CACHED_TEMPLATE = "gs-cached.html"  # renders nothing: the page's HTML comes from the render cache
UNCACHED_KINDS = {"plan", "plans"}  # few pages showing computed progress (too deep to fingerprint): always rendered


def page_meta(page: Page) -> dict[str, Any]:
    """The metadata MkDocs and the theme read for a generated page (set directly: no YAML to write or parse)."""
    meta = {"title": page.title, "description": page.description, "template": page.template,
            "hide": ["navigation", "toc"]}
    if page.hidden:
        meta["robots"] = "noindex"  # also keeps the page out of the sitemap (theme/sitemap.xml)
    return meta


def _render_nothing(page: Any, config: Any, files: Files) -> None:
    """What ``Page.render`` leaves for empty Markdown, without building a Markdown converter (≈2 ms a page)."""
    page.content, page.toc, page._title_from_render = "", get_toc([]), None
    page.present_anchor_ids, page.links_to_anchors = set(), {}


def close_index(indexer: Indexer, site_dir: Path) -> None:
    """Write the search bundle into ``site_dir`` (or publish the one kept from last time), and say which."""
    count = indexer.close(site_dir)
    log.info("Pagefind: %s %d pages (exemplars and contest entries)",
             "same index as last time for" if indexer.reused else "indexed", count)


def _write_file(data: bytes, path: Path) -> None:
    """MkDocs' own page write, which ``guongsang build`` hands to its background writer (guongsang.mkdocs.writer)."""
    mkdocs.utils.write_file(data, str(path))


def search_document(derived: Page, content: str) -> str:
    """What Pagefind indexes for a generated page: exemplars and published contest entries; "" for the rest."""
    if derived.exemplar:
        return document(derived.exemplar, content, templating.image_url(derived.exemplar))
    if isinstance(derived, ContestPage) and derived.entry and derived.view:
        contest, about = derived.view.contest, tuple(e.name for e in derived.exemplars)
        return entry_document(derived.entry, contest.title, contest.year, content, about)
    return ""


class GuongSangPlugin(BasePlugin[GuongSangConfig]):
    """``plugins: [guongsang]`` in mkdocs.yml."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        super().__init__()
        self.preloaded: Loaded | None = None  # set by ``guongsang build`` to skip a second load
        self.loaded: Loaded | None = None
        self.pages: dict[str, Page] = {}
        self.indexer: Indexer | None = None
        # Set by guongsang.mkdocs.build: the search index is written after MkDocs returns (take_indexer), once the
        # pages it held are freed, because Pagefind's peak memory comes while it writes.
        self.index_later = False
        self.cache: RenderCache | None = None
        self.keys: dict[str, str] = {}  # src_uri → render-cache key of pages rendered in this build
        self.page_keys: dict[str, str] = {}  # src_uri → render-cache key of every generated page of this build
        self.rebuild = False  # a live-preview rebuild: unchanged pages are left as the last build wrote them
        self.cached: dict[str, Packed] = {}  # src_uri → (HTML, search document, story) from the cache, compressed
        self.stories: dict[str, str] = {}  # exemplar slug → story HTML as rendered, for the feeds
        self.site_name = ""
        self.media = media.Media()
        self.converter: Converter | None = None
        self.files: Files | None = None
        self.lookups: dict[str, Packed | None] = {}  # src_uri → the page from the render cache, looked up early
        self.detached: Detached | None = None
        self.later: set[str] = set()  # src_uri of pages whose story the worker converts (see on_page_context)
        self.searches: dict[str, str] = {}  # src_uri → search document the worker made with the story

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
        self.pages = {page.src_uri: page for page in loaded.site.pages}
        self.site_name = self.site_name or config.site_name
        if loaded.area:  # a sub-site says what it covers in every page's title and header
            config.site_name = f"{self.site_name} · {loaded.area.short}"
        self.cache = self.open_cache(config, loaded.settings)
        self.keys, self.cached, self.page_keys = {}, {}, {}
        self.rebuild = preview.is_rebuild(config.site_dir) and self.cache is not None
        if self.rebuild:  # the 404 page and the sitemap stay as the first build wrote them
            config.theme.static_templates.difference_update({"404.html", "sitemap.xml"})
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
        unchanged, in_nav = 0, preview.nav_sources(config.nav) if self.rebuild else set()
        for page in self.loaded.site.pages:
            if self.rebuild and page.src_uri not in in_nav and self._unchanged(page):
                unchanged += 1  # left out: MkDocs neither renders nor writes it, its file stays as it is
            else:
                files.append(File.generated(config, page.src_uri, content=page.markdown))
        if self.rebuild:
            log.info("guongsang: xem trước — dựng lại %d trang, giữ nguyên %d trang", len(self.pages) - unchanged,
                     unchanged)
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
        self.files, self.later = files, set()
        self.detached = self._detach(config)
        return files

    def _detach(self, config: Any) -> Detached | None:
        """Start converting the stories this build renders in a worker process, when there are enough."""
        assert self.loaded and self.loaded.site
        events = config.plugins.events
        if (not (DETACHED and SHARED_CONVERTER) or self.rebuild or (os.cpu_count() or 1) < 2
                or len(events["page_markdown"]) > 1 or len(events["page_content"]) > 1):
            return None  # another plugin would read a story before it is converted
        jobs = []
        for page in self.loaded.site.pages:
            if page.exemplar is None or not page.markdown or page.kind in UNCACHED_KINDS:
                continue
            if self.cache is not None:
                self.lookups[page.src_uri] = hit = self.cache.get(self._key(page))
                if hit is not None:
                    continue
            search = (document_of, (page.exemplar, templating.image_url(page.exemplar))) if self.indexer else None
            jobs.append((page.src_uri, page.markdown, bool(page.source), search))
        if len(jobs) < DETACHED_FROM:
            return None
        try:
            return Detached(config, jobs)
        except (pickle.PicklingError, TypeError, AttributeError):  # an extension configured with a function
            return None

    def _lookup(self, page: Page) -> Packed | None:
        """The page from the render cache (looked up once per build), or None."""
        assert self.cache is not None
        if page.src_uri in self.lookups:
            return self.lookups.pop(page.src_uri)
        return self.cache.get(self._key(page))

    def _key(self, page: Page) -> str:
        assert self.cache is not None
        if page.src_uri not in self.page_keys:
            self.page_keys[page.src_uri] = self.cache.key(page)
        return self.page_keys[page.src_uri]

    def _unchanged(self, page: Page) -> bool:
        """On a preview rebuild: the page's file already shows exactly this page (kept, and kept in the cache)."""
        if page.kind in UNCACHED_KINDS or preview.STATE.keys.get(page.src_uri) != self._key(page):
            return False
        assert self.cache is not None
        self.cache.used.add(self.page_keys[page.src_uri])
        return True

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

    def on_env(self, env: Any, config: Any, files: Files) -> Any:
        assert self.loaded and self.loaded.site
        templating.install(env, self.loaded.site, self.loaded.settings.today, self.media)
        chrome.install(env)
        skeleton.install(env)
        sprite = icons.install(env, config.theme)
        if files.get_file_from_path(icons.SPRITE_URI) is None:
            files.append(File.generated(config, icons.SPRITE_URI, content=sprite))
        env.globals["gs_search_config"]["scope"] = search_scope(self.loaded.area, self.config.wider_index)
        return env

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Files) -> str:
        """A generated page whose data is unchanged comes from the render cache: skip Markdown and the theme."""
        derived = self.pages.get(page.file.src_uri)
        if derived is None:
            return markdown
        page.meta.update(page_meta(derived))
        if self.cache is not None and derived.kind not in UNCACHED_KINDS:
            key = self._key(derived)
            hit = self._lookup(derived)
            if hit is None:
                self.keys[page.file.src_uri] = key
            else:
                self.cached[page.file.src_uri] = hit
                page.meta["template"] = CACHED_TEMPLATE
                markdown = ""
        uri = page.file.src_uri
        if self.detached is not None and uri in self.detached:
            if markdown and markdown == derived.markdown and uri not in self.cached:
                self.later.add(uri)  # the worker converts it: taken in on_page_context
                page.render = functools.partial(_render_nothing, page)
                return markdown
            self.detached.drop(uri)
        if not markdown:  # most listing pages, and every page served from the cache
            page.render = functools.partial(_render_nothing, page)
        elif SHARED_CONVERTER:
            page.render = functools.partial(self._converter(config).render, page)
        return markdown

    def _converter(self, config: Any) -> Converter:
        if self.converter is None or self.converter.config is not config:
            self.converter = Converter(config)
        return self.converter

    def on_page_context(self, context: dict, page: Any, config: Any, nav: Any) -> dict:
        derived = self.pages.get(page.file.src_uri)
        if page.file.src_uri in self.later:
            self._take_story(page, derived, config)
        context["gs_page"] = derived
        if derived and derived.source and config.repo_url:
            branch = config.extra.get("branch", "main") if config.extra else "main"
            page.edit_url = f"{config.repo_url.rstrip('/')}/edit/{branch}/{derived.source}"
        return context

    def on_page_content(self, html: str, page: Any, config: Any, files: Files) -> str:
        """A record's story is cleaned to the allow-list; hand-written pages pass as they are. Either way the
        result is Markup, so the autoescaping templates print it as HTML."""
        if page.file.src_uri in self.later:
            return html  # nothing yet: the worker's conversion comes in on_page_context
        return self._content(self.pages.get(page.file.src_uri), html)

    def _content(self, derived: Page | None, html: str, cleaned: bool = False) -> Markup:
        html = clean_html(html) if derived and derived.source and not cleaned else html
        if derived and derived.exemplar:
            self.stories[derived.exemplar.slug] = html.strip()  # for the feeds; kept in the render cache too
        return Markup(html)

    def _take_story(self, page: Any, derived: Page | None, config: Any) -> None:
        """A story the worker converted, set on its page just before the page is rendered; one it could not
        convert (links to look up among the site's files) is converted here, as it would have been."""
        self.later.discard(page.file.src_uri)
        converted = self.detached.take(page.file.src_uri) if self.detached else None
        if converted is None:
            assert self.files is not None
            self._converter(config).render(page, config, self.files)
            page.content = self._content(derived, page.content)
        else:
            converted.apply(page)
            page.content = self._content(derived, page.content, cleaned=True)
            if converted.also is not None:
                self.searches[page.file.src_uri] = converted.also

    def on_pre_build(self, config: Any) -> None:
        if self.config.search and not self.rebuild:
            self.indexer = Indexer(cache=self.kept_in(), salt=self.cache.salt if self.cache else "").start()

    def on_post_template(self, output_content: str, template_name: str, config: Any) -> str:
        return csp.seal(output_content)  # 404.html

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        uri = page.file.src_uri
        if uri in self.cached:  # already sealed when it was cached
            output, search, story = unpack(self.cached.pop(uri))
            derived = self.pages.get(uri)
            if derived and derived.exemplar and story:
                self.stories[derived.exemplar.slug] = story
        else:
            output = csp.seal(output)
            derived = self.pages.get(uri)
            search = self.searches.pop(uri, None)
            if search is None:
                search = search_document(derived, page.content) if derived else ""
            if self.cache and uri in self.keys:
                story = self.stories.get(derived.exemplar.slug, "") if derived and derived.exemplar else ""
                self.cache.put(self.keys.pop(uri), output, search, story)
        if self.indexer and search:
            self.indexer.add(f"/{page.url}", search)
        return output

    def _story(self, exemplar: Any, config: Any) -> str:
        if exemplar.slug not in self.stories:  # a page MkDocs did not render in this build
            import markdown

            self.stories[exemplar.slug] = clean_html(markdown.markdown(
                exemplar.body, extensions=config.markdown_extensions, extension_configs=config.mdx_configs))
        return self.stories[exemplar.slug]

    def on_post_build(self, config: Any) -> None:
        assert self.loaded and self.loaded.site
        self._let_go_of_detached()  # every story was taken; the worker has ended
        site_url = config.site_url or ""
        ctx = FeedContext(self.site_name, site_url if site_url.endswith("/") or not site_url else f"{site_url}/",
                          self.loaded.settings.today, lambda e: self._story(e, config), self.loaded.site.scope,
                          self.media.published)
        log.info("guongsang: %d social cards", self.media.finish(Path(config.site_dir), only_newer=self.rebuild))
        if self.indexer and not self.index_later:  # before the feeds: Pagefind's peak then meets a smaller build
            close_index(self.take_indexer(), Path(config.site_dir))
        if not self.rebuild:  # a preview rebuild keeps the first build's feeds, embeds and open data
            outputs = write_outputs(self.loaded.site, ctx, Path(config.theme.custom_dir), Path(config.site_dir),
                                    write=_write_file)
            log.info("guongsang: %d feed files, %d embeds, %d open-data files", outputs.feeds,
                     len(outputs.embeds), len(outputs.data))
        if self.cache:
            log.info("Render cache: %d of %d generated pages reused", self.cache.hits, len(self.pages))
            self.cache.commit()
            self.cache.close()
            self.cache = None
        preview.remember(self.page_keys)

    def release(self) -> None:
        """Let go of the records, the site model and the pages of the build just finished (the plugin may
        outlive it: MkDocs' configuration holds it)."""
        self.loaded = self.preloaded = None
        self.pages, self.cached, self.stories, self.keys, self.page_keys = {}, {}, {}, {}, {}
        self.media, self.converter = media.Media(), None
        self._let_go_of_detached()

    def _let_go_of_detached(self) -> None:
        if self.detached is not None:
            self.detached.close()
        self.detached, self.later, self.lookups, self.files = None, set(), {}, None
        self.searches = {}

    def take_indexer(self) -> Indexer | None:
        """The search indexer, now the caller's to close (:func:`close_index`)."""
        indexer, self.indexer = self.indexer, None
        return indexer

    def on_build_error(self, error: Exception) -> None:
        self.media.abandon()
        self._let_go_of_detached()
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
