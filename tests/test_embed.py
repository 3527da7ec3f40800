"""Embeds: every column and every place (province, current ward, legacy district) has an embed page and a
snippet; the page is light unless the portal asks for dark."""

from __future__ import annotations

import html
import re

import pytest

from guongsang.outputs.embed import embedded, snippet, write_embeds
from guongsang.outputs.feeds import FeedContext
from guongsang.project import Settings, load
from guongsang.site.published import newest_first
from support import ROOT, TODAY

CTX = FeedContext("Gương sáng", "https://example.org/gs/", TODAY, lambda e: "")


@pytest.fixture(scope="module")
def sample(root):
    loaded = load(Settings.at(root, today=TODAY))
    assert loaded.ok
    return loaded.site


@pytest.fixture(scope="module")
def written(sample, tmp_path_factory):
    out = tmp_path_factory.mktemp("embeds")
    return out, write_embeds(sample, ROOT / "theme", out, CTX)


def test_current_wards_and_legacy_districts_get_embed_pages_like_columns(sample, written):
    out, urls = written
    wards = [w for p in sample.sections["places"] for w in p.children]
    districts = [d for p in sample.sections["legacy"] for d in p.children]
    assert wards and districts and sample.columns
    expected = ([f"nhung/{c.key}/" for c in sample.columns] + [f"nhung/{t.url}" for t in sample.sections["places"]]
                + [f"nhung/{w.url}" for w in wards] + [f"nhung/{d.url}" for d in districts])
    assert sorted(urls) == sorted(expected) and len(urls) == len(set(urls))
    ward = max(wards, key=lambda w: w.count)
    page = (out / f"nhung/{ward.url}index.html").read_text(encoding="utf-8")
    shown = re.findall(r'href="(?:\.\./)+guong/([a-z0-9-]+)/"', page)
    assert shown == [e.slug for e in newest_first(ward.exemplars, TODAY)][:10]
    assert f"<title>{html.escape(ward.label)} — Gương sáng</title>" in page
    assert '<link rel="stylesheet" href="../../../../nhung/nhung.css">' in page  # four levels below the root


def test_a_places_snippet_names_the_place_and_points_at_its_embed_page(sample):
    ward = sample.sections["places"][0].children[0]
    code = snippet(ward, "https://example.org/gs/", "Gương sáng")
    place = ward.url.removeprefix("dia-phuong/").rstrip("/")
    assert f'<div data-guongsang-place="{place}" data-items="5">' in code and place.count("/") == 1
    assert f'<a href="https://example.org/gs/{ward.url}">' in code
    column = snippet(sample.columns[0], "https://example.org/gs/", "Gương sáng")
    assert f'data-guongsang-column="{sample.columns[0].key}"' in column
    legacy = snippet(sample.sections["legacy"][0].children[0], "https://example.org/gs/", "Gương sáng")
    assert re.search(r'data-guongsang-place="truoc-2025/[a-z0-9-]+/[a-z0-9-]+"', legacy)


def test_embeds_are_light_unless_the_portal_asks_for_dark():
    css = (ROOT / "theme/nhung/nhung.css").read_text(encoding="utf-8")
    assert "prefers-color-scheme" not in css  # the visitor's dark mode does not reach the portal's page
    assert ':root[data-theme="toi"]' in css
    script = (ROOT / "theme/nhung/embed.js").read_text(encoding="utf-8")
    assert 'dark: "toi"' in script and "data-guongsang-place" in script


def test_every_embed_is_listed_once(sample):
    terms = list(embedded(sample))
    assert len({id(t) for t in terms}) == len(terms)
    assert {t.section for t in terms} == {"column", "province", "ward", "district"}
