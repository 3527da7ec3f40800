"""Search on the built sample site: Vietnamese with or without diacritics (đ included), facets, shared URLs."""

import unicodedata
from urllib.parse import quote, urlencode

import pytest

from guongsang.project import Settings, load
from support import TODAY

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(root):
    return load(Settings.at(root, today=TODAY)).site


def open_search(page, site_url, **params):
    page.goto(f"{site_url}tim-kiem/?{urlencode(params, doseq=True, quote_via=quote)}")
    page.wait_for_selector("html[data-gs-search-ready]")
    settled(page)


def settled(page):
    """Wait until the search page has finished searching and rendering."""
    page.wait_for_selector("html:not([data-gs-busy])", state="attached", timeout=10_000)


def names(page):
    return page.locator(".gs-result__name").all_inner_texts()


def type_query(page, text):
    page.fill("#gs-search-q", text)
    settled(page)


@pytest.mark.parametrize("query", [
    "duc thinh", "Đức Thịnh", "ĐỨC THỊNH", "đuc thinh", "Pham Duc Thinh",
    unicodedata.normalize("NFD", "Phạm Đức Thịnh"),
])
def test_name_with_d_stroke_is_found_first_however_it_is_typed(page, site_url, query):
    open_search(page, site_url)
    type_query(page, query)
    assert names(page)[0] == "Hộ ông Phạm Đức Thịnh"


@pytest.mark.parametrize(("query", "expected"), [
    ("dong hai", "Chi hội Phụ nữ khu dân cư Đông Hải"),
    ("Đông Hải", "Chi hội Phụ nữ khu dân cư Đông Hải"),
    ("dinh cong hau", "Đinh Công Hậu"),
    ("doi thong", "Trường Trung học cơ sở Đồi Thông"),
    ("nguyen thi lan anh", "Nguyễn Thị Lan Anh"),
    ("nguyễn van tam", "Hộ ông Nguyễn Văn Tâm"),
    ("dang thi thu trang", "Đặng Thị Thu Trang"),
])
def test_queries_without_diacritics_find_the_person_first(page, site_url, query, expected):
    open_search(page, site_url, q=query)
    assert names(page)[0] == expected


def test_facets_combine_and_narrow(page, site_url, site):
    households_in_hanoi = [e for e in site.exemplars
                           if e.kind.code == "ho-gia-dinh" and e.locality.province.name == "Thành phố Hà Nội"]
    open_search(page, site_url)
    assert page.locator("[data-gs-facets]").is_hidden()  # on a phone the facets load only when asked for
    page.click("[data-gs-facets-toggle]")
    settled(page)
    page.locator("fieldset", has_text="Đối tượng").get_by_label("Hộ gia đình").check()
    settled(page)
    households = len([e for e in site.exemplars if e.kind.code == "ho-gia-dinh"])
    assert f"Tìm thấy {households} " in page.locator("[data-gs-status]").inner_text()
    page.locator("fieldset", has_text="Tỉnh, thành phố").get_by_label("Thành phố Hà Nội").check()
    settled(page)
    assert f"Tìm thấy {len(households_in_hanoi)} " in page.locator("[data-gs-status]").inner_text()
    while page.locator("[data-gs-more]").is_visible():
        page.click("[data-gs-more]")
        settled(page)
    assert sorted(names(page)) == sorted(e.name for e in households_in_hanoi)
    assert "doi-tuong=H%E1%BB%99+gia+%C4%91%C3%ACnh" in page.url and "tinh=" in page.url


def test_a_shared_url_restores_query_filters_and_sort(page, site_url, site):
    open_search(page, site_url, **{"q": "hien mau", "tinh": "Tỉnh Khánh Hòa", "sap-xep": "moi-nhat"})
    assert page.input_value("#gs-search-q") == "hien mau"
    assert page.input_value("#gs-search-sort") == "moi-nhat"
    assert page.locator("fieldset", has_text="Tỉnh, thành phố").get_by_label("Tỉnh Khánh Hòa").is_checked()
    shown = names(page)
    assert shown and all(site_name_in(site, n, "Tỉnh Khánh Hòa") for n in shown)
    years = [int(t.split(" · ")[-1]) for t in page.locator(".gs-result__meta").all_inner_texts()]
    assert years == sorted(years, reverse=True)


def site_name_in(site, name, province):
    return any(e.name == name and e.locality.province.name == province for e in site.exemplars)


def test_results_show_name_summary_image_and_place_and_link_to_the_page(page, site_url, site):
    open_search(page, site_url, q="duc thinh")
    exemplar = next(e for e in site.exemplars if e.name == "Hộ ông Phạm Đức Thịnh")
    result = page.locator(".gs-result").first
    assert exemplar.summary in result.inner_text()
    assert exemplar.locality.current_label in result.inner_text()
    assert result.locator("img").get_attribute("alt") == exemplar.image.alt
    result.locator("a").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/guong/{exemplar.slug}/")


def test_status_is_announced_and_no_match_is_explained(page, site_url):
    open_search(page, site_url, q="xyzqwv")
    status = page.locator("[data-gs-status]")
    assert status.get_attribute("role") == "status"
    assert status.inner_text().startswith("Không tìm thấy")


def test_header_search_box_opens_the_search_page(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url)
    page.fill("#gs-header-q", "dong hai")
    page.keyboard.press("Enter")
    page.wait_for_selector("html[data-gs-search-ready]")
    settled(page)
    assert names(page)[0] == "Chi hội Phụ nữ khu dân cư Đông Hải"


def test_only_exemplar_pages_are_indexed_and_lunr_is_gone(site_url, site, tmp_path_factory):
    import urllib.request

    entry = urllib.request.urlopen(f"{site_url}pagefind/pagefind-entry.json").read()
    assert b'"vi"' in entry
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(f"{site_url}search/search_index.json")
