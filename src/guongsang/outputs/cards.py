"""Social cards: the 1200×630 picture Facebook, Zalo and others show when a page is shared.

Drawn with Pillow in the site's font (Be Vietnam Pro, Vietnamese complete), from plain text and an optional
photo, so the same function serves an exemplar and the site as a whole. Deterministic: the basic layout
engine (no system text shaper) and fixed encoder settings give the same bytes on every machine.

A card with a photo is a JPEG. A card without one is flat colours and text, which JPEG stores badly (77 KB,
with ringing around the letters): it is a PNG on a fixed palette of the card's colours and the blends of
its text into them, 16 steps per edge (about 26 KB, and sharp). Facebook, Zalo and X read both. Such a card
is drawn straight in palette indices — its shared parts quantised once, each line's coverage looked up as a
blend step. Only the rows its text touches are drawn (numpy arrays, no Pillow image) and deflated per card;
the rows above and below are the ground's, deflated once per process; the parts, all by zlib-ng, are joined
into one zlib stream. About 23 KB and 1 ms a card. (ISA-L deflated the text rows 2.4× faster for 10 % more
bytes, but its output may differ between CPUs, and a build must give the same bytes on every machine.)

Thousands of cards are drawn per build, so what they share is drawn once per process: the fonts, the
background with the brand and the site address, the initials panels of cards without a photo, and text
(:mod:`guongsang.outputs.cardtext`: glyphs, words and recurring lines composed once).
"""

from __future__ import annotations

import io
import math
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont, ImageOps
from zlib_ng import zlib_ng

from ..filecache import cached_file
from .cardtext import fit, font_at, length, line_mask, wrap

WIDTH, HEIGHT = 1200, 630
PHOTO_WIDTH = 470
MARGIN = 64
RED = (122, 18, 24)
RED_DARK = (84, 10, 16)
GOLD = (240, 196, 92)
WHITE = (255, 255, 255)
SOFT = (246, 226, 222)
VERSION = 8  # the PNG deflated in parts, all by zlib-ng (the same pixels)
TITLE_SIZES = (68, 62, 56, 50, 44, 40, 36, 32)
TOP = MARGIN - 8 + 58  # the top of the eyebrow, below the brand line
BOTTOM = HEIGHT - MARGIN - 34  # no text below this: the site address is printed there
BADGE_PAD = 14
BADGE_HEIGHT = 62  # a badge line with its outline and the gap below it
QUALITY = 82  # JPEG, for cards with a photo
PNG_LEVEL = 2  # zlib-ng level of flat cards: 26 KB in 0.6 ms (zlib at level 3: 27 KB in 1.8 ms)
BLOCK = 16  # a flat card's text band starts and ends at a multiple of this many rows (see _deflated_part)
PARTS_KEPT = 2048  # deflated rows of the ground kept per process: per initial, 2 × HEIGHT / BLOCK at most
STEPS = 15  # blends of each text colour into its ground, besides the two colours themselves
_ZLIB_HEADER = zlib_ng.compress(b"", PNG_LEVEL)[:2]
# Text colour over ground colour: the edges whose anti-aliased blends a flat card's palette holds.
_EDGES = ((WHITE, RED), (SOFT, RED), (GOLD, RED), (GOLD, RED_DARK))


@dataclass(frozen=True)
class Card:
    """What a card says. ``eyebrow`` above the name; ``lines`` below it (movement, locality …)."""

    title: str
    brand: str = "Gương sáng"
    eyebrow: str = ""
    lines: tuple[str, ...] = ()
    footer: str = ""
    initials: str = ""  # drawn instead of a photo when there is none
    badge: str = ""  # the highest award, in a gold outline below the title
    photo: Path | None = None


def _star(draw: ImageDraw.ImageDraw, centre: tuple[int, int], radius: int, fill: tuple[int, int, int]) -> None:
    """A five-pointed star (the font has no ★ glyph)."""
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.42
        angle = math.pi * (i / 5 - 0.5)
        points.append((centre[0] + r * math.cos(angle), centre[1] + r * math.sin(angle)))
    draw.polygon(points, fill=fill)


