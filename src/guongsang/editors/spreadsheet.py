"""``guongsang import``: an office's list of proposals (.xlsx or .csv, Vietnamese column headers) → records.

Columns are matched by the labels of :data:`guongsang.editors.proposal.FIELDS` (case, diacritics and spacing aside),
one record per row. Every row is checked by the record validator; problems read
``danh-sach.xlsx:row 7:col "Năm": error[GS015]: …``. Nothing is written if any row is wrong, unless
``--skip-invalid`` (then the valid rows are written and the others listed). The template workbook offered on
the site is generated here too, byte for byte the same for the same catalogues.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import os
import re
import sys
import zipfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TextIO

from ..model.catalog import Catalog
from ..model.diagnostics import Diagnostic
from ..model.text import compact, nfc
from ..model.validate import Context
from .proposal import (
    FIELDS,
    STORY_KEY,
    FormField,
    check_answers,
    duplicate,
    existing_slugs,
    help_text,
    options,
    province_folders,
    recheck_file,
    record_path,
    record_text,
    split_many,
    write_records,
)

SHEET = "Danh sách"
TEMPLATE_NAME = "mau-danh-sach-de-xuat.xlsx"
_HEADER_SCAN = 10  # a title or a note may stand above the header row
_FIXED_TIME = dt.datetime(2025, 1, 1)
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


@dataclass
class Table:
    """The rows of the sheet under its header row: (sheet row number, cells)."""

    headers: list[str]
    header_row: int
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)


def _cell(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if value is None:
        return ""
    return nfc(str(value)).strip()


def _column_of(header: str) -> FormField | None:
    key = compact(str(header).rstrip("*"))
    for spec in FIELDS:
        if key in (compact(spec.label), compact(spec.key)):
            return spec
    return None


def _table(raw: list[list[Any]]) -> Table:
    best, best_row = 0, 0
    for i, row in enumerate(raw[:_HEADER_SCAN]):
        known = sum(1 for c in row if c and _column_of(str(c)))
        if known > best:
            best, best_row = known, i
    headers = [str(_cell(c)) for c in (raw[best_row] if raw else [])]
    rows = [(i + 1, [_cell(c) for c in row]) for i, row in enumerate(raw) if i > best_row]
    return Table(headers, best_row + 1, [(n, cells) for n, cells in rows if any(cells)])


def read_table(file: Path) -> Table:
    """The first sheet named “Danh sách” (or the first sheet) of a workbook, or a CSV file."""
    if file.suffix.lower() == ".csv":
        text = file.read_text(encoding="utf-8-sig")
        try:
            dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        return _table([list(r) for r in csv.reader(io.StringIO(text), dialect)])
    from openpyxl import load_workbook

    workbook = load_workbook(file, read_only=True, data_only=True)
    try:
        sheet = workbook[SHEET] if SHEET in workbook.sheetnames else workbook.worksheets[0]
        return _table([list(r) for r in sheet.iter_rows(values_only=True)])
    finally:
        workbook.close()


@dataclass
class Row:
    number: int
    answers: dict[str, Any]
    positions: dict[str, Any]
    path: str = ""
    problems: list[Diagnostic] = field(default_factory=list)


def rows_of(table: Table, catalog: Catalog) -> list[Row]:
    columns = {i: spec for i, h in enumerate(table.headers) if h and (spec := _column_of(h))}
    result = []
    for number, cells in table.rows:
        answers: dict[str, Any] = {}
        positions: dict[str, Any] = {}
        for i, spec in columns.items():
            value = cells[i] if i < len(cells) else ""
            positions[spec.key] = (number, i + 1)
            if not value:
                continue
            if spec.many:
                answers[spec.key] = split_many(value, catalog, spec.options)
                positions[spec.key] = [(number, i + 1)] * len(answers[spec.key])
            else:
                answers[spec.key] = value
        result.append(Row(number, answers, positions))
    return result


def _where(d: Diagnostic, shown: str, headers: list[str]) -> str:
    column = f':col "{headers[d.col - 1]}"' if 0 < d.col <= len(headers) and d.line > 0 else ""
    return f"{shown}:row {d.line}{column}: {d.severity}[{d.code}]: {d.message}"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="TỆP", help="bảng tính .xlsx hoặc .csv, dòng tiêu đề theo mẫu")
    parser.add_argument("--skip-invalid", action="store_true",
                        help="vẫn ghi các dòng hợp lệ, liệt kê các dòng bị bỏ qua")
    parser.add_argument("--template", action="store_true",
                        help=f"không nhập: ghi bảng tính mẫu vào TỆP (như tệp {TEMPLATE_NAME} trên trang)")


def run(args: argparse.Namespace, ctx: Context, exemplars: Path, err: TextIO | None = None,
        out: TextIO | None = None) -> int:
    """``guongsang import FILE``: every row checked; all written, or none (unless ``--skip-invalid``)."""
    err, out = err or sys.stderr, out or sys.stdout
    file: Path = args.file if args.file.is_absolute() else Path.cwd() / args.file
    shown = args.file.as_posix()  # as the editor typed it
    if args.template:
        file.write_bytes(template_workbook(ctx.catalog))
        print(f"Đã ghi bảng tính mẫu {shown}", file=err)
        return 0
    if file.suffix.lower() not in (".xlsx", ".xlsm", ".csv"):
        print(f"{shown}: error[GS001]: chỉ nhận bảng tính .xlsx hoặc .csv.", file=err)
        return 1
    try:
        table = read_table(file)
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        print(f"{shown}: error[GS001]: không đọc được bảng tính ({exc.__class__.__name__}).", file=err)
        return 1
    present = {spec.key for h in table.headers if h and (spec := _column_of(h))}
    absent = [s for s in FIELDS if s.required and s.key not in present]
    if absent:
        names = ", ".join(f"“{s.label}”" for s in absent)
        print(f"{shown}:row {table.header_row}: error[GS010]: thiếu cột {names} trong dòng tiêu đề "
              f"(tải bảng tính mẫu để có đủ cột).", file=err)
        return 1
    ignored = [h for h in table.headers if h and not _column_of(h)]
    if ignored:
        print("Bỏ qua các cột không có trong mẫu: " + ", ".join(f"“{h}”" for h in ignored) + ".", file=err)
    rows = _checked(rows_of(table, ctx.catalog), ctx, exemplars, shown, file)
    good = [r for r in rows if not r.problems]
    bad = [r for r in rows if r.problems]
    for row in bad:
        for problem in row.problems:
            print(_where(problem, shown, table.headers), file=err)
    if not rows:
        print(f"{shown}: không có dòng nào để nhập.", file=err)
        return 1
    if bad and not args.skip_invalid:
        print(f"Chưa ghi hồ sơ nào: {len(bad)}/{len(rows)} dòng có lỗi. Sửa bảng tính rồi chạy lại, hoặc thêm "
              f"--skip-invalid để chỉ ghi các dòng hợp lệ.", file=err)
        return 1
    write_records([(ctx.root / r.path, record_text(r.answers, r.path)) for r in good])
    written = []
    for row in good:
        if problems := recheck_file(ctx.root / row.path, row.path, ctx):  # writer and validator must agree
            print("\n".join(d.text() for d in problems), file=err)
            return 1
        written.append(row.path)
        print(row.path, file=out)
    print(f"Đã tạo {len(written)} hồ sơ từ {shown}.", file=err)
    if bad:
        numbers = ", ".join(str(r.number) for r in bad)
        print(f"Bỏ qua {len(bad)} dòng có lỗi: dòng {numbers}.", file=err)
        return 1
    return 0


def _checked(rows: list[Row], ctx: Context, exemplars: Path, shown: str, file: Path) -> list[Row]:
    relative = os.path.relpath(exemplars, ctx.root).replace(os.sep, "/")
    taken = existing_slugs(exemplars)
    folders = province_folders(ctx.gazetteer)
    in_sheet: dict[str, int] = {}
    for row in rows:
        if not row.answers.get(STORY_KEY):
            row.answers["draft"] = True  # no story yet: written as a draft with a skeleton to fill in
        _, row.problems = check_answers({STORY_KEY: "…", **row.answers}, ctx, shown, file, row.positions,
                                        header_line=row.number)
        row.path = record_path(row.answers, folders, relative)
        if row.problems:
            continue
        name_col = row.positions.get("name", (row.number, 0))
        if (clash := duplicate(row.path, ctx.root, taken)) is not None:
            row.problems.append(Diagnostic(shown, row.number, name_col[1], clash.code, clash.message))
        elif (first := in_sheet.get(Path(row.path).stem)) is not None:
            row.problems.append(Diagnostic(shown, row.number, name_col[1], "GS060",
                                           f"trùng tên tệp “{Path(row.path).name}” với dòng {first}; "
                                           "thêm cột “slug” hoặc ghi rõ tên để phân biệt."))
        else:
            in_sheet[Path(row.path).stem] = row.number
    return rows


# -- the template workbook -------------------------------------------------------------------------------------

def _deterministic(data: bytes) -> bytes:
    """The same workbook bytes every time: fixed member dates, no extra metadata."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the time of saving
                content = _MODIFIED.sub(rb"\g<1>" + _FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + rb"\g<2>",
                                        content)
            target.writestr(fixed, content)
    return buffer.getvalue()


