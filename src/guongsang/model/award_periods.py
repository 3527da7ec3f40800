"""Award levels valid in a period: a level of ``content/catalog/awards.yml`` may carry ``valid_from`` and
``valid_until`` (ISO dates). District chairs, for instance, conferred awards until 30 June 2025, when districts
ended. An award whose decision date (or, without one, whose whole year) falls outside its level's period is
reported with the period and the levels that could confer that form on that date.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .catalog import Catalog, Entry
from .diagnostics import Diagnostic
from .frontmatter import Document


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)) if value else None


def period(level: Entry) -> tuple[dt.date | None, dt.date | None]:
    """(first day, last day) a level could confer awards; None for an open end."""
    return _date(level.get("valid_from")), _date(level.get("valid_until"))


def _vi(day: dt.date) -> str:
    return f"{day.day}/{day.month}/{day.year}"


def period_label(level: Entry) -> str:
    """"đến ngày 30/6/2025", "từ ngày 1/7/2025", "từ ngày 1/1/2020 đến ngày 30/6/2025" or "" (always)."""
    start, end = period(level)
    parts = ([f"từ ngày {_vi(start)}"] if start else []) + ([f"đến ngày {_vi(end)}"] if end else [])
    return " ".join(parts)


def fits(level: Entry, first: dt.date, last: dt.date) -> bool:
    """Whether the level could confer an award dated somewhere in ``first`` … ``last``."""
    start, end = period(level)
    return (start is None or last >= start) and (end is None or first <= end)


def problem(form: Entry, level: Entry, year: int, date: dt.date | None, levels: Any) -> str | None:
    """The Vietnamese message when ``level`` could not confer ``form`` on the award's date, else None."""
    first, last = (date, date) if date else (dt.date(year, 1, 1), dt.date(year, 12, 31))
    if fits(level, first, last):
        return None
    when = f"ngày {_vi(date)}" if date else f"năm {year}"
    allowed = [lv for code in form.get("levels") or [] if (lv := levels.find(code)) and fits(lv, first, last)]
    fitting = "; ".join(lv.label for lv in allowed) or "không có cấp nào trong danh mục"
    return (f"cấp “{level.label}” chỉ khen thưởng {period_label(level)}, nên không thể trao “{form.label}” "
            f"{when}; cấp có thể trao “{form.label}” vào thời điểm đó: {fitting}.")


def check(doc: Document, awards: list[Any], resolved: list[tuple[Entry, Entry] | None], catalog: Catalog
          ) -> list[Diagnostic]:
    """GS029 for every award of a checked record whose level was not in office on the award's date."""
    out = []
    for i, (award, pair) in enumerate(zip(awards, resolved, strict=False)):
        if pair and (message := problem(*pair, award.year, award.date, catalog.award_levels)):
            out.append(doc.error(("awards", i, "date" if award.date else "year"), "GS029", message))
    return out
