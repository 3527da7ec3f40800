"""The collection views (#23): map data and views, honours through time, the table's chunks, JSON-LD."""

from __future__ import annotations

import dataclasses
import json
from collections import Counter

import pytest

from guongsang.model.geo import ARCHIPELAGOS, geodata
from guongsang.project import Settings, load
from guongsang.render.jsonld import FAMILY, collection_data, encode, exemplar_data, page_data
from guongsang.site.collections import MAP, TIMELINE, map_views
from guongsang.site.datatable import CHUNK, FIRST, INDEX, TABLE, table_files
from guongsang.site.datatable import row_of as table_row
from guongsang.site.mapview import Projection, path_data, radius
from guongsang.site.timeline import NOTABLE, build_timeline, own_timeline, rank
from support import TODAY

BASE = "https://example.vn/gs/"


@pytest.fixture(scope="module")
def sample(root):
    loaded = load(Settings.at(root, today=TODAY))
    assert loaded.ok, loaded.diagnostics
    return loaded.site


def page(site, url):
    return next(p for p in site.pages if p.url == url)


# -- map data -----------------------------------------------------------------------------------------------

def test_every_current_province_has_an_outline_and_every_ward_a_point(gaz):
    geo = geodata()
    assert {u.code for u in gaz.provinces.values()} == set(geo.provinces) == set(geo.province_points)
    wards = {w.code for ws in gaz.wards.values() for w in ws.values()}
    assert wards <= set(geo.ward_points)
    for code, (lon, lat) in geo.ward_points.items():
        assert 102 < lon < 118 and 6 < lat < 24, code


def test_the_archipelagos_are_drawn_as_part_of_vietnam():
    geo = geodata()
    hoang_sa, truong_sa = geo.islands["hoang-sa"], geo.islands["truong-sa"]
    assert len(hoang_sa) >= 5 and len(truong_sa) >= 20
    assert all(111 <= lon <= 113 and 15.5 <= lat <= 17.5 for lon, lat in hoang_sa)
    assert all(110.5 <= lon <= 117.5 and 6.5 <= lat <= 12.5 for lon, lat in truong_sa)
    assert ARCHIPELAGOS["hoang-sa"][1] == "48" and ARCHIPELAGOS["truong-sa"][1] == "56"  # Đà Nẵng, Khánh Hòa


def test_projection_keeps_north_up_and_fits_the_width():
    proj = Projection.fit([(102.0, 23.0), (110.0, 8.0)], width=600)
    x0, y0 = proj.xy((102.0, 23.0))
    x1, y1 = proj.xy((110.0, 8.0))
    assert x0 < x1 and y0 < y1
    assert x1 == pytest.approx(588, abs=0.2) and proj.height > proj.width
    assert path_data([((102.0, 23.0), (102.0, 23.0), (110.0, 8.0))], proj) == ""  # two distinct points: no shape
    assert path_data([((102.0, 23.0), (110.0, 23.0), (110.0, 8.0))], proj).startswith("M12 12L")


def test_bigger_counts_get_bigger_marks():
    assert radius(1, 100) < radius(50, 100) < radius(100, 100) == 14.0


def test_national_map_marks_each_province_with_its_count(sample):
    view, provinces = map_views(sample)
    terms = {t.label: t for t in sample.sections["places"]}
    assert {m.label: m.count for m in view.marks} == {label: t.count for label, t in terms.items()}
    assert {m.href for m in view.marks} == {f"{MAP}/{t.unit.slug}/" for t in terms.values()}
    assert len(view.regions) == 34 and sum(r.active for r in view.regions) == len(terms)
    assert [group[0] for group in view.islands] == ["hoang-sa", "truong-sa"]
    assert {group[4] for group in view.islands} == {"Thành phố Đà Nẵng", "Tỉnh Khánh Hòa"}
    for m in view.marks:
        assert 0 <= m.x <= view.width and 0 <= m.y <= view.height
    assert len(provinces) == len(terms)


def test_a_province_map_marks_wards_linked_to_their_lists(sample):
    _, provinces = map_views(sample)
    term, view = next((t, v) for t, v in provinces if len(t.children) > 2)
    assert {m.href: m.count for m in view.marks} == {w.url: w.count for w in term.children}
    assert view.up == f"{MAP}/"
    assert view.regions[0].d.startswith("M")


def test_a_sub_site_map_is_its_province(root):
    loaded = load(Settings.at(root, today=TODAY, only_province="Đà Nẵng"))
    assert loaded.ok
    whole = page(loaded.site, f"{MAP}/").items[0]
    (province,) = loaded.site.sections["places"]
    assert whole.title == province.label and {m.href for m in whole.marks} == {w.url for w in province.children}
    assert not [p for p in loaded.site.pages if p.url.startswith(f"{MAP}/") and p.url != f"{MAP}/"]
    assert any("Hoàng Sa" in note for note in whole.notes)


# -- timeline -------------------------------------------------------------------------------------------------

def test_timeline_counts_every_award_in_its_year(sample):
    timeline = page(sample, f"{TIMELINE}/").items[0]
    expected = Counter(a.year for e in sample.exemplars for a in e.awards)
    assert {y.year: y.honours for y in timeline.years} == dict(expected)
    assert [y.year for y in timeline.years] == sorted(expected, reverse=True)
    for row in timeline.years:
        awarded = {e.slug for e in sample.exemplars if any(a.year == row.year for a in e.awards)}
        assert row.honoured == len(awarded)
        movements = Counter(m.code for e in sample.exemplars if e.slug in awarded for m in e.movements)
        assert {entry.code: n for entry, n in row.movements} == dict(movements)
        assert len(row.notable) <= NOTABLE
        ranks = [rank(h.award, sample.catalog) for h in row.notable]
        assert ranks == sorted(ranks)


