"""The page frame of our own: generated pages rendered from the theme's Jinja templates, without MkDocs.

A generated page (exemplar, listing, locality, taxonomy, contest, plan, column, data page…) extends
``gs-frame.html``: the header, tabs, drawer, breadcrumb and footer every page shares (the same partials
Material's frame includes for the hand-written pages), Material's stylesheet, palette and script linked as
the MkDocs build copied them. :class:`Frame` holds what the frame shows of the site (plain data, so worker
processes can be handed it); :class:`Renderer` turns one derived page into its HTML.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import markdown
from jinja2 import Environment, FileSystemLoader, pass_context
from markupsafe import Markup

from ..model.sanitize import clean_html
from ..outputs.media import Media
from ..outputs.search import document, entry_document
from ..site.contest_views import ContestPage
from ..site.derive import Page, Site
from . import csp, fragments, icons, templating
from .navigation import Navigation, breadcrumb_json
from .urls import page_relative, relative_url

FRAME = "gs-frame.html"


@dataclass(frozen=True)
class Frame:
    """What every generated page shows of the site, from mkdocs.yml and the theme (plain, picklable data)."""

    site_name: str
    site_url: str  # ends with "/" ("" when not set)
    site_description: str
    copyright: str
    extra: dict[str, Any]
    theme: dict[str, Any]  # mkdocs.yml's ``theme``: palette, icons, features
    navigation: Navigation
    template_dirs: tuple[Path, ...]  # the theme folder first, then where Material's icons are
    styles: tuple[str, ...] = ()  # Material's stylesheets (site-relative)
    script: str = ""  # Material's bundle (site-relative)
    repo_url: str = ""  # where editors propose records (the submit page's GitHub route); never in the chrome
    markdown_extensions: tuple[Any, ...] = ()
    markdown_configs: dict[str, Any] = field(default_factory=dict)
    search_scope: Any = None  # what the search page says it searches (a sub-site's area), as the theme reads it


@dataclass
class PageView:
    """What the templates read as ``page`` on a generated page."""

    url: str
    title: str
    canonical_url: str
    abs_url: str
    meta: dict[str, Any]
    content: Markup = field(default_factory=Markup)
    is_homepage: bool = False
    toc: tuple[Any, ...] = ()


@dataclass
class Rendered:
    """A page's HTML and what follows from its content: the search document and the record's story."""

    html: str
    search: str
    story: str


def page_meta(page: Page) -> dict[str, Any]:
    """The metadata the theme reads for a generated page."""
    meta: dict[str, Any] = {"title": page.title, "description": page.description, "template": page.template}
    if page.hidden:
        meta["robots"] = "noindex"  # also keeps the page out of the sitemap
    return meta


@pass_context
def _url(context: Any, value: str) -> str:
    return page_relative(str(value), context["page"].url)


def environment(frame: Frame, site: Site, today: dt.date, media: Media) -> Environment:
    """The theme's templates with the site model, the filters and the frame's globals."""
    # No auto_reload: a Renderer serves one build, so a template need not be checked for edits at each include.
    env = Environment(loader=FileSystemLoader([str(p) for p in frame.template_dirs]), autoescape=True,
                      auto_reload=False)
    fragments.install(env, fragments.FRAME_COMPILED)
    templating.install(env, site, today, media)
    icons.install(env, frame.theme)
    env.filters["url"] = _url
    env.globals["gs_nav"] = frame.navigation
    env.globals["gs_search_config"]["scope"] = frame.search_scope
    return env


def search_document(derived: Page, content: str) -> str:
    """What Pagefind indexes for a generated page: exemplars and published contest entries; "" for the rest."""
    if derived.exemplar:
        return document(derived.exemplar, content, templating.image_url(derived.exemplar))
    if isinstance(derived, ContestPage) and derived.entry and derived.view:
        contest, about = derived.view.contest, tuple(e.name for e in derived.exemplars)
        return entry_document(derived.entry, contest.title, contest.year, content, about)
    return ""


class Renderer:
    """Generated pages to HTML, one at a time, with one Markdown converter and one template environment."""

    def __init__(self, frame: Frame, site: Site, today: dt.date, media: Media) -> None:
        self.frame = frame
        self.env = environment(frame, site, today, media)
        self.md = markdown.Markdown(extensions=list(frame.markdown_extensions),
                                    extension_configs=dict(frame.markdown_configs))
        self.config = {"site_name": frame.site_name, "site_url": frame.site_url, "extra": frame.extra,
                       "site_description": frame.site_description, "copyright": frame.copyright,
                       "theme": frame.theme, "repo_url": frame.repo_url}

    def content(self, derived: Page) -> str:
        """The page's Markdown as HTML; a record's story cleaned to the allow-list."""
        if not derived.markdown:
            return ""
        html = self.md.reset().convert(derived.markdown)
        return clean_html(html) if derived.source else html

    def view(self, derived: Page, content: str) -> PageView:
        site_url = self.frame.site_url
        root = "/" + site_url.split("://", 1)[-1].partition("/")[2] if site_url else "/"
        return PageView(derived.url, derived.title, f"{site_url}{derived.url}" if site_url else "",
                        f"{root}{derived.url}", page_meta(derived), Markup(content))

    def render(self, derived: Page) -> Rendered:
        content = self.content(derived)
        page = self.view(derived, content)
        crumbs = self.frame.navigation.crumbs(derived.url, derived.title)
        context = {"page": page, "gs_page": derived, "config": self.config, "base_url": relative_url("", derived.url),
                   "gs_section": self.frame.navigation.current(derived.url), "gs_crumbs": crumbs,
                   "gs_crumbs_json": breadcrumb_json(crumbs, self.frame.site_url) if crumbs else "",
                   "gs_frame": self.frame}
        html = csp.seal(self.env.get_template(derived.template).render(context))
        return Rendered(html, search_document(derived, content),
                        content.strip() if derived.exemplar else "")
