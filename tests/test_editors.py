"""The editors' ways in: ``guongsang new`` (options and piped answers), ``from-issue``, ``import``, the issue form."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
import yaml

from guongsang.cli import main
from guongsang.editors.issue_form import FORM_FILE, chooser_text, form_text, parse_body, site_url
from guongsang.editors.proposal import (
    BROWSER_MESSAGES,
    BY_KEY,
    FIELDS,
    check_answers,
    folder_for,
    province_folders,
    record_text,
    split_many,
)
from guongsang.editors.spreadsheet import read_table, template_workbook
from guongsang.model import frontmatter
from guongsang.model.validate import check_document
from support import FIXTURES, ROOT

ISSUES = FIXTURES / "issues"
TODAY = ["--today", "2025-11-01"]
OPTIONS = [
    "--title", "Người giữ rừng đầu nguồn Khe Bố", "--name", "Lê Văn Tùng", "--kind", "cá nhân",
    "--movements", "Người tốt, việc tốt", "--movements", "doi-song-van-hoa", "--field", "nong-thon-moi",
    "--locality", "xã Tam Quang, huyện Tương Dương, Nghệ An", "--unit", "UBND xã Tam Quang", "--year", "2024",
    "--summary", "Hơn hai mươi năm tuần tra bảo vệ 300 ha rừng đầu nguồn, vận động bà con không chặt phá.",
    "--consent-by", "Ông Lê Văn Tùng", "--consent-date", "02/05/2024", "--consent-method", "van-ban",
]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the repository's catalogues and schema with an empty exemplars folder."""
    shutil.copytree(ROOT / "content" / "catalog", tmp_path / "content" / "catalog")
    (tmp_path / "exemplars").mkdir()
    return tmp_path


def run(project: Path, *args: str) -> int:
    return main(["--root", str(project), *args])


def check(project: Path, capsys) -> str:
    code = run(project, "check", *TODAY)
    err = capsys.readouterr().err
    assert code == 0, err
    return err


def answers_full() -> dict:
    return {"title": "Người giữ rừng đầu nguồn", "name": "Lê Văn Tùng", "kind": "Cá nhân",
            "movements": ["Người tốt, việc tốt"], "field": "Nông thôn mới",
            "locality": "xã Tam Quang, huyện Tương Dương, Nghệ An", "unit": "UBND xã Tam Quang", "year": "2024",
            "summary": "Hơn hai mươi năm tuần tra bảo vệ 300 ha rừng đầu nguồn.", "consent_by": "Ông Tùng",
            "consent_date": "2024-05-02", "consent_method": "van-ban", "story": "Mỗi sáng ông lên rừng."}


# -- the field list --------------------------------------------------------------------------------------------

def test_fields_follow_the_schema():
    assert [f.key for f in FIELDS if f.required] == ["title", "name", "kind", "movements", "field", "locality",
                                                     "unit", "year", "summary"]
    assert BY_KEY["summary"].path == ("summary",)
    assert BY_KEY["award_form"].path == ("awards", 0, "form")


def test_list_answers_keep_labels_with_commas(catalog):
    typed = "Người tốt, việc tốt, Dân vận khéo"
    assert split_many(typed, catalog, "movements") == ["Người tốt, việc tốt", "Dân vận khéo"]
    assert split_many("a; b\nc", None) == ["a", "b", "c"]


def test_record_text_is_a_valid_record(ctx, tmp_path):
    path = "exemplars/nghe-an/le-van-tung.md"
    text = record_text(answers_full(), path)
    assert text.splitlines()[1] == "# yaml-language-server: $schema=../../schema/exemplar.schema.json"
    doc = frontmatter.parse_text(text, path)
    assert check_document(doc, tmp_path / "le-van-tung.md", ctx) is not None, doc.diagnostics


def test_province_folder_as_written(gaz):
    folders = province_folders(gaz)
    assert folder_for("phường Khương Trung, quận Thanh Xuân, Hà Nội", folders) == "ha-noi"
    assert folder_for("phường Thắng Tam, TP Vũng Tàu, Bà Rịa - Vũng Tàu", folders) == "ba-ria-vung-tau"
    assert folder_for("xã Nơi Nào Đó, Tỉnh Không Có", folders) == "tinh-khong-co"


