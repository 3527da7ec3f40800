"""The pages for portals and the public — "Gửi câu chuyện" with its result, a ward's list with its embed box,
the ward's embed, "Theo dõi", "Dữ liệu mở" — pass axe-core at phone and laptop widths, light and dark."""

from __future__ import annotations

import pytest

from guongsang.project import Settings, load
from support import TODAY

from .test_design import axe_source, serious_violations  # noqa: F401  (axe_source: the axe-core fixture)
from .test_submit_form import ANSWERS, fill

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def ward(root):
    site = load(Settings.at(root, today=TODAY)).site
    return max((w for p in site.sections["places"] for w in p.children), key=lambda w: w.count)


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_portal_and_submit_pages_have_no_serious_accessibility_violations(browser, site_url, ward,
                                                                           axe_source, width, scheme):  # noqa: F811
    context = browser.new_context(locale="vi-VN", viewport={"width": width, "height": 844}, color_scheme=scheme)
    if scheme == "dark":  # the site's own dark palette (Material keeps the reader's choice in localStorage)
        context.add_init_script("localStorage.setItem('/.__palette', JSON.stringify({index: 1, color: "
                                "{scheme: 'slate', primary: 'red', accent: 'red'}}))")
    page = context.new_page()
    problems = {}
    try:
        for name, path in {"follow": "theo-doi/", "data": "du-lieu/", "ward": ward.url,
                           "embed": f"nhung/{ward.url}"}.items():
            page.goto(f"{site_url}{path}")
            if found := serious_violations(page, axe_source):
                problems[name] = found
        page.goto(f"{site_url}gui-cau-chuyen/")
        page.locator("[data-gs-form]").wait_for()
        fill(page, {**ANSWERS, "year": "2024"})
        page.get_by_role("button", name="Kiểm tra và tạo tệp hồ sơ").click()
        page.locator("[data-gs-result]").wait_for()
        page.get_by_text("Dành cho biên tập viên có tài khoản GitHub").click()
        if found := serious_violations(page, axe_source):
            problems["submit"] = found
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        context.close()
    assert problems == {}
