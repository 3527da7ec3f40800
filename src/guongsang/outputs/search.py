"""Search: the document Pagefind indexes for each exemplar (metadata, filters, weighted tokens) and the indexer.

The indexed document is built from the model, not scraped from the themed page: its text is the page's words
as tokens (:mod:`.search_words`: folded, exact, and syllable pairs of both) and the search page makes the same
tokens from the reader's query, so "duc", "Đức" and "ĐỨC" all find "Đức" while "Đức" puts the exact "Đức"
first. Results show only the metadata (name, summary, image, locality).

Indexing runs alongside rendering: :class:`Indexer` owns a Pagefind service in a background thread and pages
are handed to it as they are written, so the Rust indexer works on one core while MkDocs renders on another.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import gzip
import hashlib
import json
import os
import re
import shutil
import threading
import time
from collections.abc import Coroutine
from concurrent.futures import Future
from html import escape, unescape
from pathlib import Path
from typing import Any

from ..filecache import publish_file
from ..model.contests import ContestEntry
from ..model.records import Exemplar
from ..model.text import collation_key
from .search_words import ALL_TOKEN, ENTRY_TOKEN, bag

# Filter keys (in the URL of a shared search) and their Vietnamese labels, in the order the UI shows them.
FILTERS: dict[str, str] = {
    "loai": "Loại",
    "doi-tuong": "Đối tượng",
    "phong-trao": "Phong trào",
    "linh-vuc": "Lĩnh vực",
    "tinh": "Tỉnh, thành phố",
    "phuong-xa": "Phường, xã",
    "quan-huyen-cu": "Quận, huyện (trước 2025)",
    "nam": "Năm",
    "hinh-thuc": "Hình thức khen thưởng",
    "cap-khen": "Cấp khen thưởng",
}
# "Newest first" (sap-xep=moi-nhat) searches year by year with this filter. Pagefind's own sort index
# (data-pagefind-sort) would sit in the metadata every first query loads (20 KB at 10,000 records).
SORT_YEAR = "nam"
INDEX_DIR = "pagefind"
# The "loai" facet: what kind of page a result is.
EXEMPLAR_TYPE, ENTRY_TYPE = "Gương điển hình", "Bài dự thi"
# Pagefind's chunk size, in postings (its default is 20,000): smaller chunks mean a query fetches little
# beyond the postings of its own words. Set through Pagefind's (unstable) environment variable.
CHUNK_SIZE = 2000
CHUNK_SIZE_VARIABLE = "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE"
# Pagefind's binary allocates with jemalloc, set through this variable. Its peak memory comes while it builds
# the index in write_files; one arena and freed pages handed back at once lower that peak by 17 % at 10,000
# pages (1,647 → 1,372 MB, measured). Thread caches for the smallest size classes only (up to 16 bytes) keep
# that peak and take a quarter off Pagefind's CPU (user time 20.4 → 15.2 s, 27.2 → 23.5 s from the first page
# to the written bundle, 10,000 pages); caching larger classes, or all, costs 40–70 MB more at the peak for
# little more speed. The bundle is byte-identical under every setting.
MALLOC_CONF_VARIABLE = "_RJEM_MALLOC_CONF"
MALLOC_CONF = "narenas:1,tcache_max:16,dirty_decay_ms:0,muzzy_decay_ms:0"
BATCH = 32  # pages handed to the indexer's event loop at a time

def filters(exemplar: Exemplar) -> dict[str, list[str]]:
    """The facet values of one exemplar, keyed as in :data:`FILTERS`."""
    loc = exemplar.locality
    values = {
        "loai": [EXEMPLAR_TYPE],
        "doi-tuong": [exemplar.kind.label],
        "phong-trao": [m.label for m in exemplar.movements],
        "linh-vuc": [exemplar.field.label],
        "tinh": [loc.province.name],
        "phuong-xa": [w.name for w in loc.wards],
        "quan-huyen-cu": [f"{loc.legacy_district.name}, {loc.legacy_province.name}"]
        if loc.legacy_district and loc.legacy_province else [],
        "nam": [str(exemplar.year)],
        "hinh-thuc": sorted({a.form.label for a in exemplar.awards}, key=collation_key),
        "cap-khen": sorted({a.level.label for a in exemplar.awards}, key=collation_key),
    }
    return {key: list(dict.fromkeys(v)) for key, v in values.items() if v}


def locality_line(exemplar: Exemplar) -> str:
    """"Phường Khương Đình, Thành phố Hà Nội" — how a search result names the place."""
    return exemplar.locality.current_label


_TAG = re.compile(r"<[^>]+>")


def _span(attr: str, name: str, value: str) -> str:
    return f'<span {attr}="{escape(name)}">{escape(value)}</span>'


# Pagefind weights of a page's sections, as readers mean them: name > place > title and summary >
# achievements (and the other record fields) > story.
WEIGHTS = {"name": 10.0, "place": 7.0, "title": 4.0, "details": 2.0, "story": 1.0}


def document(exemplar: Exemplar, story_html: str, image: str = "") -> str:
    """The page Pagefind indexes for an exemplar, built from the model rather than scraped from the theme.

    Results show only its metadata (name, story title, summary, place, kind, year, image). Its text is the
    tokens of :mod:`.search_words` (folded and exact words, folded and exact syllable pairs), each once per
    page, in sections weighted by :data:`WEIGHTS`: the name; the places (current ward and province, the
    place as written, the legacy ward and district); the title and summary (no exact words alone: those are
    the name's and places'); the achievements, unit and tags (likewise), then the movements, field and awards
    (catalogue labels shared by thousands of pages: their folded words only); the story (its folded words
    only).

    Why once, and why ASCII tokens: Pagefind sizes its index chunks by the postings of a word's exact form
    only, not of its diacritic variants: with Vietnamese text left as written, every "văn", "vân", "vạn"
    lands in one unbounded chunk that a first query must fetch (880 KB for "nguyen van hung" at 10,000
    records). ASCII tokens, one location per page, keep every chunk near :data:`CHUNK_SIZE`.
    """
    e = exemplar
    loc = e.locality
    meta = {"title": e.name, "story": e.title, "summary": e.summary, "place": locality_line(e),
            "kind": e.kind.label, "year": str(e.year)}
    if image and e.image:
        meta |= {"image": image, "image_alt": e.image.alt}
    seen: set[str] = set()
    sections = {
        "name": bag(e.name, seen=seen),
        "place": bag(locality_line(e), loc.written, loc.legacy_label, seen=seen),
        "title": bag(e.title, e.summary, seen=seen, words=False),
        "details": " ".join([bag(*e.achievements, e.unit, *e.tags, seen=seen, words=False),
                             bag(*(m.label for m in e.movements), e.field.label, *(a.form.label for a in e.awards),
                                 seen=seen, full=False)]).strip(),
        "story": bag(unescape(_TAG.sub(" ", story_html)), seen=seen, full=False),
    }
    return _assemble(meta, filters(e), sections)


def document_of(exemplar: Exemplar, image: str, story_html: str) -> str:
    """:func:`document` with the story last, for a worker that makes it once it has converted the story."""
    return document(exemplar, story_html, image)


def entry_document(entry: ContestEntry, contest_title: str, year: int, story_html: str,
                   about: tuple[str, ...] = ()) -> str:
    """The page Pagefind indexes for a published contest entry, in the same shape as :func:`document`:
    its title and summary, then its author, unit and the names of the exemplars it is about, then the
    contest and the text — weighted below an exemplar's name and place, so a name finds the exemplar first.
    Results show the title, the contest as the place, "Bài dự thi" as the kind, and the contest's year."""
    meta = {"title": entry.title, "summary": entry.summary or f"{entry.author} — {entry.unit.name}",
            "place": contest_title, "kind": ENTRY_TYPE, "year": str(year)}
    seen: set[str] = set()
    sections = {
        "title": bag(entry.title, entry.summary, seen=seen, words=False),
        "details": bag(entry.author, entry.unit.name, *about, seen=seen, words=False),
        "story": f'{bag(contest_title, unescape(_TAG.sub(" ", story_html)), seen=seen, full=False)} {ENTRY_TOKEN}',
    }
    return _assemble(meta, {"loai": [ENTRY_TYPE], "nam": [str(year)]}, sections)


