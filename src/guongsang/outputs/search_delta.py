"""A pull request's search index: the bundle kept from the last full build, and the changed pages beside it.

Pagefind cannot update a bundle, and indexing every page again is most of a pull request's build at 10,000
records. A build with ``--search-delta`` (the preview workflow, its cache restored from the last full build)
therefore publishes the kept bundle as it is and has Pagefind index only the pages whose search document
changed, or that are new, into a small bundle at ``pagefind/delta/``. ``pagefind/shards.json`` lists both and,
under ``stale``, the kept bundle's page ids of every page changed or gone; the search page merges the small
bundle and leaves those ids out of every result list (``guongsang-search-shards.js``).

What a preview's reader sees differs from a full build's only in ranking (the small bundle's pages are scored
with its own word statistics) and in the facet counts (which still count the stale pages). A published site
is always built whole. Without a kept bundle the build indexes every page, as a full build does.
"""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

from ..filecache import publish_file
from .search import INDEX_DIR, SIGNATURE, Indexer, kept_bundle, page_digest
from .search_shards import write_manifest

DELTA_DIR = "delta"


class DeltaIndexer:
    """The kept bundle plus a bundle of the pages that differ from it; a full index when nothing was kept."""

    def __init__(self, cache: Path | None, salt: str = "") -> None:
        kept = kept_bundle(cache) if cache is not None else None
        self._kept_folder, self._known = kept if kept else (None, {})
        self._full = Indexer(cache=cache, salt=salt) if kept is None else None
        self._delta = Indexer(salt=salt)
        self._seen: set[str] = set()
        self._changed: list[str] = []

    def start(self) -> DeltaIndexer:
        if self._full is not None:
            self._full.start()
        return self

    def add(self, url: str, html: str) -> None:
        if self._full is not None:
            self._full.add(url, html)
            return
        self._seen.add(url)
        if self._known.get(url) == page_digest(url, html):
            return
        if not self._changed:
            self._delta.start()
        self._changed.append(url)
        self._delta.add(url, html)

    def close(self, site_dir: Path) -> int:
        """Publish the kept bundle and write the changed pages' bundle beside it; returns the pages searchable."""
        out = site_dir / INDEX_DIR
        if self._full is not None:
            pages = self._full.close_into(out)
            write_manifest(out, [""])
            return pages
        assert self._kept_folder is not None
        shutil.copytree(self._kept_folder, out, copy_function=publish_file)
        bundles = [""]
        if self._changed:
            self._delta.close_into(out / DELTA_DIR)
            bundles.append(f"{DELTA_DIR}/")
        gone = set(self._changed) | (self._known.keys() - self._seen)
        write_manifest(out, bundles, stale=fragment_ids(out / "fragment", gone))
        return len(self._seen)

    def report(self, pages: int) -> str:
        if self._full is not None:
            return f"indexed {pages} pages (exemplars and contest entries): no kept bundle to add to"
        gone = len(self._known.keys() - self._seen)
        return (f"kept bundle published for {pages} pages (exemplars and contest entries), {len(self._changed)} "
                f"changed or new indexed beside it, {gone} gone")

    def abort(self) -> None:
        for indexer in (self._full, self._delta):
            if indexer is not None:
                indexer.abort()


def fragment_ids(fragments: Path, urls: set[str]) -> list[str]:
    """The ids (fragment names) of the pages at ``urls`` in a bundle's fragment folder, sorted."""
    found: list[str] = []
    if not urls:
        return found
    for path in sorted(fragments.glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes())
        if json.loads(raw[len(SIGNATURE):]).get("url") in urls:
            found.append(path.name.removesuffix(".pf_fragment"))
            if len(found) == len(urls):
                break
    return sorted(found)
