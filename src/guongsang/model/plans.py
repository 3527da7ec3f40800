"""Plans (kế hoạch) as data: issuer, period, units, targets, deadlines and duties, from ``content/plans/*.yml``.

One file per plan; the file name is the plan's code. The catalogue's ``plans`` table (used to look plans up
by code, number or label) is built from these files, so a plan is written down once. References to
movements, fields, kinds and units are checked here, with the line and column of the offending value.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .catalog import Entry, Table
from .diagnostics import Diagnostic, did_you_mean
from .frontmatter import Document, read_yaml
from .text import nfc, slugify

PLAN_SUFFIX = ".yml"
ANY_KIND = "tong"


# -- the file's shape --------------------------------------------------------------------------------------

class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


Text = Annotated[str, Field(min_length=1)]
Code = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


class UnitIn(_In):
    code: Code
    name: Text
    group: str = ""
    aliases: list[Text] = []


class QuotaIn(_In):
    kind: Text | list[Text] | None = None  # kind code(s); none: any kind
    min: Annotated[int, Field(ge=1)]


class TargetIn(_In):
    id: Code
    section: Text
    quote: Text
    who: list[Code] = []
    groups: list[Code] = []
    exclude: list[Code] = []
    each: bool = False
    field: str | None = None
    movements: list[Text] = []
    per: Literal["year", "period"]
    quotas: list[QuotaIn]
    measured: bool = True
    note: str = ""


class DeadlineIn(_In):
    id: Code
    section: Text
    quote: Text
    who: Text
    what: Text
    when: Text
    due: dt.date | None = None
    repeat: Literal["monthly", "quarterly", "yearly"] | None = None
    month: Annotated[int, Field(ge=1, le=12)] | None = None
    day: Annotated[int, Field(ge=1, le=31)] | None = None
    start: dt.date | None = None
    end: dt.date | None = None


class DutyIn(_In):
    kind: Literal["bao-cao", "tuyen-truyen"]
    section: Text
    who: Text
    quote: Text


class PlanIn(_In):
    label: Text
    number: str = ""
    date: dt.date | None = None
    issuer: Text
    signer: str = ""
    title: Text
    period: Annotated[list[int], Field(min_length=2, max_length=2)]
    scope: Text
    seed: str = ""
    description: str = ""
    fields: list[Text] = []
    movements: list[Text] = []
    groups: dict[Code, Text] = {}
    units: list[UnitIn] = []
    targets: list[TargetIn] = []
    deadlines: list[DeadlineIn] = []
    duties: list[DutyIn] = []


# -- the model ---------------------------------------------------------------------------------------------

# A unit a plan assigns targets to (a lead agency, a ward, a school, a district …) is a catalogue entry: its
# name is the label, the short forms editors write are aliases, its group is ``entry.get("group")``.
Unit = Entry


@dataclass(frozen=True)
class Quota:
    """"At least ``min`` of these kinds": ``kinds`` empty means any kind."""

    kinds: tuple[Entry, ...]
    min: int

    @property
    def label(self) -> str:
        return "/".join(k.label.lower() for k in self.kinds) if self.kinds else "gương (mọi đối tượng)"

    @property
    def key(self) -> str:
        return "+".join(k.code for k in self.kinds) or ANY_KIND

    def counts(self, kind_code: str) -> bool:
        return not self.kinds or any(k.code == kind_code for k in self.kinds)


@dataclass(frozen=True)
class Target:
    id: str
    section: str
    quote: str
    units: tuple[Unit, ...]  # who the plan assigns it to (``who`` and ``groups``, minus ``exclude``)
    each: bool
    field: Entry | None
    movements: tuple[Entry, ...]
    per: str  # "year" or "period"
    quotas: tuple[Quota, ...]
    measured: bool = True
    note: str = ""

    @property
    def who_label(self) -> str:
        return "; ".join(u.label for u in self.units)


@dataclass(frozen=True)
class Deadline:
    id: str
    section: str
    quote: str
    who: str
    what: str
    when: str
    due: dt.date | None = None
    repeat: str | None = None
    month: int | None = None
    day: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def occurrences(self) -> list[dt.date]:
        """Every date this deadline falls on, from ``start`` to ``end`` (a fixed deadline: its one date)."""
        if self.repeat is None:
            return [self.due] if self.due else []
        assert self.start and self.end
        out: list[dt.date] = []
        year, month = self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            if self._falls_in(month):
                day = min(self.day or calendar.monthrange(year, month)[1], calendar.monthrange(year, month)[1])
                when = dt.date(year, month, day)
                if self.start <= when <= self.end:
                    out.append(when)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out

    def _falls_in(self, month: int) -> bool:
        if self.repeat == "yearly":
            return month == self.month
        if self.repeat == "quarterly":
            return month in (3, 6, 9, 12)
        return True


@dataclass(frozen=True)
class Duty:
    kind: str  # "bao-cao" (reporting) or "tuyen-truyen" (propagation)
    section: str
    who: str
    quote: str

    @property
    def kind_label(self) -> str:
        return "Báo cáo" if self.kind == "bao-cao" else "Tuyên truyền"


@dataclass(frozen=True)
class Plan:
    code: str
    source: str  # repository-relative path of the plan file
    label: str
    number: str
    date: dt.date | None
    issuer: str
    signer: str
    title: str
    period: tuple[int, int]
    scope: str
    seed: str
    description: str
    fields: tuple[Entry, ...]
    movements: tuple[Entry, ...]
    groups: dict[str, str]
    units: Table  # lookup by code, name or alias
    targets: tuple[Target, ...]
    deadlines: tuple[Deadline, ...]
    duties: tuple[Duty, ...]

    @property
    def years(self) -> list[int]:
        return list(range(self.period[0], self.period[1] + 1))

    @property
    def period_label(self) -> str:
        first, last = self.period
        return str(first) if first == last else f"{first}–{last}"

    def unit(self, value: str) -> Unit | None:
        """The unit written as its code, name or an alias (case and Unicode form ignored)."""
        return self.units.find(value)


def _spellings(unit: UnitIn) -> list[str]:
    """A unit's code, name and aliases, plus the short forms editors write (“UBND quận …”, “quận …”)."""
    names = [unit.code, unit.name, *unit.aliases]
    for name in (unit.name, *unit.aliases):
        for long, short in (("Ủy ban nhân dân ", "UBND "), ("Ủy ban nhân dân ", "")):
            if name.startswith(long):
                names.append(short + name[len(long):])
    return names


