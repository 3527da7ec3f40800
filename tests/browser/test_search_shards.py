"""Search on the sample site split into four index shards: a reader finds what the unsplit site finds, with the
same counts and facets, and results link to the pages, whichever shard holds them."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from urllib.parse import quote, urlencode

import pytest

import support
from browser.conftest import _QuietHandler
from guongsang.outputs.search_shards import PAGES_VARIABLE

pytestmark = pytest.mark.browser

NAMES = ["duc thinh", "Đông Hải", "dinh cong hau"]
QUERIES = [*NAMES, "nguyen", "nguye", "dinh cong ha", "hien mau", "Hà Nội", "truong hoc", "thinh", "xyzqwv"]


def _served(out):
    handler = functools.partial(_QuietHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="module")
def split_url(root, tmp_path_factory):
    out = tmp_path_factory.mktemp("split") / "build"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(PAGES_VARIABLE, "12")
        assert support.build(out, root=root) == 0
    server, url = _served(out)
    yield url
    server.shutdown()


OLD_NAME, NEW_NAME = "Đinh Công Hậu", "Trần Thị Thử Nghiệm"


@pytest.fixture(scope="module")
def preview_and_full(root, tmp_path_factory):
    """A pull request's preview (the kept index and the edited page beside it) and a full build of the same
    records: one record renamed, one taken away."""
    work = tmp_path_factory.mktemp("delta")
    records, cache = work / "exemplars", work / "cache"
    shutil.copytree(root / "exemplars", records)
    assert support.build(work / "main", "--exemplars", str(records), "--cache-dir", str(cache), root=root) == 0
    target = next(p for p in records.rglob("*.md") if f"name: {OLD_NAME}" in p.read_text(encoding="utf-8"))
    target.write_text(target.read_text(encoding="utf-8").replace(OLD_NAME, NEW_NAME), encoding="utf-8")
    next(p for p in sorted(records.rglob("*.md")) if "Đông Hải" in p.read_text(encoding="utf-8")).unlink()
    assert support.build(work / "preview", "--exemplars", str(records), "--cache-dir", str(cache), "--search-delta",
                         root=root) == 0
    assert support.build(work / "full", "--exemplars", str(records), root=root) == 0
    servers = [_served(work / "preview"), _served(work / "full")]
    yield [url for _, url in servers]
    for server, _ in servers:
        server.shutdown()


def _search(page, base, query):
    page.goto(f"{base}tim-kiem/?{urlencode({'q': query}, quote_via=quote)}")
    page.wait_for_selector("html[data-gs-search-ready]")
    page.wait_for_selector("html:not([data-gs-busy])", state="attached", timeout=10_000)
    status = page.locator("[data-gs-status]").inner_text()
    found = page.locator(".gs-result__name").all_inner_texts()
    links = [a.get_attribute("href") for a in page.locator(".gs-result a.gs-result__link").all()]
    return status, found, [link.removeprefix(base) for link in links]


@pytest.mark.parametrize("query", QUERIES)
def test_a_split_index_finds_what_the_whole_index_finds(page, site_url, split_url, query):
    status, found, links = _search(page, split_url, query)
    whole_status, whole_found, whole_links = _search(page, site_url, query)
    assert status == whole_status  # the same counts of exemplars and contest entries
    if len(whole_found) < 10:  # all on the first page (beyond it, each shard's word statistics order the pages)
        assert sorted(found) == sorted(whole_found)
        assert sorted(links) == sorted(whole_links)
    if query in NAMES:
        assert found[0] == whole_found[0]


def test_the_split_index_loads_every_shard_and_its_links_open_the_pages(page, split_url):
    shards = set()
    page.on("request", lambda r: shards.add(r.url.split("/pagefind/")[1].split("/")[0])
            if "/pagefind/s" in r.url else None)
    _, found, links = _search(page, split_url, "nguyen")
    assert {"s1", "s2", "s3"} <= shards
    assert len(found) >= 3
    for link in links[:3]:
        response = page.goto(f"{split_url}{link}")
        assert response and response.ok and link.startswith("guong/")


def test_facet_counts_add_up_across_shards(page, site_url, split_url):
    counts = []
    for base in (split_url, site_url):
        page.set_viewport_size({"width": 1280, "height": 900})  # the filters open on wide screens
        page.goto(f"{base}tim-kiem/")
        page.wait_for_selector("html[data-gs-search-ready]")
        page.wait_for_selector("[data-gs-facets] input", state="attached")
        counts.append(page.locator("[data-gs-facets]").inner_text())
    assert counts[0] == counts[1]


@pytest.mark.parametrize("query", ["thu nghiem", "Trần Thị Thử Nghiệm", "dinh cong hau", "Đông Hải",
                                   "nguyen", "hien mau", "xyzqwv"])
def test_a_preview_finds_what_a_full_build_finds(page, preview_and_full, query):
    preview, full = preview_and_full
    status, found, links = _search(page, preview, query)
    full_status, full_found, full_links = _search(page, full, query)
    assert status == full_status
    if len(full_found) < 10:
        assert sorted(found) == sorted(full_found) and sorted(links) == sorted(full_links)
    if query in ("thu nghiem", "Trần Thị Thử Nghiệm"):
        assert found[0] == NEW_NAME
    if query in ("dinh cong hau", "Đông Hải"):
        assert OLD_NAME not in found and "Chi hội Phụ nữ khu dân cư Đông Hải" not in found
