"""Localities as the law wrote them (#21): special zones, name clashes, split wards, spellings offices write,
``current_ward:``, award levels valid in a period."""

from __future__ import annotations

import dataclasses

import pytest

from guongsang.model.frontmatter import parse_text
from guongsang.model.places import LocalityError
from guongsang.model.scope import resolve_area
from guongsang.model.validate import check_document
from guongsang.outputs.opendata import FIELDS
from guongsang.outputs.search import filters
from guongsang.site.derive import build_site


def wards(loc):
    return [u.name for u in loc.wards]


@pytest.mark.parametrize(("written", "zone", "province"), [
    ("huyện Côn Đảo, Bà Rịa - Vũng Tàu", "Đặc khu Côn Đảo", "Thành phố Hồ Chí Minh"),
    ("Côn Đảo, Bà Rịa - Vũng Tàu", "Đặc khu Côn Đảo", "Thành phố Hồ Chí Minh"),
    ("huyện Lý Sơn, Quảng Ngãi", "Đặc khu Lý Sơn", "Tỉnh Quảng Ngãi"),
    ("huyện Bạch Long Vĩ, Hải Phòng", "Đặc khu Bạch Long Vĩ", "Thành phố Hải Phòng"),
    ("huyện Cồn Cỏ, Quảng Trị", "Đặc khu Cồn Cỏ", "Tỉnh Quảng Trị"),
    ("huyện Hoàng Sa, Đà Nẵng", "Đặc khu Hoàng Sa", "Thành phố Đà Nẵng"),
    ("đặc khu Côn Đảo, TP Hồ Chí Minh", "Đặc khu Côn Đảo", "Thành phố Hồ Chí Minh"),
])
def test_island_districts_are_special_zones_now(gaz, written, zone, province):
    loc = gaz.resolve(written)
    assert (wards(loc), loc.province.name) == ([zone], province)


def test_sample_record_on_con_dao_is_filed_under_the_special_zone(ctx, root):
    path = root / "exemplars" / "ba-ria-vung-tau" / "chi-hoi-phu-nu-tieu-thuong-cho-con-dao.md"
    doc = parse_text(path.read_text(encoding="utf-8"), "x.md")
    exemplar = check_document(doc, path, ctx)
    assert exemplar is not None, doc.diagnostics
    assert wards(exemplar.locality) == ["Đặc khu Côn Đảo"]
    assert exemplar.locality.legacy_district.name == "Huyện Côn Đảo"


def test_official_table_wins_over_upstream_name_clashes(gaz):
    assert wards(gaz.resolve("xã Phú Tân, huyện Châu Thành, Hậu Giang")) == ["Xã Phú Hữu"]
    assert wards(gaz.resolve("Phường 4, TP Mỹ Tho, Tiền Giang")) == ["Phường Đạo Thạnh"]


def test_a_split_legacy_ward_belongs_to_every_successor(gaz):
    loc = gaz.resolve("phường Khương Trung, quận Thanh Xuân, Hà Nội")
    assert set(wards(loc)) == {"Phường Khương Đình", "Phường Phương Liệt"}
    assert loc.wards_label == "phường Khương Đình hoặc Phương Liệt"
    assert loc.current_label == "Phường Khương Đình hoặc Phương Liệt, Thành phố Hà Nội"
    split = [w for w in gaz.legacy_wards["thanhphohanoi_quanthanhxuan"].values()
             if len(gaz.current_wards_of_legacy(w)) > 1]
    assert len(split) == 8  # of Thanh Xuân's 9 wards, all but Thanh Xuân Trung were divided


