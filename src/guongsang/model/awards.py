"""Awards as readers should see them: the conferring authority as the decision names it, and the highest award.

The catalogue's levels are categories ("Chủ tịch UBND quận/huyện/thị xã/thành phố thuộc tỉnh"); a decision
names one authority ("Chủ tịch UBND quận Thanh Xuân"). A record may write that authority itself; otherwise a
level's ``authority`` pattern in ``content/catalog/awards.yml`` is filled with the record's own units, as they
were on the decision's date (before 1/7/2025: the legacy province, district and ward). Without a pattern, or
without the unit a pattern needs, the level's label stands.

Which award is highest is :attr:`guongsang.model.records.Award.precedence`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from .places import Locality, Unit

if TYPE_CHECKING:
    from .catalog import Entry, Table

REORGANISED = dt.date(2025, 7, 1)  # provinces merged, districts abolished, wards merged
PLACEHOLDERS = ("tỉnh", "huyện", "xã")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def _units(locality: Locality, before: bool) -> dict[str, Unit | None]:
    """The units a pattern may name, as they were before or after the reorganisation."""
    if before:
        return {"tỉnh": locality.legacy_province or locality.province, "huyện": locality.legacy_district,
                "xã": locality.legacy_ward or (None if locality.legacy_province else locality.ward)}
    return {"tỉnh": locality.province, "huyện": locality.legacy_district, "xã": locality.ward}


def _before_reorganisation(year: int, date: dt.date | None) -> bool:
    return date < REORGANISED if date else year < REORGANISED.year


def fill(pattern: str, locality: Locality, year: int, date: dt.date | None = None) -> str | None:
    """``pattern`` with ``{tỉnh}``, ``{huyện}``, ``{xã}`` replaced by the record's units as they read in a
    sentence ("quận Thanh Xuân"); None when a unit it names is not known for the record."""
    units = _units(locality, _before_reorganisation(year, date))
    missing = False

    def unit(match: re.Match[str]) -> str:
        nonlocal missing
        found = units.get(match.group(1))
        if found is None:
            missing = True
            return ""
        return found.lower_name

    text = _PLACEHOLDER.sub(unit, pattern)
    return None if missing else text


def authority(level: Entry, locality: Locality, year: int, date: dt.date | None = None,
              written: str | None = None) -> str:
    """Who conferred an award, as the decision names it: what the record wrote, else the level's pattern
    filled with the record's units, else the level's label."""
    if written:
        return written
    pattern = level.get("authority")
    filled = fill(str(pattern), locality, year, date) if pattern else None
    return filled or level.label


def pattern_problems(levels: Table) -> list[tuple[int, str]]:
    """(index, message) for each level whose ``authority`` names an unknown placeholder."""
    problems = []
    for i, level in enumerate(levels):
        pattern = level.get("authority")
        if pattern is None:
            continue
        unknown = [name for name in _PLACEHOLDER.findall(str(pattern)) if name not in PLACEHOLDERS]
        if unknown:
            problems.append((i, f"“authority” của cấp “{level.label}” có chỗ trống không hợp lệ "
                                f"“{{{unknown[0]}}}”; chỉ dùng: " + ", ".join(f"{{{p}}}" for p in PLACEHOLDERS) + "."))
    return problems
