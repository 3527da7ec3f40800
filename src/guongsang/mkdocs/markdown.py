"""Markdown of the generated pages, through one converter per build instead of one per page.

MkDocs' ``Page.render`` builds a new ``markdown.Markdown`` for every page, setting up every configured
extension again: about 0.6 ms a page, 6 s of a 10,000-record build. :class:`Converter` keeps one, resets it
between pages (as Python-Markdown asks), and registers MkDocs' own per-page processors afresh — anchors,
relative links, raw-HTML ids, the title — so a page converts exactly as ``Page.render`` converts it (a test
builds the sample site both ways and compares every page). Hand-written pages keep MkDocs' own render.

:class:`Detached` goes further for the records' stories: a worker process converts them while the build
prepares and renders its other pages, since the build's own process is what its time waits on and the
second core sits half idle once the cards are drawn. A story is converted there exactly as here, but for
MkDocs' relative-link step, which needs the site's files: a story whose links all stay as written
(addresses with a scheme, e-mail, anchors on the page itself) comes back converted, and any other comes back
as ``None`` and is converted here, where MkDocs can look its links up and warn about them.
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Callable
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import markdown
from markdown.util import AMP_SUBSTITUTE
from mkdocs.structure.files import Files
from mkdocs.structure.pages import (
    Page,
    _ExtractAnchorsTreeprocessor,
    _ExtractTitleTreeprocessor,
    _RawHTMLPreprocessor,
    _RelativePathTreeprocessor,
)
from mkdocs.structure.toc import get_toc

from ..filecache import process_pool
from ..model.sanitize import clean_html

log = logging.getLogger("mkdocs.structure.pages")  # whose level decides, as in Page.render, if links are kept


class Converter:
    """``Page.render`` for many pages of one configuration with one ``markdown.Markdown``."""

    def __init__(self, config: Any) -> None:
        self.config = config
        self.md = markdown.Markdown(extensions=config["markdown_extensions"],
                                    extension_configs=config["mdx_configs"] or {})

    def render(self, page: Page, config: Any, files: Files) -> None:
        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = self.md.reset()
        relative = _RelativePathTreeprocessor(page.file, files, config)
        steps = _PageSteps(md, relative)
        page.content = md.convert(page.markdown)
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = steps.title.title
        page.present_anchor_ids = steps.anchor_ids()
        if log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative.links_to_anchors


class _PageSteps:
    """MkDocs' per-page processors, registered afresh on a reset converter: raw-HTML ids, anchors, the given
    link step, the title (in ``Page.render``'s order, under its names)."""

    def __init__(self, md: markdown.Markdown, links: Any) -> None:
        self.raw_html = _RawHTMLPreprocessor()
        self.raw_html._register(md)
        self.anchors = _ExtractAnchorsTreeprocessor(None, None, None)  # type: ignore[arg-type]  # unused by it
        self.anchors._register(md)
        links._register(md)
        self.title = _ExtractTitleTreeprocessor()
        self.title._register(md)

    def anchor_ids(self) -> set[str]:
        return self.anchors.present_anchor_ids | self.raw_html.present_anchor_ids


class Converted(NamedTuple):
    """What ``Page.render`` sets, as a worker returns it: plain data, the page's own anchors by name."""

    content: str  # cleaned to the allow-list when asked (as ``on_page_content`` cleans a record's story)
    toc_tokens: list[dict[str, Any]]
    title: str | None
    anchor_ids: set[str]
    self_links: dict[str, str]  # anchor → link, for links to an anchor of the page itself
    also: Any = None  # what the job's ``also`` function made of the content (the page's search document)

    def apply(self, page: Page) -> None:
        """Set on ``page`` what :meth:`Converter.render` would have set."""
        page.content = self.content
        page.toc = get_toc(self.toc_tokens)
        page._title_from_render = self.title
        page.present_anchor_ids = set(self.anchor_ids)
        if log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = {page.file: dict(self.self_links)} if self.self_links else {}


class _LinksAsWritten(markdown.treeprocessors.Treeprocessor):
    """MkDocs' relative-link step (``_RelativePathTreeprocessor.path_to_url``) for the links it leaves as
    written; any other link marks the page as one to convert in the build's own process."""

    def __init__(self) -> None:
        super().__init__()
        self.self_links: dict[str, str] = {}
        self.needs_site = False

    def run(self, root: Any) -> None:
        for element in root.iter():
            key = "href" if element.tag == "a" else "src" if element.tag == "img" else None
            if key is None:
                continue
            url = element.get(key)
            scheme, netloc, path, _query, anchor = urlsplit(url)
            if scheme or netloc:
                continue
            if url.startswith(("/", "\\")) or (AMP_SUBSTITUTE not in url and path):
                self.needs_site = True  # an absolute or relative path: looked up among the site's files
            elif AMP_SUBSTITUTE not in url and anchor:
                self.self_links.setdefault(anchor, url)

    def _register(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(self, "relpath", 0)  # MkDocs' name and place for its link step


_WORKER: tuple[str, markdown.Markdown] | None = None  # a worker's converter, for the configuration it was made for


def _converter_for(setup: tuple[list[Any], dict[str, Any]]) -> markdown.Markdown:
    global _WORKER
    key = repr(setup)
    if _WORKER is None or _WORKER[0] != key:
        _WORKER = (key, markdown.Markdown(extensions=setup[0], extension_configs=setup[1]))
    return _WORKER[1]


Also = tuple[Callable[..., Any], tuple[Any, ...]] | None  # a function and its first arguments; the content last


def convert(md: markdown.Markdown, text: str, clean: bool, also: Also = None) -> Converted | None:
    """``text`` converted as :meth:`Converter.render` converts a page, or None if it has links to look up
    among the site's files, or fails (the build then converts it, and reports what failed). ``also`` is
    called with the (cleaned) content, for work that follows from it alone."""
    try:
        md.reset()
        links = _LinksAsWritten()
        steps = _PageSteps(md, links)
        content = md.convert(text)
    except Exception:  # converted again in the build, which reports it
        return None
    if links.needs_site:
        return None
    content = clean_html(content) if clean else content
    try:
        made = also[0](*also[1], content) if also else None
    except Exception:  # made again in the build, which reports it
        made = None
    return Converted(content, getattr(md, "toc_tokens", []), steps.title.title, steps.anchor_ids(),
                     links.self_links, made)


def _convert_all(setup: tuple[list[Any], dict[str, Any]], jobs: list[tuple[str, bool, Also]]) -> list[Converted | None]:
    md = _converter_for(setup)
    return [convert(md, text, clean, also) for text, clean, also in jobs]


class Detached:
    """Pages' Markdown converted in a worker process, in order, while the build goes on.

    ``jobs`` are (page URI, Markdown, clean, also); :meth:`take` returns a page's conversion (waiting if the
    worker has not reached it yet) or None when the build must convert it itself."""

    CHUNK = 32

    def __init__(self, config: Any, jobs: list[tuple[str, str, bool, Also]]) -> None:
        setup = (list(config["markdown_extensions"]), dict(config["mdx_configs"] or {}))
        pickle.dumps(setup)  # an extension configured with a function cannot travel: the caller converts here
        self._pool = process_pool(1, name="gs-markdown")
        self._futures: list[Any] = []
        self._left: list[int] = []
        self._where: dict[str, tuple[int, int]] = {}
        for start in range(0, len(jobs), self.CHUNK):
            chunk = jobs[start:start + self.CHUNK]
            for position, (uri, *_) in enumerate(chunk):
                self._where[uri] = (len(self._futures), position)
            self._left.append(len(chunk))
            self._futures.append(self._pool.submit(_convert_all, setup, [job[1:] for job in chunk]))

    def __contains__(self, uri: str) -> bool:
        return uri in self._where

    def take(self, uri: str) -> Converted | None:
        index, position = self._where.pop(uri)
        future = self._futures[index]
        try:
            found = future.result()[position] if future is not None else None
        except Exception:  # a worker lost: the build converts its pages itself
            found = None
        self._taken(index)
        return found

    def drop(self, uri: str) -> None:
        """The build converts this page itself (without waiting for the worker's conversion)."""
        if uri in self._where:
            self._taken(self._where.pop(uri)[0])

    def _taken(self, index: int) -> None:
        self._left[index] -= 1
        if not self._left[index]:
            self._futures[index] = None  # its pages are taken: let go of their HTML
        if not self._where:
            self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
