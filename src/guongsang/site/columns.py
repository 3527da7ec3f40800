"""Columns (chuyên mục): named, saved queries over the records, read from ``content/columns/*.yml``.

A column is what a portal shows as "Người tốt – việc tốt" or "Gương sáng Thanh Xuân": a name, a description
and a query — movements, localities (current or legacy), kinds, fields, tags, years — whose newest matches
(up to ``limit``) make the column's page, feeds and embed. Values within one key are alternatives (any of
them); different keys must all hold.

    name: Người tốt – việc tốt
    description: Những việc làm bình dị mà cao đẹp của người dân Thủ đô.
    query:
      movements: [nguoi-tot-viec-tot]
      localities: ["quận Thanh Xuân, Hà Nội", "00364"]
      years: 2023-2025
      limit: 20
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model.catalog import Catalog, Entry, Table
from ..model.diagnostics import Diagnostic, did_you_mean
from ..model.frontmatter import Document, read_yaml
from ..model.places import Gazetteer, LocalityError
from ..model.records import Exemplar
from ..model.scope import Area, resolve_area
from ..model.text import slugify
from .published import newest_first

COLUMN_SUFFIX = ".yml"
DEFAULT_LIMIT = 20
MAX_LIMIT = 100
TOP_KEYS = ("name", "description", "query")
QUERY_KEYS = ("movements", "localities", "kinds", "fields", "tags", "years", "limit")
_YEARS = re.compile(r"^\s*(\d{4})\s*[-–]\s*(\d{4})\s*$")


@dataclass(frozen=True)
class Query:
    """A saved query; an empty key matches everything."""

    movements: frozenset[str] = frozenset()
    areas: tuple[Area, ...] = ()
    kinds: frozenset[str] = frozenset()
    fields: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()  # compared case-insensitively
    years: frozenset[int] = frozenset()
    limit: int = DEFAULT_LIMIT

    def matches(self, e: Exemplar) -> bool:
        return ((not self.movements or any(m.code in self.movements for m in e.movements))
                and (not self.areas or any(a.contains(e) for a in self.areas))
                and (not self.kinds or e.kind.code in self.kinds)
                and (not self.fields or e.field.code in self.fields)
                and (not self.tags or any(t.casefold() in self.tags for t in e.tags))
                and (not self.years or e.year in self.years))


@dataclass(frozen=True)
class Column:
    code: str  # the file name: the column's URL segment and what a portal's snippet names
    name: str
    description: str
    query: Query
    source: str  # repository-relative file, for messages and edit links
    summary: tuple[tuple[str, str], ...] = field(default=())  # the query in words: (label, values)

    def select(self, exemplars: list[Exemplar], today: dt.date) -> list[Exemplar]:
        """The column's items: matching exemplars, newest first, at most ``limit``."""
        return newest_first((e for e in exemplars if self.query.matches(e)), today)[: self.query.limit]


def scan(directory: Path) -> list[Path]:
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.glob(f"*{COLUMN_SUFFIX}") if not p.name.startswith((".", "_")))


def _strings(doc: Document, value: Any, where: tuple) -> list[tuple[str, tuple]]:
    """A string or a list of strings (numbers accepted as written), each with its position."""
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    out = []
    for i, item in enumerate(items):
        at = (*where, i) if isinstance(value, list) else where
        if isinstance(item, (str, int)) and not isinstance(item, bool) and str(item).strip():
            out.append((str(item).strip(), at))
        else:
            doc.diagnostics.append(doc.error(at, "GS096", f"“{where[-1]}” chỉ gồm chữ hoặc số, mỗi mục một dòng."))
    return out


def _codes(doc: Document, table: Table, value: Any, where: tuple, what: str) -> tuple[frozenset[str], list[str]]:
    codes, labels = set(), []
    for text, at in _strings(doc, value, where):
        entry: Entry | None = table.find(text)
        if entry is None:
            doc.diagnostics.append(doc.error(at, "GS096", f"{what} “{text}” không có trong danh mục"
                                             + table.suggest(text)))
        else:
            codes.add(entry.code)
            labels.append(entry.label)
    return frozenset(codes), labels


def _years(doc: Document, value: Any, where: tuple) -> frozenset[int]:
    years: set[int] = set()
    for text, at in _strings(doc, value, where):
        span = _YEARS.match(text)
        if span and int(span.group(1)) <= int(span.group(2)):
            years.update(range(int(span.group(1)), int(span.group(2)) + 1))
        elif text.isdigit() and len(text) == 4:
            years.add(int(text))
        else:
            doc.diagnostics.append(doc.error(at, "GS096", f"năm “{text}” không hợp lệ; viết 2024 hoặc 2021-2025."))
    return frozenset(years)


