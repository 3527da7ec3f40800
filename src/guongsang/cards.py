"""Social cards: the 1200×630 picture Facebook, Zalo and others show when a page is shared.

Drawn with Pillow in the site's font (Be Vietnam Pro, Vietnamese complete), from plain text and an optional
photo, so the same function serves an exemplar and the site as a whole. Deterministic: the basic layout
engine (no system text shaper) and fixed encoder settings give the same bytes on every machine.

A card with a photo is a JPEG. A card without one is flat colours and text, which JPEG stores badly (77 KB,
with ringing around the letters): it is a PNG on a fixed palette of the card's colours and the blends of
its text into them, 16 steps per edge (about 29 KB, and sharp). Facebook, Zalo and X read both.

Thousands of cards are drawn per build, so what they share is drawn once per process: the fonts, the
background with the brand and the site address, and the initials panels of cards without a photo. Text is
where the rest of the time went (FreeType hints every glyph on every call): widths are summed from each
glyph's advance, measured once per font, and a line that recurs (the kind and year, the movements, a
locality) is rasterised once and stamped on the card after that.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

WIDTH, HEIGHT = 1200, 630
PHOTO_WIDTH = 470
MARGIN = 64
RED = (122, 18, 24)
RED_DARK = (84, 10, 16)
GOLD = (240, 196, 92)
WHITE = (255, 255, 255)
SOFT = (246, 226, 222)
VERSION = 3
QUALITY = 82  # JPEG, for cards with a photo
PNG_LEVEL = 3  # zlib level of flat cards: 29 KB in 2.3 ms (level 6: 24 KB in 6 ms)
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
    photo: Path | None = None


def _star(draw: ImageDraw.ImageDraw, centre: tuple[int, int], radius: int, fill: tuple[int, int, int]) -> None:
    """A five-pointed star (the font has no ★ glyph)."""
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.42
        angle = math.pi * (i / 5 - 0.5)
        points.append((centre[0] + r * math.cos(angle), centre[1] + r * math.sin(angle)))
    draw.polygon(points, fill=fill)


@cache
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)


@cache
def _advances(font: ImageFont.FreeTypeFont) -> dict[str, float]:
    return {}


def length(text: str, font: ImageFont.FreeTypeFont) -> float:
    """``font.getlength(text)`` without laying the text out again: the basic layout engine places glyphs by
    their advances alone (the site's font has no legacy kerning table), so the sum is exact (a test holds it
    to ``getlength``); each glyph is measured once per font."""
    advances = _advances(font)
    total = 0.0
    for char in text:
        advance = advances.get(char)
        if advance is None:
            advance = advances[char] = font.getlength(char)
        total += advance
    return total


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int, max_lines: int) -> list[str]:
    """Greedy word wrap to ``width`` px; an overflowing last line ends with an ellipsis."""
    lines: list[str] = []
    space = length(" ", font)
    widths: list[float] = []
    for word in text.split():
        word_width = length(word, font)
        if lines and widths[-1] + space + word_width <= width:
            lines[-1] = f"{lines[-1]} {word}"
            widths[-1] += space + word_width
        else:
            lines.append(word)
            widths.append(word_width)
    if len(lines) > max_lines:
        last = " ".join(lines[max_lines - 1:])
        while last and length(last + "…", font) > width:
            last = last[:-1].rstrip()
        lines = [*lines[: max_lines - 1], last + "…"]
    return lines


@lru_cache(maxsize=512)
def _line_mask(text: str, font: ImageFont.FreeTypeFont, anchor: str) -> tuple[Image.Image, int, int]:
    """``text`` rasterised once as a coverage mask, with the offset of its top-left corner from the anchor."""
    left, top, right, bottom = font.getbbox(text, anchor=anchor)
    mask = Image.new("L", (max(1, math.ceil(right - left)), max(1, math.ceil(bottom - top))), 0)
    ImageDraw.Draw(mask).text((-left, -top), text, font=font, fill=255, anchor=anchor)
    return mask, math.floor(left), math.floor(top)


def _text(canvas: Image.Image, xy: tuple[int, int], text: str, font: ImageFont.FreeTypeFont,
          fill: tuple[int, int, int], anchor: str = "la") -> None:
    """``ImageDraw.text`` for a line that may recur: the same pixels, rasterised once per font and anchor."""
    mask, dx, dy = _line_mask(text, font, anchor)
    canvas.paste(fill, (xy[0] + dx, xy[1] + dy), mask)


def _fit_title(text: str, bold: Path, width: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest title size (68 → 44 px) at which ``text`` fits in three lines."""
    for size in (68, 62, 56, 50, 44):
        font = _font(bold, size)
        lines = wrap(text, font, width, 99)
        if len(lines) <= 3:
            return font, lines
    return font, wrap(text, font, width, 3)


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
        draw.text(centre, initials, font=_font(bold, size), fill=GOLD, anchor="mm")
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
    draw.text((MARGIN + 38, y), brand.upper(), font=_font(bold, 26), fill=GOLD)
    if footer:
        draw.text((MARGIN, HEIGHT - MARGIN - 4), footer, font=_font(bold, 24), fill=GOLD, anchor="ls")
    return canvas


def suffix(card: Card) -> str:
    """The file suffix of ``card`` as :func:`render` encodes it."""
    return ".jpg" if card.photo is not None else ".png"


@cache
def _palette() -> Image.Image:
    """The card's colours and 15 blends of each text colour into its ground, as a palette image."""
    colours = dict.fromkeys([RED, RED_DARK, GOLD, WHITE, SOFT])
    for text, ground in _EDGES:
        for step in range(1, 16):
            colours[tuple(round(g + (t - g) * step / 15) for t, g in zip(text, ground, strict=True))] = None
    palette = Image.new("P", (1, 1))
    palette.putpalette([channel for colour in colours for channel in colour])
    return palette


def render(card: Card, regular: Path, bold: Path) -> bytes:
    """The card, 1200×630: a baseline JPEG with a photo, a paletted PNG without (see :func:`suffix`)."""
    canvas = _background(card.brand, card.footer, bold).copy()
    text_width = WIDTH - PHOTO_WIDTH - 2 * MARGIN
    canvas.paste(_photo(card, bold), (WIDTH - PHOTO_WIDTH, 0))
    y = MARGIN - 8 + 58
    if card.eyebrow:
        eyebrow = _font(bold, 26)
        _text(canvas, (MARGIN, y), card.eyebrow.upper(), eyebrow, SOFT)
        y += 46
    title_font, title = _fit_title(card.title, bold, text_width)
    step = round(title_font.size * 1.2)
    for line in title:
        _text(canvas, (MARGIN, y), line, title_font, WHITE)
        y += step
    y += 18
    body = _font(regular, 30)
    for text in card.lines:
        for line in wrap(text, body, text_width, 2):
            if y > HEIGHT - MARGIN - 70:
                break
            _text(canvas, (MARGIN, y), line, body, SOFT)
            y += 40
        y += 6
    out = io.BytesIO()
    if card.photo is not None:
        canvas.save(out, "JPEG", quality=QUALITY, progressive=False)
    else:
        canvas.quantize(palette=_palette(), dither=Image.Dither.NONE).save(out, "PNG", compress_level=PNG_LEVEL)
    return out.getvalue()
