"""Honours through time (``dong-thoi-gian/``): awards by year and by plan period, with counts per movement
and the notable honours of each year; and one exemplar's own awards in order.

Pure functions over the published records and the catalogue. Each year keeps at most :data:`NOTABLE`
honours, so the page grows with the number of years, not with the corpus.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..model.catalog import Catalog, Entry
from ..model.records import Award, Exemplar
from ..model.text import collation_key

NOTABLE = 5


@dataclass(frozen=True)
class Honour:
    exemplar: Exemplar
    award: Award


@dataclass
class YearRow:
    year: int
    honours: int  # awards given that year
    honoured: int  # distinct exemplars awarded that year
    movements: list[tuple[Entry, int]]  # movements of the awarded exemplars, most first
    notable: list[Honour]


@dataclass
class PeriodRow:
    label: str  # "2021–2025"
    first: int
    last: int
    plans: list[str]  # plan labels covering the period
    honours: int
    honoured: int


@dataclass
class Timeline:
    years: list[YearRow] = field(default_factory=list)  # newest first
    periods: list[PeriodRow] = field(default_factory=list)

    @property
    def honours(self) -> int:
        return sum(y.honours for y in self.years)


def rank(award: Award, catalog: Catalog) -> tuple[int, int]:
    """Smaller is higher: the awarding level first (catalogue order), then the form."""
    levels = [e.code for e in catalog.award_levels]
    forms = [e.code for e in catalog.award_forms]
    return levels.index(award.level.code) if award.level.code in levels else len(levels), (
        forms.index(award.form.code) if award.form.code in forms else len(forms))


def honours(exemplars: list[Exemplar]) -> list[Honour]:
    return [Honour(e, a) for e in exemplars for a in e.awards]


def _year_row(year: int, found: list[Honour], catalog: Catalog) -> YearRow:
    awarded = list({h.exemplar.slug: h.exemplar for h in found}.values())
    counts = Counter(m.code for e in awarded for m in e.movements)
    order = {e.code: i for i, e in enumerate(catalog.movements)}
    movements = sorted(((catalog.movements[c], n) for c, n in counts.items() if c in order),
                       key=lambda pair: (-pair[1], order[pair[0].code]))
    ranked = sorted(found, key=lambda h: (rank(h.award, catalog), collation_key(h.exemplar.name), h.exemplar.slug))
    return YearRow(year, len(found), len(awarded), movements, ranked[:NOTABLE])


def build_timeline(exemplars: list[Exemplar], catalog: Catalog) -> Timeline:
    by_year: dict[int, list[Honour]] = defaultdict(list)
    for honour in honours(exemplars):
        by_year[honour.award.year].append(honour)
    years = [_year_row(y, by_year[y], catalog) for y in sorted(by_year, reverse=True)]
    return Timeline(years, _periods(by_year, catalog))


def _periods(by_year: dict[int, list[Honour]], catalog: Catalog) -> list[PeriodRow]:
    spans: dict[tuple[int, int], list[str]] = defaultdict(list)
    for plan in catalog.plan_models.values():
        spans[plan.period].append(plan.label)
    rows = []
    for (first, last), labels in sorted(spans.items(), reverse=True):
        found = [h for y in range(first, last + 1) for h in by_year.get(y, [])]
        label = str(first) if first == last else f"{first}–{last}"
        rows.append(PeriodRow(label, first, last, sorted(labels, key=collation_key), len(found),
                              len({h.exemplar.slug for h in found})))
    return rows


def own_timeline(exemplar: Exemplar) -> list[Award]:
    """An exemplar's awards, oldest first (by date when known, else by year)."""
    return sorted(exemplar.awards, key=lambda a: (a.year, a.date.isoformat() if a.date else "", a.form.label))
