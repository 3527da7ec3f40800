"""Search on the built sample site: Vietnamese with or without diacritics (đ included), facets, shared URLs."""

import json
import re
import unicodedata
from urllib.parse import quote, urlencode

import pytest

from guongsang.model.text import fold
from guongsang.outputs.search_words import exact_word
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


# Ranking (issue #20): the exact form first, syllable pairs, fields as readers mean them, counts apart.

def all_results(page):
    """Every result of the current search (the list shows ten at a time): (name, meta line) pairs."""
    while page.locator("[data-gs-more]").is_visible():
        page.click("[data-gs-more]")
        settled(page)
    return list(zip(names(page), page.locator(".gs-result__meta").all_inner_texts(), strict=True))


def syllables(text, exact=True):
    """The syllables of ``text`` exact (in Telex, as indexed: "hoà" and "hòa" are one syllable) or folded."""
    words = re.findall(r"\w+", unicodedata.normalize("NFC", text).lower())
    return " " + " ".join(exact_word(w) if exact else fold(w) for w in words) + " "


def holds(text, query, exact=True):
    return syllables(query, exact) in syllables(text, exact)


def fields(e):
    """The record's own fields, where the index keeps exact words and pairs (the story and the catalogue labels
    of movements, field and awards: their folded words only)."""
    loc = e.locality
    return " | ".join([e.name, loc.current_label, loc.written, loc.legacy_label, e.title, e.summary,
                       *e.achievements, e.unit, *e.tags])


def exemplars_shown(page, site):
    by_name = {e.name: e for e in site.exemplars}
    return [by_name[n] for n, meta in all_results(page) if not meta.startswith("Bài dự thi")]


def exact_fields(e, query):
    """Where the index holds a query's exact form: one syllable in the name and places, pairs in every field."""
    loc = e.locality
    return fields(e) if len(query.split()) > 1 else " | ".join([e.name, loc.current_label, loc.written,
                                                                  loc.legacy_label])


@pytest.mark.parametrize("query", ["Đức", "Hòa", "Hiền", "Hải", "Hương", "Đông Hải"])
def test_a_query_with_diacritics_ranks_the_exact_form_above_the_folded_one(page, site_url, site, query):
    open_search(page, site_url, q=query)
    exact = [all(holds(exact_fields(e, query), w) for w in query.split()) for e in exemplars_shown(page, site)]
    assert exact[0], "an exact match first"
    assert exact == sorted(exact, reverse=True), "every exact match above every folded-only match"
    assert not all(exact), "pages with the folded form only are still found"


def test_the_same_syllable_meets_whichever_vowel_carries_the_tone(page, site_url, site):
    open_search(page, site_url, q="Vũ Thị Hòa")  # the record writes "Hoà"
    assert names(page)[0] == "Hộ bà Vũ Thị Hoà"


@pytest.mark.parametrize("query", ["hien dat", "hiến đất", "thanh xuan", "nong thon moi"])
def test_adjacent_syllables_rank_above_the_same_words_apart(page, site_url, site, query):
    open_search(page, site_url, q=query)
    exact = query != fold(query)
    adjacent = [holds(fields(e), query, exact) for e in exemplars_shown(page, site)]
    assert adjacent[0] and adjacent == sorted(adjacent, reverse=True)
    assert not all(adjacent), "pages with the words apart are still found"


def field_rank(e, query):
    """0 when the name holds the query, 1 the place, 2 the title or summary, 3 anything else."""
    loc = e.locality
    fields = [e.name, " | ".join([loc.current_label, loc.written, loc.legacy_label]), f"{e.title} | {e.summary}"]
    return next((i for i, text in enumerate(fields) if holds(text, query, query != fold(query))), len(fields))


@pytest.mark.parametrize("query", ["thanh xuan", "Thanh Xuân", "Đức", "ninh hoa"])
def test_fields_rank_name_then_place_then_title_and_summary(page, site_url, site, query):
    open_search(page, site_url, q=query)
    shown = exemplars_shown(page, site)
    exact = query != fold(query)
    holding = [e for e in shown if holds(fields(e), query, exact)]
    ranks = [field_rank(e, query) for e in holding]
    assert ranks == sorted(ranks), [(e.name, r) for e, r in zip(holding, ranks, strict=True)]
    assert 1 in ranks, "the place's exemplars are found"


def test_a_place_ranks_its_exemplars_first(page, site_url, site):
    open_search(page, site_url, q="thanh xuan")
    in_place = {e.name for e in site.exemplars if holds(e.locality.legacy_label + " " + e.locality.written,
                                                        "thanh xuan", exact=False)}
    named = {e.name for e in site.exemplars if holds(e.name, "thanh xuan", exact=False)}
    first = names(page)[:len(in_place | named)]
    assert set(first) <= in_place | named and len(first) == min(10, len(in_place | named))


def test_exemplars_and_contest_entries_are_counted_apart(page, site_url):
    open_search(page, site_url, q="thanh xuan")
    status = page.locator("[data-gs-status]").inner_text()
    shown = all_results(page)
    entries = sum(meta.startswith("Bài dự thi") for _, meta in shown)
    assert entries, "the sample's Thanh Xuân contest entries are found"
    assert status == f"Tìm thấy {len(shown) - entries} gương điển hình và {entries} bài dự thi cho “thanh xuan”."


def test_only_exemplars_found_are_counted_as_exemplars(page, site_url):
    open_search(page, site_url, q="da lat")  # the sample's contests are in Hà Nội and Khánh Hòa
    status = page.locator("[data-gs-status]").inner_text()
    assert "bài dự thi" not in status
    assert status == f"Tìm thấy {len(all_results(page))} gương điển hình cho “da lat”."


@pytest.mark.parametrize("query", ["pham duc thihn", "pham duc thnh", "phamm duc thinh", "Phạm Đức Thịhn"])
def test_a_one_letter_slip_still_finds_the_person(page, site_url, query):
    open_search(page, site_url, q=query)
    assert names(page)[0] == "Hộ ông Phạm Đức Thịnh"


def test_the_page_spells_exact_words_as_the_index_does(page, site_url):
    words = ["đức", "dục", "hường", "hoà", "hòa", "thanh", "xuân", "hiến", "đất", "ủy", "quốc", "nghiêng", "2025"]
    open_search(page, site_url)
    url = f"{site_url}assets/javascripts/guongsang-search-query.js"
    spelled = page.evaluate(f"import('{url}').then((m) => {json.dumps(words)}.map(m.exactWord))")
    assert spelled == [exact_word(w) for w in words]


def test_filters_without_words_load_one_chunk_not_the_whole_index(page, site_url, site, built_site_dir):
    """A list's "see all in search" link carries a filter and no words: the page searches the token every page
    carries, instead of Pagefind's search without words, which loads every chunk of the index first."""
    chunks = []
    page.on("request", lambda r: chunks.append(r.url) if "/pagefind/index/" in r.url else None)
    open_search(page, site_url, **{"doi-tuong": "Cá nhân"})
    expected = sum(1 for e in site.exemplars if e.kind.label == "Cá nhân")
    assert page.locator("[data-gs-status]").inner_text().startswith(f"Tìm thấy {expected} gương điển hình")
    assert len(list((built_site_dir / "pagefind" / "index").iterdir())) > 10
    assert 0 < len(chunks) <= 2, chunks