# -- loading ------------------------------------------------------------------------------------------------

_MESSAGES = {"missing": "thiếu trường bắt buộc", "extra_forbidden": "trường không có trong mẫu kế hoạch",
             "literal_error": "giá trị không nằm trong các giá trị cho phép",
             "string_pattern_mismatch": "mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang"}


def _shape_error(doc: Document, error: Any) -> Diagnostic:
    loc = tuple(error["loc"])
    name = ".".join(str(p) for p in loc)
    what = _MESSAGES.get(error["type"], f"giá trị “{error.get('input')}” không hợp lệ")
    path = loc[:-1] if error["type"] == "missing" else loc
    return doc.error(path, "GS081", f"“{name}”: {what}.", key=error["type"] == "extra_forbidden")


class _Resolver:
    """Turns one validated plan file into a :class:`Plan`, reporting unknown references where they stand."""

    def __init__(self, doc: Document, raw: PlanIn, tables: dict[str, Table]) -> None:
        self.doc, self.raw, self.tables = doc, raw, tables

    def ref(self, table: str, value: str, loc: tuple, what: str) -> Entry | None:
        entry = self.tables[table].find(value)
        if entry is None:
            self.doc.diagnostics.append(self.doc.error(loc, "GS082", f"{what} “{value}” không có trong danh mục"
                                                       + self.tables[table].suggest(value)))
        return entry

    def plan(self, code: str) -> Plan:
        raw, doc = self.raw, self.doc
        units = [Unit(u.code, u.name, aliases=tuple(_spellings(u)[2:]), data={"group": u.group}) for u in raw.units]
        index: dict[str, Unit] = {}
        for i, (unit_in, unit) in enumerate(zip(raw.units, units, strict=True)):
            if unit_in.group and unit_in.group not in raw.groups:
                doc.diagnostics.append(doc.error(("units", i, "group"), "GS082",
                                                 f"nhóm “{unit_in.group}” chưa khai báo trong “groups”."))
            for spelling in _spellings(unit_in):
                key = nfc(spelling).casefold()
                if index.setdefault(key, unit) is not unit:
                    doc.diagnostics.append(doc.error(("units", i), "GS082",
                                                     f"tên “{spelling}” đã dùng cho đơn vị “{index[key].label}”."))
        if raw.period[0] > raw.period[1]:
            doc.diagnostics.append(doc.error(("period",), "GS081", "năm đầu của thời gian kế hoạch lớn hơn năm cuối."))
        fields = tuple(e for i, f in enumerate(raw.fields) if (e := self.ref("fields", f, ("fields", i), "lĩnh vực")))
        movements = tuple(e for i, m in enumerate(raw.movements)
                          if (e := self.ref("movements", m, ("movements", i), "phong trào")))
        targets = tuple(made for i, t in enumerate(raw.targets) if (made := self.target(i, t, index)))
        deadlines = tuple(made for i, d in enumerate(raw.deadlines) if (made := self.deadline(i, d)))
        duties = tuple(Duty(d.kind, d.section, d.who, d.quote) for d in raw.duties)
        self._unique([t.id for t in raw.targets], "targets")
        self._unique([d.id for d in raw.deadlines], "deadlines")
        data = raw.model_dump()
        return Plan(code, doc.path, raw.label, raw.number, raw.date, raw.issuer, raw.signer, raw.title,
                    (data["period"][0], data["period"][1]), raw.scope, raw.seed, raw.description, fields, movements,
                    dict(raw.groups), Table("units", units), targets, deadlines, duties)

    def _unique(self, ids: list[str], where: str) -> None:
        seen: set[str] = set()
        for i, value in enumerate(ids):
            if value in seen:
                self.doc.diagnostics.append(self.doc.error((where, i, "id"), "GS082", f"mã “{value}” bị lặp lại."))
            seen.add(value)

    def target(self, i: int, t: TargetIn, index: dict[str, Unit]) -> Target | None:
        doc, where = self.doc, ("targets", i)
        chosen: dict[str, Unit] = {}
        for j, code in enumerate(t.who):
            if (unit := index.get(code)) is None:
                doc.diagnostics.append(doc.error((*where, "who", j), "GS082", f"đơn vị “{code}” không có trong "
                                                 "danh sách “units” của kế hoạch" + did_you_mean(code, list(index))))
            else:
                chosen[unit.code] = unit
        for j, group in enumerate(t.groups):
            if group not in self.raw.groups:
                doc.diagnostics.append(doc.error((*where, "groups", j), "GS082", f"nhóm “{group}” chưa khai báo."))
            for unit in index.values():
                if unit.get("group") == group and unit.code not in t.exclude:
                    chosen.setdefault(unit.code, unit)
        field_entry = self.ref("fields", t.field, (*where, "field"), "lĩnh vực") if t.field else None
        movements = tuple(e for j, m in enumerate(t.movements)
                          if (e := self.ref("movements", m, (*where, "movements", j), "phong trào")))
        quotas = []
        for j, q in enumerate(t.quotas):
            kinds = [q.kind] if isinstance(q.kind, str) else (q.kind or [])
            entries = tuple(e for k in kinds if (e := self.ref("kinds", k, (*where, "quotas", j, "kind"), "đối tượng")))
            quotas.append(Quota(entries, q.min))
        if t.measured and not t.quotas:
            doc.diagnostics.append(doc.error((*where, "quotas"), "GS081", "chỉ tiêu được đếm cần ít nhất một "
                                             "mức trong “quotas” (hoặc ghi “measured: false”)."))
            return None
        if t.each and not chosen:
            doc.diagnostics.append(doc.error(where, "GS082", "chỉ tiêu “each” cần ít nhất một đơn vị."))
        order = {u.code: n for n, u in enumerate(index.values())}
        units = tuple(sorted(chosen.values(), key=lambda u: order[u.code]))
        return Target(t.id, t.section, t.quote, units, t.each, field_entry, movements, t.per, tuple(quotas),
                      t.measured, t.note)

    def deadline(self, i: int, d: DeadlineIn) -> Deadline | None:
        doc, where = self.doc, ("deadlines", i)
        if d.repeat is None and d.due is None:
            doc.diagnostics.append(doc.error(where, "GS081", "hạn cần “due” (một ngày) hoặc “repeat” (lặp lại)."))
            return None
        if d.repeat is not None and (d.start is None or d.end is None or (d.repeat == "yearly" and not d.month)):
            doc.diagnostics.append(doc.error(where, "GS081", "hạn lặp lại cần “start”, “end” (và “month” nếu "
                                             "lặp hằng năm)."))
            return None
        return Deadline(d.id, d.section, d.quote, d.who, d.what, d.when, d.due, d.repeat, d.month, d.day,
                        d.start, d.end)


