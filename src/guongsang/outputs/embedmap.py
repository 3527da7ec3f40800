"""A map for each column's embed (``nhung/<column>/ban-do/``): the column's exemplars by province, drawn at
build time like the site's map, in a page without Material chrome that a portal shows in an iframe (no inline
code, so it works under the embed's strict Content-Security-Policy); marks open the province's list in the
top window. ``theme/nhung/khung.js`` reports the page's height to the portal, as for the column embeds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, pass_context, select_autoescape

from ..model.geo import ATTRIBUTION
from ..render.templating import vi_number
from ..site.collections import column_map, embed_map_url
from ..site.derive import Site

TEMPLATE = "gs-embed-map.html"


def _root(url: str) -> str:
    return "../" * len(url.strip("/").split("/"))


@pass_context
def _url(context: Any, target: str) -> str:
    """A site-relative URL as seen from the embed page (MkDocs' ``url`` filter, for this page only)."""
    return f"{context['root']}{target}"


def write_embed_maps(site: Site, templates: Path, out: Path, ctx: Any) -> list[str]:
    """Render ``nhung/<column>/ban-do/index.html`` for every column; returns their site-relative URLs."""
    env = Environment(loader=FileSystemLoader(str(templates)), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(url=_url, vi_number=vi_number)
    template = env.get_template(TEMPLATE)
    written = []
    for term in site.columns:
        url = embed_map_url(term.key)
        html = template.render(column=term, m=column_map(site, term), root=_root(url), site_name=ctx.site_name,
                               gs_map_attribution=ATTRIBUTION)
        path = out / url / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
        written.append(url)
    return written
