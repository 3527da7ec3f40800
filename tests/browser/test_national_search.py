"""The national search page in Chromium: province indexes merged on demand (Pagefind mergeIndex)."""

from __future__ import annotations

import functools
import http.server
import threading
from urllib.parse import quote, urlencode

import pytest

from national_build import build_national, build_sharded

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def country(tmp_path_factory):
    return build_national(tmp_path_factory.mktemp("national-browser"))


def _served(site):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="module")
def national_url(country):
    server, url = _served(country)
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def sharded_url(country, tmp_path_factory):
    server, url = _served(build_sharded(tmp_path_factory.mktemp("national-sharded"), country))
    yield url
    server.shutdown()


def _search(page, national_url, **params):
    errors, page.requested = [], []  # Pagefind fetches from its worker too: requests, not resource timing
    page.on("pageerror", lambda error: errors.append(error))
    page.on("request", lambda request: page.requested.append(request.url))
    page.goto(f"{national_url}tim-kiem/?{urlencode(params, quote_via=quote)}")
    page.wait_for_selector("html[data-gs-search-ready]")
    _settled(page)
    assert errors == []


def _settled(page):
    page.wait_for_selector("html:not([data-gs-busy])", state="attached", timeout=15_000)


def _links(page):
    return page.locator(".gs-result a").evaluate_all("links => links.map(a => new URL(a.href).pathname)")


def _index_requests(page):
    """The provinces whose index files were fetched, in the order first fetched."""
    return list(dict.fromkeys(url.split("/")[3] for url in page.requested if "/pagefind/" in url))


def test_a_query_with_few_results_merges_the_next_province(page, national_url):
    _search(page, national_url, q="ho thi thanh tam")  # an exemplar of Đà Nẵng, searched second
    assert "/da-nang/guong/" in " ".join(_links(page))
    assert page.locator("[data-gs-status]").inner_text().endswith("trên cả nước.")
    assert page.locator("[data-gs-widen]").is_hidden()


def test_a_page_of_results_in_the_first_province_leaves_the_others_unloaded(page, national_url):
    _search(page, national_url, q="ho chi minh")
    links = _links(page)
    assert len(links) == 10 and all(link.startswith("/ho-chi-minh/guong/") for link in links)
    assert "ở 1 trong 2 tỉnh, thành phố" in page.locator("[data-gs-status]").inner_text()
    assert _index_requests(page) == ["ho-chi-minh"]
    widen = page.locator("[data-gs-widen]")
    assert widen.inner_text() == "Tìm cả ở 1 tỉnh, thành phố còn lại"
    widen.click()
    _settled(page)
    assert page.locator("[data-gs-status]").inner_text().endswith("trên cả nước.")
    assert _index_requests(page) == ["ho-chi-minh", "da-nang"]


def test_the_reader_chooses_which_province_is_searched_first(page, national_url):
    _search(page, national_url, q="ho thi thanh tam", tinh="da-nang")
    assert page.locator("select[name=tinh]").input_value() == "da-nang"
    assert _index_requests(page)[0] == "da-nang" and "/da-nang/guong/" in _links(page)[0]
    assert "tinh=da-nang" in page.url


def test_a_province_split_into_bundles_is_searched_in_every_bundle(page, sharded_url):
    _search(page, sharded_url, q="ho thi thanh tam")  # a Đà Nẵng exemplar, only in Hồ Chí Minh's second bundle
    assert "/guong/ho-thi-thanh-tam/" in " ".join(_links(page))
    assert page.locator("[data-gs-status]").inner_text().endswith("trên cả nước.")
    fetched = [url.split("/ho-chi-minh/pagefind/")[1] for url in page.requested if "/ho-chi-minh/pagefind/" in url]
    assert any(f.startswith("s1/pagefind-entry.json") for f in fetched)
    assert any(f.startswith("s1/fragment/") for f in fetched)  # the result came from the second bundle


def test_a_province_page_takes_the_common_assets_from_the_national_root(page, national_url):
    failed, fetched = [], []
    page.on("response", lambda response: (failed if response.status >= 400 else fetched).append(response.url))
    page.goto(f"{national_url}ho-chi-minh/guong/")
    page.wait_for_load_state("networkidle")
    assert failed == []
    assets = [url.removeprefix(national_url) for url in fetched if "/assets/" in url]
    assert any(url.startswith("assets/stylesheets/") for url in assets)
    assert any(url.startswith("assets/fonts/") for url in assets)  # the stylesheet's fonts, beside it
    assert not any(url.startswith("ho-chi-minh/assets/") for url in assets)
    assert "Be Vietnam Pro" in page.evaluate("getComputedStyle(document.body).fontFamily")


@pytest.mark.parametrize(("referrer", "expected"), [
    ("{root}da-nang/tim-kiem/?q=ho%20thi%20thanh%20tam", "ho thi thanh tam"),  # the province page's query
    ("https://example.com/tim-kiem/?q=ho%20thi%20thanh%20tam", ""),  # another site's is not taken
])
def test_a_reader_sent_by_a_province_search_brings_its_query(page, national_url, referrer, expected):
    page.goto(f"{national_url}tim-kiem/?tinh=da-nang", referer=referrer.format(root=national_url))
    page.wait_for_selector("html[data-gs-search-ready]")
    _settled(page)
    assert page.locator("#gs-search-q").input_value() == expected
    assert ("/da-nang/guong/" in " ".join(_links(page))) == bool(expected)


def test_a_province_lacking_a_word_does_not_answer_with_a_shorter_one(page, national_url):
    # Hồ Chí Minh's pages say "phan", none "phanh": Pagefind would search it for "phan" and find 11 false results
    _search(page, national_url, q="phanh thi")
    assert _links(page) == ["/da-nang/guong/ho-thi-thanh-tam/"]
    _search(page, national_url, q="nguye")  # the last word, being typed, is still found by its beginning
    assert len(_links(page)) > 1 and all("/guong/" in link for link in _links(page))
