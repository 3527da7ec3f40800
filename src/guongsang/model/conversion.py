"""The official conversion table of the 2025 reorganisation: each legacy ward → its current ward(s).

Shipped as ``data/conversion_2025.csv`` (provenance in ``data/PROVENANCE.md``, rebuilt by
``scripts/build_conversion_table.py``). Where the gazetteer library's own conversion disagrees, this table wins.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "conversion_2025.csv"


@dataclass(frozen=True)
class Row:
    """One row of the table: a legacy unit (a ward, or a whole island district) and one current ward it went to."""

    legacy_code: str  # 5 digits a ward; 3 digits a district that became a special zone as a whole
    legacy_name: str  # as the table writes it ("Xã Chơ GLong", "Phường IV"); empty for a district
    legacy_district: str
    legacy_province: str
    current_code: str
    note: str  # "Nhập toàn bộ", "Nhập một phần", "Giữ nguyên" …

    @property
    def is_district(self) -> bool:
        return len(self.legacy_code) == 3


@cache
def official_rows() -> tuple[Row, ...]:
    with DATA.open(encoding="utf-8", newline="") as handle:
        return tuple(Row(**row) for row in csv.DictReader(handle))


def successors() -> dict[str, tuple[str, ...]]:
    """Legacy code → the codes of every current ward that took in all or part of it, in the table's order."""
    out: dict[str, tuple[str, ...]] = {}
    for row in official_rows():
        if row.current_code not in out.get(row.legacy_code, ()):
            out[row.legacy_code] = (*out.get(row.legacy_code, ()), row.current_code)
    return out
