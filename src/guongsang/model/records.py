"""The exemplar record model: what later stages (site, feeds, reports) read. Built by ``validate.py``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .catalog import Entry
from .places import Locality
from .text import collation_key, person_sort_key

RECORD_SUFFIX = ".md"
UNRANKED = 999  # a catalogue entry without ``rank`` comes after every ranked one


@dataclass(frozen=True)
class Award:
    form: Entry
    level: Entry
    year: int
    decision: str = ""
    date: dt.date | None = None
    authority: str = ""  # who conferred it, as the decision names it (``awards.authority``)

    @property
    def precedence(self) -> tuple[int, int, int]:
        """Sort key, highest award first: the level's ``rank``, the form's ``rank``, the more recent year."""
        return (int(self.level.get("rank", UNRANKED)), int(self.form.get("rank", UNRANKED)), -self.year)

    @property
    def label(self) -> str:
        """"Bằng khen — Chủ tịch UBND quận Thanh Xuân": the form and who conferred it (the level's label when no
        authority is known)."""
        return f"{self.form.label} — {self.authority or self.level.label}"


@dataclass(frozen=True)
class Image:
    src: str  # as written, relative to the record's folder
    path: Path  # absolute path of the source file
    alt: str
    caption: str = ""
    credit: str = ""
    width: int = 0
    height: int = 0


@dataclass(frozen=True)
class Source:
    title: str
    url: str
    publisher: str = ""
    date: dt.date | None = None


@dataclass(frozen=True)
class Consent:
    by: str
    date: dt.date
    method: str
    guardian: str = ""  # for a minor: the parent or guardian who agreed, and how they are related


@dataclass(frozen=True)
class Exemplar:
    """One honoured person, collective or household, fully resolved against catalogues and gazetteer."""

    slug: str
    source: str  # repository-relative path of the record file, for edit links and messages
    title: str
    name: str
    kind: Entry
    movements: tuple[Entry, ...]
    field: Entry
    locality: Locality
    unit: str
    year: int
    summary: str
    body: str
    awards: tuple[Award, ...] = ()
    achievements: tuple[str, ...] = ()
    images: tuple[Image, ...] = ()
    sources: tuple[Source, ...] = ()
    tags: tuple[str, ...] = ()
    consent: Consent | None = None
    featured: bool = False
    draft: bool = False
    plan: str = ""  # code of the plan the record was proposed under (content/plans/<code>.yml)
    plan_unit: str = ""  # code of the proposing unit in that plan's ``units``
    born: int | None = None  # year of birth
    school: str = ""
    minor: bool = False
    updated: dt.date | None = None  # when the record says it was last updated (``updated:``)
    # Office-only values ("private.phone", "0912…"): never in the public view (``privacy.public``).
    private: tuple[tuple[str, str], ...] = ()

    @property
    def image(self) -> Image | None:
        return self.images[0] if self.images else None

    @property
    def highest_award(self) -> Award | None:
        """The award cards and lists show: highest level, then highest form, then most recent."""
        return min(self.awards, key=lambda a: a.precedence, default=None)

    @property
    def name_key(self) -> tuple:
        """Sort by given name for people, by the whole name for collectives."""
        return person_sort_key(self.name) if self.kind.code == "ca-nhan" else (collation_key(self.name),)

    @property
    def newest_key(self) -> tuple:
        """Newest first, then by name: the default order of every list."""
        return (-self.year, self.name_key, self.slug)


@dataclass(frozen=True)
class Withdrawn:
    """A record withdrawn at the request of the person honoured: its URL answers with a short notice only."""

    slug: str
    source: str


def scan(directory: Path) -> list[Path]:
    """Every record file below ``directory``, in a stable order; sub-folders carry no meaning."""
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.rglob(f"*{RECORD_SUFFIX}")
                  if p.is_file() and not any(part.startswith((".", "_")) for part in p.relative_to(directory).parts)
                  and p.name.lower() != "readme.md")
