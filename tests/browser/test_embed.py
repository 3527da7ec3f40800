"""Embeds and sub-sites in a browser: a column embedded cross-origin in a fake portal page, and a district's
own site whose search also reaches the rest of the province (Pagefind mergeIndex)."""

from __future__ import annotations

import functools
import html
import http.server
import os
import re
import threading
from pathlib import Path
from urllib.parse import quote

import pytest

from guongsang.cli import main
from guongsang.project import Settings, load
from support import TODAY, wait_until

pytestmark = pytest.mark.browser

DISTRICT = "009"  # quận Thanh Xuân (cũ), Hà Nội
COLUMN = "nguoi-tot-viec-tot"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _serve(folder: Path, host: str) -> tuple[http.server.ThreadingHTTPServer, int]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]


@pytest.fixture(scope="module")
def sites(root, tmp_path_factory):
    """The whole sample site at /guongsang/ and Thanh Xuân's sub-site at /thanh-xuan/ on 127.0.0.1:PORT,
    each built with its real address (as published), and an empty portal origin on localhost:OTHER."""
    served = tmp_path_factory.mktemp("embed")
    portal = tmp_path_factory.mktemp("portal")
    server, port = _serve(served, "127.0.0.1")
    portal_server, portal_port = _serve(portal, "localhost")
    base = f"http://127.0.0.1:{port}"
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    try:
        assert main(["--root", str(root), "build", "--site-dir", str(served / "guongsang"), "--today", "2025-11-01",
                     "--site-url", f"{base}/guongsang/"]) == 0
        assert main(["--root", str(root), "build", "--only-locality", DISTRICT, "--site-dir",
                     str(served / "thanh-xuan"), "--today", "2025-11-01", "--site-url", f"{base}/thanh-xuan/",
                     "--wider-index", "/guongsang/pagefind/"]) == 0
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
    yield {"site": f"{base}/guongsang/", "sub": f"{base}/thanh-xuan/", "served": served, "portal": portal,
           "portal_url": f"http://localhost:{portal_port}/"}
    server.shutdown()
    portal_server.shutdown()


def _snippet(served: Path) -> str:
    """The snippet exactly as the column page offers it in its "Nhúng vào cổng thông tin" box."""
    page = (served / "guongsang" / "chuyen-muc" / COLUMN / "index.html").read_text(encoding="utf-8")
    return html.unescape(re.search(r'<textarea id="gs-embed-code"[^>]*>(.*?)</textarea>', page, re.S).group(1))


def _place_snippet(served: Path, url: str) -> str:
    """The snippet a ward's page offers in its "Nhúng vào cổng thông tin" box."""
    page = (served / "guongsang" / url / "index.html").read_text(encoding="utf-8")
    return html.unescape(re.search(r'<textarea id="gs-embed-code"[^>]*>(.*?)</textarea>', page, re.S).group(1))


def _frame_height(page) -> int:
    return page.evaluate("parseInt(document.querySelector('[data-guongsang-column] iframe').style.height)")


def test_embedded_column_sizes_itself_opens_exemplars_on_top_and_ignores_other_frames(page, sites):
    served, portal = sites["served"], sites["portal"]
    snippet = _snippet(served)
    assert f'src="{sites["site"]}nhung/embed.js"' in snippet and "<noscript>" in snippet
    # A third frame on the site's own origin and one on the portal's origin both try to resize the column.
    (served / "ke-gia.html").write_text(
        "<script>parent.postMessage({type: 'guongsang:height', column: '" + COLUMN + "', height: 3333}, '*')"
        "</script>", encoding="utf-8")
    (portal / "ke-gia.html").write_text((served / "ke-gia.html").read_text(encoding="utf-8"), encoding="utf-8")
    (portal / "index.html").write_text(
        "<!doctype html><html lang='vi'><head><meta charset='utf-8'><title>Cổng thông tin phường</title></head>"
        f"<body><h1>Cổng thông tin điện tử</h1>{snippet}<p id='sau'>Nội dung sau chuyên mục</p>"
        "<div id='khac'></div></body></html>", encoding="utf-8")
    page.goto(sites["portal_url"])
    frame_el = page.locator("[data-guongsang-column] iframe")
    frame_el.wait_for()
    wait_until(page, "parseInt(document.querySelector('[data-guongsang-column] iframe').style.height) !== 360")
    inner = page.frame_locator("[data-guongsang-column] iframe")
    inner.locator(".gsn-item").first.wait_for()
    frame = next(f for f in page.frames if "/nhung/" in f.url)
    content = frame.evaluate("Math.ceil(document.querySelector('.gsn').getBoundingClientRect().height)")
    height = _frame_height(page)
    assert abs(height - content) <= 1
    assert frame.evaluate("document.documentElement.scrollHeight <= window.innerHeight + 1")  # no inner scrollbar
    assert frame.evaluate("document.querySelectorAll('.gsn-item:not([hidden])').length") == 5
    # Messages from other frames (the site's origin, the portal's origin) leave the height alone.
    for url in (f"{sites['site']}../ke-gia.html", f"{sites['portal_url']}ke-gia.html"):
        page.evaluate("url => { const f = document.createElement('iframe'); f.src = url;"
                      " document.getElementById('khac').append(f); }", url)
    page.wait_for_timeout(800)
    assert len(page.frames) == 4 and _frame_height(page) == height
    # A click opens the exemplar in the top window, on the site.
    first = inner.locator(".gsn-link").first
    name = first.locator(".gsn-name").inner_text()
    first.click()
    page.wait_for_url(re.compile(re.escape(sites["site"]) + r"guong/[a-z0-9-]+/$"))
    assert page.locator(".gs-hero__name").inner_text() == name


