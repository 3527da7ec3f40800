"""The site's sections and a page's place among them: tabs, drawer, current section and breadcrumb.

Read from the ``nav`` of mkdocs.yml (the one list of sections, for hand-written and generated pages alike),
so the header every page shows is the same whichever renderer drew it. A page belongs to the section whose
address (or one of whose entries' addresses) is the longest prefix of its own.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

HOME_TITLE = "Trang chủ"


@dataclass(frozen=True)
class Link:
    title: str
    url: str  # site-relative: "" for the home page, "guong/" for a section


@dataclass(frozen=True)
class Section:
    title: str
    url: str
    children: tuple[Link, ...] = ()

    def links(self) -> tuple[Link, ...]:
        return (Link(self.title, self.url), *self.children)


@dataclass(frozen=True)
class Navigation:
    sections: tuple[Section, ...]
    titles: Mapping[str, str] = field(default_factory=dict)  # URL → title of the pages crumbs may name

    def current(self, url: str) -> Section | None:
        """The section the page at ``url`` belongs to, or None (the search page, a notice)."""
        best, length = None, -1
        for section in self.sections:
            for link in section.links():
                matches = url == link.url if not link.url else url.startswith(link.url)
                if matches and len(link.url) > length:
                    best, length = section, len(link.url)
        return best

    def crumbs(self, url: str, title: str) -> list[Link]:
        """Home, the section, the entry within it, then every folder above the page that is a page: the page
        itself last (its address included, for the structured data)."""
        if not url:
            return []
        trail: list[str] = []
        section = self.current(url)
        if section is not None:
            trail.append(section.url)
            trail += [c.url for c in section.children if url.startswith(c.url)][:1]
        parts = url.rstrip("/").split("/")
        trail += ["/".join(parts[:n]) + "/" for n in range(1, len(parts))]
        seen: set[str] = {"", url}
        links = [Link(HOME_TITLE, "")]
        for step in trail:
            if step not in seen and step in self.titles:
                seen.add(step)
                links.append(Link(self.titles[step], step))
        return [*links, Link(title, url)]


def page_url(path: str) -> str:
    """``guong/index.md`` → ``guong/``, ``gioi-thieu/de-xuat.md`` → ``gioi-thieu/de-xuat/``, ``index.md`` → ``""``;
    an address that is not a Markdown file is kept as written."""
    if not path.endswith(".md"):
        return path
    stem = path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return f"{stem}/"


def _entry(item: Any) -> tuple[str | None, Any]:
    if isinstance(item, Mapping) and len(item) == 1:
        return next(iter(item.items()))
    return None, item


def from_config(nav: Iterable[Any], titles: Mapping[str, str]) -> Navigation:
    """The sections of mkdocs.yml's ``nav``: each top-level entry, its first untitled child as its own page."""
    sections = []
    for item in nav:
        title, value = _entry(item)
        if isinstance(value, str):
            sections.append(Section(title or titles.get(page_url(value), value), page_url(value)))
            continue
        url, children = "", []
        for child in value or []:
            child_title, child_value = _entry(child)
            if not isinstance(child_value, str):
                continue
            if child_title is None and not url:
                url = page_url(child_value)
            else:
                children.append(Link(child_title or titles.get(page_url(child_value), child_value),
                                     page_url(child_value)))
        sections.append(Section(title or url, url, tuple(children)))
    known = {**titles, **{s.url: s.title for s in sections}, **{c.url: c.title for s in sections for c in s.children}}
    return Navigation(tuple(sections), known)


def nav_sources(nav: Iterable[Any]) -> list[str]:
    """Every Markdown file ``nav`` names."""
    found = []
    for item in nav:
        _, value = _entry(item)
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, list):
            found += nav_sources(value)
    return found


def without(nav: list[Any], sources: set[str]) -> list[Any]:
    """``nav`` without the entries for ``sources`` (the generated pages MkDocs does not render)."""
    kept: list[Any] = []
    for item in nav:
        title, value = _entry(item)
        if isinstance(value, str):
            if value not in sources:
                kept.append(item)
        elif isinstance(value, list):
            inner = without(value, sources)
            if inner:
                kept.append({title: inner} if title is not None else inner)
    return kept


def breadcrumb_json(crumbs: list[Link], site_url: str) -> Markup:
    """The crumbs as schema.org ``BreadcrumbList`` JSON-LD (a data block: never run, no CSP hash needed)."""
    items: list[dict[str, Any]] = [{"@type": "ListItem", "position": n, "name": link.title,
                                    "item": f"{site_url}{link.url}"} for n, link in enumerate(crumbs, 1)]
    del items[-1]["item"]  # the page itself: its address is the page's own
    text = json.dumps({"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items},
                      ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c"))
