"""Progress against a plan, with fixture records that meet some targets and miss others.

One fixture site is built; the figures on its plan page, in its JSON, in the CSV and in the workbook must
agree with each other and with a count made by hand. The booklet PDF is checked with poppler's tools.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from guongsang.cli import main
from support import ROOT, VALID

pytestmark = pytest.mark.slow
TODAY = "2025-11-01"
PLAN = "thanh-xuan-2023"

# (file, kind, year, plan_unit) — every record is under Thanh Xuân's plan except the last one.
RECORDS = [
    ("kt-ca-nhan-2023", "cá nhân", 2023, "khuong-trung"),
    ("kt-tap-the-2023", "tập thể", 2023, "UBND phường Khương Trung"),
    ("km-2023", "cá nhân", 2023, "khuong-mai"),
    ("hd-1-2024", "cá nhân", 2024, "ha-dinh"),
    ("hd-2-2024", "tập thể", 2024, "ha-dinh"),
    ("hd-3-2024", "cá nhân", 2024, "ha-dinh"),
    ("mttq-1-2024", "tập thể", 2024, "Ủy ban Mặt trận Tổ quốc quận"),
    ("mttq-2-2024", "cá nhân", 2024, "mat-tran"),
    ("khong-don-vi-2024", "cá nhân", 2024, None),
    ("ngoai-ke-hoach", "cá nhân", 2024, "-"),
]

# Counted by hand from RECORDS: (target, unit label, year) → achieved; the quota is 2 for units, 10 for the district.
HAND = {
    ("de-xuat-thanh-pho", "Toàn kế hoạch", "2023"): 3,
    ("de-xuat-thanh-pho", "Toàn kế hoạch", "2024"): 6,
    ("de-xuat-thanh-pho", "Toàn kế hoạch", "2025"): 0,
    ("phuong-truong-hoc", "Ủy ban nhân dân phường Khương Trung", "2023"): 2,
    ("phuong-truong-hoc", "Ủy ban nhân dân phường Khương Mai", "2023"): 1,
    ("phuong-truong-hoc", "Ủy ban nhân dân phường Hạ Đình", "2024"): 3,
    ("phuong-truong-hoc", "Ủy ban nhân dân phường Hạ Đình", "2023"): 0,
    ("phuong-truong-hoc", "Trường Tiểu học Hoa Sữa", "2023"): 0,
    ("doan-the", "Ủy ban Mặt trận Tổ quốc quận", "2024"): 2,
    ("doan-the", "Ủy ban Mặt trận Tổ quốc quận", "2023"): 0,
}
HAND_STATUS = {  # met, behind (year over) or still running (2025)
    ("phuong-truong-hoc", "Ủy ban nhân dân phường Khương Trung", "2023"): "Đạt",
    ("phuong-truong-hoc", "Ủy ban nhân dân phường Khương Mai", "2023"): "Chưa đạt",
    ("phuong-truong-hoc", "Ủy ban nhân dân phường Hạ Đình", "2024"): "Đạt",
    ("de-xuat-thanh-pho", "Toàn kế hoạch", "2025"): "Đang thực hiện",
}


def _write_records(folder: Path) -> None:
    for slug, kind, year, unit in RECORDS:
        text = VALID.replace("name: Nguyễn Thị Lan Anh", f"name: Gương {slug.replace('-', ' ').title()}")
        text = text.replace("kind: cá nhân", f"kind: {kind}").replace("year: 2023", f"year: {year}")
        if unit != "-":
            ref = f"plan: {PLAN}\n" + (f"plan_unit: {unit}\n" if unit else "")
            text = text.replace("unit: UBND phường Khương Trung\n", f"unit: UBND phường Khương Trung\n{ref}")
        (folder / f"{slug}.md").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("progress")
    records = base / "records"
    records.mkdir()
    _write_records(records)
    out = base / "site"
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    try:
        assert main(["--root", str(ROOT), "build", "--exemplars", str(records), "--site-dir", str(out),
                     "--today", TODAY]) == 0
        files = {}
        for fmt in ("csv", "xlsx"):
            files[fmt] = base / f"report.{fmt}"
            assert main(["--root", str(ROOT), "report", PLAN, "--exemplars", str(records), "--today", TODAY,
                         "--format", fmt, "--output", str(files[fmt])]) == 0
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    return {"site": out, "records": records, **files}


class _Cells(HTMLParser):
    """(target id, unit, bucket) → ("achieved/required", status label) from the plan page's tables."""

    def __init__(self) -> None:
        super().__init__()
        self.target = ""
        self.key: tuple[str, str, str] | None = None
        self.text: list[str] = []
        self.cells: dict[tuple[str, str, str], str] = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("section", "details") and (a.get("id") or "").startswith("chi-tieu-"):
            self.target = a["id"][len("chi-tieu-"):]
        if tag == "td" and "data-unit" in a:
            self.key, self.text = (self.target, a["data-unit"], a["data-bucket"]), []

    def handle_data(self, data):
        if self.key:
            self.text.append(data)

    def handle_endtag(self, tag):
        if tag == "td" and self.key:
            self.cells[self.key] = " ".join("".join(self.text).split())
            self.key = None