def _text(canvas: Image.Image, xy: tuple[int, int], text: str, font: ImageFont.FreeTypeFont,
          fill: tuple[int, int, int], anchor: str = "la") -> None:
    """``ImageDraw.text`` for a line that may recur: the same pixels, rasterised once per font and anchor."""
    mask, dx, dy = line_mask(text, font, anchor)
    canvas.paste(fill, (xy[0] + dx, xy[1] + dy), Image.fromarray(mask))


def _fit_title(text: str, bold: Path, width: int, height: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest title size (68 → 32 px) at which ``text`` fits in three lines; a longer title takes more
    lines at a smaller size, as many as ``height`` holds — never a word cut or elided."""
    found = (fit(text, bold, TITLE_SIZES, width, 3, height)
             or fit(text, bold, range(TITLE_SIZES[-1] - 2, 11, -2), width, 99, height))
    if found is None:  # a single word wider than the card even at 12 px: drawn whole, past the edge
        font = font_at(bold, 12)
        return font, wrap(text, font, width)
    return found


def _photo(card: Card, bold: Path) -> Image.Image:
    from .images import upright

    if card.photo is not None:
        return ImageOps.fit(upright(card.photo).convert("RGB"), (PHOTO_WIDTH, HEIGHT), Image.Resampling.LANCZOS)
    return _initials_panel(card.initials, bold)


@cache
def _initials_panel(initials: str, bold: Path) -> Image.Image:
    """The right-hand panel of a card without a photo: initials (or a star) in a gold ring."""
    panel = Image.new("RGB", (PHOTO_WIDTH, HEIGHT), RED_DARK)
    draw = ImageDraw.Draw(panel)
    radius = 150
    centre = (PHOTO_WIDTH // 2, HEIGHT // 2)
    draw.ellipse((centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius), outline=GOLD,
                 width=6)
    if initials:
        size = 150 if len(initials) <= 2 else 100
        draw.text(centre, initials, font=font_at(bold, size), fill=GOLD, anchor="mm")
    else:
        _star(draw, centre, 100, GOLD)
    return panel


@cache
def _background(brand: str, footer: str, bold: Path) -> Image.Image:
    """What every card of a site shares: the red ground, the gold rule, the brand line and the site address."""
    canvas = Image.new("RGB", (WIDTH, HEIGHT), RED)
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((WIDTH - PHOTO_WIDTH - 8, 0, WIDTH - PHOTO_WIDTH - 1, HEIGHT), fill=GOLD)
    y = MARGIN - 8
    _star(draw, (MARGIN + 13, y + 16), 15, GOLD)
    draw.text((MARGIN + 38, y), brand.upper(), font=font_at(bold, 26), fill=GOLD)
    if footer:
        draw.text((MARGIN, HEIGHT - MARGIN - 4), footer, font=font_at(bold, 24), fill=GOLD, anchor="ls")
    return canvas


def suffix(card: Card) -> str:
    """The file suffix of ``card`` as :func:`render` encodes it."""
    return ".jpg" if card.photo is not None else ".png"


def _blend(text: tuple[int, int, int], ground: tuple[int, int, int], step: int) -> tuple[int, ...]:
    return tuple(round(g + (t - g) * step / STEPS) for t, g in zip(text, ground, strict=True))


@cache
def _colours() -> dict[tuple[int, ...], int]:
    """The flat cards' palette: the card's colours, then the blends of each edge; colour → index."""
    colours = dict.fromkeys([RED, RED_DARK, GOLD, WHITE, SOFT])
    for text, ground in _EDGES:
        for step in range(1, STEPS + 1):
            colours[_blend(text, ground, step)] = None
    return {colour: index for index, colour in enumerate(colours)}


@cache
def _palette() -> Image.Image:
    palette = Image.new("P", (1, 1))
    palette.putpalette([channel for colour in _colours() for channel in colour])
    return palette


def _quantised(image: Image.Image) -> Image.Image:
    return image.quantize(palette=_palette(), dither=Image.Dither.NONE)


@cache
def _flat_base(brand: str, footer: str, bold: Path, initials: str) -> Image.Image:
    """A flat card without its lines, in palette indices: the shared background and the initials panel, each
    quantised once (pixel by pixel, so apart as together)."""
    canvas = _flat_background(brand, footer, bold).copy()
    canvas.paste(_quantised(_initials_panel(initials, bold)), (WIDTH - PHOTO_WIDTH, 0))
    return canvas


@cache
def _flat_background(brand: str, footer: str, bold: Path) -> Image.Image:
    return _quantised(_background(brand, footer, bold))


@cache
def _flat_rows(brand: str, footer: str, bold: Path, initials: str) -> np.ndarray:
    """:func:`_flat_base` as the rows of its PNG: each row's filter byte (0, none), then its indices."""
    rows = np.zeros((HEIGHT, WIDTH + 1), np.uint8)
    rows[:, 1:] = np.asarray(_flat_base(brand, footer, bold, initials))
    rows.flags.writeable = False
    return rows


@cache
def _steps(fill: tuple[int, int, int]) -> np.ndarray:
    """Coverage 0–255 of ``fill`` over the red ground → the palette index of the nearest blend step (the
    ground's own, 0, for the faintest)."""
    index = _colours()
    steps = np.array([index[_blend(fill, RED, round(c * STEPS / 255))] for c in range(256)], np.uint8)
    assert steps[0] == index[RED] == 0
    return steps


def _screen(under: np.ndarray, over: np.ndarray) -> np.ndarray:
    """``ImageChops.screen``: ``255 − (255 − under) × (255 − over) / 255``, rounded down."""
    return (255 - (255 - under.astype(np.uint32)) * (255 - over.astype(np.uint32)) // 255).astype(np.uint8)


@cache
def _outline(width: int, height: int) -> np.ndarray:
    """A badge's gold outline, ``width`` × ``height`` px: the pixels ``rounded_rectangle`` draws."""
    mask = Image.new("L", (width, height))
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, width - 1, height - 1), radius=BADGE_PAD, outline=255, width=3)
    return np.asarray(mask) > 0


