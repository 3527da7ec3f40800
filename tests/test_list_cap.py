"""Long lists stop at LIST_PAGES pages and hand the reader the search page's same filter for the rest."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest

import support
from guongsang.outputs.search import FILTERS, filters
from guongsang.project import Settings, load
from guongsang.render.templating import search_query
from guongsang.site import derive
from guongsang.site.derive import LIST_PAGES, SEARCHABLE_SECTIONS, Term, listing_pages


def _term(section: str, count: int) -> Term:
    return Term(section, "x", "X", "x/", exemplars=[object()] * count)  # type: ignore[list-item]


def test_a_long_searchable_list_stops_at_its_last_page_and_says_how_many_it_shows():
    pages = listing_pages(_term("year", 1000), 48)
    assert len(pages) == LIST_PAGES == 10
    assert all(p.pagination.capped and p.pagination.count == 10 for p in pages)
    assert pages[-1].pagination.listed == 480 and len(pages[-1].items) == 48


def test_short_lists_and_lists_the_search_cannot_filter_keep_every_page():
    assert [len(listing_pages(_term("year", n), 48)) for n in (1, 48, 49, 480)] == [1, 1, 2, 10]
    assert not any(p.pagination.capped for p in listing_pages(_term("year", 480), 48))
    for section in ("legacy-province", "district", "plan"):
        pages = listing_pages(_term(section, 1000), 48)
        assert len(pages) == 21 and not pages[0].pagination.capped


@pytest.fixture(scope="module")
def site(root):
    return load(Settings.at(root, today=support.TODAY)).site


def test_the_search_link_finds_every_exemplar_of_the_list(site):
    """For each capped section, the link's filter is the facet value every exemplar of the term carries."""
    checked = set()
    for page in site.pages:
        term = page.term
        if page.kind != "listing" or term is None or term.section not in SEARCHABLE_SECTIONS - {"all"}:
            continue
        [(key, value)] = parse_qsl(urlsplit(search_query(term)).query)
        assert key in FILTERS
        assert all(value in filters(e)[key] for e in term.exemplars), (term.section, term.label)
        checked.add(term.section)
    assert checked == SEARCHABLE_SECTIONS - {"all"}


def test_the_capped_list_of_every_exemplar_links_to_the_other_lists(root, tmp_path, monkeypatch):
    monkeypatch.setattr(derive, "LIST_PAGES", 1)
    out = tmp_path / "build"
    assert support.build(out, root=root) == 0
    everyone = (out / "guong" / "index.html").read_text(encoding="utf-8")
    assert (out / "guong" / "index.html").is_file() and not (out / derive.paged_url("guong/", 2)).exists()
    assert (support.ROOT / "exemplars").is_dir() and len(list((support.ROOT / "exemplars").rglob("*.md"))) > 48
    assert "Danh sách hiện 48 gương mới nhất." in everyone and 'href="../nam/"' in everyone
