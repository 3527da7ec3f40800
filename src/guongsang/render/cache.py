"""The render cache: HTML of generated pages (and the documents search indexes) keyed by what they show.

A page's key is a hash of the *salt* — everything every page depends on: the package's code, the theme,
``mkdocs.yml``, the catalogues, hand-written pages (their titles make the nav), the build date, library
versions — and of the page's own data: its :class:`~guongsang.site.derive.Page` fields, the exemplars it shows (all
their fields, image files by size and time) and the terms it links (label, URL, count; not their member
lists). A page whose key is in the cache is not rendered again; any change to what it shows gives a new key.
So everything a template shows must be reachable from its ``Page`` (or be part of the salt).

Stored in one SQLite file under the cache directory (git-ignored, ``.cache/guongsang`` by default). Entries
not used by the last complete build are dropped, so the cache does not grow with history.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import sqlite3
import threading
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from importlib import metadata
from pathlib import Path
from typing import Any, ClassVar

from zlib_ng import zlib_ng

from ..filecache import PACKAGE, tree_digest
from ..model.records import Exemplar, Image
from ..site.derive import Page, Term

SCHEMA = 2
FLUSH_EVERY = 500  # rendered pages held in memory before they are written to the cache
_LIBRARIES = ("mkdocs", "mkdocs-material", "jinja2", "markdown", "pymdown-extensions", "vietnamadminunits", "pillow",
              "pagefind", "nh3")


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def salt(paths: Iterable[Path], *extra: str) -> str:
    """What every page depends on: the given files and folders, library versions and ``extra`` strings."""
    package = PACKAGE
    parts = [str(SCHEMA), tree_digest([package, *paths]), *(f"{n}={_version(n)}" for n in _LIBRARIES), *extra]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


@functools.cache
def _names(kind: type) -> tuple[str, ...]:
    """A dataclass's field names, looked up once per class (a build's keys ask some 13,000 times)."""
    return tuple(f.name for f in dataclasses.fields(kind))


class Fingerprint:
    """Canonical, hashable text for a page's data. Exemplars are hashed once per build — or once per process,
    while the live preview's record memo hands the same (frozen) record objects to each rebuild."""

    _previous: ClassVar[dict[int, tuple[Exemplar, str]]] = {}  # the last complete build's, by object identity

    def __init__(self) -> None:
        self._exemplars: dict[int, tuple[Exemplar, str]] = {}
        self._terms: dict[int, str] = {}

    def keep(self) -> None:
        """Let the next build of this process reuse this one's exemplar hashes (call after a complete build)."""
        Fingerprint._previous = self._exemplars

    @staticmethod
    def forget() -> None:
        """Let go of the exemplars the last build's hashes were kept for."""
        Fingerprint._previous = {}

    def of_page(self, page: Page) -> str:
        return hashlib.sha256(repr(self._canon(page, 0)).encode()).hexdigest()

    def _exemplar(self, exemplar: Exemplar) -> str:
        """An exemplar's fields (its dataclass ``repr``, nested dataclasses included) and its image files."""
        key = id(exemplar)
        if key not in self._exemplars:
            earlier = Fingerprint._previous.get(key)
            if earlier is not None and earlier[0] is exemplar:  # the very object: frozen, so the same data
                self._exemplars[key] = earlier
            else:
                images = [self._canon(image, 1) for image in exemplar.images]
                digest = hashlib.sha256(f"{exemplar!r}{images!r}".encode()).hexdigest()
                self._exemplars[key] = (exemplar, digest)
        return self._exemplars[key][1]

    def _term(self, term: Term) -> str:
        key = id(term)
        if key not in self._terms:
            def brief(t: Term | None) -> tuple | None:
                return (t.section, t.key, t.label, t.url, t.count) if t else None

            # Plain data built in a fixed order (an object would never match), written out once: a term shows on
            # hundreds of pages, whose keys then repr the string instead of walking the tuple each time.
            self._terms[key] = repr(("Term", *brief(term), term.description, repr(term.entry), repr(term.unit),
                                     brief(term.parent), tuple(brief(c) for c in term.children), repr(term.notes)))
        return self._terms[key]

    def _fields(self, obj: Any, depth: int) -> tuple:
        return (type(obj).__name__, *((name, self._canon(getattr(obj, name), depth + 1)) for name in _names(type(obj))))

    def _canon(self, obj: Any, depth: int) -> Any:
        if obj is None or isinstance(obj, str | int | float | bool):
            return obj
        if isinstance(obj, dt.date | Path):
            return str(obj)
        if isinstance(obj, Exemplar):
            return ("Exemplar", self._exemplar(obj))
        if isinstance(obj, Term):
            return self._term(obj)
        if isinstance(obj, Image):
            stat = obj.path.stat() if obj.path.exists() else None
            return (*self._fields(obj, depth), stat.st_size if stat else -1, stat.st_mtime_ns if stat else -1)
        if depth > 8:  # too deep to describe cheaply: never matches, so the page is rendered
            return ("uncacheable", id(obj))
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            return self._fields(obj, depth)
        if isinstance(obj, dict):
            return tuple(sorted((repr(k), self._canon(v, depth + 1)) for k, v in obj.items()))
        if isinstance(obj, list | tuple | set | frozenset):
            items = [self._canon(v, depth + 1) for v in obj]
            return tuple(sorted(items, key=repr)) if isinstance(obj, set | frozenset) else tuple(items)
        # Anything else has no canonical form: a key that never matches (a cache miss, never a stale page).
        return ("uncacheable", id(obj))


