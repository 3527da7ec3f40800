"""Columns: saved queries read from content/columns/, their problems reported with positions; areas by code or name."""

from __future__ import annotations

import pytest

from guongsang.model.places import LocalityError
from guongsang.model.scope import DISTRICT, LEGACY_PROVINCE, PROVINCE, WARD, resolve_area, resolve_province
from guongsang.project import Settings, load
from guongsang.site.columns import DEFAULT_LIMIT, load_columns
from guongsang.site.published import newest_first
from support import TODAY


@pytest.fixture(scope="module")
def sample(root):
    loaded = load(Settings.at(root, today=TODAY))
    assert loaded.ok, loaded.diagnostics
    return loaded


@pytest.mark.parametrize(("written", "kind", "label"), [
    ("quận Thanh Xuân, Hà Nội", DISTRICT, "Quận Thanh Xuân (cũ), Thành phố Hà Nội"),
    ("009", DISTRICT, "Quận Thanh Xuân (cũ), Thành phố Hà Nội"),
    ("phường Khương Đình, Hà Nội", WARD, "Phường Khương Đình, Thành phố Hà Nội"),
    ("00364", WARD, "Phường Khương Đình, Thành phố Hà Nội"),
    ("TP. Hồ Chí Minh", PROVINCE, "Thành phố Hồ Chí Minh"),
    ("01", PROVINCE, "Thành phố Hà Nội"),
    ("Bà Rịa - Vũng Tàu", LEGACY_PROVINCE, "Tỉnh Bà Rịa - Vũng Tàu (cũ)"),
    ("Khánh Hòa (cũ)", LEGACY_PROVINCE, "Tỉnh Khánh Hòa (cũ)"),
])
def test_areas_are_named_by_code_or_as_written(gaz, written, kind, label):
    area = resolve_area(gaz, written)
    assert (area.kind, area.label) == (kind, label)


def test_unknown_areas_are_reported_in_vietnamese(gaz):
    with pytest.raises(LocalityError, match="mã “99999”"):
        resolve_area(gaz, "99999")
    with pytest.raises(LocalityError, match="Hà Nội"):
        resolve_province(gaz, "Hà Nộii")
    assert resolve_province(gaz, "ha-noi").unit.code == "01"


def test_area_membership_follows_the_records_localities(gaz, sample):
    district = resolve_area(gaz, "009")
    ward = resolve_area(gaz, "phường Khương Đình, Hà Nội")
    inside = [e for e in sample.site.exemplars if district.contains(e)]
    assert inside and all(e.locality.legacy_district.name == "Quận Thanh Xuân" for e in inside)
    assert all(e.locality.ward.name == "Phường Khương Đình" for e in sample.site.exemplars if ward.contains(e))


def test_sample_columns_select_newest_matches_up_to_their_limit(sample):
    columns = {c.code: c for c in sample.columns}
    assert {"nguoi-tot-viec-tot", "guong-sang-thanh-xuan", "hoc-tap-va-lam-theo-bac"} <= columns.keys()
    ntvt = sample.site.term("column", "nguoi-tot-viec-tot")
    expected = [e for e in sample.site.exemplars if any(m.code == "nguoi-tot-viec-tot" for m in e.movements)]
    assert ntvt.exemplars == newest_first(expected, TODAY)[:DEFAULT_LIMIT]
    years = sample.site.term("column", "hoc-tap-va-lam-theo-bac")
    assert years.exemplars and all(2021 <= e.year <= 2025 for e in years.exemplars)
    urls = {p.url for p in sample.site.pages}
    assert {"chuyen-muc/", "chuyen-muc/nguoi-tot-viec-tot/", "theo-doi/", "du-lieu/"} <= urls


def test_every_problem_in_a_column_is_reported_with_its_position(tmp_path, catalog, gaz):
    (tmp_path / "Sai Ten.yml").write_text("name: A\n", encoding="utf-8")
    (tmp_path / "loi.yml").write_text(
        "name: Chuyên mục lỗi\n"
        "querry: {}\n"
        "query:\n"
        "  movements: [khong-co-phong-trao]\n"
        "  localities: [\"quận Không Có, Hà Nội\"]\n"
        "  years: 2025-2021\n"
        "  limit: 500\n", encoding="utf-8")
    (tmp_path / "dung.yml").write_text("name: Đúng\nquery:\n  kinds: [cá nhân]\n  tags: [Khuyến học]\n",
                                       encoding="utf-8")
    columns, problems = load_columns(tmp_path, catalog, gaz, tmp_path)
    assert [c.code for c in columns] == ["dung"]
    assert columns[0].query.tags == frozenset({"khuyến học"})
    found = sorted((p.path, p.line, p.code) for p in problems)
    assert found == [("Sai Ten.yml", 1, "GS061"), ("loi.yml", 2, "GS096"), ("loi.yml", 4, "GS096"),
                     ("loi.yml", 5, "GS030"), ("loi.yml", 6, "GS096"), ("loi.yml", 7, "GS096")]
    assert "query" in next(p.message for p in problems if p.line == 2)  # did you mean “query”?