def _clip(x: int, y: int, shape: tuple[int, ...], bounds: tuple[int, int]) -> tuple[slice, slice, slice, slice]:
    """Where a ``shape`` placed at (x, y) meets an area of ``bounds`` (rows, columns): the area's rows and
    columns, then the placed array's."""
    top, left = max(y, 0), max(x, 0)
    bottom, right = max(top, min(y + shape[0], bounds[0])), max(left, min(x + shape[1], bounds[1]))
    return (slice(top, bottom), slice(left, right), slice(top - y, bottom - y), slice(left - x, right - x))


class _FlatText:
    """A flat card's text drawn straight in palette indices on ``rows`` (the PNG rows ``top`` … of the card):
    each inked pixel takes the blend step of its coverage. Where a line's box meets ink already drawn (a tone
    mark reaching into the descenders of the line above), the coverages are composed as painting one over the
    other composes them (screen), not overwritten."""

    def __init__(self, rows: np.ndarray, top: int) -> None:
        self.pixels, self.top = rows[:, 1:], top
        self.ink = np.zeros(self.pixels.shape, np.uint8)

    def outline(self, box: tuple[int, int, int, int]) -> None:
        """A badge's outline around ``box`` (left, top, right, bottom, inclusive), in gold."""
        shape = _outline(box[2] - box[0] + 1, box[3] - box[1] + 1)
        rows, cols, mrows, mcols = _clip(box[0], box[1] - self.top, shape.shape, self.pixels.shape)
        self.pixels[rows, cols][shape[mrows, mcols]] = _colours()[GOLD]

    def __call__(self, xy: tuple[int, int], text: str, font: ImageFont.FreeTypeFont,
                 fill: tuple[int, int, int], anchor: str = "la") -> None:
        mask, dx, dy = line_mask(text, font, anchor)
        rows, cols, mrows, mcols = _clip(xy[0] + dx, xy[1] + dy - self.top, mask.shape, self.pixels.shape)
        line, under, pixels = mask[mrows, mcols], self.ink[rows, cols], self.pixels[rows, cols]
        if not under.any() and not pixels.any():  # bare ground (index 0, the blend step of coverage 0)
            self.ink[rows, cols] = line
            pixels[...] = np.take(_steps(fill), line)
            return
        inked = np.negative((line > 0).view(np.uint8))  # 255 where the line inks, else 0: a select without branches
        if under.any():
            line = _screen(under, line)
        self.ink[rows, cols] = line
        pixels[...] = (np.take(_steps(fill), line) & inked) | (pixels & ~inked)


