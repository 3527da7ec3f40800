"""A4 posters for notice boards (bảng tin): photo, name, awards, achievements and a QR code to the page.

A PDF per exemplar costs about a second of WeasyPrint, so posters are opt-in: ``guongsang poster SLUG…`` or
``--all`` writes them to a folder, and the build publishes them next to each page only with
``posters: true`` in the plugin's options. Either way they go through the content-hash cache, keyed by what
the poster shows, so an unchanged poster is never rendered twice. Rendering is :mod:`guongsang.outputs.printing`'s
(shared with reports and booklets); the template is ``theme/print/poster.html``.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
from collections.abc import Iterable
from pathlib import Path

from ..filecache import cached_file, file_digest, key, parallel_map
from ..model.records import Exemplar
from ..site.derive import Site, exemplar_url, poster_url
from .media import display_host

VERSION = 2
TEMPLATE = "poster.html"


def page_address(site_url: str, exemplar: Exemplar) -> str:
    """The absolute address of an exemplar's page (what the QR code opens)."""
    base = site_url if site_url.endswith("/") else f"{site_url}/"
    return f"{base}{exemplar_url(exemplar.slug)}"


def print_photo(source: Path, cache_dir: Path, width: int = 1600) -> bytes:
    """An upright sRGB JPEG of ``source`` at most ``width`` px wide, without metadata (cached)."""
    from PIL import Image

    from .images import upright

    def make() -> bytes:
        img = upright(source).convert("RGB")
        if img.width > width:
            img = img.resize((width, round(img.height * width / img.width)), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        img.save(out, "JPEG", quality=85, optimize=True)
        return out.getvalue()

    digest = key("print-photo", 1, width, file_digest(source))
    return cached_file(cache_dir / "print", digest, ".jpg", make).read_bytes()


def created(exemplar: Exemplar) -> dt.date:
    """The PDF's date: from the record (its latest award, else its year), so it does not change every day."""
    return max((a.date for a in exemplar.awards if a.date), default=dt.date(exemplar.year, 1, 1))


def poster_html(exemplar: Exemplar, site_name: str, site_url: str, cache_dir: Path, theme: Path) -> str:
    from .printing import qr_svg, render_html

    url = page_address(site_url, exemplar)
    photo = ""
    if exemplar.image:  # embedded as data: the PDF names images by content, not by where the cache lives
        photo = "data:image/jpeg;base64," + base64.b64encode(print_photo(exemplar.image.path, cache_dir)).decode()
    words = exemplar.name.split()
    return render_html(theme, TEMPLATE, e=exemplar, site_name=site_name, url=url, host=display_host(site_url),
                       photo=photo, qr=qr_svg(url, scale=4), initials=(words[-1][0] if words else "").upper())


def _job(args: tuple[Exemplar, str, str, Path, Path]) -> Path:
    exemplar, site_name, site_url, cache_dir, theme = args
    from weasyprint import __version__ as weasyprint

    photo = file_digest(exemplar.image.path) if exemplar.image else None
    digest = key("poster", VERSION, weasyprint, repr(exemplar), site_name, site_url, photo,
                 file_digest(theme / "print" / TEMPLATE))

    def make() -> bytes:
        from .printing import write_pdf

        return write_pdf(poster_html(exemplar, site_name, site_url, cache_dir, theme), created(exemplar), theme)

    return cached_file(cache_dir / "posters", digest, ".pdf", make)


def render_posters(exemplars: Iterable[Exemplar], site_name: str, site_url: str, cache_dir: Path,
                   theme: Path) -> dict[str, Path]:
    """slug → cached PDF, rendering (in parallel) only the posters whose content changed."""
    chosen = list(exemplars)
    made = parallel_map(_job, [(e, site_name, site_url, cache_dir, theme) for e in chosen], name="gs-posters")
    return {e.slug: path for e, path in zip(chosen, made, strict=True)}


def publish(site: Site, cache_dir: Path, theme: Path, site_name: str, site_url: str) -> dict[str, Path]:
    """Site-relative URI → PDF, for every exemplar (``posters: true``)."""
    made = render_posters(site.exemplars, site_name, site_url, cache_dir, theme)
    return {poster_url(slug): path for slug, path in made.items()}
