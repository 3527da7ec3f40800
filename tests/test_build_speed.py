"""The cold build's CPU savings hold, and change no output: cached address and word computations give what the
plain ones give, page keys write each term out once, the frame's templates are not checked for edits per include,
workers start pre-imported."""

from __future__ import annotations

import dataclasses
import importlib
import multiprocessing.forkserver
import posixpath
import random
from pathlib import Path

import material
import pytest

import support
from guongsang import filecache
from guongsang.outputs import search_words
from guongsang.outputs.media import Media
from guongsang.project import Settings, load
from guongsang.render import urls
from guongsang.render.cache import Fingerprint
from guongsang.render.frame import Frame, environment
from guongsang.render.navigation import Navigation


def _plain_relative(url: str, page_url: str) -> str:
    """The address rule written another way (the reference): the path from the page's folder, by ``relpath``."""
    dirname, _, basename = page_url.rpartition("/")
    folder = dirname if "." in basename else page_url
    relative = posixpath.relpath(posixpath.normpath("/" + url), posixpath.normpath("/" + folder))
    return relative + "/" if url.endswith("/") else relative


def test_relative_addresses_match_the_plain_rule_and_reuse_parts():
    segments = ["guong", "dia-phuong", "ha-noi", "a", "b", "..", "."]
    rng = random.Random(7)

    def address() -> str:
        path = "/".join(rng.choice(segments) for _ in range(rng.randint(0, 4)))
        return path + rng.choice(["", "/", "/index.html", ".json"])

    pairs = [(address(), address()) for _ in range(3000)]
    urls._parts.cache_clear()
    for url, page in pairs:
        assert urls.relative_url(url, page) == _plain_relative(url, page), (url, page)
    assert urls._parts.cache_info().hits > len(pairs) // 2  # the same targets from many pages: split once each


def test_search_tokens_match_the_uncached_forms_and_reuse_each_syllable():
    text = "Nguyễn Văn Hường, Thanh Xuân, Hà Nội: hiến đất làm đường; Nguyễn Văn Hường 2024"
    search_words._forms.cache_clear()
    made = search_words.tokens(text)
    assert search_words._forms.cache_info().hits > 0  # "nguyễn", "văn", "hường" seen twice: worked out once
    words = [w for run in search_words.clauses(text) for w in run]
    for word in words:
        assert search_words.fold(word) in made
        if not word.isdigit():
            assert search_words.EXACT + search_words.exact_word(word) in made
    assert search_words.tokens(text, full=False) == [search_words.fold(w) for w in words]


@pytest.fixture(scope="module")
def site():
    loaded = load(Settings.at(support.ROOT, today=support.TODAY))
    assert loaded.site is not None
    return loaded.site


def test_a_page_key_writes_each_term_out_once_and_still_follows_it(site):
    page = next(p for p in site.pages if p.term is not None and p.items)
    fingerprint = Fingerprint()
    key = fingerprint.of_page(page)
    assert fingerprint.of_page(page) == key
    assert fingerprint._terms and all(isinstance(text, str) for text in fingerprint._terms.values())
    renamed = dataclasses.replace(page, term=dataclasses.replace(page.term, label=page.term.label + " mới"))
    assert Fingerprint().of_page(renamed) != key


def test_the_frame_environment_does_not_check_templates_for_edits(site):
    dirs = (support.ROOT / "theme", Path(material.__file__).parent / "templates")
    frame = Frame(site_name="Gương sáng", site_url="", site_description="", copyright="", extra={}, theme={},
                  navigation=Navigation(()), template_dirs=dirs)
    env = environment(frame, site, support.TODAY, Media())
    assert env.auto_reload is False


def test_workers_are_forked_from_a_server_that_imported_what_they_run():
    names = filecache.preload()
    assert names[0] == "__main__"
    for name in filecache.WORKER_MODULES:  # the fork server skips a name it cannot import: no typo may hide
        assert name in names
        importlib.import_module(name)
    pool = filecache.process_pool(1, name="gs-test")
    try:
        assert multiprocessing.forkserver._forkserver._preload_modules == names  # type: ignore[attr-defined]
        assert pool.submit(sum, [1, 2]).result() == 3
    finally:
        pool.shutdown()