def _page_figures(site: Path) -> dict[tuple[str, str, str], tuple[int, int, str]]:
    parser = _Cells()
    parser.feed((site / "ke-hoach" / PLAN / "index.html").read_text(encoding="utf-8"))
    out = {}
    for key, text in parser.cells.items():
        achieved, required = re.search(r"(\d+)/(\d+)", text).groups()
        status = next(s for s in ("Chưa đạt", "Đang thực hiện", "Chưa đến kỳ", "Đạt") if text.endswith(s))
        out[key] = (int(achieved), int(required), status)
    return out


def _table_rows(rows: list[list]) -> dict[tuple[str, str, str], tuple[int, int, str]]:
    start = next(i for i, r in enumerate(rows) if r and r[0] == "Mục") + 1
    out = {}
    for row in rows[start:]:
        if not row or not row[0]:
            break
        out[(row[1], row[2], str(row[3]))] = (int(row[6]), int(row[5]), row[8])
    return out


def test_page_csv_workbook_and_hand_count_agree(fixture_site):
    page = _page_figures(fixture_site["site"])
    text = fixture_site["csv"].read_bytes().decode("utf-8-sig")
    from_csv = _table_rows(list(csv.reader(io.StringIO(text))))
    from openpyxl import load_workbook

    sheet = load_workbook(fixture_site["xlsx"])["Chỉ tiêu"]
    from_xlsx = _table_rows([[c for c in row] for row in sheet.iter_rows(values_only=True)])
    assert page == from_csv == from_xlsx
    assert len(page) == 3 + 13 * 3 + 5 * 3  # district ×3 years, 13 wards and schools ×3, 5 organisations ×3
    for key, achieved in HAND.items():
        assert page[key][0] == achieved, key
        assert page[key][1] == (10 if key[0] == "de-xuat-thanh-pho" else 2)
    for key, status in HAND_STATUS.items():
        assert page[key][2] == status, key
    assert sum(v[0] for k, v in page.items() if k[0] == "phuong-truong-hoc") == 6


def test_units_behind_are_highlighted_and_totals_shown(fixture_site):
    html = (fixture_site["site"] / "ke-hoach" / PLAN / "index.html").read_text(encoding="utf-8")
    behind = re.findall(r'<tr class="gs-row--behind"><th scope="row">([^<]+)</th>', html)
    assert "Ủy ban nhân dân phường Khương Mai" in behind
    assert "Ủy ban nhân dân phường Hạ Đình" in behind  # met in 2024, missed in 2023
    assert '<svg class="gs-bar gs-bar--chua-dat"' in html and "<script" not in html.split("gs-target")[1][:2000]
    assert '<tr class="gs-row--total"><th scope="row">Tổng</th>' in html


def test_json_next_to_the_plan_page_has_the_same_figures(fixture_site):
    data = json.loads((fixture_site["site"] / "ke-hoach" / PLAN / "tien-do.json").read_text(encoding="utf-8"))
    assert data["ke_hoach"]["ma"] == PLAN and data["so_guong"] == 9 and data["ngay_tinh"] == TODAY
    figures = {(t["ma"], r["don_vi"] or "Toàn kế hoạch", r["ky"]): r["so_lieu"][0]["dat_duoc"]
               for t in data["chi_tieu"] for r in t["ket_qua"]}
    for key, achieved in HAND.items():
        assert figures[key] == achieved, key
    assert "consent" not in json.dumps(data) and "Gương" not in json.dumps(data, ensure_ascii=False)


def test_overview_and_home_page_show_plans_and_deadlines(fixture_site):
    overview = (fixture_site["site"] / "ke-hoach" / "index.html").read_text(encoding="utf-8")
    for code in ("hcm-4257-2021", "ninh-hoa-2021", "thanh-xuan-2023", "brvt-126-2021", "da-lat-2023"):
        assert f'href="{code}/"' in overview
    assert "10/01/2026" in overview and "còn 70 ngày" in overview  # deadlines: for officers, under "Kế hoạch"
    assert 'data-gs-countdown data-target="2026-01-10"' in overview  # recounted from the reader's own date
    home = (fixture_site["site"] / "index.html").read_text(encoding="utf-8")
    assert "Hạn báo cáo" not in home and "10/01/2026" not in home  # the public home page shows no staff deadlines
    listing = fixture_site["site"] / "ke-hoach" / PLAN / "guong" / "index.html"
    assert "9 gương điển hình" in listing.read_text(encoding="utf-8")


needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")