def _assemble(meta: dict[str, str], facets: dict[str, list[str]], sections: dict[str, str]) -> str:
    hidden = [_span("data-pagefind-meta", k, v) for k, v in meta.items()]
    hidden += [_span("data-pagefind-filter", k, v) for k, values in facets.items() for v in values]
    text = "".join(f'<p data-pagefind-weight="{WEIGHTS[k]:g}">{v}</p>' for k, v in sections.items() if v)
    text += f"<p>{ALL_TOKEN}</p>"
    return (f'<!doctype html><html lang="vi"><body><main data-pagefind-body>'
            f'<div data-pagefind-ignore>{"".join(hidden)}</div>{text}</main></body></html>')


SIGNATURE = b"pagefind_dcd"  # what every Pagefind data file starts with, once decompressed


def _read_pf(path: Path) -> Any:
    import cbor2

    raw = gzip.decompress(path.read_bytes())
    return cbor2.loads(raw[len(SIGNATURE):])


def _write_pf(folder: Path, prefix: str, lang: str, suffix: str, data: Any, digits: int) -> str:
    """Write a Pagefind data file named by a hash of its content; returns the hash part of the name."""
    import cbor2

    payload = SIGNATURE + cbor2.dumps(data)
    digest = f"{lang}_{hashlib.sha256(payload).hexdigest()[:digits]}"
    (folder / f"{prefix}{digest}{suffix}").write_bytes(gzip.compress(payload, mtime=0))
    return digest


