"""The frame in Chromium: a reader's walk through the sections, axe on every kind of page at phone and laptop
widths, no layout shift while the web font loads, the light/dark switch shared by both kinds of page."""

from __future__ import annotations

import time
from importlib import resources

import pytest

from guongsang.project import Settings, load
from support import TODAY, wait_until

from .test_design import serious_violations

pytestmark = pytest.mark.browser

WIDTHS = [390, 1280]
CLS_SCRIPT = ("window.__cls = 0; new PerformanceObserver(list => { for (const e of list.getEntries()) "
              "{ if (!e.hadRecentInput) window.__cls += e.value; } }).observe({type: 'layout-shift', buffered: true});")


@pytest.fixture(scope="module")
def site(root):
    return load(Settings.at(root, today=TODAY)).site


def one_page_of_every_kind(site) -> dict[str, str]:
    """Every generated kind (first page of each) and the hand-written pages."""
    pages: dict[str, str] = {}
    for page in site.pages:
        pages.setdefault(page.kind, page.url)
        if page.pagination and page.pagination.number == 2:  # a later page: its number beside the title
            pages.setdefault(f"{page.kind} page 2", page.url)
    pages.pop("withdrawn", None)  # a notice at a record's old address: the same frame as every other page
    # 404.html links from the site's root path (/guongsang/), which this server does not serve it under.
    return {**pages, "home": "", "about": "gioi-thieu/", "staff": "can-bo/", "guide": "gioi-thieu/de-xuat/"}


def test_a_readers_walk_home_section_exemplar_share(browser, site_url):
    context = browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 844},
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(site_url)
        page.locator(".gs-sections a", has_text="Gương điển hình").click()
        page.wait_for_url(f"{site_url}guong/")
        assert page.locator('.md-tabs__list a[aria-current="page"]').inner_text() == "Gương điển hình"
        card = page.locator(".gs-card__link").first
        name = card.locator(".gs-card__name").inner_text()
        card.click()
        page.wait_for_selector(".gs-exemplar")
        assert page.locator("h1").inner_text() and name in page.locator(".gs-hero__name").inner_text()
        assert page.locator('.md-tabs__list a[aria-current="true"]').inner_text() == "Gương điển hình"
        crumbs = page.locator(".gs-crumbs li").all_inner_texts()
        assert crumbs[:2] == ["Trang chủ", "Gương điển hình"] and len(crumbs) == 3
        url = page.url.replace(site_url, "https://guongsang.github.io/guongsang/")
        facebook = page.locator(".gs-share__button--facebook").get_attribute("href")
        assert facebook.endswith(url.replace(":", "%3A").replace("/", "%2F"))
        page.locator("[data-gs-copy]").click()
        wait_until(page, "document.querySelector('[data-gs-status]').textContent.length > 0")
        assert page.evaluate("navigator.clipboard.readText()") == url
        page.locator(".gs-crumbs a", has_text="Gương điển hình").click()
        page.wait_for_url(f"{site_url}guong/")
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_no_serious_accessibility_violations_on_any_kind_of_page(browser, site_url, site, width):
    axe = resources.files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")
    context = browser.new_context(locale="vi-VN", viewport={"width": width, "height": 844})
    page = context.new_page()
    problems = {}
    try:
        for kind, url in one_page_of_every_kind(site).items():
            page.goto(f"{site_url}{url}")
            if found := serious_violations(page, axe):
                problems[kind] = found
    finally:
        context.close()
    assert problems == {}


def test_no_layout_shift_on_listing_pages_while_the_web_font_loads(browser, site_url, site):
    """Cards and headings stay where the fallback font put them when Be Vietnam Pro arrives late (0.8 s)."""
    context = browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.add_init_script(CLS_SCRIPT)

    def late(route):
        time.sleep(0.8)
        route.continue_()

    page.route("**/*.woff2", late)
    shifts = {}
    try:
        for term in [t for t in site.sections["movements"] if t.count][:12]:
            page.goto(f"{site_url}{term.url}", wait_until="load")
            page.wait_for_timeout(300)
            shifts[term.url] = page.evaluate("window.__cls")
    finally:
        context.close()
    assert max(shifts.values()) < 0.1, shifts


def test_the_light_dark_switch_is_shared_by_generated_and_hand_written_pages(browser, site_url, site):
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 800}, color_scheme="light")
    page = context.new_page()
    try:
        page.goto(f"{site_url}guong/{site.exemplars[0].slug}/")
        assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
        switch = page.locator("[data-gs-scheme]")
        switch.click()
        assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
        assert switch.get_attribute("aria-pressed") == "true"
        page.goto(f"{site_url}gioi-thieu/")  # a hand-written page (Material's frame) remembers the choice
        assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
        page.locator("[data-gs-scheme]").click()
        page.goto(site_url)
        assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    finally:
        context.close()
