"""What the site publishes besides pages: image renditions, social cards and (when asked) posters.

Planned from the derived site and made through the content-hash cache (:mod:`guongsang.render.cache`), so a
rebuild only processes what changed. Social cards are drawn in worker processes while the pages render and
are published by :meth:`Media.finish` at the end of the build. Renderer-neutral: it returns site-relative
URIs and the files to copy there, and the :class:`Picture` data templates turn into ``<picture>`` elements.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ..filecache import Background, cached_path, file_digest, key, publish_file
from ..model.records import Exemplar
from ..site.derive import Site, card_url, image_file_url
from . import cards, images
from .fonts import merged_font

CARDS_DIR = "cards"
IMAGES_DIR = "images"


@dataclass(frozen=True)
class Source:
    mime: str
    candidates: tuple[tuple[str, int], ...]  # (site-relative URL, width in px)


@dataclass(frozen=True)
class Picture:
    """One published image, ready for a ``<picture>``: sources best format first, a WebP fallback."""

    width: int
    height: int
    alt: str
    placeholder: str  # web-safe colour, e.g. "963" → class gs-ph-963
    sources: tuple[Source, ...]
    src: str
    caption: str = ""
    credit: str = ""


@dataclass
class Media:
    pictures: dict[tuple[str, int], Picture] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)  # site-relative URI → file to publish there
    posters: bool = False
    later: dict[str, Path] = field(default_factory=dict)  # like ``files``, but made while the pages render
    pending: Background | None = None

    def finish(self, site_dir: Path, only_newer: bool = False) -> int:
        """Wait for the files still being made and publish ``later`` into ``site_dir``; how many. With
        ``only_newer``, a file already there and newer than its source is left as it is."""
        if self.pending is not None:
            pending, self.pending = self.pending, None
            pending.result()
        for uri, path in self.later.items():
            target = site_dir / uri
            if only_newer and target.is_file() and target.stat().st_mtime_ns >= path.stat().st_mtime_ns:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            publish_file(path, target)
        return len(self.later)

    def abandon(self) -> None:
        """Stop making files (a failed build)."""
        if self.pending is not None:
            self.pending.cancel()
            self.pending = None

    def picture(self, exemplar: Exemplar, index: int = 0) -> Picture | None:
        return self.pictures.get((exemplar.slug, index))

    def published(self, exemplar: Exemplar, index: int = 0) -> tuple[str, str, int, int, int] | None:
        """The WebP fallback of an image as feeds, embeds and open data link it: (site-relative URL, MIME type,
        bytes, width, height)."""
        pic = self.picture(exemplar, index)
        if pic is None or pic.src not in self.files:
            return None
        width = next((w for source in pic.sources for url, w in source.candidates if url == pic.src), pic.width)
        return pic.src, "image/webp", self.files[pic.src].stat().st_size, width, round(pic.height * width / pic.width)


def picture(exemplar: Exemplar, index: int, name: str, rendition: images.Rendition) -> Picture:
    image = exemplar.images[index]
    sources = tuple(Source(images.MIME[fmt], tuple((image_file_url(exemplar.slug, name, v.width, fmt), v.width)
                                                   for v in rendition.of(fmt)))
                    for fmt in rendition.formats)
    fallback = rendition.fallback()
    return Picture(rendition.width, rendition.height, image.alt, rendition.placeholder, sources,
                   image_file_url(exemplar.slug, name, fallback.width, "webp"), image.caption, image.credit)


def display_host(site_url: str) -> str:
    """"guongsang.github.io/guongsang" — the site address as printed on cards and posters."""
    parts = urlsplit(site_url or "")
    return (parts.netloc + parts.path).rstrip("/")


def exemplar_card(exemplar: Exemplar, site_name: str, host: str) -> cards.Card:
    movements = "; ".join(m.label for m in exemplar.movements[:2])
    words = exemplar.name.split()
    top = exemplar.highest_award
    return cards.Card(
        title=exemplar.name, brand=site_name, eyebrow=f"{exemplar.kind.label} · {exemplar.year}",
        lines=(movements, exemplar.locality.current_label), footer=host,
        initials=(words[-1][0] if words else "").upper(), photo=exemplar.image.path if exemplar.image else None,
        badge=f"{top.form.label} · {top.year}" if top else "")


def card_uri(exemplar: Exemplar | None) -> str:
    """Where the card of ``exemplar`` (or the site's, for None) is published: a JPEG when it shows the
    exemplar's photo, a PNG otherwise (:func:`guongsang.outputs.cards.suffix`)."""
    return card_url(exemplar.slug, photo=exemplar.image is not None) if exemplar else card_url()


def site_card(site_name: str, description: str, host: str) -> cards.Card:
    return cards.Card(title=description, brand=site_name, footer=host)


def card_digest(card: cards.Card, regular: Path, bold: Path) -> str:
    photo = file_digest(card.photo) if card.photo else None
    text = (card.title, card.brand, card.eyebrow, card.lines, card.footer, card.initials, card.badge)
    return key("card", cards.VERSION, text, photo, regular.name, bold.name)


def prepare(site: Site, cache_dir: Path, fonts_dir: Path, site_name: str, site_url: str,
            description: str = "") -> Media:
    """Renditions of every image and a social card per exemplar (and one for the site), through the cache."""
    media = Media()
    sources = [image.path for e in site.exemplars for image in e.images]
    renditions = images.render_all(sources, cache_dir / IMAGES_DIR)
    for exemplar in site.exemplars:
        names = images.published_names(image.src for image in exemplar.images)
        for index, (image, name) in enumerate(zip(exemplar.images, names, strict=True)):
            rendition = renditions[image.path]
            media.pictures[(exemplar.slug, index)] = picture(exemplar, index, name, rendition)
            for variant in rendition.variants:
                media.files[image_file_url(exemplar.slug, name, variant.width, variant.format)] = variant.file
    regular, bold = (merged_font(fonts_dir, weight, cache_dir) for weight in (400, 700))
    host = display_host(site_url)
    folder = cache_dir / CARDS_DIR
    planned = [(card_uri(e), exemplar_card(e, site_name, host)) for e in site.exemplars]
    planned.append((card_uri(None), site_card(site_name, description or site_name, host)))
    jobs = []
    for uri, card in planned:
        digest = card_digest(card, regular, bold)
        path = cached_path(folder, digest, cards.suffix(card))
        media.later[uri] = path
        if not path.is_file():
            jobs.append((card, regular, bold, folder, digest))
    media.pending = Background(cards.cached_card, jobs, name="gs-cards")
    return media
