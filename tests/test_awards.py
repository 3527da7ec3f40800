"""Awards shown right: the highest award first, the conferring authority as the decision names it, dates."""

from __future__ import annotations

import dataclasses
import datetime as dt

from guongsang.model.awards import authority, fill
from guongsang.model.catalogues import load_catalog
from guongsang.model.frontmatter import parse_text
from guongsang.model.records import Award, Exemplar
from guongsang.model.schema import json_schema
from guongsang.model.validate import check_document
from support import ROOT, VALID


def _award(catalog, form: str, level: str, year: int) -> Award:
    return Award(catalog.award_forms[form], catalog.award_levels[level], year)


def _exemplar(ctx, tmp_path, text: str = VALID) -> Exemplar | None:
    doc = parse_text(text, "exemplars/nguyen-thi-lan-anh.md")
    exemplar = check_document(doc, tmp_path / "nguyen-thi-lan-anh.md", ctx)
    assert exemplar is not None, [d.message for d in doc.diagnostics]
    return exemplar


def test_every_form_and_level_has_a_distinct_rank(catalog):
    for table in (catalog.award_forms, catalog.award_levels):
        ranks = [entry.get("rank") for entry in table]
        assert all(isinstance(rank, int) for rank in ranks), table.name
        assert len(set(ranks)) == len(ranks), table.name
    # Levels rank as the file lists them, highest first; a decoration outranks a certificate of merit.
    assert [lv.get("rank") for lv in catalog.award_levels] == sorted(lv.get("rank") for lv in catalog.award_levels)
    forms = catalog.award_forms
    assert forms["huan-chuong-lao-dong"].get("rank") < forms["bang-khen"].get("rank") < forms["giay-khen"].get("rank")
    assert forms["bieu-duong"].get("rank") == max(f.get("rank") for f in forms)


def test_highest_award_goes_by_level_then_form_then_year(ctx, tmp_path, catalog):
    base = _exemplar(ctx, tmp_path)
    local = _award(catalog, "giay-khen", "chu-tich-ubnd-xa", 2024)
    district = _award(catalog, "bieu-duong", "chu-tich-ubnd-huyen", 2020)
    province_merit = _award(catalog, "bang-khen", "chu-tich-ubnd-tinh", 2019)
    province_flag = _award(catalog, "co-thi-dua", "chu-tich-ubnd-tinh", 2018)
    older = _award(catalog, "giay-khen", "chu-tich-ubnd-huyen", 2019)
    newer = _award(catalog, "giay-khen", "chu-tich-ubnd-huyen", 2023)

    def top(*awards: Award) -> Award | None:
        return dataclasses.replace(base, awards=awards).highest_award

    assert top() is None
    assert top(local, district) is district  # a higher level wins over a listed-first lower one
    assert top(local, province_merit, district) is province_merit
    assert top(province_merit, province_flag) is province_flag  # same level: the higher form
    assert top(older, newer) is newer and top(newer, older) is newer  # same level and form: the later year
    assert top(district, older) is older  # a certificate of merit before a commendation at the same level


def test_authority_fills_the_level_pattern_with_the_records_own_units(ctx, tmp_path, catalog):
    exemplar = _exemplar(ctx, tmp_path)  # phường Khương Trung, quận Thanh Xuân, Hà Nội; Giấy khen of the district
    assert [a.authority for a in exemplar.awards] == ["Chủ tịch UBND quận Thanh Xuân"]
    loc = exemplar.locality
    levels = catalog.award_levels
    assert authority(levels["chu-tich-ubnd-tinh"], loc, 2023) == "Chủ tịch UBND thành phố Hà Nội"
    assert authority(levels["chu-tich-ubnd-xa"], loc, 2023) == "Chủ tịch UBND phường Khương Trung"
    # After 1 July 2025 the commune-level authority is the current ward.
    after = authority(levels["chu-tich-ubnd-xa"], loc, 2025, dt.date(2025, 9, 1))
    assert after == f"Chủ tịch UBND {loc.ward.lower_name}"
    assert loc.ward.lower_name != "phường Khương Trung"
    # No pattern: the level's label; a record's own words always win.
    assert authority(levels["thu-tuong"], loc, 2023) == "Thủ tướng Chính phủ"
    assert authority(levels["chu-tich-ubnd-huyen"], loc, 2023, written="Chủ tịch UBND quận X") == "Chủ tịch UBND quận X"
    # A pattern naming a unit the record does not have falls back to the label.
    bare = dataclasses.replace(loc, legacy_district=None)
    assert fill("Chủ tịch UBND {huyện}", bare, 2023) is None
    assert authority(levels["chu-tich-ubnd-huyen"], bare, 2023) == levels["chu-tich-ubnd-huyen"].label


