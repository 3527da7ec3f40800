"""The pipeline in one place: load → validate → model → derive. Used by the CLI and the MkDocs plugin."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .filecache import tree_digest
from .model.catalog import Catalog
from .model.catalogues import load_catalog
from .model.contests import ContestContext, load_contests
from .model.diagnostics import Diagnostic, is_error
from .model.memo import RecordMemo
from .model.places import Gazetteer, LocalityError, gazetteer
from .model.records import Exemplar, scan
from .model.scope import Area, resolve_area, resolve_province
from .model.validate import Context, load_exemplars
from .outputs.propagation import extend_site
from .site.collections import add_collections
from .site.columns import Column, load_columns
from .site.contest_views import build_contests
from .site.derive import PER_PAGE, Site, build_site


@dataclass
class Settings:
    """Where things are and what day it is; paths are absolute."""

    root: Path
    exemplars: Path
    catalog: Path
    today: dt.date
    per_page: int = PER_PAGE
    contests: Path | None = None  # writing contests; None: none checked or built
    columns: Path | None = None  # content/columns/ (chuyên mục)
    only_province: str | None = None  # a sub-site: one current province (code, slug or name)
    only_locality: str | None = None  # a sub-site: a ward, legacy district … (code or as written)

    @classmethod
    def at(cls, root: Path, exemplars: str | Path = "exemplars", catalog: str | Path = "content/catalog",
           today: dt.date | None = None, per_page: int = PER_PAGE,
           contests: str | Path | None = "content/contests", columns: str | Path = "content/columns",
           only_province: str | None = None, only_locality: str | None = None) -> Settings:
        root = root.resolve()
        return cls(root, (root / exemplars).resolve(), (root / catalog).resolve(), today or build_date(), per_page,
                   (root / contests).resolve() if contests else None, (root / columns).resolve(), only_province,
                   only_locality)


def build_date() -> dt.date:
    """The build date: SOURCE_DATE_EPOCH when set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


@dataclass
class Loaded:
    """The outcome of loading a project: the model when valid, and every diagnostic either way."""

    settings: Settings
    catalog: Catalog | None = None
    gazetteer: Gazetteer | None = None
    site: Site | None = None
    # Every valid record in full, private values included: for reports to the office, never for the site.
    records: list[Exemplar] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0  # record files checked
    contest_files: int = 0  # contest files and their entries checked
    columns: list[Column] = field(default_factory=list)
    area: Area | None = None  # what a sub-site covers; None for the whole corpus

    @property
    def ok(self) -> bool:
        return not is_error(self.diagnostics)


def load(settings: Settings, derive: bool = True, memo: RecordMemo | None = None) -> Loaded:
    """Load catalogues and records, validate them all, and (if valid and asked) derive the site.

    ``memo`` keeps checked records between calls (the live preview): only changed files are read again."""
    loaded = Loaded(settings)
    catalog, problems = load_catalog(settings.catalog, settings.root)
    loaded.diagnostics += problems
    if problems:
        return loaded
    gaz = gazetteer()
    loaded.area = _area(settings, gaz, loaded.diagnostics)
    if settings.columns is not None:
        loaded.columns, problems = load_columns(settings.columns, catalog, gaz, settings.root)
        loaded.diagnostics += problems
    # plans (content/plans beside the catalogue) name the units records point at: records are checked against them
    plans = settings.catalog.parent / "plans"
    token = f"{tree_digest([settings.catalog, plans])}:{settings.today}:{settings.root}" if memo else ""
    result = load_exemplars(settings.exemplars, Context(catalog, gaz, settings.today, settings.root), memo, token)
    loaded.catalog, loaded.gazetteer = catalog, gaz
    loaded.diagnostics += result.diagnostics
    loaded.files = result.files
    loaded.records = result.exemplars
    contests = []
    if settings.contests:
        known = {e.slug for e in result.exemplars} | {f.stem for f in scan(settings.exemplars)}
        drafts = frozenset(e.slug for e in result.exemplars if e.draft)
        found = load_contests(settings.contests, ContestContext(catalog, known, settings.root, drafts))
        loaded.diagnostics += found.diagnostics
        loaded.contest_files = found.files
        contests = found.contests
    if loaded.ok and derive:
        area = loaded.area
        exemplars = [e for e in result.exemplars if area.contains(e)] if area else result.exemplars
        loaded.site = build_site(exemplars, catalog, gaz, settings.per_page, settings.today,
                                 withdrawn=result.withdrawn)
        # A sub-site leaves contests to the whole site (entries link exemplars anywhere): its contest index is empty.
        build_contests(contests if area is None else [], loaded.site, settings.today, settings.per_page)
        extend_site(loaded.site, loaded.columns, area, settings.today, settings.per_page)
        add_collections(loaded.site)
    return loaded


def _area(settings: Settings, gaz: Gazetteer, diagnostics: list[Diagnostic]) -> Area | None:
    """The area of a sub-site build (``--only-province`` / ``--only-locality``), problems reported."""
    try:
        if settings.only_locality:
            return resolve_area(gaz, settings.only_locality)
        if settings.only_province:
            return resolve_province(gaz, settings.only_province)
    except LocalityError as exc:
        option = "--only-locality" if settings.only_locality else "--only-province"
        diagnostics.append(Diagnostic(option, 1, 1, exc.code, exc.message))
    return None


class _TaggedYaml(yaml.SafeLoader):
    """mkdocs.yml with MkDocs' own tags (``!ENV``, ``!!python/name:``) read as plain values."""


_TaggedYaml.add_multi_constructor("", lambda loader, suffix, node: None)
_TaggedYaml.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def plugin_options(config_file: Path) -> dict[str, Any]:
    """The ``guongsang`` plugin's options in ``config_file`` (mkdocs.yml), for the command line's own builds,
    which hand MkDocs the records they have loaded; {} when the file or the block is missing."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TaggedYaml) or {}
    except (OSError, yaml.YAMLError):
        return {}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("guongsang"), dict):
            return plugin["guongsang"]
    return {}