def plan_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob(f"*{PLAN_SUFFIX}") if p.is_file()) if directory.is_dir() else []


def load_plans(directory: Path, tables: dict[str, Table], root: Path | None = None
               ) -> tuple[list[Plan], list[Diagnostic]]:
    """Read and check every plan file in ``directory`` against the catalogue ``tables``."""
    plans: list[Plan] = []
    diagnostics: list[Diagnostic] = []
    for file in plan_files(directory):
        shown = file.relative_to(root).as_posix() if root and file.is_relative_to(root) else str(file)
        doc = read_yaml(file, shown)
        code = file.stem
        if not doc.diagnostics and code != slugify(code):
            doc.diagnostics.append(Diagnostic(shown, 1, 1, "GS081", f"tên tệp kế hoạch “{file.name}” không hợp lệ; "
                                              f"đổi thành “{slugify(code)}{PLAN_SUFFIX}”."))
        if not doc.diagnostics:
            try:
                raw = PlanIn.model_validate(doc.data if isinstance(doc.data, dict) else {})
            except ValidationError as exc:
                doc.diagnostics.extend(_shape_error(doc, e) for e in exc.errors())
            else:
                plan = _Resolver(doc, raw, tables).plan(code)
                if not doc.diagnostics:
                    plans.append(plan)
        diagnostics += doc.diagnostics
    return plans, diagnostics


def plan_entry(plan: Plan) -> Entry:
    """The catalogue entry of a plan: found by its code, its number ("4257/KH-UBND") or its label."""
    data = {"issuer": plan.issuer, "number": plan.number, "date": plan.date, "title": plan.title,
            "period": list(plan.period), "scope": plan.scope, "seed": plan.seed}
    return Entry(plan.code, plan.label, plan.description, aliases=(plan.number,) if plan.number else (), data=data)