def _band(placed: list[Placed]) -> tuple[int, int]:
    """The rows of a card its text may touch: from the top of the highest line to the bottom of the lowest."""
    spans = [(item.box[1], item.box[3] + 1) for item in placed if item.badge]
    for item in placed:
        mask, _, dy = line_mask(item.text, item.font, "la")
        spans.append((item.y + dy, item.y + dy + mask.shape[0]))
    if not spans:
        return HEIGHT, HEIGHT
    return max(0, min(top for top, _ in spans)), min(HEIGHT, max(bottom for _, bottom in spans))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib_ng.crc32(kind + data))


def _deflate(rows: np.ndarray, last: bool) -> bytes:
    """Raw deflate of ``rows``, flushed to a byte boundary so that what follows can be deflated apart; ``last``
    ends the stream."""
    deflater = zlib_ng.compressobj(PNG_LEVEL, zlib_ng.DEFLATED, -15)
    return deflater.compress(rows) + deflater.flush(zlib_ng.Z_FINISH if last else zlib_ng.Z_SYNC_FLUSH)


@lru_cache(maxsize=PARTS_KEPT)
def _deflated_part(brand: str, footer: str, bold: Path, initials: str, start: int, stop: int) -> bytes:
    """Rows ``start:stop`` of a flat card's ground, deflated once per process: the rows above and below a
    card's text, which cards share (their bounds are multiples of :data:`BLOCK`, so few differ)."""
    return _deflate(_flat_rows(brand, footer, bold, initials)[start:stop], last=stop == HEIGHT)


def _png(size: tuple[int, int], parts: Iterable[bytes], adler: int) -> bytes:
    """A PNG of the card palette's indices from its rows' raw deflate ``parts`` and their ``adler`` checksum."""
    idat = b"".join((_ZLIB_HEADER, *parts, struct.pack(">I", adler)))
    palette = bytes(channel for colour in _colours() for channel in colour)
    return b"".join((b"\x89PNG\r\n\x1a\n", _chunk(b"IHDR", struct.pack(">IIBBBBB", *size, 8, 3, 0, 0, 0)),
                     _chunk(b"PLTE", palette), _chunk(b"IDAT", idat), _chunk(b"IEND", b"")))


def encode_png(image: Image.Image) -> bytes:
    """A palette image as PNG, deflated by zlib-ng (Pillow's encoder is bound to zlib): no row filters, which
    suit flat colours, and no ancillary chunks."""
    rows = np.zeros((image.height, image.width + 1), np.uint8)
    rows[:, 1:] = np.asarray(image)
    return _png(image.size, [_deflate(rows, last=True)], zlib_ng.adler32(rows))


def _render_flat(card: Card, regular: Path, bold: Path) -> bytes:
    """A card without a photo: only the rows its text touches are drawn and deflated; the rows above and below
    are its ground's, deflated once per process (each part flushed to a byte boundary, one zlib stream)."""
    ground = (card.brand, card.footer, bold, card.initials)
    base = _flat_rows(*ground)
    placed = layout(card, regular, bold)
    top, bottom = _band(placed)
    top, bottom = top // BLOCK * BLOCK, min(HEIGHT, -(-bottom // BLOCK) * BLOCK)
    rows = base[top:bottom].copy()
    text = _FlatText(rows, top)
    for item in placed:
        if item.badge:
            text.outline(item.box)
        text((item.x, item.y), item.text, item.font, item.fill)
    adler = zlib_ng.adler32(base[bottom:], zlib_ng.adler32(rows, zlib_ng.adler32(base[:top])))
    parts = [_deflated_part(*ground, 0, top), _deflate(rows, last=False),
             _deflated_part(*ground, bottom, HEIGHT)]
    return _png((WIDTH, HEIGHT), parts, adler)