def stabilise(bundle: Path) -> None:
    """Make Pagefind's filter files and metadata byte-identical from one build to the next.

    Pagefind writes filter values and the list of filters in hash-map order, which changes between runs
    (known upstream: its fragments are stable, its filter and metadata files are not). Sorting them and
    renaming the files by a hash of their content gives the same bundle for the same pages.
    """
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for lang, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _read_pf(meta_path)
        filters = []
        for name, digest in meta[3]:
            old = bundle / "filter" / f"{digest}.pf_filter"
            filter_name, values = _read_pf(old)
            old.unlink()
            data = [filter_name, sorted(values, key=lambda v: v[0])]
            filters.append([name, _write_pf(bundle / "filter", "", lang, ".pf_filter", data, 7)])
        meta[3] = sorted(filters)
        meta_path.unlink()
        info["hash"] = _write_pf(bundle, "pagefind.", lang, ".pf_meta", meta, 10)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


class _NoPollDelay:
    """``asyncio`` as seen by ``pagefind.service``, minus the 0.1 s sleep before each read of a response.

    The Python service waits 0.1 s before reading every response, which caps indexing at ten pages a second
    (200 s for 2,000 pages); the read it sleeps before already waits for data, so the sleep adds nothing.
    """

    def __getattr__(self, name: str) -> Any:
        return getattr(asyncio, name)

    @staticmethod
    async def sleep(delay: float, result: Any = None) -> Any:
        return await asyncio.sleep(0, result)


def _patch_pagefind_polling() -> None:
    import pagefind.service

    if not isinstance(pagefind.service.asyncio, _NoPollDelay):
        pagefind.service.asyncio = _NoPollDelay()  # type: ignore[assignment]


