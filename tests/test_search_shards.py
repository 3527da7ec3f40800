"""The search index in shards: how a site is split, what a split build publishes, and that a build with one record
edited indexes one shard again and publishes the others as kept."""

from __future__ import annotations

import json
import logging
import shutil
from collections import Counter

import pytest

import support
from guongsang.outputs import search
from guongsang.outputs.search_shards import PAGES_VARIABLE, bundles, shard_count, shard_of


def test_a_site_is_split_only_past_15000_pages_and_in_at_most_four_shards():
    assert [shard_count(n) for n in (0, 54, 10_000, 14_999, 15_000, 30_000, 100_000)] == [1, 1, 1, 1, 2, 4, 4]


def test_the_shard_count_follows_the_pages_per_shard_setting(monkeypatch):
    monkeypatch.setenv(PAGES_VARIABLE, "12")
    assert shard_count(54) == 4
    assert shard_count(10) == 1


def test_pages_spread_evenly_and_keep_their_shard():
    urls = [f"/guong/nguoi-{i}/" for i in range(10_000)]
    counts = Counter(shard_of(url, 4) for url in urls)
    assert sorted(counts) == [0, 1, 2, 3]
    assert all(2_300 <= n <= 2_700 for n in counts.values()), counts
    assert [shard_of(url, 4) for url in urls[:50]] == [shard_of(url, 4) for url in urls[:50]]
    assert bundles(1) == [""] and bundles(3) == ["", "s1/", "s2/"]


def _fragments(bundle):
    return sorted(p.name for p in (bundle / "fragment").iterdir())


@pytest.fixture(scope="module")
def unsplit(root, tmp_path_factory):
    out = tmp_path_factory.mktemp("unsplit") / "build"
    assert support.build(out, root=root) == 0
    return out


def test_a_split_site_publishes_every_page_once_across_its_shards(root, tmp_path, monkeypatch, unsplit):
    monkeypatch.setenv(PAGES_VARIABLE, "12")
    out = tmp_path / "build"
    assert support.build(out, root=root) == 0
    index = out / "pagefind"
    assert json.loads((index / "shards.json").read_text(encoding="utf-8")) == {"bundles": ["", "s1/", "s2/", "s3/"]}
    assert json.loads((unsplit / "pagefind" / "shards.json").read_text(encoding="utf-8")) == {"bundles": [""]}
    pages = []
    for folder in ("", "s1/", "s2/", "s3/"):
        bundle = index / folder
        assert (bundle / "pagefind-entry.json").is_file() and list(bundle.glob("*.pf_meta"))
        pages += _fragments(bundle)
    assert len(pages) == len(set(pages)) == len(_fragments(unsplit / "pagefind"))
    assert (index / "pagefind.js").is_file() and not (index / "s1" / "s1").exists()
    assert not list(out.glob(".pagefind*"))  # the shards' staging folder is gone


def test_one_record_edited_indexes_its_shard_again_and_keeps_the_others(root, tmp_path, monkeypatch, caplog):
    monkeypatch.setenv(PAGES_VARIABLE, "12")
    records = tmp_path / "exemplars"
    shutil.copytree(root / "exemplars", records)
    cache = tmp_path / "cache"
    assert support.build(tmp_path / "first", "--exemplars", str(records), "--cache-dir", str(cache), root=root) == 0
    target = next(p for p in sorted(records.rglob("*.md")) if "featured: true" not in p.read_text(encoding="utf-8"))
    target.write_text(target.read_text(encoding="utf-8") + "\nMột đoạn mới của câu chuyện.\n", encoding="utf-8")
    started = []
    start = search.Indexer._start_service
    monkeypatch.setattr(search.Indexer, "_start_service", lambda self: started.append(1) or start(self))
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.guongsang"):
        assert support.build(tmp_path / "second", "--exemplars", str(records), "--cache-dir", str(cache),
                             root=root) == 0
    assert started == [1]  # Pagefind ran for the edited record's shard only
    assert any("in 4 shard(s), 3 kept from last time" in r.getMessage() for r in caplog.records)
    assert support.build(tmp_path / "full", "--exemplars", str(records), root=root) == 0
    assert support.digest(tmp_path / "second") == support.digest(tmp_path / "full")


def _edit_one(records):
    target = next(p for p in sorted(records.rglob("*.md")) if "featured: true" not in p.read_text(encoding="utf-8"))
    text = target.read_text(encoding="utf-8")
    name = next(line for line in text.splitlines() if line.startswith("name:")).split(":", 1)[1].strip()
    target.write_text(text.replace(name, "Trần Thị Thử Nghiệm"), encoding="utf-8")
    return target


def test_a_preview_publishes_the_kept_index_and_indexes_only_the_edited_page(root, tmp_path, monkeypatch):
    records = tmp_path / "exemplars"
    shutil.copytree(root / "exemplars", records)
    cache = tmp_path / "cache"
    assert support.build(tmp_path / "first", "--exemplars", str(records), "--cache-dir", str(cache), root=root) == 0
    kept = support.digest(tmp_path / "first" / "pagefind")
    _edit_one(records)
    (sorted(records.rglob("*.md"))[-1]).unlink()  # and one record taken away
    indexed = []
    add = search.Indexer.add
    monkeypatch.setattr(search.Indexer, "add", lambda self, url, html: indexed.append(url) or add(self, url, html))
    assert support.build(tmp_path / "preview", "--exemplars", str(records), "--cache-dir", str(cache),
                         "--search-delta", root=root) == 0
    index = tmp_path / "preview" / "pagefind"
    manifest = json.loads((index / "shards.json").read_text(encoding="utf-8"))
    assert manifest["bundles"] == ["", "delta/"]
    assert len(indexed) == 1 and indexed[0].startswith("/guong/")  # Pagefind saw the edited page only
    assert _fragments(index / "delta") and len(_fragments(index / "delta")) == 1
    assert len(manifest["stale"]) == 2  # the edited page's old entry and the page taken away
    assert all(f"{page_id}.pf_fragment" in _fragments(index) for page_id in manifest["stale"])
    published = {k: v for k, v in support.digest(index).items() if not k.startswith("delta/") and k != "shards.json"}
    assert published == {k: v for k, v in kept.items() if k != "shards.json"}  # the kept bundle, untouched
    assert support.digest(cache) and list((cache / "pagefind").glob("*.pages"))  # still there for the next one


def test_a_preview_without_a_kept_index_indexes_every_page(root, tmp_path, unsplit):
    assert support.build(tmp_path / "build", "--cache-dir", str(tmp_path / "empty"), "--search-delta",
                         root=root) == 0
    index = tmp_path / "build" / "pagefind"
    assert json.loads((index / "shards.json").read_text(encoding="utf-8")) == {"bundles": [""]}
    assert _fragments(index) == _fragments(unsplit / "pagefind")
