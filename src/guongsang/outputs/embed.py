"""Embeds: each column as a small page ``/nhung/<column>/`` a portal shows in an iframe, and the snippet
a webmaster pastes once.

The page has no Material chrome (its own tiny stylesheet and script, no inline code, so it works under a
strict Content-Security-Policy), opens links in the top window and reports its height to the embedding page;
``theme/nhung/embed.js`` inserts and sizes the iframe on the portal's side.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..site.derive import COLUMNS, EMBED, Site, Term, embed_url

EMBED_ITEMS = 10  # items an embed page carries; the portal chooses how many to show (1–10)
DEFAULT_SHOWN = 5
TEMPLATE = "gs-embed.html"
SCRIPT = f"{EMBED}/embed.js"

_SNIPPET = Environment(autoescape=True).from_string(
    '<div data-guongsang-column="{{ code }}" data-items="{{ shown }}">'
    '<noscript><a href="{{ page }}">{{ name }} — {{ site_name }}</a></noscript></div>\n'
    '<script src="{{ script }}" async></script>')


def snippet(term: Term, site_url: str, site_name: str) -> str:
    """The HTML a portal pastes: a placeholder naming the column, a plain link without JavaScript, the script."""
    return _SNIPPET.render(code=term.key, shown=DEFAULT_SHOWN, page=urljoin(site_url, term.url), name=term.label,
                           site_name=site_name, script=urljoin(site_url, SCRIPT))


def _root(url: str) -> str:
    """The relative path from a page at ``url`` back to the site root ("../../")."""
    return "../" * url.strip("/").count("/") + ("../" if url.strip("/") else "")


def write_embeds(site: Site, templates: Path, out: Path, ctx: Any) -> list[str]:
    """Render ``/nhung/<column>/index.html`` for every column; returns their site-relative URLs."""
    env = Environment(loader=FileSystemLoader(str(templates)), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    template = env.get_template(TEMPLATE)
    written = []
    for term in site.columns:
        url = embed_url(term.key)
        html = template.render(column=term, items=term.exemplars[:EMBED_ITEMS], shown=DEFAULT_SHOWN, root=_root(url),
                               site_name=ctx.site_name, scope=ctx.scope, columns=COLUMNS, image_of=ctx.image_of)
        path = out / url / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
        written.append(url)
    return written
