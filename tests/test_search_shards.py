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


def test_the_shard_count_grows_in_powers_of_two_up_to_four():
    assert [shard_count(n) for n in (0, 54, 2000, 3749, 3750, 5000, 10_000, 100_000)] == [1, 1, 1, 1, 2, 2, 4, 4]


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
    config = (out / "tim-kiem" / "index.html").read_text(encoding="utf-8")
    assert '"bundles": ["", "s1/", "s2/", "s3/"]' in config
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
