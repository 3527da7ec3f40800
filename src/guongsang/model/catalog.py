"""Catalogues: kinds, fields, movements, award forms and levels — loaded from ``content/catalog/`` — and plans.

Plans live one per file in ``content/plans/`` (see :mod:`guongsang.model.plans`); the ``plans`` table here is built
from those files, so a plan is written once.

A record may name a catalogue value by its code or by its Vietnamese label (or a recorded alias);
:meth:`Table.find` accepts all three, ignoring case and Unicode form.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .diagnostics import did_you_mean
from .text import collation_key, nfc

if TYPE_CHECKING:
    from .plans import Plan


@dataclass(frozen=True)
class Entry:
    """One catalogue value: a stable code, its Vietnamese label and description, and any further data."""

    code: str
    label: str
    description: str = ""
    aliases: tuple[str, ...] = ()
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    @property
    def sort_key(self) -> tuple:
        return collation_key(self.label)


class Table:
    """The entries of one catalogue, in file order, with lookup by code, label or alias."""

    def __init__(self, name: str, entries: list[Entry]) -> None:
        self.name = name
        self.entries = entries
        self._index: dict[str, Entry] = {}
        for entry in entries:
            for spelling in (entry.code, entry.label, *entry.aliases):
                self._index.setdefault(nfc(spelling).casefold(), entry)

    def __iter__(self):
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __getitem__(self, code: str) -> Entry:
        return self._index[code]

    def find(self, value: str) -> Entry | None:
        return self._index.get(nfc(str(value)).strip().casefold())

    def suggest(self, value: str) -> str:
        return did_you_mean(str(value), [e.label for e in self.entries] + [e.code for e in self.entries])


@dataclass
class Catalog:
    kinds: Table
    fields: Table
    movements: Table
    award_forms: Table
    award_levels: Table
    plans: Table
    plan_models: dict[str, Plan] = field(default_factory=dict)  # code → the plan with targets and deadlines