def test_timeline_periods_follow_the_plans(sample):
    timeline = build_timeline(sample.exemplars, sample.catalog)
    plans = sample.catalog.plan_models.values()
    assert {(p.first, p.last) for p in timeline.periods} == {plan.period for plan in plans}
    for period in timeline.periods:
        awards = [a for e in sample.exemplars for a in e.awards]
        assert period.honours == sum(1 for a in awards if period.first <= a.year <= period.last)


def test_notable_honours_rank_the_highest_level_first(sample):
    exemplar = next(e for e in sample.exemplars if e.awards)
    levels = list(sample.catalog.award_levels)
    low, high = (dataclasses.replace(exemplar.awards[0], level=levels[-1], year=2030),
                 dataclasses.replace(exemplar.awards[0], level=levels[0], year=2030))
    timeline = build_timeline([dataclasses.replace(exemplar, awards=(low, high))], sample.catalog)
    assert [h.award.level.code for h in timeline.years[0].notable] == [levels[0].code, levels[-1].code]


def test_own_timeline_is_oldest_first(sample):
    exemplar = next(e for e in sample.exemplars if e.awards)
    first = dataclasses.replace(exemplar.awards[0], year=2019, date=None)
    later = dataclasses.replace(exemplar.awards[0], year=2024, date=None)
    assert [a.year for a in own_timeline(dataclasses.replace(exemplar, awards=(later, first)))] == [2019, 2024]


# -- table ------------------------------------------------------------------------------------------------------

def test_table_page_renders_the_first_rows_and_chunks_hold_every_row(sample):
    view = page(sample, TABLE).items[0]
    assert view.total == len(sample.exemplars)
    assert [r.url for r in view.rows] == [table_row(e).url for e in sample.exemplars[:FIRST]]
    index = json.loads(sample.files[f"{TABLE}{INDEX}"])
    assert index["total"] == len(sample.exemplars) and index["chunk"] == CHUNK
    rows = [r for name in index["chunks"] for r in json.loads(sample.files[f"{TABLE}{name}"])]
    assert [r[0] for r in rows] == [table_row(e).url for e in sample.exemplars]
    assert set(index["labels"]["province"]) == {e.locality.province.code for e in sample.exemplars}


def test_table_splits_into_chunks(sample):
    rows = [table_row(e) for e in sample.exemplars]
    files = table_files(rows, {}, size=10)
    index = json.loads(files[f"{TABLE}{INDEX}"])
    assert len(index["chunks"]) == -(-len(rows) // 10)
    assert all(len(json.loads(files[f"{TABLE}{n}"])) <= 10 for n in index["chunks"])


# -- JSON-LD ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("kind", "schema_type"), [("ca-nhan", "Person"), ("tap-the", "Organization"),
                                                   ("ho-gia-dinh", "Organization")])
def test_exemplar_jsonld_types_by_kind(sample, kind, schema_type):
    exemplar = next(e for e in sample.exemplars if e.kind.code == kind)
    data = exemplar_data(exemplar, BASE)
    assert data["@type"] == schema_type
    assert (data.get("additionalType") == FAMILY) is (kind == "ho-gia-dinh")
    assert data["name"] == exemplar.name and data["description"] == exemplar.summary
    assert data["url"] == f"{BASE}guong/{exemplar.slug}/"


def test_exemplar_jsonld_carries_awards_addresses_images_and_sources(sample):
    exemplar = next(e for e in sample.exemplars if e.awards and e.sources and e.images and e.locality.legacy_district)
    data = exemplar_data(exemplar, BASE)
    assert len(data["award"]) == len(exemplar.awards)
    assert all(a.form.label in text and str(a.year) in text for a, text in zip(exemplar.awards, data["award"],
                                                                              strict=True))
    current, legacy = data["address"]
    assert current["addressRegion"] == exemplar.locality.province.name
    assert legacy["addressRegion"] == exemplar.locality.legacy_province.name
    assert exemplar.locality.legacy_district.name in legacy["addressLocality"]
    assert data["sameAs"] == [s.url for s in exemplar.sources]
    assert len(data["image"]) == len(exemplar.images) and all(u.startswith(BASE) for u in data["image"])


def test_jsonld_cannot_close_its_script_element(sample):
    exemplar = dataclasses.replace(sample.exemplars[0], summary="</script><script>alert(1)</script>")
    text = str(encode(exemplar_data(exemplar, BASE)))
    assert "</script" not in text and json.loads(text)["description"] == exemplar.summary


def test_listing_jsonld_is_a_collection_page_with_its_items(sample):
    listing = next(p for p in sample.pages if p.kind == "listing" and p.pagination and p.pagination.count > 1)
    data = collection_data(listing, BASE)
    assert data["@type"] == "CollectionPage"
    items = data["mainEntity"]["itemListElement"]
    assert [i["url"] for i in items] == [f"{BASE}guong/{e.slug}/" for e in listing.items]
    assert all(i.keys() == {"@type", "position", "url"} for i in items)  # Google's summary-page form
    assert items[0]["position"] == 1 and data["mainEntity"]["numberOfItems"] == listing.term.count
    last = next(p for p in sample.pages if p.term is listing.term and p.pagination.number == p.pagination.count)
    assert collection_data(last, BASE)["mainEntity"]["itemListElement"][-1]["position"] == listing.term.count


def test_home_page_jsonld_is_the_website(sample):
    class Home:
        is_homepage = True

    data = page_data(None, Home(), {"site_name": "Gương sáng", "site_url": BASE, "site_description": "Mô tả"})
    assert data["@type"] == "WebSite" and data["url"] == BASE
    assert data["potentialAction"]["target"] == f"{BASE}tim-kiem/?q={{q}}"