GUIDE = (
    "Bảng tính đề xuất gương điển hình — mỗi dòng ở trang “Danh sách” là một hồ sơ.",
    "Giữ nguyên dòng tiêu đề; cột có dấu * là bắt buộc. Có thể bỏ các cột không dùng, thêm cột riêng (bị bỏ qua).",
    "Ô có danh sách chọn (đối tượng, lĩnh vực, khen thưởng): chọn trong danh sách. Phong trào: ghi tên hoặc mã "
    "ở trang “Danh mục”, nhiều phong trào cách nhau bằng dấu “;”.",
    "Thành tích, từ khóa: mỗi mục một dòng trong ô (Alt+Enter) hoặc cách nhau bằng dấu “;”.",
    "Địa phương: ghi như lúc đề xuất, ví dụ “phường Khương Trung, quận Thanh Xuân, Hà Nội” hoặc "
    "“phường Khương Đình, Hà Nội”.",
    "Cá nhân và hộ gia đình phải có người đồng ý, ngày và hình thức đồng ý công bố.",
    "Không ghi số điện thoại, số căn cước, địa chỉ nhà riêng: nội dung hồ sơ sẽ công khai.",
    "Chưa có câu chuyện thì để trống cột “Câu chuyện”: hồ sơ được tạo ở dạng bản nháp, có khung để viết tiếp.",
    "Nhập: guongsang import ten-tep.xlsx (thêm --skip-invalid để chỉ nhập các dòng hợp lệ).",
)


