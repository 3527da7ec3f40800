"""The map, the timeline and the table in Chromium (#23): axe, keyboard, requests, sorting and filtering."""

from __future__ import annotations

import functools
import sys
import unicodedata
from importlib import resources
from urllib.parse import urlsplit

import pytest

from browser.test_design import serious_violations
from guongsang.project import Settings, load
from support import ROOT, TODAY, wait_until

pytestmark = pytest.mark.browser

FIRST_VIEW_BUDGET = 150 * 1024  # the table's first view, compressed as a static host sends it


@pytest.fixture(scope="module")
def site(root):
    return load(Settings.at(root, today=TODAY)).site


@functools.cache
def axe_source() -> str:
    """axe-core as the axe-playwright-python package ships it (no network)."""
    return resources.files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")


def province_with_wards(site):
    return max(site.sections["places"], key=lambda t: len(t.children))


@pytest.mark.parametrize(("width", "scheme"), [(390, "light"), (1280, "light"), (390, "dark"), (1280, "dark")])
def test_no_serious_accessibility_violations_and_no_request_elsewhere(browser, site_url, site, width, scheme):
    context = browser.new_context(locale="vi-VN", viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    problems = {}
    try:
        for path in ("ban-do/", f"ban-do/{province_with_wards(site).unit.slug}/", "dong-thoi-gian/", "du-lieu/bang/"):
            page.goto(f"{site_url}{path}", wait_until="networkidle")
            if path == "du-lieu/bang/":  # also once the script has drawn rows of its own
                page.locator("th[data-key=year] button").click()
                wait_until(page, "document.querySelector('th[data-key=year]').getAttribute('aria-sort') !== 'none'")
                page.wait_for_selector("[data-gs-table]:not([aria-busy])")
            if found := serious_violations(page, axe_source()):
                problems[path] = found
    finally:
        context.close()
    assert problems == {}
    assert hosts == {urlsplit(site_url).netloc}


def focus_until(page, selector: str, limit: int = 300) -> None:
    """Tab until the focused element matches ``selector``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("sel => document.activeElement && document.activeElement.matches(sel)", selector):
            return
    raise AssertionError(f"{selector} never got the focus")


def test_a_keyboard_user_reaches_a_wards_list_from_the_map(page, site_url, site):
    province = province_with_wards(site)
    ward = province.children[0]
    page.goto(f"{site_url}ban-do/")
    focus_until(page, f'.gs-map__marks a[aria-label^="{province.label}:"]')
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site_url}ban-do/{province.unit.slug}/")
    focus_until(page, f'.gs-map__marks a[aria-label^="{ward.label}:"]')
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == f"{ward.label}: {ward.count} gương"
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site_url}{ward.url}")
    assert ward.label in page.locator("h1").inner_text()


def count_shown(page) -> int:
    page.wait_for_selector("[data-gs-table]:not([aria-busy])")
    return int(page.locator("[data-gs-table-status]").inner_text().split(" ")[0].replace(".", ""))


def fold(text: str) -> str:
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return bare.replace("đ", "d").replace("Đ", "d").lower()


def test_table_filters_agree_with_the_models_counts(page, site_url, site):
    page.goto(f"{site_url}du-lieu/bang/")
    assert page.locator("[data-gs-table] tbody tr").count() == min(50, len(site.exemplars))  # without the script too
    province = province_with_wards(site)
    page.select_option("select[name=province]", province.unit.code)
    assert count_shown(page) == province.count
    shown = page.locator("[data-gs-table] tbody th a").all_inner_texts()
    assert sorted(shown) == sorted(e.name for e in province.exemplars[:50])
    page.select_option("select[name=province]", "")
    movement = max(site.sections["movements"], key=lambda t: t.count)
    page.select_option("select[name=movement]", movement.key)
    assert count_shown(page) == movement.count
    year = site.sections["years"][0]
    page.select_option("select[name=year]", year.key)
    assert count_shown(page) == len([e for e in movement.exemplars if str(e.year) == year.key])
    page.select_option("select[name=movement]", "")
    page.select_option("select[name=year]", "")
    page.fill("[data-gs-table-form] input[name=q]", "nguyen")
    assert count_shown(page) == len([e for e in site.exemplars if "nguyen" in fold(e.name)])


def test_table_sorting_agrees_with_the_model(page, site_url, site):
    page.goto(f"{site_url}du-lieu/bang/")
    page.locator("th[data-key=awards] button").click()
    assert count_shown(page) == len(site.exemplars)
    cells = page.locator("[data-gs-table] tbody tr td:nth-child(7)").all_inner_texts()
    assert [int(c) for c in cells] == sorted(len(e.awards) for e in site.exemplars)[: len(cells)]
    assert page.locator("th[data-key=awards]").get_attribute("aria-sort") == "ascending"
    page.locator("th[data-key=awards] button").click()
    page.wait_for_selector("th[data-key=awards][aria-sort=descending]")
    cells = page.locator("[data-gs-table] tbody tr td:nth-child(7)").all_inner_texts()
    assert int(cells[0]) == max(len(e.awards) for e in site.exemplars)
    page.locator("th[data-key=year] button").click()
    page.wait_for_selector("th[data-key=year][aria-sort=ascending]")
    years = page.locator("[data-gs-table] tbody tr td:nth-child(6)").all_inner_texts()
    assert years[0] == str(min(e.year for e in site.exemplars))


def test_table_first_view_is_small(browser, site_url, built_site_dir):
    context = browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    loaded: list[str] = []
    page.on("requestfinished", lambda request: loaded.append(urlsplit(request.url).path.lstrip("/")))
    try:
        page.goto(f"{site_url}du-lieu/bang/", wait_until="networkidle")
    finally:
        context.close()
    assert not [p for p in loaded if p.endswith(".json")]  # rows are fetched only when the reader asks
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from collection_sizes import sent
    finally:
        sys.path.pop(0)
    files = [built_site_dir / p for p in loaded]
    size = sum(sent(f / "index.html" if f.is_dir() else f) for f in files)
    print(f"\ntable first view: {size / 1024:.1f} KB compressed ({len(loaded)} requests)")
    assert size <= FIRST_VIEW_BUDGET