Packed = tuple[bytes, bytes, bytes]  # a cached page's HTML, search document and story, compressed


PACK_LEVEL = 2  # zlib-ng: half zlib's time at level 1 (0.16 against 0.30 ms a page), and 4 % smaller


def pack(html: str, search: str, story: str) -> Packed:
    return tuple(zlib_ng.compress(text.encode(), PACK_LEVEL) for text in (html, search, story))  # type: ignore[return-value]


def unpack(packed: Packed) -> tuple[str, str, str]:
    html, search, story = (zlib_ng.decompress(blob).decode() for blob in packed)
    return html, search, story


def texts(packed: Packed) -> tuple[str, str]:
    """The search document and the story of a packed page (its HTML left compressed)."""
    return zlib_ng.decompress(packed[1]).decode(), zlib_ng.decompress(packed[2]).decode()


class RenderCache:
    """Rendered pages by key, in SQLite; ``None`` directory means no cache (every lookup misses)."""

    def __init__(self, directory: Path | None, salt_value: str) -> None:
        self.salt = salt_value
        self.fingerprint = Fingerprint()
        self.used: set[str] = set()
        self.fresh: dict[str, Future[Packed]] = {}
        self.stores: list[Future[None]] = []
        self._lock = threading.Lock()  # the packer thread writes what the main thread may read
        self.hits = 0
        self._db: sqlite3.Connection | None = None
        self._packer: ThreadPoolExecutor | None = None
        if directory is not None:
            # zlib-ng lets go of the GIL: pages are compressed on the other core while the next ones render.
            self._packer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="render-cache")
            directory.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(directory / "pages.sqlite3", isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("CREATE TABLE IF NOT EXISTS pages_v2 (key TEXT PRIMARY KEY, html BLOB, search BLOB, "
                             "story BLOB)")

    def key(self, page: Page) -> str:
        return hashlib.sha256(f"{self.salt}:{page.url}:{self.fingerprint.of_page(page)}".encode()).hexdigest()

    def get(self, key: str) -> Packed | None:
        """The cached HTML, search document and story (the record's rendered Markdown) of a page, compressed
        (:func:`unpack` them when the page is written: MkDocs prepares every page before it writes the first,
        and holding 10,000 pages' HTML as text from one step to the other took a gigabyte), or None."""
        self.used.add(key)
        if self._db is None:
            return None
        with self._lock:
            row = self._db.execute("SELECT html, search, story FROM pages_v2 WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        self.hits += 1
        return row

    def put(self, key: str, html: str, search: str = "", story: str = "") -> None:
        self.used.add(key)
        if self._packer is None:
            return
        self.fresh[key] = self._packer.submit(pack, html, search, story)
        if len(self.fresh) >= FLUSH_EVERY:  # stored as the build goes: memory does not grow with the corpus
            self._store()

    def put_packed(self, key: str, packed: Packed) -> None:
        """Like :meth:`put`, for a page a worker has packed already."""
        self.used.add(key)
        if self._packer is None:
            return
        done: Future[Packed] = Future()
        done.set_result(packed)
        self.fresh[key] = done
        if len(self.fresh) >= FLUSH_EVERY:
            self._store()

    def _store(self) -> None:
        """Write the pages rendered so far (harmless if the build then fails: entries are keyed by content),
        on the packer's thread, after their compression: SQLite's inserts leave the main thread too."""
        if self._db is not None and self._packer is not None and self.fresh:
            self.stores.append(self._packer.submit(self._insert, list(self.fresh.items())))
        self.fresh.clear()

    def _insert(self, fresh: list[tuple[str, Future[Packed]]]) -> None:
        assert self._db is not None
        with self._lock, self._db:
            self._db.execute("BEGIN")
            self._db.executemany("INSERT OR REPLACE INTO pages_v2 VALUES (?, ?, ?, ?)",
                                 ((k, *packed.result()) for k, packed in fresh))

    def commit(self) -> None:
        """Store what this build rendered and forget what it did not use (call after a complete build)."""
        self.fingerprint.keep()
        if self._db is None:
            return
        self._store()
        for stored in self.stores:
            stored.result()  # raises a failed insert
        self.stores.clear()
        with self._db:
            self._db.execute("BEGIN")
            self._db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
            self._db.execute("DELETE FROM used")
            self._db.executemany("INSERT OR IGNORE INTO used VALUES (?)", ((k,) for k in self.used))
            self._db.execute("DELETE FROM pages_v2 WHERE key NOT IN (SELECT key FROM used)")
            self._db.execute("DROP TABLE IF EXISTS pages")  # the layout before stories were kept

    def close(self) -> None:
        if self._packer is not None:
            self._packer.shutdown(wait=True, cancel_futures=True)
            self._packer = None
        self.fresh.clear()
        self.stores.clear()
        if self._db is not None:
            self._db.close()
            self._db = None
