"""Catalogues: kinds, fields, movements, award forms and levels — loaded from ``content/catalog/`` — and plans.

Plans live one per file in ``content/plans/`` (see :mod:`guongsang.plans`); the ``plans`` table here is built
from those files, so a plan is written once.

A record may name a catalogue value by its code or by its Vietnamese label (or a recorded alias);
:meth:`Table.find` accepts all three, ignoring case and Unicode form.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .diagnostics import Diagnostic, did_you_mean
from .frontmatter import Document, read_yaml
from .text import collation_key, nfc, slugify

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


def _entries(doc: Document, items: Any, where: tuple, table: str) -> list[Entry]:
    if not isinstance(items, list):
        doc.diagnostics.append(doc.error(where, "GS080", f"danh mục “{table}” phải là một danh sách."))
        return []
    entries: list[Entry] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not item.get("code") or not item.get("label"):
            doc.diagnostics.append(doc.error((*where, i), "GS080", "mỗi mục cần có “code” và “label”."))
            continue
        code = str(item["code"])
        if code != slugify(code) or code in seen:
            doc.diagnostics.append(doc.error((*where, i, "code"), "GS080",
                                             f"mã “{code}” trùng hoặc không đúng dạng chữ thường-gạch-ngang."))
            continue
        seen.add(code)
        entries.append(Entry(code=code, label=str(item["label"]), description=str(item.get("description") or ""),
                             aliases=tuple(str(a) for a in item.get("aliases") or ()), data=dict(item)))
    return entries


def load_catalog(directory: Path, root: Path | None = None,
                 plans: Path | None = None) -> tuple[Catalog, list[Diagnostic]]:
    """Load every catalogue file from ``directory`` and the plans (default: ``content/plans`` beside it).

    Problems are returned, never raised.
    """
    from .plans import load_plans, plan_entry

    diagnostics: list[Diagnostic] = []
    tables: dict[str, Table] = {}

    def load(name: str) -> Document:
        file = directory / f"{name}.yml"
        shown = str(file.relative_to(root)) if root and file.is_relative_to(root) else str(file)
        if not file.exists():
            doc = Document(path=shown)
            doc.diagnostics.append(Diagnostic(shown, 1, 1, "GS080", "không tìm thấy tệp danh mục."))
            return doc
        return read_yaml(file, shown)

    for name in ("kinds", "fields", "movements"):
        doc = load(name)
        tables[name] = Table(name, _entries(doc, doc.data, (), name) if not doc.diagnostics else [])
        diagnostics += doc.diagnostics
    awards = load("awards")
    data = awards.data if isinstance(awards.data, dict) else {}
    tables["award_forms"] = Table("award_forms", _entries(awards, data.get("forms"), ("forms",), "forms"))
    tables["award_levels"] = Table("award_levels", _entries(awards, data.get("levels"), ("levels",), "levels"))
    diagnostics += awards.diagnostics
    found, problems = load_plans(plans or directory.parent / "plans", tables, root)
    diagnostics += problems
    tables["plans"] = Table("plans", [plan_entry(p) for p in found])
    return Catalog(**tables, plan_models={p.code: p for p in found}), diagnostics
