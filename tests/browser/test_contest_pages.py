"""Contests in headless Chromium: from an exemplar to an entry about it and back; the countdown on the reader's day."""

import datetime as dt

import pytest

pytestmark = pytest.mark.browser

EXEMPLAR = "ngo-van-tuan"  # two published entries of the Thanh Xuân 2024 contest are about him


def test_from_an_exemplar_to_an_entry_about_it_and_back(page, site_url):
    page.goto(f"{site_url}guong/{EXEMPLAR}/")
    title = page.locator("h1.gs-hero__title").inner_text()
    section = page.locator(".gs-about-entries")
    assert section.locator("h2").inner_text() == "Bài dự thi viết về gương này"
    link = section.locator("a.gs-term__label").first
    entry_title = link.inner_text()
    link.click()
    page.wait_for_url(f"{site_url}cuoc-thi/**/bai/**")
    assert page.locator("article.gs-entry h1").inner_text() == entry_title
    assert page.locator(".gs-state").inner_text() == "Đã có kết quả"
    back = page.locator(".gs-entry__about a", has_text="Ngô Văn Tuấn")
    back.click()
    page.wait_for_url(f"{site_url}guong/{EXEMPLAR}/")
    assert page.locator("h1.gs-hero__title").inner_text() == title


def test_contest_pages_fit_a_phone_and_tabs_lead_to_the_units_table(page, site_url):
    page.goto(f"{site_url}cuoc-thi/")
    page.locator(".gs-contest-card a", has_text="Thanh Xuân năm 2024").click()
    page.locator(".gs-tabs a", has_text="Đơn vị tham gia").click()
    page.wait_for_url("**/cuoc-thi/thanh-xuan-2024/don-vi/")
    assert page.locator(".gs-tabs a[aria-current=page]").inner_text() == "Đơn vị tham gia"
    assert page.locator("table.gs-participation tbody tr:not(.gs-group)").count() == 16
    assert page.evaluate("document.documentElement.scrollWidth") <= 412


@pytest.mark.parametrize(("reader_day", "expected"), [
    (dt.date(2025, 11, 1), "còn 29 ngày"),  # the build date: as built
    (dt.date(2025, 11, 21), "còn 9 ngày"),  # read later: recounted
    (dt.date(2025, 11, 30), "hôm nay"),
    (dt.date(2025, 12, 3), "Đã hết hạn nộp bài."),
])
def test_countdown_is_recounted_on_the_readers_day(page, site_url, reader_day, expected):
    page.clock.set_fixed_time(dt.datetime.combine(reader_day, dt.time(9, 0)))
    page.goto(f"{site_url}cuoc-thi/ninh-hoa-2025/")
    page.wait_for_load_state("networkidle")
    assert expected in page.locator("[data-gs-countdown]").inner_text()


def test_countdown_is_right_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{site_url}cuoc-thi/ninh-hoa-2025/")
    assert " ".join(tab.locator("[data-gs-countdown]").inner_text().split()) == "Hạn nộp bài: 30/11/2025 — còn 29 ngày"
    context.close()


def test_search_finds_an_entry_under_its_own_facet(page, site_url):
    page.goto(f"{site_url}tim-kiem/?q=banh+mi+sang+thu+hai&loai=B%C3%A0i+d%E1%BB%B1+thi")
    page.wait_for_selector("html[data-gs-search-ready]")
    page.wait_for_selector("html:not([data-gs-busy])", state="attached", timeout=10_000)
    results = page.locator(".gs-result")
    assert results.first.locator(".gs-result__name").inner_text() == "Gian bánh mì sáng thứ Hai"
    metas = results.locator(".gs-result__meta").all_inner_texts()
    assert metas and all(m.startswith("Bài dự thi · Cuộc thi viết") for m in metas)
    results.first.locator("a").click()
    page.wait_for_url("**/cuoc-thi/thanh-xuan-2024/bai/gian-banh-mi-sang-thu-hai/")
