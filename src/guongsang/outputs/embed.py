"""Embeds: each column and each place (province, current ward, legacy district) as a small page a portal
shows in an iframe — ``/nhung/<column>/``, ``/nhung/dia-phuong/<province>/<ward>/`` — and the snippet a
webmaster pastes once.

The page has no Material chrome (its own tiny stylesheet and script, no inline code, so it works under a
strict Content-Security-Policy), opens links in the top window and reports its height to the embedding page;
``theme/nhung/embed.js`` inserts and sizes the iframe on the portal's side. It is light whatever the visitor's
colour scheme (portals are white pages); dark only when the portal asks (``data-theme="dark"``).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..site.derive import COLUMNS, EMBED, EMBED_SECTIONS, PLACES, Site, Term, term_embed_url
from ..site.published import newest_first

EMBED_ITEMS = 10  # items an embed page carries; the portal chooses how many to show (1–10)
DEFAULT_SHOWN = 5
TEMPLATE = "gs-embed.html"
SCRIPT = f"{EMBED}/embed.js"

_SNIPPET = Environment(autoescape=True).from_string(
    '<div data-guongsang-{{ kind }}="{{ code }}" data-items="{{ shown }}">'
    '<noscript><a href="{{ page }}">{{ name }} — {{ site_name }}</a></noscript></div>\n'
    '<script src="{{ script }}" async></script>')


def embeddable(term: Term | None) -> bool:
    """Whether a list has an embed page (columns and places)."""
    return term is not None and term.section in EMBED_SECTIONS


def snippet_target(term: Term) -> tuple[str, str]:
    """What the snippet names: ("column", code) or ("place", the place's path below ``dia-phuong/``)."""
    if term.section == "column":
        return "column", term.key
    return "place", term.url.removeprefix(f"{PLACES}/").strip("/")


def snippet(term: Term, site_url: str, site_name: str) -> str:
    """The HTML a portal pastes: a placeholder naming the list, a plain link without JavaScript, the script."""
    kind, code = snippet_target(term)
    return _SNIPPET.render(kind=kind, code=code, shown=DEFAULT_SHOWN, page=urljoin(site_url, term.url),
                           name=term.label, site_name=site_name, script=urljoin(site_url, SCRIPT))


def embedded(site: Site) -> Iterable[Term]:
    """Every list with an embed page: the columns, then the places (provinces with their wards, legacy districts)."""
    yield from site.columns
    stack = [*site.sections.get("places", []), *site.sections.get("legacy", [])]
    while stack:
        term = stack.pop(0)
        if embeddable(term):
            yield term
        stack[:0] = term.children


def _root(url: str) -> str:
    """The relative path from a page at ``url`` back to the site root ("../../")."""
    return "../" * url.strip("/").count("/") + ("../" if url.strip("/") else "")


def write_embeds(site: Site, templates: Path, out: Path, ctx: Any) -> list[str]:
    """Render the embed page of every column and place; returns their site-relative URLs."""
    env = Environment(loader=FileSystemLoader(str(templates)), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    template = env.get_template(TEMPLATE)
    written = []
    for term in embedded(site):
        url = term_embed_url(term)
        items = term.exemplars if term.section == "column" else newest_first(term.exemplars, ctx.today)
        html = template.render(column=term, items=items[:EMBED_ITEMS], shown=DEFAULT_SHOWN, root=_root(url),
                               site_name=ctx.site_name, scope=ctx.scope, columns=COLUMNS, image_of=ctx.image_of)
        path = out / url / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
        written.append(url)
    return written
