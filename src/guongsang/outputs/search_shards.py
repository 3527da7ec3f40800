"""The search index in shards, for a site too large for one: each shard is re-indexed only when its pages change,
and Pagefind's memory peak (while it writes a bundle) is a shard's, not the site's.

Pagefind cannot update a bundle: any changed page means indexing every page again. A large site's pages are
therefore split, by a stable hash of their URL, into :func:`shard_count` shards, each a complete Pagefind bundle
with its own :class:`~.search.Indexer` and its own kept copy in the cache. A build publishes the kept bundle of
every shard whose pages did not change and starts Pagefind only for the others. Shard 0 is ``pagefind/`` as
before (its ``pagefind.js`` is what the search page imports); shard *i* is ``pagefind/s<i>/``;
``pagefind/shards.json`` lists them (``{"bundles": ["", "s1/"]}``) for the search page, which merges them with
``mergeIndex``, and for whoever merges this site's index from outside (the national search, a sub-site's wider
search).

The search page keeps each query to the shards that hold all its words (Pagefind answers a word a shard lacks
with the longest prefix it holds). Shards are written two at a time.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .search import CHUNK_SIZE, INDEX_DIR, Indexer

# What a shard aims at. Pagefind alone on 2,500 of a 10,000-record site's documents: 6.5 s, 4.6 user + 2.0 system
# CPU-seconds, 544 MiB at its peak; on all 9,771: 30.7 s, 21.7 + 10.5 CPU-seconds, 2,103 MiB. But a reader pays
# for shards: at 10,000 records (45 judged queries, scripts/bench_relevance.py) one index gave P@1 0.911 and a
# worst first query of 296 KB; 2 shards 0.911 and 327 KB; 4 shards 359 KB (each shard scores with its
# own word statistics, and a first query fetches every shard's metadata and chunks). So a site is split only
# from 15,000 pages, where one index is over the first query's budget anyway; a pull request's build indexes
# only what changed in another way (search_delta).
PAGES_PER_SHARD = 10_000
PAGES_VARIABLE = "GUONGSANG_SEARCH_SHARD_PAGES"  # sets PAGES_PER_SHARD (tests split the sample site)
MAX_SHARDS = 4  # a first query fetches every shard's metadata and chunks: 8 shards were over 300 KB at 10,000
WRITERS = 2  # shards whose bundles are written at once (cores; and Pagefind's memory peaks add up)
MANIFEST = "shards.json"
# A split index's chunk size, in postings. A first query fetches every shard's metadata (which lists its chunks)
# and a chunk per word from every shard: at 10,000 records in 4 shards, "nguyen van hung" transferred 311 KB
# with Pagefind's 2,000 postings a chunk, 299 KB with 1,000 (and 8 shards: 361 KB with 2,000, 343 with 250).
SHARD_CHUNK_SIZE = 1000
SHARDS_CACHE = "search-shards"


def shard_count(pages: int) -> int:
    """How many shards for about ``pages`` indexed pages: a power of two near ``pages / PAGES_PER_SHARD``, so the
    count (and with it every shard's pages) changes only when the site doubles or halves."""
    per_shard = int(os.environ.get(PAGES_VARIABLE) or PAGES_PER_SHARD)
    if pages < 1.5 * per_shard:
        return 1
    return min(MAX_SHARDS, 2 ** round(math.log2(pages / per_shard)))


def bundles(count: int) -> list[str]:
    """The shards' folders, relative to ``pagefind/``: ``["", "s1/", …]``."""
    return ["", *(f"s{i}/" for i in range(1, count))]


def shard_of(url: str, count: int) -> int:
    """The shard a page's URL belongs to: the same in every build while the count stays."""
    return int.from_bytes(hashlib.blake2b(url.encode(), digest_size=4).digest(), "big") % count


class ShardedIndexer:
    """:class:`~.search.Indexer` split in ``count`` shards, fed and closed as one."""

    def __init__(self, count: int, cache: Path | None = None, salt: str = "") -> None:
        self.count = count
        chunk_size = CHUNK_SIZE if count == 1 else SHARD_CHUNK_SIZE
        self.shards = [Indexer(cache=_shard_cache(cache, count, i), salt=f"{salt}\0shard {i} of {count}",
                               chunk_size=chunk_size) for i in range(count)]
        if cache is not None:
            _forget_other_counts(cache, count)

    @property
    def reused(self) -> int:
        """How many shards were published as kept from last time."""
        return sum(1 for shard in self.shards if shard.reused)

    def start(self) -> ShardedIndexer:
        for shard in self.shards:
            shard.start()
        return self

    def add(self, url: str, html: str) -> None:
        self.shards[shard_of(url, self.count)].add(url, html)

    def close(self, site_dir: Path) -> int:
        """Write every shard's bundle (or publish the kept one) under ``site_dir/pagefind``; returns pages indexed."""
        out = site_dir / INDEX_DIR
        pages = self.shards[0].close_into(out) if self.count == 1 else self._close_shards(site_dir, out)
        write_manifest(out, bundles(self.count))
        return pages

    def _close_shards(self, site_dir: Path, out: Path) -> int:
        staging = site_dir / f".{INDEX_DIR}-shards"
        shutil.rmtree(staging, ignore_errors=True)
        try:
            with ThreadPoolExecutor(WRITERS) as pool:
                pages = sum(pool.map(lambda i: self.shards[i].close_into(staging / str(i)), range(self.count)))
            (staging / "0").rename(out)
            for i in range(1, self.count):
                (staging / str(i)).rename(out / f"s{i}")
        finally:
            self.abort()
            shutil.rmtree(staging, ignore_errors=True)
        return pages

    def report(self, pages: int) -> str:
        """What the log says of the index once closed."""
        if self.reused == self.count:
            return f"same index as last time for {pages} pages (exemplars and contest entries)"
        return (f"indexed {pages} pages (exemplars and contest entries) in {self.count} shard(s), "
                f"{self.reused} kept from last time")

    def abort(self) -> None:
        for shard in self.shards:
            shard.abort()


def write_manifest(bundle: Path, folders: list[str], stale: list[str] | None = None) -> None:
    """``pagefind/shards.json``: the bundles a reader's search merges and the page ids it leaves out."""
    manifest: dict[str, list[str]] = {"bundles": folders}
    if stale:
        manifest["stale"] = stale
    (bundle / MANIFEST).write_text(json.dumps(manifest, separators=(",", ":")), encoding="utf-8")


def _shard_cache(cache: Path | None, count: int, i: int) -> Path | None:
    """Where shard ``i`` of ``count`` keeps its bundle: the cache itself for an unsplit index (as before shards)."""
    if cache is None or count == 1:
        return cache
    return cache / SHARDS_CACHE / f"{count}-{i}"


def _forget_other_counts(cache: Path, count: int) -> None:
    """Drop the bundles kept for another shard count: their pages will not come back."""
    for kept in (cache / SHARDS_CACHE).glob("*-*"):
        if kept.name.split("-")[0] != str(count):
            shutil.rmtree(kept, ignore_errors=True)