@pytest.mark.parametrize(("change", "key", "message"), [
    ({"title": "Bà"}, "title", BROWSER_MESSAGES["too_short"].format(name="“title”", limit=5)),
    ({"title": "x" * 151}, "title", BROWSER_MESSAGES["too_long"].format(name="“title”", size=151, limit=150)),
    ({"year": "2030"}, "year", BROWSER_MESSAGES["year"].format(year=2030, first=1945, last=2025)),
    ({"year": "năm ngoái"}, "year", BROWSER_MESSAGES["not_int"].format(name="“year”", value="năm ngoái")),
    ({"title": None}, "title", BROWSER_MESSAGES["missing"].format(name="“title”")),
    ({"consent_date": "2024-02-30"}, "consent_date", BROWSER_MESSAGES["no_such_date"].format(value="2024-02-30")),
    ({"consent_date": "hôm qua"}, "consent_date", BROWSER_MESSAGES["not_date"].format(value="hôm qua")),
    ({"source_title": "Bài báo", "source_url": "example.vn/a"}, "source_url",
     BROWSER_MESSAGES["url"].format(url="example.vn/a")),
    ({"source_url": "https://example.vn/a"}, "source_title",
     BROWSER_MESSAGES["missing"].format(name="“title” của nguồn thứ 1")),
    ({"consent_by": None, "consent_date": None, "consent_method": None}, "consent_by",
     BROWSER_MESSAGES["consent"].format(kind="cá nhân")),
    ({"award_form": "Giấy khen", "award_level": "Thủ tướng Chính phủ", "award_year": "2024"}, "award_level",
     BROWSER_MESSAGES["level"].format(form="Giấy khen", level="Thủ tướng Chính phủ",
                                      names="Chủ tịch UBND quận/huyện/thị xã/thành phố thuộc tỉnh; "
                                            "Chủ tịch UBND phường/xã/thị trấn; Thủ trưởng cơ quan, đơn vị")),
    ({"story": ""}, "story", BROWSER_MESSAGES["story"]),
    ({"locality": "xã Tam Quang, Xứ Sở Thần Tiên"}, "locality",
     BROWSER_MESSAGES["province"].format(value="Xứ Sở Thần Tiên")),
])
def test_browser_messages_are_the_validators(ctx, change, key, message):
    """The page's messages (BROWSER_MESSAGES) are word for word what the record validator says."""
    answers = {k: v for k, v in {**answers_full(), **change}.items() if v is not None}
    positions = {f.key: (i + 1, 1) for i, f in enumerate(FIELDS)}
    _, found = check_answers(answers, ctx, "x.md", ROOT / "x.md", positions)
    at_key = [d.message for d in found if d.line == list(BY_KEY).index(key) + 1]
    assert at_key == [message], found


# -- guongsang new -------------------------------------------------------------------------------------------

def test_new_with_options_writes_a_valid_draft(project, capsys):
    assert run(project, "new", *TODAY, *OPTIONS) == 0
    out = capsys.readouterr()
    assert out.out.strip() == "Đã tạo exemplars/nghe-an/le-van-tung.md"
    assert "bản nháp" in out.err
    text = (project / "exemplars" / "nghe-an" / "le-van-tung.md").read_text(encoding="utf-8")
    assert "# yaml-language-server: $schema=../../schema/exemplar.schema.json" in text
    assert "draft: true" in text and "## Việc làm" in text
    check(project, capsys)


