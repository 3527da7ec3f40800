"""Generated pages rendered by worker processes on every core and written straight into the site folder.

The build's process decides what to render (pages whose HTML the render cache holds are written from it) and
hands the rest to the workers in chunks; each worker renders its pages with its own :class:`Renderer`,
writes them and returns, per page, its HTML, search document and story compressed (for the cache, the
search index and the feeds). A page's bytes depend on its own data only: the output is the same whichever
worker drew it, and the same as rendered in one process (:data:`INLINE_BELOW` pages or fewer).
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from ..filecache import process_pool
from ..outputs.media import Media
from ..site.derive import Page, Site
from .cache import Packed, RenderCache, pack, texts, unpack
from .frame import Frame, Renderer

INLINE_BELOW = 400  # fewer pages than this render in the build's process: starting workers costs more
CHUNK = 48  # pages a worker renders per task


def write_page(site_dir: Path, url: str, html: str | bytes) -> None:
    """The page at ``url`` as ``url/index.html`` (``404.html``-style addresses as they are)."""
    target = site_dir / (url if url.endswith(".html") else f"{url}index.html")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(html.encode("utf-8") if isinstance(html, str) else html)


_WORKER: tuple[Renderer, Site, Path] | None = None


def _start(frame: Frame, site: Site, today: dt.date, media: Media, site_dir: Path) -> None:
    global _WORKER
    _WORKER = (Renderer(frame, site, today, media), site, site_dir)


def _render_chunk(indexes: list[int]) -> list[tuple[int, Packed]]:
    assert _WORKER is not None
    renderer, site, site_dir = _WORKER
    return [(index, _render_one(renderer, site.pages[index], site_dir)) for index in indexes]


def _render_one(renderer: Renderer, page: Page, site_dir: Path) -> Packed:
    rendered = renderer.render(page)
    write_page(site_dir, page.url, rendered.html)
    return pack(rendered.html, rendered.search, rendered.story)


@dataclass
class Output:
    """What the build keeps of a written page: its search document and story (text), or nothing."""

    page: Page
    search: str
    story: str


def _workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def render_all(site: Site, frame: Frame, today: dt.date, media: Media, site_dir: Path,
               cache: RenderCache | None = None, skip: Callable[[Page], bool] | None = None,
               keys: dict[str, str] | None = None, workers: int | None = None) -> Iterator[Output]:
    """Render and write every generated page of ``site`` (but those ``skip`` leaves as they are), yielding
    each page's output in the site's page order (the search bundle depends on it). A page whose key (``keys``,
    by source URI) is in the render ``cache`` is written from it."""
    keys = keys or {}
    hits: dict[int, Packed] = {}
    todo: list[int] = []
    for index, page in enumerate(site.pages):
        if skip is not None and skip(page):
            continue
        key = keys.get(page.src_uri)
        hit = cache.get(key) if cache is not None and key is not None else None
        if hit is None:
            todo.append(index)
        else:
            hits[index] = hit
    rendered = _render(todo, site, frame, today, media, site_dir, workers)
    for index in sorted([*hits, *todo]):
        page = site.pages[index]
        if index in hits:
            html, search, story = unpack(hits.pop(index))
            write_page(site_dir, page.url, html)
            yield Output(page, search, story)
            continue
        done, packed = next(rendered)
        assert done == index
        key = keys.get(page.src_uri)
        if cache is not None and key is not None:
            cache.put_packed(key, packed)
        search, story = texts(packed)
        yield Output(page, search, story)


UNCACHED_KINDS = {"plan", "plans"}  # few pages showing computed progress (too deep to fingerprint): always rendered


def _render(todo: list[int], site: Site, frame: Frame, today: dt.date, media: Media, site_dir: Path,
            workers: int | None) -> Iterator[tuple[int, Packed]]:
    count = workers if workers is not None else _workers()
    shared = Media(pictures=media.pictures, posters=media.posters)  # what the templates read of it
    if count < 2 or len(todo) < INLINE_BELOW:
        renderer = Renderer(frame, site, today, shared)
        for index in todo:
            yield index, _render_one(renderer, site.pages[index], site_dir)
        return
    pool = process_pool(count, name="gs-render", initializer=_start,
                        initargs=(frame, site, today, shared, site_dir))
    try:
        chunks = [todo[i:i + CHUNK] for i in range(0, len(todo), CHUNK)]
        for done in pool.map(_render_chunk, chunks):
            yield from done
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def sitemap(addresses: list[str]) -> bytes:
    """``sitemap.xml`` listing ``addresses`` in the order given (no dates: a build's date is not a page's)."""
    rows = [f"<url><loc>{escape(loc)}</loc></url>" for loc in addresses]
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            + "\n".join(rows) + "\n</urlset>\n").encode("utf-8")


def write_sitemap(site_dir: Path, pages: list[str]) -> None:
    """``sitemap.xml`` and its gzip copy (no timestamp in the gzip header: builds stay byte-identical)."""
    data = sitemap(pages)
    (site_dir / "sitemap.xml").write_bytes(data)
    with (site_dir / "sitemap.xml.gz").open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0,
                                                                       filename="") as out:
        out.write(data)
