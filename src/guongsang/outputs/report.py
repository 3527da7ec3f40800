"""Reports for plan owners: the progress tables and the list of exemplars, as CSV, Excel workbook or PDF.

Every format is written from the same :class:`Table` list, built from :mod:`guongsang.site.progress`, so the
CSV, the workbook, the printed report and the plan page show the same figures.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model.records import Exemplar
from ..site.progress import STATUS_LABELS, PlanProgress
from .printing import render_html, write_pdf

FORMATS = ("csv", "xlsx", "pdf")
PROGRESS_HEADER = ["Mục", "Mã chỉ tiêu", "Đơn vị", "Kỳ", "Đối tượng", "Chỉ tiêu", "Đạt được", "Tỷ lệ (%)", "Trạng thái"]


@dataclass
class Table:
    title: str
    sheet: str  # Excel sheet name (≤ 31 characters)
    header: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    status_column: int | None = None  # index of a status column, highlighted when behind


def progress_table(progress: PlanProgress) -> Table:
    table = Table("Chỉ tiêu và kết quả", "Chỉ tiêu", PROGRESS_HEADER, status_column=8)
    for t in progress.targets:
        for row in t.rows:
            for c in row.cells:
                table.rows.append([t.target.section, t.target.id, row.label, row.bucket, c.quota.label, c.required,
                                   c.achieved, c.percent, STATUS_LABELS[c.status]])
    return table


def _unit_name(progress: PlanProgress, exemplar: Exemplar) -> str:
    unit = progress.plan.unit(exemplar.plan_unit) if exemplar.plan_unit else None
    return unit.label if unit else ""


def tables(progress: PlanProgress) -> list[Table]:
    """The report's tables: targets and results, counts by year and kind, by unit and year, the exemplars."""
    kinds = progress.kinds
    by_year = Table("Số gương theo năm và đối tượng", "Theo năm", ["Năm", *(k.label for k in kinds), "Tổng"])
    for year, counts in progress.by_year:
        by_year.rows.append([year, *(counts[k.code] for k in kinds), sum(counts.values())])
    years = [y for y, _ in progress.by_year]
    by_unit = Table("Số gương theo đơn vị và năm", "Theo đơn vị", ["Đơn vị", *map(str, years), "Tổng"])
    for name, counts in progress.by_unit:
        by_unit.rows.append([name, *(counts[y] for y in years), sum(counts.values())])
    listing = Table("Danh sách gương điển hình", "Danh sách gương",
                    ["STT", "Tên", "Đối tượng", "Năm", "Đơn vị trong kế hoạch", "Đơn vị đề xuất", "Địa phương",
                     "Lĩnh vực", "Phong trào", "Khen thưởng", "Định danh"])
    ordered = sorted(progress.exemplars, key=lambda e: (e.year, e.name_key, e.slug))
    for i, e in enumerate(ordered, 1):
        listing.rows.append([i, e.name, e.kind.label, e.year, _unit_name(progress, e), e.unit,
                             e.locality.current_label, e.field.label, "; ".join(m.label for m in e.movements),
                             "; ".join(f"{a.form.label} ({a.year})" for a in e.awards), e.slug])
    return [progress_table(progress), by_year, by_unit, listing]


def _heading(progress: PlanProgress, year: int | None) -> list[str]:
    plan = progress.plan
    scope = f"năm {year}" if year else f"giai đoạn {plan.period_label}"
    return [f"Báo cáo tiến độ {plan.label}", f"{plan.issuer}; {scope}; số liệu đến ngày {progress.today:%d/%m/%Y}"]


def to_csv(progress: PlanProgress, year: int | None = None) -> bytes:
    """All tables in one UTF-8 CSV (with BOM, so Excel reads the diacritics), each after its title row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for line in _heading(progress, year):
        writer.writerow([line])
    for table in tables(progress):
        writer.writerow([])
        writer.writerow([table.title])
        writer.writerow(table.header)
        writer.writerows(table.rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(progress: PlanProgress, year: int | None = None) -> bytes:
    """An Excel workbook, one formatted sheet per table (bold frozen header, widths, behind rows in red)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    header_fill = PatternFill("solid", fgColor="B71C1C")
    behind_fill = PatternFill("solid", fgColor="FDECEA")
    met_fill = PatternFill("solid", fgColor="E8F5E9")
    heading = _heading(progress, year)
    for table in tables(progress):
        sheet = book.create_sheet(table.sheet[:31])
        sheet.append([heading[0]])
        sheet.append([f"{table.title} — {heading[1]}"])
        sheet["A1"].font = Font(bold=True, size=13)
        sheet.append([])
        sheet.append(table.header)
        for cell in sheet[4]:
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = header_fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in table.rows:
            sheet.append(row)
            if table.status_column is not None:
                status = row[table.status_column]
                fill = behind_fill if status == STATUS_LABELS["chua-dat"] else (
                    met_fill if status == STATUS_LABELS["dat"] else None)
                if fill:
                    for cell in sheet[sheet.max_row]:
                        cell.fill = fill
        sheet.freeze_panes = "A5"
        for i, name in enumerate(table.header, 1):
            values = [name, *(row[i - 1] for row in table.rows)]
            width = min(60, max(len(str(v)) for v in values) + 2)
            sheet.column_dimensions[get_column_letter(i)].width = width
        sheet.auto_filter.ref = f"A4:{get_column_letter(len(table.header))}{max(4, sheet.max_row)}"
    book.properties.creator = "guongsang"
    stamp = dt.datetime.combine(progress.today, dt.time())
    book.properties.created = book.properties.modified = stamp
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_pdf(progress: PlanProgress, theme: Path, year: int | None = None) -> bytes:
    """The printed report: heading, the tables (behind rows highlighted), A4 landscape."""
    html = render_html(theme, "report.html", heading=_heading(progress, year), tables=tables(progress),
                       behind=STATUS_LABELS["chua-dat"], plan=progress.plan)
    return write_pdf(html, progress.today, theme)


def render(progress: PlanProgress, fmt: str, theme: Path, year: int | None = None) -> bytes:
    if fmt == "csv":
        return to_csv(progress, year)
    if fmt == "xlsx":
        return to_xlsx(progress, year)
    if fmt == "pdf":
        return to_pdf(progress, theme, year)
    raise ValueError(f"định dạng “{fmt}” không hợp lệ; dùng: {', '.join(FORMATS)}.")