@dataclass(frozen=True)
class Placed:
    """One line of a card's text where :func:`layout` put it: its top-left corner, font and colour; a badge is
    drawn in a gold outline around it."""

    text: str
    font: ImageFont.FreeTypeFont
    fill: tuple[int, int, int]
    x: int
    y: int
    badge: bool = False

    @property
    def box(self) -> tuple[int, int, int, int]:
        """The line's extent (the badge's outline for a badge): left, top, right, bottom."""
        right = self.x + math.ceil(length(self.text, self.font))
        bottom = self.y + round(self.font.size * 1.2)
        if self.badge:
            return self.x - BADGE_PAD, self.y - BADGE_PAD // 2, right + BADGE_PAD, bottom + BADGE_PAD // 2
        return self.x, self.y, right, bottom


def layout(card: Card, regular: Path, bold: Path) -> list[Placed]:
    """Where the card's eyebrow, title, badge and lines go. Every word is whole: text wraps at spaces and
    shrinks to fit; what still does not fit the card's height is left out whole (a paragraph, the badge),
    never cut or ended with "…"."""
    width = WIDTH - PHOTO_WIDTH - 2 * MARGIN
    placed: list[Placed] = []
    y = TOP
    if card.eyebrow and (found := fit(card.eyebrow.upper(), bold, (26, 24, 22, 20), width, 1)):
        placed.append(Placed(found[1][0], found[0], SOFT, MARGIN, y))
        y += 46
    reserve = BOTTOM - y - (BADGE_HEIGHT if card.badge else 0)
    title_font, title = _fit_title(card.title, bold, width, reserve)
    step = round(title_font.size * 1.2)
    for line in title:
        placed.append(Placed(line, title_font, WHITE, MARGIN, y))
        y += step
    y += 18
    badge = fit(card.badge, bold, (26, 24, 22, 20), width - 2 * BADGE_PAD, 1) if card.badge else None
    if badge and y + BADGE_HEIGHT <= BOTTOM:
        placed.append(Placed(badge[1][0], badge[0], GOLD, MARGIN + BADGE_PAD, y + BADGE_PAD // 2, badge=True))
        y += BADGE_HEIGHT
    for paragraph in card.lines:
        found = fit(paragraph, regular, (30, 27, 24), width, 2) or fit(paragraph, regular, (24, 22), width, 3)
        if not found or y + len(found[1]) * 40 > BOTTOM:
            continue  # left out whole: a later, shorter paragraph may still fit
        for line in found[1]:
            placed.append(Placed(line, found[0], SOFT, MARGIN, y))
            y += 40
        y += 6
    return placed


def draw(card: Card, regular: Path, bold: Path) -> Image.Image:
    """The card in full colour, as Pillow draws it: what a card with a photo encodes, and what a flat card's
    palette drawing stands for."""
    canvas = _background(card.brand, card.footer, bold).copy()
    canvas.paste(_photo(card, bold), (WIDTH - PHOTO_WIDTH, 0))
    for item in layout(card, regular, bold):
        if item.badge:
            ImageDraw.Draw(canvas).rounded_rectangle(item.box, radius=BADGE_PAD, outline=GOLD, width=3)
        _text(canvas, (item.x, item.y), item.text, item.font, item.fill)
    return canvas


def render(card: Card, regular: Path, bold: Path) -> bytes:
    """The card, 1200×630: a baseline JPEG with a photo, a paletted PNG without (see :func:`suffix`)."""
    if card.photo is None:
        return _render_flat(card, regular, bold)
    out = io.BytesIO()
    draw(card, regular, bold).save(out, "JPEG", quality=QUALITY, progressive=False)
    return out.getvalue()


def cached_card(job: tuple[Card, Path, Path, Path, str]) -> Path:
    """A worker's job: the card rendered into the cache folder under its digest, unless already there. Here, not
    in :mod:`guongsang.outputs.media`, so a card worker imports only what drawing needs."""
    card, regular, bold, folder, digest = job
    return cached_file(folder, digest, suffix(card), lambda: render(card, regular, bold))
