"""Progress against plans: target vs achieved per unit and year, by kind; totals; upcoming deadlines.

Pure functions over the model (plans and validated exemplars). The pages, the open-data JSON and the
``guongsang report`` tables all read the figures computed here, so they cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..model.catalog import Entry
from ..model.plans import Deadline, Plan, Quota, Target, Unit
from ..model.records import Exemplar

# Status of a cell: met, behind (its year or period is over), open (still running and not yet met),
# future (its year has not started).
MET, BEHIND, OPEN, FUTURE = "dat", "chua-dat", "dang-thuc-hien", "chua-den"
STATUS_LABELS = {MET: "Đạt", BEHIND: "Chưa đạt", OPEN: "Đang thực hiện", FUTURE: "Chưa đến kỳ"}
UPCOMING_DAYS = 90


@dataclass(frozen=True)
class Cell:
    """One quota of one target for one unit (or the whole plan) in one year or period."""

    quota: Quota
    achieved: int
    status: str

    @property
    def required(self) -> int:
        return self.quota.min

    @property
    def percent(self) -> int:
        """Achieved as a whole percentage of the quota (may exceed 100)."""
        return round(100 * self.achieved / self.quota.min)

    @property
    def bar(self) -> int:
        """Bar length in percent, capped at 100."""
        return min(100, self.percent)


@dataclass(frozen=True)
class Row:
    unit: Unit | None  # None: the target applies to the plan as a whole
    bucket: str  # "2023" or "2021–2025"
    cells: tuple[Cell, ...]

    @property
    def label(self) -> str:
        return self.unit.label if self.unit else "Toàn kế hoạch"

    @property
    def status(self) -> str:
        statuses = {c.status for c in self.cells}
        for status in (BEHIND, OPEN, FUTURE):
            if status in statuses:
                return status
        return MET

    @property
    def behind(self) -> bool:
        return self.status == BEHIND


@dataclass(frozen=True)
class TargetProgress:
    target: Target
    buckets: tuple[str, ...]
    rows: tuple[Row, ...]  # unit by unit, each unit's buckets in order

    def by_unit(self) -> list[tuple[str, list[Row]]]:
        """Rows grouped by unit (or the plan), for a units × years table."""
        groups: dict[str, list[Row]] = {}
        for row in self.rows:
            groups.setdefault(row.label, []).append(row)
        return list(groups.items())

    def totals(self) -> list[tuple[str, list[Cell]]]:
        """Per bucket, per quota: the sum over units of achieved and required."""
        out = []
        for bucket in self.buckets:
            rows = [r for r in self.rows if r.bucket == bucket]
            cells = []
            for i, quota in enumerate(self.target.quotas):
                achieved = sum(r.cells[i].achieved for r in rows)
                required = quota.min * len(rows)
                cells.append(Cell(Quota(quota.kinds, required), achieved, _merge([r.cells[i].status for r in rows])))
            out.append((bucket, cells))
        return out

    @property
    def behind_units(self) -> list[str]:
        return sorted({r.label for r in self.rows if r.behind})


@dataclass(frozen=True)
class Occurrence:
    """One date a deadline falls on."""

    date: dt.date
    plan: Plan
    deadline: Deadline

    def days_from(self, today: dt.date) -> int:
        return (self.date - today).days


@dataclass
class PlanProgress:
    plan: Plan
    today: dt.date
    exemplars: list[Exemplar]  # published records of the plan, newest first
    targets: list[TargetProgress] = field(default_factory=list)
    unmeasured: list[Target] = field(default_factory=list)
    by_year: list[tuple[int, dict[str, int]]] = field(default_factory=list)  # year → kind code → count
    by_unit: list[tuple[str, dict[int, int]]] = field(default_factory=list)  # unit name → year → count
    kinds: list[Entry] = field(default_factory=list)

    @property
    def rows(self) -> list[tuple[TargetProgress, Row]]:
        return [(t, r) for t in self.targets for r in t.rows]

    @property
    def behind(self) -> list[tuple[TargetProgress, Row]]:
        return [(t, r) for t, r in self.rows if r.behind]

    @property
    def summary(self) -> dict[str, int]:
        """How many (target, unit, bucket) rows are met, behind, running or not started."""
        counts = Counter(r.status for _, r in self.rows)
        return {status: counts.get(status, 0) for status in STATUS_LABELS}

    @property
    def met_percent(self) -> int:
        """Share of rows whose year or period is over (or already met) that are met."""
        done = [r for _, r in self.rows if r.status in (MET, BEHIND)]
        return round(100 * sum(r.status == MET for r in done) / len(done)) if done else 0

    def upcoming(self, days: int = UPCOMING_DAYS) -> list[Occurrence]:
        return upcoming([self.plan], self.today, days)


def _merge(statuses: list[str]) -> str:
    for status in (BEHIND, OPEN, FUTURE):
        if status in statuses:
            return status
    return MET


def _bucket_status(achieved: int, quota: Quota, first: int, last: int, today: dt.date) -> str:
    if achieved >= quota.min:
        return MET
    if today.year < first:
        return FUTURE
    return OPEN if today.year <= last else BEHIND


def _matches(target: Target, exemplar: Exemplar) -> bool:
    if target.field is not None and exemplar.field.code != target.field.code:
        return False
    return not target.movements or any(m in target.movements for m in exemplar.movements)


def target_progress(target: Target, plan: Plan, exemplars: list[Exemplar], today: dt.date,
                    up_to: int | None = None) -> TargetProgress:
    """Achieved against ``target``: per unit (``each``) or for the plan, per year or for the whole period.

    ``up_to`` (a report for one year) keeps per-year buckets of that year only and counts period targets
    cumulatively to the end of that year.
    """
    first, last = plan.period
    if target.per == "year":
        spans = [(y, y) for y in plan.years if up_to is None or y == up_to]
    else:
        spans = [(first, min(last, up_to) if up_to else last)]
    units: list[Unit | None] = list(target.units) if target.each else [None]
    matching = [e for e in exemplars if _matches(target, e)]
    counts: Counter[tuple[str, int, str]] = Counter((e.plan_unit, e.year, e.kind.code) for e in matching)
    rows = []
    for unit in units:
        for start, end in spans:
            cells = []
            for quota in target.quotas:
                achieved = sum(n for (u, year, kind), n in counts.items()
                               if (unit is None or u == unit.code) and start <= year <= end and quota.counts(kind))
                period_end = last if target.per == "period" else end
                cells.append(Cell(quota, achieved, _bucket_status(achieved, quota, start, period_end, today)))
            rows.append(Row(unit, _span_label(start, end), tuple(cells)))
    return TargetProgress(target, tuple(_span_label(s, e) for s, e in spans), tuple(rows))


def _span_label(start: int, end: int) -> str:
    return str(start) if start == end else f"{start}–{end}"


def plan_progress(plan: Plan, exemplars: list[Exemplar], kinds: list[Entry], today: dt.date,
                  year: int | None = None) -> PlanProgress:
    """Everything the plan page, its JSON and its report show; ``exemplars`` are all published records."""
    mine = [e for e in exemplars if e.plan == plan.code and (year is None or e.year <= year)]
    progress = PlanProgress(plan, today, mine, kinds=kinds)
    for target in plan.targets:
        if target.measured:
            progress.targets.append(target_progress(target, plan, mine, today, year))
        else:
            progress.unmeasured.append(target)
    years = [y for y in plan.years if year is None or y == year]
    per_year = Counter((e.year, e.kind.code) for e in mine)
    progress.by_year = [(y, {k.code: per_year.get((y, k.code), 0) for k in kinds}) for y in years]
    per_unit = Counter((e.plan_unit, e.year) for e in mine)
    names = [(u.code, u.label) for u in plan.units] + [("", "Chưa ghi đơn vị trong kế hoạch")]
    progress.by_unit = [(name, {y: per_unit.get((code, y), 0) for y in years}) for code, name in names
                        if any(per_unit.get((code, y)) for y in years) or code]
    return progress


def upcoming(plans: list[Plan], today: dt.date, days: int = UPCOMING_DAYS) -> list[Occurrence]:
    """Deadlines falling from ``today`` to ``days`` later, soonest first."""
    horizon = today + dt.timedelta(days=days)
    found = [Occurrence(when, plan, d) for plan in plans for d in plan.deadlines
             for when in d.occurrences() if today <= when <= horizon]
    return sorted(found, key=lambda o: (o.date, o.plan.code, o.deadline.id))


def progress_json(progress: PlanProgress) -> dict[str, Any]:
    """The figures as open data: counts only, never names of people or private fields."""
    plan = progress.plan

    def cell(c: Cell) -> dict[str, Any]:
        return {"doi_tuong": c.quota.key, "chi_tieu": c.required, "dat_duoc": c.achieved, "ty_le": c.percent,
                "trang_thai": c.status}

    return {
        "ke_hoach": {"ma": plan.code, "ten": plan.label, "so_hieu": plan.number,
                     "ngay": plan.date.isoformat() if plan.date else None, "co_quan_ban_hanh": plan.issuer,
                     "thoi_gian": list(plan.period), "pham_vi": plan.scope},
        "ngay_tinh": progress.today.isoformat(),
        "so_guong": len(progress.exemplars),
        "tong_hop": progress.summary,
        "chi_tieu": [{"ma": t.target.id, "muc": t.target.section, "trich_dan": t.target.quote,
                      "don_vi_giao": [u.label for u in t.target.units], "tung_don_vi": t.target.each,
                      "theo": "nam" if t.target.per == "year" else "giai-doan",
                      "ket_qua": [{"don_vi": r.unit.label if r.unit else None, "ky": r.bucket,
                                   "trang_thai": r.status, "so_lieu": [cell(c) for c in r.cells]} for r in t.rows]}
                     for t in progress.targets],
        "theo_nam": [{"nam": y, **counts} for y, counts in progress.by_year],
        "theo_don_vi": [{"don_vi": name, **{str(y): n for y, n in years.items()}} for name, years in progress.by_unit],
    }