def _return_free_memory() -> None:
    """Hand the memory this process has freed back to the system before Pagefind's peak (where the C library
    allows it: glibc's ``malloc_trim``). Pages rendered and written leave the heap fragmented; at 10,000
    pages this returned about 100 MB of the build's 711."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


class Indexer:
    """A Pagefind index fed page by page from a background event loop; ``close`` writes the bundle.

    With a ``cache`` folder, the finished bundle is kept there under the hash of everything it was made from
    (``salt`` and every page's URL and document, in order); a later build that feeds the very same pages
    publishes the kept bundle instead of waiting for Pagefind to write it again. Such a build does not start
    Pagefind at all: while its pages are those the kept bundle was made from, one by one, they are only held;
    the first page that differs starts the service and hands it the held pages, in order, before itself."""

    def __init__(self, language: str = "vi", cache: Path | None = None, salt: str = "",
                 chunk_size: int = CHUNK_SIZE) -> None:
        self._config = {"force_language": language, "root_selector": "html", "keep_index_url": False}
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="pagefind", daemon=True)
        self._pending: list[Future[Any]] = []
        self._batch: list[tuple[str, str]] = []
        self._count = 0
        self._index: Any = None
        self._cache = cache
        self.reused = False  # set by close: the bundle came from the cache
        self._chunk_size = chunk_size
        self._digest = hashlib.sha256(f"{salt}\0{chunk_size}\0{sorted(self._config.items())}\0".encode())
        self._pages: list[str] = []  # each page's own digest, in order: kept with the bundle
        self._urls: list[str] = []  # and its URL (a pull request's build compares pages by URL: search_delta)
        self._expected = _kept_pages(cache)  # the kept bundle's, or None: then every page goes to Pagefind
        self._held: list[tuple[str, str]] | None = [] if self._expected else None

    def _submit(self, coro: Coroutine[Any, Any, Any]) -> Future[Any]:
        return asyncio.run_coroutine_threadsafe(coro, self._loop)

    def start(self) -> Indexer:
        """Start Pagefind's service, unless the pages may turn out to be the kept bundle's (then it starts
        with the first page that is not)."""
        if self._held is None:
            self._start_service()
        return self

    def _start_service(self) -> None:
        from pagefind.index import PagefindIndex

        _patch_pagefind_polling()
        os.environ[CHUNK_SIZE_VARIABLE] = str(self._chunk_size)  # read by the service process it starts
        os.environ.setdefault(MALLOC_CONF_VARIABLE, MALLOC_CONF)  # likewise
        self._thread.start()
        self._index = self._submit(PagefindIndex(config=self._config).__aenter__()).result(timeout=120)

    def _release_held(self) -> None:
        """The pages differ from the kept bundle's: start Pagefind and hand it the pages held so far."""
        held, self._held = self._held or [], None
        self._start_service()
        for page in held:
            self._queue(*page)

    def add(self, url: str, html: str) -> None:
        """Queue one rendered page. Pages go to the event loop :data:`BATCH` at a time (handing each over
        on its own cost the build's main thread 3.6 s at 10,000 pages). Requests reach the service's single
        pipe in the order they are added (the loop runs tasks first in, first out, a batch makes its pages'
        tasks in order, and each writes its request before it first waits), so the index is the same from one
        build to the next."""
        self._digest.update(f"{url}\0{html}\0".encode())
        self._pages.append(page_digest(url, html))
        self._urls.append(url)
        self._count += 1
        if self._held is not None:
            position = len(self._pages) - 1
            if self._expected and position < len(self._expected) and self._expected[position] == self._pages[-1]:
                self._held.append((url, html))
                return
            self._release_held()
        self._queue(url, html)

    def _queue(self, url: str, html: str) -> None:
        self._batch.append((url, html))
        if len(self._batch) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        if self._batch:
            batch, self._batch = self._batch, []
            self._pending.append(self._submit(self._add_all(batch)))

    async def _add_all(self, batch: list[tuple[str, str]]) -> None:
        await asyncio.gather(*(self._index.add_html_file(content=html, url=url) for url, html in batch))

    def close(self, site_dir: Path) -> int:
        """Wait for every page, write the bundle into ``site_dir/pagefind`` and stop; returns pages indexed."""
        return self.close_into(site_dir / INDEX_DIR)

    def close_into(self, out: Path) -> int:
        """Wait for every page, write the bundle into the folder ``out`` and stop; returns pages indexed.

        Pagefind can answer "written" before its last writes have reached the disk (its async file writes
        are completed by its runtime afterwards), so the bundle is waited for until it is complete and still
        before the service is stopped.
        """
        kept = self._cache / INDEX_DIR / self._digest.hexdigest() if self._cache else None
        if kept is not None and (kept / "pagefind-entry.json").is_file():
            self.abort()
            shutil.copytree(kept, out, copy_function=publish_file)
            self.reused = True
            return self._count
        if self._held is not None:  # the pages were the kept bundle's, but fewer
            self._release_held()
        try:
            self._flush()
            for future in self._pending:
                future.result(timeout=600)
            _return_free_memory()
            self._submit(self._index.write_files(output_path=str(out))).result(timeout=600)
            _wait_until_complete(out)
            self._submit(_exit_when_done(self._index._service)).result(timeout=120)
            self._index = None
            stabilise(out)
            if kept is not None:
                _keep(out, kept)
                kept.with_suffix(URLS_SUFFIX).write_text("\n".join(self._urls), encoding="utf-8")
                kept.with_suffix(PAGES_SUFFIX).write_text("\n".join(self._pages), encoding="utf-8")
            return self._count
        finally:
            self.abort()

    def abort(self) -> None:
        """Stop the service without writing anything (a failed build), or let go of the pages held."""
        self._held = None
        if self._index is not None and self._index._service is not None:
            self._submit(self._index._service.close()).result(timeout=60)
            self._index = None
        if self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)