def _limit(doc: Document, value: Any, where: tuple) -> int:
    if value is None:
        return DEFAULT_LIMIT
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_LIMIT:
        return value
    doc.diagnostics.append(doc.error(where, "GS096", f"“limit” phải là số từ 1 đến {MAX_LIMIT}."))
    return DEFAULT_LIMIT


def _unknown_keys(doc: Document, data: dict, allowed: tuple[str, ...], where: tuple) -> None:
    for key in data:
        if key not in allowed:
            doc.diagnostics.append(doc.error((*where, key), "GS096", f"trường “{key}” không dùng trong chuyên mục"
                                             + did_you_mean(str(key), list(allowed)), key=True))


def _column(doc: Document, code: str, catalog: Catalog, gaz: Gazetteer) -> Column | None:
    data = doc.data
    if not isinstance(data, dict):
        doc.diagnostics.append(Diagnostic(doc.path, 1, 1, "GS096", "tệp chuyên mục phải gồm các dòng "
                                          "“tên_trường: giá trị” (name, description, query)."))
        return None
    _unknown_keys(doc, data, TOP_KEYS, ())
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        doc.diagnostics.append(doc.error(("name",), "GS096", "chuyên mục cần “name”: tên hiển thị của chuyên mục."))
    description = data.get("description") or ""
    if not isinstance(description, str):
        doc.diagnostics.append(doc.error(("description",), "GS096", "“description” phải là một đoạn chữ."))
    query = data.get("query") or {}
    if not isinstance(query, dict):
        doc.diagnostics.append(doc.error(("query",), "GS096", "“query” phải là một nhóm trường "
                                         f"({', '.join(QUERY_KEYS)})."))
        query = {}
    _unknown_keys(doc, query, QUERY_KEYS, ("query",))
    movements, movement_labels = _codes(doc, catalog.movements, query.get("movements"), ("query", "movements"),
                                        "phong trào")
    kinds, kind_labels = _codes(doc, catalog.kinds, query.get("kinds"), ("query", "kinds"), "đối tượng")
    fields, field_labels = _codes(doc, catalog.fields, query.get("fields"), ("query", "fields"), "lĩnh vực")
    areas = []
    for text, at in _strings(doc, query.get("localities"), ("query", "localities")):
        try:
            areas.append(resolve_area(gaz, text))
        except LocalityError as exc:
            doc.diagnostics.append(doc.error(at, exc.code, exc.message))
    tags = [t for t, _ in _strings(doc, query.get("tags"), ("query", "tags"))]
    years = _years(doc, query.get("years"), ("query", "years"))
    limit = _limit(doc, query.get("limit"), ("query", "limit"))
    if doc.diagnostics:
        return None
    summary = [("Phong trào", movement_labels), ("Địa phương", [a.label for a in areas]),
               ("Đối tượng", kind_labels), ("Lĩnh vực", field_labels), ("Từ khóa", tags),
               ("Năm", [_year_span(years)] if years else [])]
    return Column(code, name.strip(), description.strip(),
                  Query(movements, tuple(areas), kinds, fields, frozenset(t.casefold() for t in tags), years, limit),
                  doc.path, tuple((label, "; ".join(values)) for label, values in summary if values))


def _year_span(years: frozenset[int]) -> str:
    ordered = sorted(years)
    if ordered == list(range(ordered[0], ordered[-1] + 1)) and len(ordered) > 1:
        return f"{ordered[0]}–{ordered[-1]}"
    return ", ".join(str(y) for y in ordered)


def load_columns(directory: Path, catalog: Catalog, gaz: Gazetteer,
                 root: Path) -> tuple[list[Column], list[Diagnostic]]:
    """Every column in ``directory`` (sorted by file name), and every problem found in them."""
    columns: list[Column] = []
    problems: list[Diagnostic] = []
    for file in scan(directory):
        shown = file.relative_to(root).as_posix() if file.is_relative_to(root) else str(file)
        doc = read_yaml(file, shown)
        code = file.stem
        if code != slugify(code):
            doc.diagnostics.append(Diagnostic(shown, 1, 1, "GS061", f"tên tệp “{file.name}” không hợp lệ; "
                                              f"đổi thành “{slugify(code)}{COLUMN_SUFFIX}”."))
        column = None if doc.diagnostics else _column(doc, code, catalog, gaz)
        problems += doc.diagnostics
        if column is not None:
            columns.append(column)
    return columns, problems
