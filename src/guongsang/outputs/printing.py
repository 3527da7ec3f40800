"""Printed output shared by reports and booklets: HTML from a Jinja template → PDF with WeasyPrint.

The Vietnamese font is the site's own (``theme/assets/fonts/``, Be Vietnam Pro, OFL): its subset WOFF files
are merged into one font per weight and embedded (subset) in every PDF. QR codes are drawn with ``segno`` as inline SVG.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from ..render.templating import vi_date, vi_number
from . import fonts

FONT_DIR = Path("assets") / "fonts"  # inside the theme directory: the site's self-hosted WOFF files
FONT_WEIGHTS = (400, 600, 700)
PRINT_TEMPLATES = "print"  # inside the theme directory


def merged_font(theme: Path, weight: int) -> Path:
    """One TrueType file per weight: the site's Latin, Latin Extended and Vietnamese subsets merged.

    WeasyPrint mixes up glyphs when one family is split into unicode-range subsets sharing a name (text in
    the PDF then extracts garbled), so the PDFs get the whole font in one file — the same file the social
    cards use (:func:`guongsang.outputs.fonts.merged_font`, keyed by the subsets' contents).
    """
    return fonts.merged_font(theme / FONT_DIR, weight)


def font_css(theme: Path) -> str:
    """``@font-face`` rules for Be Vietnam Pro 400, 600 and 700, from the site's own font files."""
    return "\n".join(f"@font-face {{ font-family: 'Be Vietnam Pro'; font-style: normal; font-weight: {weight}; "
                     f"src: url({merged_font(theme, weight).as_uri()}) format('truetype'); }}"
                     for weight in FONT_WEIGHTS)


def qr_svg(url: str, scale: int = 3) -> str:
    """A QR code for ``url`` as an inline SVG element (no XML declaration)."""
    import segno

    return segno.make(url, error="m").svg_inline(scale=scale, border=2)


@cache
def environment(theme: Path) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(theme / PRINT_TEMPLATES)), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters.update(vi_date=vi_date, vi_number=vi_number)
    env.globals.update(font_css=lambda: font_css(theme), qr_svg=qr_svg)
    return env


def render_html(theme: Path, template: str, **context: Any) -> str:
    return environment(theme).get_template(template).render(**context)


def write_pdf(html: str, created: dt.date, base_url: Path) -> bytes:
    """The PDF of ``html``; the same HTML and date give the same bytes (dated by the build, not the clock)."""
    from weasyprint import HTML

    document = HTML(string=html, base_url=str(base_url)).render()
    stamp = dt.datetime.combine(created, dt.time(), dt.UTC).isoformat()
    document.metadata.created = document.metadata.modified = stamp
    return document.write_pdf(pdf_identifier=b"guongsang", uncompressed_pdf=False)