def test_a_split_ward_record_is_in_every_successors_pages_areas_search_and_open_data(ctx, tmp_path, valid_text,
                                                                                      catalog, gaz):
    doc = parse_text(valid_text, "x.md")
    exemplar = check_document(doc, tmp_path / "x.md", ctx)
    assert exemplar is not None, doc.diagnostics
    site = build_site([exemplar], catalog, gaz)
    for ward in ("phuongkhuongdinh", "phuongphuongliet"):
        assert [e.slug for e in site.term("ward", f"thanhphohanoi/{ward}").exemplars] == ["x"]
    assert resolve_area(gaz, "phường Phương Liệt, Hà Nội").contains(exemplar)
    assert resolve_area(gaz, "phường Khương Đình, Hà Nội").contains(exemplar)
    assert not resolve_area(gaz, "phường Thanh Xuân, Hà Nội").contains(exemplar)
    assert filters(exemplar)["phuong-xa"] == ["Phường Khương Đình", "Phường Phương Liệt"]
    values = {name: value(exemplar, None) for name, _, value in FIELDS if name.startswith("ward")}
    assert values["wards"] == ["Phường Khương Đình", "Phường Phương Liệt"]
    assert values["ward_codes"] == ["00364", "00352"]


def test_current_ward_names_the_one_successor(ctx, tmp_path, valid_text, catalog, gaz):
    text = valid_text.replace("unit: UBND", "current_ward: phường Phương Liệt\nunit: UBND", 1)
    doc = parse_text(text, "x.md")
    exemplar = check_document(doc, tmp_path / "x.md", ctx)
    assert exemplar is not None, doc.diagnostics
    assert wards(exemplar.locality) == ["Phường Phương Liệt"]
    site = build_site([exemplar], catalog, gaz)
    assert site.term("ward", "thanhphohanoi/phuongkhuongdinh") is None


def test_current_ward_outside_the_successors_is_reported(ctx, tmp_path, valid_text):
    text = valid_text.replace("unit: UBND", "current_ward: phường Thanh Xuân\nunit: UBND", 1)
    doc = parse_text(text, "x.md")
    assert check_document(doc, tmp_path / "x.md", ctx) is None
    (problem,) = doc.diagnostics
    assert (problem.code, problem.line) == ("GS032", 10)
    assert "chọn một trong: Phường Khương Đình; Phường Phương Liệt" in problem.message


@pytest.mark.parametrize(("written", "province", "ward"), [
    ("phường Phú Hội, TP Huế, tỉnh Thừa Thiên Huế", "Thành phố Huế", None),
    ("tỉnh Thừa Thiên Huế", "Thành phố Huế", None),
    ("BR-VT", "Thành phố Hồ Chí Minh", None),
    ("xã Bông Trang, huyện Xuyên Mộc, BR-VT", "Thành phố Hồ Chí Minh", "Xã Xuyên Mộc"),
    ("Ðà Nẵng", "Thành phố Đà Nẵng", None),
    ("phường Hòa Khánh Bắc, quận Liên Chiểu, Ðà Nẵng", "Thành phố Đà Nẵng", None),
    ("Phường IV, TP Tây Ninh, Tây Ninh", "Tỉnh Tây Ninh", "Phường Tân Ninh"),
    ("Phường IV, TP Vị Thanh, Hậu Giang", "Thành phố Cần Thơ", None),
    ("Xã Ia Dreh, huyện Krông Pa, Gia Lai", "Tỉnh Gia Lai", "Xã Ia Dreh"),
    ("Xã Tà Xi Láng, huyện Trạm Tấu, Yên Bái", "Tỉnh Lào Cai", "Xã Tà Xi Láng"),
    ("Xã Chơ GLong, huyện Kông Chro, Gia Lai", "Tỉnh Gia Lai", "Xã Chơ Long"),
    ("xã Tiên Hải, TP Hà Tiên, An Giang", "Tỉnh An Giang", None),
])
def test_spellings_offices_write(gaz, written, province, ward):
    loc = gaz.resolve(written)
    assert loc.province.name == province
    assert ward is None or wards(loc) == [ward]


