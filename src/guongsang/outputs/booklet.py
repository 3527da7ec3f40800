"""The printed booklet ("tài liệu tuyên truyền"): a cover, a table of contents and one page per exemplar.

Exemplars are chosen by plan, movement, locality (any area, written as everywhere else) or year. Each page
carries the photo, name, locality, awards, achievements, an excerpt of the story and a QR code to the
exemplar's page on the site.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from ..filecache import cached_file, file_digest, key
from ..model.catalog import Catalog
from ..model.places import LocalityError, gazetteer
from ..model.records import Exemplar
from ..model.scope import PROVINCE, resolve_area
from ..model.text import slugify
from ..site.derive import Site, exemplar_url
from .printing import render_html, stable_url, write_pdf

SELECTORS = ("plan", "movement", "locality", "year")
EXCERPT_CHARS = 650
MAX_ACHIEVEMENTS = 4
MAX_AWARDS = 3


class BookletError(ValueError):
    """A selector that names nothing: the message is for people, in Vietnamese."""


@dataclass(frozen=True)
class Selection:
    by: str  # one of SELECTORS
    value: str
    title: str  # what the booklet is about, e.g. the plan's label or "Năm 2024"
    subtitle: str
    exemplars: tuple[Exemplar, ...]

    @property
    def slug(self) -> str:
        return f"{self.by}-{self.value}".lower()


def parse_selector(text: str) -> tuple[str, str]:
    """``plan:thanh-xuan-2023`` → ("plan", "thanh-xuan-2023")."""
    by, _, value = text.partition(":")
    if by not in SELECTORS or not value.strip():
        raise BookletError(f"“{text}” không hợp lệ; dùng dạng {', '.join(s + ':…' for s in SELECTORS)}.")
    return by, value.strip()


def select(site: Site, catalog: Catalog, by: str, value: str, limit: int | None = None) -> Selection:
    """The exemplars a booklet holds, alphabetically by name; ``limit`` keeps featured, then newest, first."""
    subtitle = ""
    if by == "plan":
        entry = catalog.plans.find(value)
        if entry is None:
            raise BookletError(f"không có kế hoạch “{value}”" + catalog.plans.suggest(value))
        plan = catalog.plan_models[entry.code]
        chosen = [e for e in site.exemplars if e.plan == plan.code]
        title, subtitle, value = plan.label, plan.title, plan.code
    elif by == "movement":
        entry = catalog.movements.find(value)
        if entry is None:
            raise BookletError(f"không có phong trào “{value}”" + catalog.movements.suggest(value))
        chosen = [e for e in site.exemplars if entry in e.movements]
        title, value = f"Phong trào “{entry.label}”", entry.code
    elif by == "locality":
        chosen, title, value = _in_area(site, value)
    elif by == "year":
        if not value.isdigit():
            raise BookletError(f"năm “{value}” không hợp lệ.")
        chosen = [e for e in site.exemplars if e.year == int(value)]
        title = f"Năm {value}"
    else:
        raise BookletError(f"cách chọn “{by}” không hợp lệ; dùng: {', '.join(SELECTORS)}.")
    if limit is not None and len(chosen) > limit:
        chosen = sorted(chosen, key=lambda e: (not e.featured, e.newest_key))[:limit]
    chosen.sort(key=lambda e: (e.name_key, e.slug))
    return Selection(by, value, title, subtitle, tuple(chosen))


def _in_area(site: Site, written: str) -> tuple[list[Exemplar], str, str]:
    """The exemplars of a locality written as everywhere else (code, "ha-noi", "quận Thanh Xuân, Hà Nội" …),
    the area's name and a slug for the booklet's file."""
    try:
        area = resolve_area(gazetteer(), written)
    except LocalityError as exc:
        raise BookletError(exc.message) from None
    chosen = [e for e in site.exemplars if area.contains(e)]
    if not chosen:
        raise BookletError(f"không có gương nào ở {area.label}.")
    return chosen, area.label, area.unit.slug if area.kind == PROVINCE else slugify(area.label)


_MARKUP = re.compile(r"^#{1,6}\s+|[*_`>]+|!\[[^\]]*\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)", re.M)


def excerpt(body: str, limit: int = EXCERPT_CHARS) -> str:
    """The opening of a story as plain text, cut after a whole sentence near ``limit`` characters."""
    paragraphs = [p.strip() for p in body.split("\n\n")]
    text = " ".join(_MARKUP.sub(lambda m: m.group(1) or "", p) for p in paragraphs
                    if p and not p.lstrip().startswith("#"))
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[:limit]
    end = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "))
    return cut[: end + 1] if end > limit // 2 else cut.rsplit(" ", 1)[0] + " …"


def render(selection: Selection, site_url: str, theme: Path, today: dt.date, cache_dir: Path | None = None) -> bytes:
    """The booklet as PDF bytes; with ``cache_dir``, a booklet whose HTML and photos are unchanged is not
    printed again (WeasyPrint takes seconds)."""
    base = site_url.rstrip("/") + "/"
    pages = [{"exemplar": e, "url": base + exemplar_url(e.slug), "excerpt": excerpt(e.body),
              "achievements": e.achievements[:MAX_ACHIEVEMENTS],
              "awards": sorted(e.awards, key=lambda a: a.precedence)[:MAX_AWARDS],
              "photo": stable_url(e.image.path) if e.image else ""} for e in selection.exemplars]
    html = render_html(theme, "booklet.html", selection=selection, pages=pages, today=today, site_url=base)
    if cache_dir is None:
        return write_pdf(html, today, theme)
    photos = [file_digest(e.image.path) for e in selection.exemplars if e.image]
    digest = key("booklet", html, photos, today.isoformat(), str(theme), metadata.version("weasyprint"))
    return cached_file(cache_dir / "booklets", digest, ".pdf", lambda: write_pdf(html, today, theme)).read_bytes()
