"""The official conversion table against the resolver: every legacy ward, written as the table writes it."""

from __future__ import annotations

from guongsang.model.conversion import official_rows, successors


def _written(row) -> str:
    if row.is_district:
        return f"{row.legacy_district}, {row.legacy_province}"
    return f"{row.legacy_name}, {row.legacy_district}, {row.legacy_province}"


def test_every_legacy_unit_of_the_official_table_resolves_to_its_official_successors(gaz):
    first = {}
    for row in official_rows():
        first.setdefault(row.legacy_code, row)
    wrong = []
    for code, news in successors().items():
        written = _written(first[code])
        try:
            got = {u.code for u in gaz.resolve(written).wards}
        except ValueError as exc:
            got = {str(exc)}
        if got != set(news):
            wrong.append((written, sorted(news), sorted(got)))
    assert len(successors()) == 10_038
    assert wrong == [], f"{len(wrong)} of {len(successors())}: {wrong[:20]}"


def _script():
    import importlib.util

    from support import ROOT

    script = ROOT / "scripts" / "build_conversion_table.py"
    spec = importlib.util.spec_from_file_location("build_conversion_table", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_rebuild_script_keeps_data_rows_island_districts_and_nothing_else(tmp_path):
    source = tmp_path / "bang.csv"
    source.write_text(
        "Đơn vị hành chính từ ngày 01/7/2025,,,Đơn vị hành chính trước ngày 01/7/2025,,,,,\n"
        '"Tỉnh, thành phố",Tên Xã mới,Mã Xã mới,Tên Xã cũ,Mã Xã cũ,Ghi chú,Quận/huyện,Tỉnh cũ,\n'
        "THÀNH PHỐ HÀ NỘI  ,,,,,,,,\n"
        "Thành phố Hà Nội (01),Phường Khương Đình,00364,Phường  Khương Trung,00367,Nhập một phần ,"
        "Quận Thanh Xuân (009),Thành phố Hà Nội (01),\n"
        "Thành phố Hồ Chí Minh (79),\"Đặc khu Côn Đảo\n\",26732,,,Sắp xếp toàn bộ huyện Côn Đảo thành đặc khu "
        "Côn Đảo,Huyện Côn Đảo (755),Tỉnh Bà Rịa - Vũng Tàu (77),\n"
        "Tỉnh Ninh Bình (37),Xã Kim Đông,14698,Khu vực bãi bồi ven biển,,Nhập toàn bộ,Huyện Kim Sơn (376),"
        "Tỉnh Ninh Bình (37),\n", encoding="utf-8")
    assert _script().rows(source) == [
        ("00367", "Phường Khương Trung", "Quận Thanh Xuân", "Thành phố Hà Nội", "00364", "Nhập một phần"),
        ("755", "", "Huyện Côn Đảo", "Tỉnh Bà Rịa - Vũng Tàu", "26732",
         "Sắp xếp toàn bộ huyện Côn Đảo thành đặc khu Côn Đảo"),
    ]
