"""Loading the catalogues from ``content/catalog/`` and the plans from ``content/plans/`` into a :class:`Catalog`.

Kept apart from :mod:`guongsang.model.catalog` (the types) so that plans, which are catalogue entries too, can be
loaded without the two modules importing each other.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .awards import pattern_problems
from .catalog import Catalog, Entry, Table
from .diagnostics import Diagnostic
from .frontmatter import Document, read_yaml
from .plans import load_plans, plan_entry
from .text import slugify


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
    for i, message in pattern_problems(tables["award_levels"]):
        awards.diagnostics.append(awards.error(("levels", i, "authority"), "GS080", message))
    diagnostics += awards.diagnostics
    found, problems = load_plans(plans or directory.parent / "plans", tables, root)
    diagnostics += problems
    tables["plans"] = Table("plans", [plan_entry(p) for p in found])
    return Catalog(**tables, plan_models={p.code: p for p in found}), diagnostics