def test_a_record_may_name_the_authority_and_its_update_date(ctx, tmp_path):
    text = VALID.replace("    decision: 1234/QĐ-UBND\n",
                         "    decision: 1234/QĐ-UBND\n    authority: Chủ tịch UBND quận Thanh Xuân, Hà Nội\n")
    text = text.replace("---\nBà Lan", "updated: 2025-03-15\n---\nBà Lan")
    exemplar = _exemplar(ctx, tmp_path, text)
    assert exemplar.awards[0].authority == "Chủ tịch UBND quận Thanh Xuân, Hà Nội"
    assert exemplar.updated == dt.date(2025, 3, 15)


def test_authority_and_updated_are_validated_and_in_the_json_schema(ctx, tmp_path):
    for extra, code in (("    authority: X\n", "GS013"), ("updated: 2099-01-01\n", "GS014"), ("updated: 31/02/2024\n",
                                                                                                  "GS014")):
        where = "    decision: 1234/QĐ-UBND\n" if extra.startswith(" ") else "consent:\n"
        doc = parse_text(VALID.replace(where, (where + extra) if extra.startswith(" ") else extra + where), "x.md")
        assert check_document(doc, tmp_path / "x.md", ctx) is None
        assert [d.code for d in doc.diagnostics] == [code], extra
    schema = json_schema()
    assert "authority" in schema["$defs"]["AwardIn"]["properties"]
    assert schema["properties"]["updated"]["description"].startswith("Ngày cập nhật")


def test_an_unknown_placeholder_in_a_level_pattern_is_reported(tmp_path):
    catalog = tmp_path / "catalog"
    catalog.mkdir()
    for name in ("kinds", "fields", "movements"):
        (catalog / f"{name}.yml").write_text((ROOT / "content" / "catalog" / f"{name}.yml").read_text("utf-8"), "utf-8")
    awards = (ROOT / "content" / "catalog" / "awards.yml").read_text("utf-8")
    (catalog / "awards.yml").write_text(awards.replace("Chủ tịch UBND {huyện}", "Chủ tịch UBND {quận}"), "utf-8")
    (tmp_path / "plans").mkdir()
    _, problems = load_catalog(catalog, tmp_path)
    assert [(p.code, "{quận}" in p.message) for p in problems] == [("GS080", True)]



def test_posters_list_awards_highest_first_with_their_authority(ctx, tmp_path, catalog):
    from guongsang.outputs.posters import poster_html

    base = _exemplar(ctx, tmp_path)
    local = _award(catalog, "giay-khen", "chu-tich-ubnd-xa", 2024)
    province = _award(catalog, "bang-khen", "chu-tich-ubnd-tinh", 2022)
    awards = (dataclasses.replace(local, authority="Chủ tịch UBND X"),
              dataclasses.replace(province, authority="Chủ tịch UBND Y"))
    html = poster_html(dataclasses.replace(base, awards=awards), "Gương sáng", "https://example.org/", tmp_path,
                       ROOT / "theme")
    assert html.index("Chủ tịch UBND Y, 2022") < html.index("Chủ tịch UBND X, 2024")
