"""Rebuild ``src/guongsang/model/data/conversion_2025.csv`` from the official conversion table.

The source is the national statistics office's table of the 2025 reorganisation, "Bảng chuyển đổi đơn vị
hành chính mới – cũ (không merge)", kept with the VietnamProvinces project's data:

    repository  https://github.com/sunshine-tech/VietnamProvinces
    file        dev/seed-data/2025-07/BangChuyendoiĐVHCmoi_cu_khong_merge.csv

Usage (from the repository root)::

    python scripts/build_conversion_table.py PATH/TO/BangChuyendoiĐVHCmoi_cu_khong_merge.csv

The output keeps, for each row of the table, the legacy unit's code and name as the table writes it, its
legacy district and province (names without their codes), the current ward's code and the table's note
("Nhập toàn bộ", "Nhập một phần" …), with spacing tidied and text in NFC. A legacy district turned into a
special zone as a whole (Côn Đảo, Lý Sơn …) has no legacy ward: its row carries the district's 3-digit code.
Rows are sorted, so the file is byte-for-byte reproducible.
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "guongsang" / "model" / "data" / "conversion_2025.csv"
_CODE = re.compile(r"\((\d{2,3})\)")


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", _CODE.sub("", text)).split())


def rows(source: Path) -> list[tuple[str, ...]]:
    """(legacy code, legacy name, district, legacy province, current code, note) for every data row."""
    out = set()
    with source.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.reader(handle):
            if len(row) < 7 or not row[2].strip().isdigit():
                continue  # titles, province headings
            current, legacy = row[2].strip(), row[4].strip()
            note, name = _clean(row[5]), _clean(row[3])
            if not legacy:
                district = _CODE.search(row[6])
                if not district or not note.startswith("Sắp xếp toàn bộ huyện"):
                    continue  # an area without a code (a coastal alluvial strip): nothing to resolve
                legacy, name = district.group(1), ""
            out.add((legacy, name, _clean(row[6]), _clean(row[7]), current, note))
    return sorted(out)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    found = rows(Path(argv[1]))
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["legacy_code", "legacy_name", "legacy_district", "legacy_province", "current_code", "note"])
        writer.writerows(found)
    print(f"{OUT}: {len(found)} rows, {len({r[0] for r in found})} legacy units")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
