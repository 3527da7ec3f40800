"""The built collection views (#23): JSON-LD read back with extruct and compared with the records, robots.txt,
the map's links and the sizes of the map, timeline and table pages."""

from __future__ import annotations

import re
from pathlib import Path

import extruct
import pytest

import support
from guongsang.project import Settings, load
from guongsang.site.derive import exemplar_url

pytestmark = pytest.mark.slow
SITE_URL = "https://guongsang.github.io/guongsang/"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("collections") / "site"
    assert support.build(out) == 0
    return out


@pytest.fixture(scope="module")
def model(root):
    loaded = load(Settings.at(root, today=support.TODAY))
    assert loaded.ok
    return loaded.site


def jsonld(path: Path, url: str) -> list[dict]:
    """The page's own JSON-LD, without the frame's ``BreadcrumbList`` (tested in ``test_frame.py``)."""
    found = extruct.extract(path.read_text(encoding="utf-8"), base_url=url, syntaxes=["json-ld"])["json-ld"]
    return [data for data in found if data.get("@type") != "BreadcrumbList"]


def test_every_exemplar_page_has_jsonld_matching_its_record(built, model):
    kinds = {"ca-nhan": "Person", "tap-the": "Organization", "ho-gia-dinh": "Organization"}
    for exemplar in model.exemplars:
        url = SITE_URL + exemplar_url(exemplar.slug)
        (data,) = jsonld(built / exemplar_url(exemplar.slug) / "index.html", url)
        assert data["@type"] == kinds[exemplar.kind.code]
        assert data["name"] == exemplar.name and data["url"] == url and data["description"] == exemplar.summary
        assert len(data.get("award", [])) == len(exemplar.awards)
        for award, text in zip(exemplar.awards, data.get("award", []), strict=True):
            conferred_by = award.authority or award.level.label
            assert award.form.label in text and conferred_by in text and str(award.year) in text
        assert data["address"][0]["addressRegion"] == exemplar.locality.province.name
        if exemplar.locality.ward:
            assert data["address"][0]["addressLocality"] == exemplar.locality.ward.name
        if exemplar.locality.legacy_province:
            assert data["address"][1]["addressRegion"] == exemplar.locality.legacy_province.name
        assert data.get("sameAs", []) == [s.url for s in exemplar.sources]
        for image in data.get("image", []):  # every image named is published
            assert (built / image.removeprefix(SITE_URL)).is_file()


def test_listings_home_and_collection_pages_have_their_jsonld(built, model):
    (home,) = jsonld(built / "index.html", SITE_URL)
    assert home["@type"] == "WebSite" and home["url"] == SITE_URL
    everyone = model.term("province", model.sections["places"][0].key)
    (listing,) = jsonld(built / everyone.url / "index.html", SITE_URL + everyone.url)
    assert listing["@type"] == "CollectionPage"
    urls = [i["url"] for i in listing["mainEntity"]["itemListElement"]]  # an exemplar's item: its URL only
    assert urls == [f"{SITE_URL}guong/{e.slug}/" for e in everyone.exemplars[: len(urls)]]
    assert not any("name" in i for i in listing["mainEntity"]["itemListElement"])
    for url in ("ban-do/", "dong-thoi-gian/", "du-lieu/bang/"):
        (data,) = jsonld(built / url / "index.html", SITE_URL + url)
        assert data["@type"] == "CollectionPage"


def test_robots_txt_names_the_sitemap(built):
    text = (built / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in text and f"Sitemap: {SITE_URL}sitemap.xml" in text.splitlines()
    assert (built / "sitemap.xml").is_file()


def map_svg(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    start = html.index('<svg class="gs-map__svg"')
    return html[start: html.index("</svg>", start)]


def test_map_marks_link_to_pages_that_exist(built, model):
    svg = map_svg(built / "ban-do" / "index.html")
    assert "Quần đảo Hoàng Sa" in svg and "Quần đảo Trường Sa" in svg
    links = re.findall(r'<a href="([^"]+)"', svg)
    assert len(links) == len(model.sections["places"])
    for link in links:
        assert (built / "ban-do" / link / "index.html").resolve().is_file()
    province = model.sections["places"][0]
    ward_links = re.findall(r'<a href="([^"]+)"', map_svg(built / "ban-do" / province.unit.slug / "index.html"))
    assert len(ward_links) == len(province.children)
    for link in ward_links:
        assert (built / "ban-do" / province.unit.slug / link / "index.html").resolve().is_file()


def test_collection_pages_load_nothing_from_elsewhere(built):
    for url in ("ban-do/", "dong-thoi-gian/", "du-lieu/bang/"):
        html = (built / url / "index.html").read_text(encoding="utf-8")
        loaded = re.findall(r'\bsrc="([^"]+)"', html)
        loaded += re.findall(r'<link rel="(?:stylesheet|preload|icon)"[^>]*href="([^"]+)"', html)
        assert loaded and [u for u in loaded if re.match(r"(https?:)?//", u)] == []


def test_each_column_embed_has_a_map_of_its_exemplars(built, model):
    assert model.columns
    for column in model.columns:
        page = built / "nhung" / column.key / "ban-do" / "index.html"
        html = page.read_text(encoding="utf-8")
        assert "Content-Security-Policy" in html and "<script>" not in html
        svg = map_svg(page)
        assert "Quần đảo Hoàng Sa" in svg and "Quần đảo Trường Sa" in svg
        labels = re.findall(r'aria-label="([^"]+): (\d+) gương"', svg)
        expected = {}
        for exemplar in column.exemplars:
            name = exemplar.locality.province.name
            expected[name] = expected.get(name, 0) + 1
        assert {label: int(n) for label, n in labels} == expected
        for link in re.findall(r'<a href="([^"]+)"', svg):
            assert (page.parent / link / "index.html").resolve().is_file()


def test_exemplar_pages_show_their_own_awards_in_order(built, model):
    exemplar = max(model.exemplars, key=lambda e: len(e.awards))
    html = (built / exemplar_url(exemplar.slug) / "index.html").read_text(encoding="utf-8")
    section = html[html.index('<section class="gs-own-timeline"'):]
    section = section[: section.index("</section>")]
    shown = re.findall(r'<time datetime="([^"]+)">', section)
    ordered = sorted(exemplar.awards, key=lambda a: (a.year, a.date.isoformat() if a.date else ""))
    assert shown == [a.date.isoformat() if a.date else str(a.year) for a in ordered]
    for award in exemplar.awards:
        assert award.form.label in section