@needs_poppler
def test_booklet_text_keeps_diacritics_and_has_one_page_per_exemplar(fixture_site, tmp_path):
    out = tmp_path / "tai-lieu.pdf"
    assert main(["--root", str(ROOT), "booklet", "--plan", "thanh-xuan-2023", "--exemplars",
                 str(fixture_site["records"]), "--today", TODAY, "--output", str(out)]) == 0
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages == 2 + 9  # cover, contents, one page per exemplar of the plan
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert "Be-Vietnam-Pro" in fonts and "DejaVu" not in fonts

    def page_text(n: int) -> str:
        return subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(out), "-"],
                              capture_output=True, text=True, check=True).stdout

    assert "TÀI LIỆU TUYÊN TRUYỀN" in page_text(1) and "Thanh Xuân" in page_text(1)
    assert "Mục lục" in page_text(2)
    names = [page_text(n).strip().splitlines()[0].strip() for n in range(3, pages + 1)]
    assert all(name.startswith("Gương ") for name in names) and "Gương Ngoai Ke Hoach" not in names
    story = page_text(3)
    assert "Bà Lan Anh bắt đầu tủ sách từ một giá gỗ nhỏ." in story
    assert "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh" in " ".join(story.split())
    png = tmp_path / "trang"
    subprocess.run(["pdftoppm", "-f", "3", "-l", "3", "-r", "40", "-png", str(out), str(png)], check=True)
    assert next(tmp_path.glob("trang*.png")).stat().st_size > 5_000


def test_published_booklet_is_linked_from_the_plan_page(fixture_site):
    assert not (fixture_site["site"] / "plans").exists()  # plan files are data, not published as such
    pdf = fixture_site["site"] / "tai-lieu" / f"plan-{PLAN}.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    html = (fixture_site["site"] / "ke-hoach" / PLAN / "index.html").read_text(encoding="utf-8")
    assert f"tai-lieu/plan-{PLAN}.pdf" in html


def test_report_pdf_and_year_filter(fixture_site, tmp_path):
    out = tmp_path / "bao-cao.csv"
    assert main(["--root", str(ROOT), "report", PLAN, "--exemplars", str(fixture_site["records"]), "--today", TODAY,
                 "--year", "2024", "--format", "csv", "--output", str(out)]) == 0
    rows = _table_rows(list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig")))))
    assert {k[2] for k in rows} == {"2024"} and rows[("de-xuat-thanh-pho", "Toàn kế hoạch", "2024")][0] == 6
    assert main(["--root", str(ROOT), "report", "khong-co", "--exemplars", str(fixture_site["records"]),
                 "--format", "csv", "--output", str(out)]) == 2
    if shutil.which("pdftotext"):
        pdf = tmp_path / "bao-cao.pdf"
        assert main(["--root", str(ROOT), "report", PLAN, "--exemplars", str(fixture_site["records"]),
                     "--today", TODAY, "--format", "pdf", "--output", str(pdf)]) == 0
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "Chỉ tiêu và kết quả" in text and "Ủy ban nhân dân phường Khương Mai" in text


def test_report_takes_the_format_from_the_extension_and_refuses_a_mismatch(fixture_site, tmp_path, capsys):
    args = ["--root", str(ROOT), "report", PLAN, "--exemplars", str(fixture_site["records"]), "--today", TODAY]
    out = tmp_path / "bao-cao.csv"
    assert main([*args, "--output", str(out)]) == 0
    assert out.read_bytes() == fixture_site["csv"].read_bytes()  # CSV, not an Excel workbook named .csv
    wrong = tmp_path / "bao-cao.pdf"
    assert main([*args, "--format", "xlsx", "--output", str(wrong)]) == 2
    assert "có đuôi .pdf nhưng --format là xlsx" in capsys.readouterr().err and not wrong.exists()
    assert main([*args, "--output", str(tmp_path / "bao-cao.doc")]) == 2
    assert "Không rõ định dạng của" in capsys.readouterr().err
    assert main([*args, "--out", str(tmp_path / "bao-cao.xlsx")]) == 0  # the old spelling still works
    assert (tmp_path / "bao-cao.xlsx").read_bytes()[:2] == b"PK"


@needs_poppler
def test_booklet_takes_a_locality_written_as_in_a_record(fixture_site, tmp_path, capsys):
    out = tmp_path / "thanh-xuan.pdf"
    args = ["--root", str(ROOT), "booklet", "--exemplars", str(fixture_site["records"]), "--today", TODAY]
    assert main([*args, "--locality", "quận Thanh Xuân, Hà Nội", "--output", str(out)]) == 0
    cover = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(out), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert "Thanh Xuân" in cover
    assert main([*args, "--locality", "ha-noi", "--output", str(tmp_path / "ha-noi.pdf")]) == 0
    assert main([*args, "--locality", "quận Không Có, Hà Nội", "--output", str(tmp_path / "x.pdf")]) == 2
    assert main([*args, "--locality", "ha-noi", "--output", str(tmp_path / "x.xlsx")]) == 2
    assert "Không rõ định dạng" in capsys.readouterr().err and not (tmp_path / "x.xlsx").exists()