def test_skeleton_text_is_an_error_once_the_record_is_not_a_draft(project, capsys):
    assert run(project, "new", *TODAY, *OPTIONS) == 0
    record = project / "exemplars" / "nghe-an" / "le-van-tung.md"
    lines = record.read_text(encoding="utf-8").replace("draft: true\n", "").splitlines()
    record.write_text("\n".join(lines) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert run(project, "check", *TODAY) == 1
    err = capsys.readouterr().err
    found = [line for line in err.splitlines() if "error[GS072]" in line]
    at = [n + 1 for n, line in enumerate(lines) if line.startswith(("Viết câu chuyện ở đây:", "Thay đoạn này"))]
    assert [line.split(": error")[0] for line in found] == [f"exemplars/nghe-an/le-van-tung.md:{n}:1" for n in at]
    assert len(at) == 3 and "“Thay đoạn này bằng việc làm tiêu biểu.”" in err
    record.write_text("\n".join(line for line in lines if not line.startswith(("Viết câu", "Thay đoạn")))
                      + "\nÔng Tùng tuần tra rừng đầu nguồn mỗi tuần.\n", encoding="utf-8")
    check(project, capsys)


def test_new_refuses_a_duplicate(project, capsys):
    assert run(project, "new", *TODAY, *OPTIONS) == 0
    capsys.readouterr()
    assert run(project, "new", *TODAY, *OPTIONS) == 1
    err = capsys.readouterr().err
    assert "error[GS060]: định danh “le-van-tung” đã dùng cho exemplars/nghe-an/le-van-tung.md" in err
    assert run(project, "new", *TODAY, *OPTIONS, "--slug", "le-van-tung-tam-quang") == 0


def test_new_reports_wrong_options_without_writing(project, capsys):
    bad = [*OPTIONS, "--year", "2030", "--field", "Môi trường"]
    assert run(project, "new", *TODAY, *bad, "--no-input") == 1
    err = capsys.readouterr().err
    assert "--year: error[GS015]: năm 2030 nằm ngoài khoảng 1945–2025." in err
    assert "--field: error[GS022]: lĩnh vực “Môi trường” không có trong danh mục" in err
    assert not any((project / "exemplars").rglob("*.md"))


def test_new_missing_options_without_input_fails(project, capsys):
    assert run(project, "new", *TODAY, "--name", "Lê Văn Tùng", "--no-input") == 1
    assert "--title: error[GS010]: thiếu trường bắt buộc “title”." in capsys.readouterr().err


def test_new_asks_questions_on_piped_stdin(project, capsys, monkeypatch):
    answers = "\n".join([
        "Người giữ rừng đầu nguồn Khe Bố", "Lê Văn Tùng", "1",  # kind by number
        "Người tốt, việc tốt; doi-song-van-hoa", "4",  # movements by name and code; field by number
        "xã Tam Quang, huyện Tương Dương, Nghệ An", "UBND xã Tam Quang",
        "2030", "2024",  # a year out of range is asked again
        "Hơn hai mươi năm tuần tra bảo vệ 300 ha rừng đầu nguồn.", "Tuần tra 300 ha rừng; Vận động 40 hộ", "",
        "Giấy khen", "1", "2024", "815/QĐ-UBND", "15/08/2024",  # an award, level picked among Giấy khen's
        "",  # no source
        "Ông Lê Văn Tùng", "2024-05-02", "1",  # consent, asked because the kind is cá nhân
    ]) + "\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(answers))
    assert run(project, "new", *TODAY) == 0
    out = capsys.readouterr().out
    assert "Đối tượng: 1" in out and "✗ năm 2030 nằm ngoài khoảng 1945–2025." in out
    assert "Người đồng ý công bố:" in out  # required here: no “Enter để bỏ qua”
    record = (project / "exemplars" / "nghe-an" / "le-van-tung.md").read_text(encoding="utf-8")
    data = yaml.safe_load(record.split("---")[1])
    assert data["movements"] == ["Người tốt, việc tốt", "doi-song-van-hoa"]
    assert data["awards"] == [{"form": "Giấy khen", "level": "Chủ tịch UBND quận/huyện/thị xã/thành phố thuộc tỉnh",
                               "year": 2024, "decision": "815/QĐ-UBND", "date": "15/08/2024"}]
    assert data["consent"]["method"] == "Văn bản có chữ ký"
    check(project, capsys)


def test_new_stops_cleanly_when_answers_run_out(project, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("Người giữ rừng đầu nguồn\nLê Văn Tùng\n"))
    assert run(project, "new", *TODAY) == 1
    assert "chưa ghi hồ sơ nào" in capsys.readouterr().err
    assert not any((project / "exemplars").rglob("*.md"))


# -- the issue form and from-issue --------------------------------------------------------------------------------

def test_issue_form_is_generated_from_the_fields(catalog):
    committed = (ROOT / FORM_FILE).read_text(encoding="utf-8")
    assert committed == form_text(catalog), "run `guongsang templates` and commit the result"
    chooser = (ROOT / FORM_FILE).with_name("config.yml").read_text(encoding="utf-8")
    assert chooser == chooser_text(site_url(ROOT))
    assert "https://guongsang.github.io/guongsang/gui-cau-chuyen/" in chooser
    body = yaml.safe_load(committed)["body"]
    labels = [e["attributes"]["label"] for e in body if e["type"] != "markdown"]
    assert labels[:-1] == [f.label for f in FIELDS]
    movements = next(e for e in body if e.get("id") == "movements")
    assert movements["attributes"]["multiple"] is True and "Người tốt, việc tốt" in movements["attributes"]["options"]
    assert "thông tin liên hệ chỉ gửi trực tiếp cho cơ quan" in body[0]["attributes"]["value"]


@pytest.mark.parametrize(("issue", "path"), [
    ("ca-nhan-day-du.md", "exemplars/nghe-an/le-van-tung.md"),
    ("tap-the-toi-thieu.md", "exemplars/khanh-hoa/chi-doan-khu-pho-3-phuong-vinh-phuoc.md"),
    ("ho-gia-dinh.md", "exemplars/lam-dong/ho-ong-dinh-van-hau.md"),  # CRLF, bullets, dd/mm/yyyy dates
])
def test_from_issue_writes_a_record_check_accepts(project, capsys, issue, path):
    assert run(project, "from-issue", str(ISSUES / issue), *TODAY) == 0
    assert capsys.readouterr().out.strip() == path
    text = (project / path).read_text(encoding="utf-8")
    assert "draft: true" not in text  # the issue carries the story
    check(project, capsys)


def test_from_issue_keeps_multi_choice_labels_and_lines(catalog):
    answers, positions = parse_body((ISSUES / "ca-nhan-day-du.md").read_text(encoding="utf-8"), catalog)
    assert answers["movements"] == ["Toàn dân đoàn kết xây dựng đời sống văn hóa", "Người tốt, việc tốt"]
    assert answers["achievements"][1] == "Vận động 40 hộ ký cam kết giữ rừng"
    assert positions["achievements"] == [(39, 1), (40, 1)]
    assert answers["story"].startswith("Mỗi sáng") and "## Hai mươi năm một lối mòn" in answers["story"]
    assert "award_decision" in answers and "source_publisher" in answers


def test_from_issue_with_mistakes_reports_each_at_its_line(project, capsys):
    issue = ISSUES / "co-loi.md"
    assert run(project, "from-issue", str(issue), *TODAY) == 1
    err = capsys.readouterr().err.splitlines()
    shown = issue.as_posix()  # as typed on the command line
    expected = [
        (3, "GS013", "“title” cần ít nhất 5 ký tự."),
        (19, "GS022", "lĩnh vực “Môi trường” không có trong danh mục"),
        (31, "GS015", "năm 2030 nằm ngoài khoảng 1945–2025."),
        (35, "GS013", "“summary” cần ít nhất 20 ký tự."),
        (53, "GS025", "“Giấy khen” không do cấp “Thủ tướng Chính phủ” trao tặng"),
        (73, "GS016", "đường dẫn “example.vn/bai-viet” không hợp lệ"),
        (79, "GS050", "hồ sơ cá nhân cần trường “consent”"),
        (102, "GS095", "chưa đánh dấu xác nhận “Tôi không ghi số điện thoại"),
    ]
    lines = [line for line in err if ": error[" in line]
    assert len(lines) == len(expected)
    for line, (number, code, message) in zip(lines, expected, strict=True):
        assert line.startswith(f"{shown}:{number}:1: error[{code}]: {message}"), line
    assert err[-1] == f"Chưa tạo hồ sơ: 8 lỗi trong {shown}."
    assert not any((project / "exemplars").rglob("*.md"))


# -- spreadsheet import ----------------------------------------------------------------------------------------------

HEADERS = ["STT", "Tiêu đề câu chuyện *", "Tên người, tập thể hoặc hộ gia đình", "Đối tượng", "Phong trào thi đua",
           "Lĩnh vực", "Địa phương", "Đơn vị đề xuất", "Năm", "Tóm tắt", "Thành tích tiêu biểu",
           "Người đồng ý công bố", "Ngày đồng ý", "Hình thức đồng ý", "Câu chuyện"]
SUMMARY = "Nhiều năm liền vận động bà con trong khu phố giữ gìn vệ sinh, trồng cây xanh dọc các tuyến hẻm."


def good_row(n: int, name: str, year: object = 2024) -> list:
    return [n, f"Người gìn giữ khu phố xanh số {n}", name, "Cá nhân", "Người tốt, việc tốt; Dân vận khéo",
            "Khu phố, ấp, phường, xã văn hóa", "phường 7, TP Đà Lạt, Lâm Đồng", "UBND phường 7", year, SUMMARY,
            "Trồng 300 cây xanh\nVận động 50 hộ", f"Ông {name}", "2024-03-01", "Văn bản có chữ ký",
            "Ông dậy sớm quét hẻm mỗi ngày."]


def workbook(path: Path, rows: list[list]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    sheet.append(["DANH SÁCH ĐỀ NGHỊ BIỂU DƯƠNG NĂM 2024"])  # a title row above the header
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_import_refuses_everything_when_a_row_is_wrong(project, capsys):
    rows = [good_row(1, "Phạm Văn Lâm"), good_row(2, "Vũ Thị Hạnh", year=2031), good_row(3, "Trịnh Văn Khoa")]
    rows[2][5] = "Văn hoá cơ sở"  # not a field in the catalogue
    rows[2][12] = "31/02/2024"
    sheet = workbook(project / "danh-sach.xlsx", rows)
    assert run(project, "import", str(sheet), *TODAY) == 1
    err = capsys.readouterr().err
    assert 'danh-sach.xlsx:row 4:col "Năm": error[GS015]: năm 2031 nằm ngoài khoảng 1945–2025.' in err
    assert 'danh-sach.xlsx:row 5:col "Lĩnh vực": error[GS022]: lĩnh vực “Văn hoá cơ sở” không có' in err
    assert 'danh-sach.xlsx:row 5:col "Ngày đồng ý": error[GS014]: ngày “31/02/2024” không có thật.' in err
    assert "Bỏ qua các cột không có trong mẫu: “STT”." in err
    assert "Chưa ghi hồ sơ nào: 2/3 dòng có lỗi." in err
    assert not any((project / "exemplars").rglob("*.md"))


def test_import_skip_invalid_writes_the_good_rows(project, capsys):
    rows = [good_row(1, "Phạm Văn Lâm"), good_row(2, "Vũ Thị Hạnh", year=2031), good_row(3, "Trịnh Văn Khoa"),
            good_row(4, "Phạm Văn Lâm")]  # same file name as row 3 of the sheet
    sheet = workbook(project / "danh-sach.xlsx", rows)
    assert run(project, "import", str(sheet), "--skip-invalid", *TODAY) == 1
    captured = capsys.readouterr()
    assert captured.out.split() == ["exemplars/lam-dong/pham-van-lam.md", "exemplars/lam-dong/trinh-van-khoa.md"]
    assert 'danh-sach.xlsx:row 6:col "Tên người, tập thể hoặc hộ gia đình": error[GS060]: trùng tên tệp' in captured.err
    assert "Bỏ qua 2 dòng có lỗi: dòng 4, 6." in captured.err
    record = (project / "exemplars" / "lam-dong" / "pham-van-lam.md").read_text(encoding="utf-8")
    assert "draft: true" not in record and "- \"Vận động 50 hộ\"" in record
    check(project, capsys)


def test_import_csv_without_story_makes_drafts(project, capsys):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(HEADERS[:-1])
    writer.writerow(good_row(1, "Phạm Văn Lâm")[:-1])
    (project / "danh-sach.csv").write_text(buffer.getvalue(), encoding="utf-8-sig")
    assert run(project, "import", str(project / "danh-sach.csv"), *TODAY) == 0
    record = (project / "exemplars" / "lam-dong" / "pham-van-lam.md").read_text(encoding="utf-8")
    assert "draft: true" in record
    check(project, capsys)


def test_import_names_missing_columns(project, capsys):
    sheet = workbook(project / "thieu.xlsx", [])
    from openpyxl import load_workbook

    book = load_workbook(sheet)
    book.active.delete_cols(HEADERS.index("Năm") + 1)
    book.save(sheet)
    assert run(project, "import", str(sheet), *TODAY) == 1
    assert 'thieu.xlsx:row 2: error[GS010]: thiếu cột “Năm” trong dòng tiêu đề' in capsys.readouterr().err


def test_template_workbook_round_trips(catalog, tmp_path):
    data = template_workbook(catalog)
    assert data == template_workbook(catalog)  # byte-identical: the site build stays reproducible
    (tmp_path / "mau.xlsx").write_bytes(data)
    table = read_table(tmp_path / "mau.xlsx")
    assert [h.rstrip(" *") for h in table.headers] == [f.label for f in FIELDS]
    assert table.rows == []


def test_the_guides_template_is_a_valid_record(ctx, tmp_path):
    guide = (ROOT / "content" / "gioi-thieu" / "de-xuat.md").read_text(encoding="utf-8")
    template = guide.split("## Mẫu hồ sơ", 1)[1].split("```yaml\n", 1)[1].split("\n```", 1)[0]
    assert template.splitlines()[1] == "# yaml-language-server: $schema=../../schema/exemplar.schema.json"
    doc = frontmatter.parse_text(template, "exemplars/khanh-hoa/tran-van-binh.md")
    doc.data.pop("images")  # the example photo is not in the repository
    assert check_document(doc, tmp_path / "tran-van-binh.md", ctx) is not None, doc.diagnostics


def test_completion_ignores_diacritics(gaz):
    from guongsang.editors.new_record import _completer, ward_spellings

    complete = _completer(ward_spellings(gaz))
    first = complete("phuong khuong dinh", 0)
    assert first == "Phường Khương Đình, Hà Nội"
    assert complete("phuong khuong dinh", 1) is None