def test_embed_options_choose_item_count_and_dark_theme(page, sites):
    page.goto(f"{sites['site']}nhung/{COLUMN}/?so-muc=2&giao-dien=toi")
    assert page.locator(".gsn-item:not([hidden])").count() == 2
    assert page.evaluate("document.documentElement.dataset.theme") == "toi"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(30, 31, 36)"
    size = sum(len(p.read_bytes()) for p in (sites["served"] / "guongsang" / "nhung" / COLUMN / "index.html",
                                              sites["served"] / "guongsang" / "nhung" / "nhung.css"))
    assert size <= 30_000


def test_a_dark_visitor_sees_light_embeds_unless_the_portal_asks_for_dark(browser, sites, root):
    """A portal page (white) embeds a column and a current ward; the visitor's browser prefers dark."""
    site = load(Settings.at(root, today=TODAY)).site
    ward = max((w for p in site.sections["places"] for w in p.children), key=lambda w: w.count)
    column = _snippet(sites["served"])
    place = _place_snippet(sites["served"], ward.url).replace('data-items="5"', 'data-items="5" data-theme="dark"')
    assert 'data-guongsang-place="' in place
    (sites["portal"] / "toi.html").write_text(
        "<!doctype html><html lang='vi'><head><meta charset='utf-8'><title>Cổng thông tin phường</title></head>"
        f"<body style='background:#fff'><h1>Cổng thông tin điện tử</h1>{column}{place}</body></html>",
        encoding="utf-8")
    context = browser.new_context(locale="vi-VN", color_scheme="dark", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{sites['portal_url']}toi.html")
    assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    page.frame_locator("[data-guongsang-column] iframe").locator(".gsn-item").first.wait_for()
    page.frame_locator("[data-guongsang-place] iframe").locator(".gsn-item").first.wait_for()
    light = next(f for f in page.frames if f"/nhung/{COLUMN}/" in f.url)
    dark = next(f for f in page.frames if f"/nhung/{ward.url}" in f.url)
    assert light.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    assert light.evaluate("getComputedStyle(document.body).color") == "rgb(31, 31, 31)"
    assert dark.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(30, 31, 36)"
    assert "giao-dien=toi" in dark.url
    names = dark.locator(".gsn-item:not([hidden]) .gsn-name").all_inner_texts()
    assert names and set(names) <= {e.name for e in ward.exemplars}
    context.close()


def test_column_page_copies_its_snippet(page, sites):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{sites['site']}chuyen-muc/{COLUMN}/")
    page.get_by_role("button", name="Sao chép mã nhúng").click()
    page.wait_for_selector("[data-gs-copy-status]:has-text('Đã sao chép')")
    assert page.evaluate("navigator.clipboard.readText()") == _snippet(sites["served"])


def _search(page, url, query):
    page.goto(f"{url}tim-kiem/?q={quote(query)}")
    page.wait_for_selector("html[data-gs-search-ready]")
    page.wait_for_selector("html:not([data-gs-busy])", state="attached", timeout=10_000)
    return page.locator(".gs-result__link").evaluate_all("links => links.map(a => a.href)")


def test_district_search_covers_the_district_and_can_reach_the_rest_of_the_province(page, sites, root):
    site = load(Settings.at(root, today=TODAY)).site
    hanoi = [e for e in site.exemplars if e.locality.province.name == "Thành phố Hà Nội"]
    district = {e.slug for e in hanoi if e.locality.legacy_district and e.locality.legacy_district.code == DISTRICT}
    others = {e.slug for e in hanoi} - district
    assert district and others
    local = _search(page, sites["sub"], "Hà Nội")
    assert "Quận Thanh Xuân (cũ)" in page.locator(".gs-search__scope").inner_text()
    assert {re.search(r"guong/([^/]+)/", u).group(1) for u in local} == district
    assert all(u.startswith(sites["sub"]) for u in local)
    page.get_by_label("Tìm cả Thành phố Hà Nội").check()
    page.wait_for_url(re.compile(r"ca-tinh=1"))
    page.wait_for_selector("html[data-gs-search-ready]")
    page.wait_for_selector("html:not([data-gs-busy])", state="attached", timeout=10_000)
    while page.locator("[data-gs-more]:visible").count():
        page.click("[data-gs-more]")
        page.wait_for_selector("html:not([data-gs-busy])", state="attached", timeout=10_000)
    wide = page.locator(".gs-result__link").evaluate_all("links => links.map(a => a.href)")
    slugs = [re.search(r"guong/([^/]+)/", u).group(1) for u in wide]
    assert len(slugs) == len(set(slugs))  # nothing found twice
    assert set(slugs) == district | others
    assert all(u.startswith(sites["site"]) for u in wide if re.search(r"guong/([^/]+)/", u).group(1) in others)
    page.locator(".gs-result__img").evaluate_all("imgs => imgs.forEach(i => { i.loading = 'eager'; })")
    wait_until(page, "[...document.querySelectorAll('.gs-result__img')].every(i => i.complete)")
    images = page.locator(".gs-result__img").evaluate_all("imgs => imgs.map(i => i.naturalWidth)")
    assert images and all(width > 0 for width in images)
    assert "ca-tinh=1" in page.url
