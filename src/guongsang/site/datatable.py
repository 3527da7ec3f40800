"""The table of all public records (``du-lieu/bang/``): the first rows rendered into the page, every row as
compact JSON in chunks of :data:`CHUNK` that the page's script loads only when the reader sorts, filters or
turns a page — so the first view stays small whatever the corpus size.

Rows come from ``Site.exemplars`` (published, public views, newest first): nothing a listing does not show.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from ..model.records import Exemplar
from ..model.text import collation_key
from .derive import OPEN_DATA, Site, exemplar_url

TABLE = f"{OPEN_DATA}/bang/"
INDEX = "chi-muc.json"
CHUNK = 1000
FIRST = 50  # rows rendered into the HTML

COLUMNS = [  # (key, Vietnamese header, sortable)
    ("name", "Tên", True),
    ("kind", "Đối tượng", True),
    ("movements", "Phong trào", False),
    ("province", "Tỉnh, thành phố", True),
    ("ward", "Phường, xã", True),
    ("year", "Năm", True),
    ("awards", "Số khen thưởng", True),
]


@dataclass(frozen=True)
class Row:
    url: str
    name: str
    kind: str  # code
    movements: tuple[str, ...]  # codes
    province: str  # code
    ward: str  # name
    year: int
    awards: int

    def cells(self) -> list[Any]:
        return [self.url, self.name, self.kind, list(self.movements), self.province, self.ward, self.year, self.awards]


@dataclass
class TableView:
    rows: list[Row]  # the first rows, as rendered
    total: int
    labels: dict[str, dict[str, str]]  # kind / movement / province code → label
    years: list[int]
    index_url: str
    columns: list[tuple[str, str, bool]]

    def label(self, group: str, code: str) -> str:
        return self.labels[group].get(code, code)

    def options(self, group: str) -> list[tuple[str, str]]:
        return sorted(self.labels[group].items(), key=lambda pair: collation_key(pair[1]))


def row_of(exemplar: Exemplar) -> Row:
    loc = exemplar.locality
    movements = tuple(m.code for m in exemplar.movements)
    return Row(exemplar_url(exemplar.slug), exemplar.name, exemplar.kind.code, movements, loc.province.code,
               loc.ward.name if loc.ward else "", exemplar.year, len(exemplar.awards))


def labels_of(exemplars: list[Exemplar]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {"kind": {}, "movement": {}, "province": {}}
    for e in exemplars:
        out["kind"][e.kind.code] = e.kind.label
        out["province"][e.locality.province.code] = e.locality.province.name
        for m in e.movements:
            out["movement"][m.code] = m.label
    return {group: dict(sorted(values.items())) for group, values in out.items()}


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def table_files(rows: list[Row], labels: dict[str, dict[str, str]], size: int = CHUNK) -> dict[str, bytes]:
    """The index (columns, labels, chunk names, total) and the chunks, by URL."""
    count = max(1, math.ceil(len(rows) / size))
    names = [f"bang-{n}.json" for n in range(1, count + 1)]
    files = {f"{TABLE}{INDEX}": _json({"total": len(rows), "chunk": size, "chunks": names,
                                       "columns": ["url", *[key for key, _, _ in COLUMNS]], "labels": labels})}
    for number, name in enumerate(names):
        files[f"{TABLE}{name}"] = _json([r.cells() for r in rows[number * size: (number + 1) * size]])
    return files


def build_table(site: Site, size: int = CHUNK) -> TableView:
    """The view of the table page; adds the JSON files to ``site.files``."""
    rows = [row_of(e) for e in site.exemplars]
    labels = labels_of(site.exemplars)
    site.files.update(table_files(rows, labels, size))
    return TableView(rows[:FIRST], len(rows), labels, sorted({r.year for r in rows}, reverse=True),
                     f"{TABLE}{INDEX}", COLUMNS)