_LISTS = ("kinds", "fields", "movements", "award_forms", "award_levels", "consent")


def template_workbook(catalog: Catalog) -> bytes:
    """The workbook offices fill in: headers from the form fields, choice lists from the catalogues."""
    return _workbook(tuple(tuple(options(catalog, name)) for name in _LISTS))


@cache  # ``guongsang serve`` rebuilds on every edit: the workbook only changes with the catalogues
def _workbook(choice_lists: tuple[tuple[tuple[str, str], ...], ...]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    book.properties.creator = "guongsang"
    book.properties.created = book.properties.modified = _FIXED_TIME
    sheet = book.active
    sheet.title = SHEET
    lists = book.create_sheet("Danh mục")
    guide = book.create_sheet("Hướng dẫn")
    bold = Font(bold=True)
    list_columns: dict[str, str] = {}
    for column, (name, choices) in enumerate(zip(_LISTS, choice_lists, strict=True), 1):
        letter = get_column_letter(column)
        lists.cell(1, column, {"kinds": "Đối tượng", "fields": "Lĩnh vực", "movements": "Phong trào thi đua",
                               "award_forms": "Hình thức khen thưởng", "award_levels": "Cấp khen thưởng",
                               "consent": "Hình thức đồng ý"}[name]).font = bold
        for row, (_code, label) in enumerate(choices, 2):
            lists.cell(row, column, label)
        lists.column_dimensions[letter].width = 48
        list_columns[name] = f"{quote_sheetname(lists.title)}!${letter}$2:${letter}${len(choices) + 1}"
    for column, spec in enumerate(FIELDS, 1):
        cell = sheet.cell(1, column, spec.label + (" *" if spec.required else ""))
        cell.font = bold
        cell.fill = PatternFill("solid", fgColor="FDE8D7" if spec.required else "F2F2F2")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.comment = Comment(help_text(spec), "guongsang", width=320, height=120)
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = 60 if spec.widget in ("textarea", "lines") else 24
        if spec.options and spec.widget == "select":
            check = DataValidation(type="list", formula1=f"={list_columns[spec.options]}", allow_blank=True,
                                   showErrorMessage=True, errorTitle="Giá trị không có trong danh mục",
                                   error="Chọn một giá trị trong danh sách.")
            check.add(f"{letter}2:{letter}1000")
            sheet.add_data_validation(check)
    sheet.freeze_panes = "A2"
    for row, line in enumerate(GUIDE, 1):
        guide.cell(row, 1, line).font = bold if row == 1 else Font()
    guide.column_dimensions["A"].width = 140
    buffer = io.BytesIO()
    book.save(buffer)
    return _deterministic(buffer.getvalue())