@pytest.mark.parametrize(("written", "province", "legacy_district"), [
    ("phường Khương Trung, quận Thanh Xuân", "Thành phố Hà Nội", "Quận Thanh Xuân"),
    ("quận Thanh Xuân", "Thành phố Hà Nội", "Quận Thanh Xuân"),
    ("huyện Côn Đảo", "Thành phố Hồ Chí Minh", "Huyện Côn Đảo"),
    ("phường Khương Đình", "Thành phố Hà Nội", None),
])
def test_missing_province_is_inferred_when_the_name_is_unique(gaz, written, province, legacy_district):
    loc = gaz.resolve(written)
    assert loc.province.name == province
    assert (loc.legacy_district.name if loc.legacy_district else None) == legacy_district


def test_missing_province_with_a_name_in_several_provinces_is_ambiguous(gaz):
    with pytest.raises(LocalityError) as caught:
        gaz.resolve("huyện Châu Thành")
    assert caught.value.code == "GS031" and "ghi thêm tỉnh" in caught.value.message


def award_text(valid_text: str, level: str, date: str | None, year: int = 2025) -> str:
    award = f"  - form: Giấy khen\n    level: {level}\n    year: {year}\n"
    award += f"    date: {date}\n" if date else ""
    start = valid_text.index("  - form: Giấy khen")
    end = valid_text.index("consent:")
    return valid_text[:start] + award + valid_text[end:]


@pytest.mark.parametrize(("level", "date", "year", "ok"), [
    ("chu-tich-ubnd-huyen", "2025-06-30", 2025, True),
    ("chu-tich-ubnd-huyen", "2025-07-01", 2025, False),
    ("chu-tich-ubnd-huyen", None, 2025, True),  # some of 2025 was in the period: the year alone cannot tell
    ("chu-tich-ubnd-xa", "2025-08-15", 2025, True),
])
def test_award_levels_are_checked_against_the_award_date(ctx, tmp_path, valid_text, level, date, year, ok):
    doc = parse_text(award_text(valid_text, level, date, year), "x.md")
    check_document(doc, tmp_path / "x.md", ctx)
    assert [d.code for d in doc.diagnostics] == ([] if ok else ["GS029"])


def test_award_after_its_levels_period_names_the_period_and_the_levels_that_fit(ctx, tmp_path, valid_text):
    today = dataclasses.replace(ctx, today=ctx.today.replace(year=2026))
    doc = parse_text(award_text(valid_text, "chu-tich-ubnd-huyen", None, 2026), "x.md")
    check_document(doc, tmp_path / "x.md", today)
    (problem,) = doc.diagnostics
    assert problem.code == "GS029" and problem.line == 16
    assert "chỉ khen thưởng đến ngày 30/6/2025" in problem.message and "năm 2026" in problem.message
    assert problem.message.endswith("Chủ tịch UBND phường/xã/thị trấn; Thủ trưởng cơ quan, đơn vị.")


def test_a_district_written_with_the_wrong_province_is_read_by_the_district_with_a_warning(ctx, tmp_path, gaz,
                                                                                          valid_text):
    # The official table itself writes TP Tân An (Long An) under Tiền Giang.
    loc = gaz.resolve("Phường 4, Thành phố Tân An, Tỉnh Tiền Giang")
    assert loc.legacy_province.name == "Tỉnh Long An" and "Tỉnh Long An" in loc.note
    assert gaz.resolve("phường Khương Trung, quận Thanh Xuân, Hà Nội").note == ""
    text = valid_text.replace("quận Thanh Xuân, Hà Nội", "quận Thanh Xuân, Hải Phòng", 1)
    doc = parse_text(text, "x.md")
    assert check_document(doc, tmp_path / "x.md", ctx) is not None
    (warning,) = doc.diagnostics
    assert (warning.code, warning.severity, warning.line) == ("GS033", "warning", 9)
    assert "Quận Thanh Xuân không thuộc “Hải Phòng” mà thuộc Thành phố Hà Nội" in warning.message