PAGES_SUFFIX = ".pages"  # beside a kept bundle: the digest of each page it was made from, in order
URLS_SUFFIX = ".urls"  # and the URL of each


def page_digest(url: str, html: str) -> str:
    """What a kept bundle remembers of each page it was made from."""
    return hashlib.sha256(f"{url}\0{html}\0".encode()).hexdigest()


def kept_bundle(cache: Path) -> tuple[Path, dict[str, str]] | None:
    """The bundle kept in ``cache`` and the digest of each of its pages by URL, or None."""
    for pages in sorted((cache / INDEX_DIR).glob(f"*{PAGES_SUFFIX}")):
        folder, urls = pages.with_suffix(""), pages.with_suffix(URLS_SUFFIX)
        if (folder / "pagefind-entry.json").is_file() and urls.is_file():
            digests = pages.read_text(encoding="utf-8").split("\n")
            by_url = dict(zip(urls.read_text(encoding="utf-8").split("\n"), digests, strict=True))
            return folder, by_url
    return None


def _kept_pages(cache: Path | None) -> list[str] | None:
    """The page digests of the bundle kept in ``cache``, or None."""
    if cache is None:
        return None
    for pages in sorted((cache / INDEX_DIR).glob(f"*{PAGES_SUFFIX}")):
        if (pages.with_suffix("") / "pagefind-entry.json").is_file():
            return pages.read_text(encoding="utf-8").split("\n")
    return None


def _keep(bundle: Path, kept: Path) -> None:
    """Keep a copy of ``bundle`` at ``kept``, replacing whatever bundle was kept before (one is enough).

    Builds sharing a cache may keep at once: each copies into a partial folder of its own and renames it; a
    partial left by a killed build is removed once it is an hour old."""
    for old in kept.parent.glob("*"):
        if old.name.startswith("."):
            if time.time() - old.stat().st_mtime > 3600:
                shutil.rmtree(old, ignore_errors=True)
        elif old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
        else:
            old.unlink(missing_ok=True)
    partial = kept.with_name(f".{kept.name}.{os.getpid()}.partial")
    shutil.copytree(bundle, partial, copy_function=publish_file)
    try:
        partial.rename(kept)
    except OSError:  # another build kept the same bundle first
        shutil.rmtree(partial, ignore_errors=True)


def _bundle_state(bundle: Path) -> tuple[tuple[str, int], ...] | None:
    """Names and sizes of the bundle's files, or None while its entry file is not yet valid JSON."""
    try:
        json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return tuple(sorted((str(p), p.stat().st_size) for p in bundle.rglob("*") if p.is_file()))


def _wait_until_complete(bundle: Path, timeout: float = 60.0) -> None:
    """Wait until the bundle's entry file parses and no file has changed size for a moment."""
    deadline = time.monotonic() + timeout
    previous = None
    while time.monotonic() < deadline:
        state = _bundle_state(bundle)
        if state is not None and state == previous and all(size for _, size in state):
            return
        previous = state
        time.sleep(0.1)
    raise RuntimeError(f"Pagefind did not finish writing {bundle} within {timeout:.0f} s")


async def _exit_when_done(service: Any) -> None:
    """End a Pagefind service by closing its input, and wait until the process has exited on its own."""
    service._poll_task.cancel()
    service._backend.stdin.close()
    await service._backend.wait()
