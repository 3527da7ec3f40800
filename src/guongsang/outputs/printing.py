"""Printed output shared by reports and booklets: HTML from a Jinja template → PDF with WeasyPrint.

The Vietnamese font is the site's own (``theme/assets/fonts/``, Be Vietnam Pro, OFL): its subset WOFF files
are merged into one font per weight and embedded (subset) in every PDF. QR codes are drawn with ``segno`` as
inline SVG.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from ..filecache import file_digest
from ..render.templating import vi_date, vi_number
from . import fonts

FONT_DIR = Path("assets") / "fonts"  # inside the theme directory: the site's self-hosted WOFF files
PRINT_TEMPLATES = "print"  # inside the theme directory
SCHEME = "guongsang-file:"  # local files named by content (see stable_url)
_LOCAL: dict[str, Path] = {}  # stable URL → the file it names


def stable_url(path: Path) -> str:
    """A URL for a local file that names its content, not where the checkout lies: WeasyPrint names the images
    in a PDF after their URL, so ``file://`` URLs would make the same booklet differ between two checkouts."""
    url = f"{SCHEME}{file_digest(path)}{path.suffix}"
    _LOCAL[url] = path
    return url


@cache
def _local_fetcher() -> type:
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalFiles(URLFetcher):
        """WeasyPrint's URL fetcher, also reading the files :func:`stable_url` named."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith(SCHEME):
                path = _LOCAL[url]
                mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})
            return super().fetch(url, headers)

    return LocalFiles


def font_css(theme: Path) -> str:
    """``@font-face`` rules for Be Vietnam Pro 400, 600 and 700, from the site's own font files.

    WeasyPrint mixes up glyphs when one family is split into unicode-range subsets sharing a name (text in
    the PDF then extracts garbled), so the PDFs get each weight's subsets merged into one file — the file the
    social cards use (:func:`guongsang.outputs.fonts.merged_font`, keyed by the subsets' contents, so two themes
    printed by one process each get their own font)."""
    return "\n".join(f"@font-face {{ font-family: 'Be Vietnam Pro'; font-style: normal; font-weight: {weight}; "
                     f"src: url({stable_url(fonts.merged_font(theme / FONT_DIR, weight))}) format('truetype'); }}"
                     for weight in fonts.WEIGHTS)


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

    document = HTML(string=html, base_url=str(base_url), url_fetcher=_local_fetcher()()).render()
    stamp = dt.datetime.combine(created, dt.time(), dt.UTC).isoformat()
    document.metadata.created = document.metadata.modified = stamp
    return document.write_pdf(pdf_identifier=b"guongsang", uncompressed_pdf=False)
