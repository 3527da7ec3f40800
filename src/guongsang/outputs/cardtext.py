"""Text for social cards: the site's font measured and rasterised once per process.

FreeType hints every glyph on every call, which made text most of a card's time: widths are summed from each
glyph's advance, measured once per font; a line is composed from glyphs rasterised once per font (the pixels
Pillow draws for the whole line, overlaps included), words from them once per font, and a line that recurs
(the kind and year, the movements, a locality) once. Masks are numpy arrays (rows × columns).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

LINES_KEPT = 1024  # lines kept composed per process: kinds and years, movements, localities recur
WORDS_KEPT = 4096  # words of names and lines kept composed per process


@cache
def font_at(path: Path, size: int) -> ImageFont.FreeTypeFont:
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


@lru_cache(maxsize=WORDS_KEPT)
def _word_length(word: str, font: ImageFont.FreeTypeFont) -> float:
    return length(word, font)


def _wrapped(text: str, font: ImageFont.FreeTypeFont, width: int) -> tuple[list[str], list[float]]:
    lines: list[str] = []
    space = length(" ", font)
    widths: list[float] = []
    for word in text.split():
        word_width = _word_length(word, font)
        if lines and widths[-1] + space + word_width <= width:
            lines[-1] = f"{lines[-1]} {word}"
            widths[-1] += space + word_width
        else:
            lines.append(word)
            widths.append(word_width)
    return lines, widths


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap to ``width`` px, at spaces only: every word whole, none cut or elided (a word wider
    than ``width`` stands alone on its line; :func:`fit` then tries a smaller size)."""
    return _wrapped(text, font, width)[0]


def fit(text: str, path: Path, sizes: Iterable[int], width: int, max_lines: int,
        height: int | None = None, leading: float = 1.2) -> tuple[ImageFont.FreeTypeFont, list[str]] | None:
    """The largest of ``sizes`` at which ``text`` wraps, whole words only, into at most ``max_lines`` lines no
    wider than ``width`` (and, given ``height``, no taller in all); None when no size fits."""
    for size in sizes:
        font = font_at(path, size)
        lines, widths = _wrapped(text, font, width)
        tall = len(lines) * round(size * leading)
        if (lines and len(lines) <= max_lines and max(widths) <= width
                and (height is None or tall <= height)):
            return font, lines
    return None


@cache
def _glyph(char: str, font: ImageFont.FreeTypeFont) -> tuple[np.ndarray, int, int] | None:
    """One character's coverage, rasterised once per font, with its offset from the pen on the baseline;
    None for a character that inks nothing (a space)."""
    left, top, right, bottom = font.getbbox(char, anchor="ls")
    if right <= left or bottom <= top:
        return None
    mask = Image.new("L", (math.ceil(right - left), math.ceil(bottom - top)), 0)
    ImageDraw.Draw(mask).text((-left, -top), char, font=font, fill=255, anchor="ls")
    return (np.asarray(mask), math.floor(left), math.floor(top)) if mask.getbbox() else None


def _over(under: np.ndarray, glyph: np.ndarray) -> np.ndarray:
    """Two glyphs' coverage where they overlap, composed as FreeType's text drawing in Pillow composes them:
    ``under + (255 − under) × glyph / 255``, rounded down after adding 127."""
    wide = under.astype(np.uint32)
    return (wide + ((255 - wide) * glyph + 127) // 255).astype(np.uint8)


Piece = tuple[np.ndarray, int, int]  # a coverage mask (rows × columns) and its top-left corner's offset


def _compose(pieces: list[Piece], apart: bool = False) -> Piece:
    """Coverage masks placed in order, composed where they overlap as Pillow composes a line's glyphs
    (``apart``: known not to overlap, so copied as they are)."""
    if not pieces:
        return np.zeros((1, 1), np.uint8), 0, 0
    if len(pieces) == 1:
        return pieces[0]
    left, top = min(x for _, x, _ in pieces), min(y for _, _, y in pieces)
    right = max(x + g.shape[1] for g, x, _ in pieces)
    bottom = max(y + g.shape[0] for g, _, y in pieces)
    mask = np.zeros((bottom - top, right - left), np.uint8)
    for piece, x, y in pieces:
        area = mask[y - top:y - top + piece.shape[0], x - left:x - left + piece.shape[1]]
        area[...] = piece if apart or not area.any() else _over(area, piece)
    mask.flags.writeable = False
    return mask, left, top


@lru_cache(maxsize=WORDS_KEPT)
def _word_mask(word: str, font: ImageFont.FreeTypeFont, shift: float) -> Piece:
    """``word``'s glyphs composed, its pen starting ``shift`` (0 ≤ shift < 1) px right of a whole pixel, with
    the offset from that pixel on the baseline. Names share words: each is composed once per font."""
    pen, placed = shift, []
    for char in word:
        glyph = _glyph(char, font)
        if glyph is not None:
            placed.append((glyph[0], int(pen) + glyph[1], glyph[2]))
        pen += length(char, font)
    return _compose(placed)


def _apart(pieces: list[Piece]) -> bool:
    """No two of ``pieces`` overlap (then composing them in any grouping gives the same pixels)."""
    boxes = sorted((x, x + mask.shape[1]) for mask, x, _ in pieces)
    return all(right <= after for (_, right), (after, _) in itertools.pairwise(boxes))


@lru_cache(maxsize=LINES_KEPT)
def line_mask(text: str, font: ImageFont.FreeTypeFont, anchor: str) -> Piece:
    """``text`` as a coverage mask (rows × columns), with the offset of its top-left corner from the anchor:
    composed from glyphs rasterised once per font, placed by their advances as the basic layout engine places
    them (the pixels Pillow draws for the whole line; a test holds them to it). Words are composed once per
    font and placed whole where they do not touch, glyph by glyph where they do; a recurring line is composed
    once."""
    pen, words, space = 0.0, [], length(" ", font)
    for word in text.split(" "):
        if word:
            mask, x, y = _word_mask(word, font, pen - math.floor(pen))
            words.append((mask, math.floor(pen) + x, y))
            pen += _word_length(word, font)
        pen += space
    apart = _apart(words)
    mask, left, top = _compose(words, apart) if apart else _word_mask(text, font, 0.0)  # else glyph by glyph
    rise = {"la": font.getmetrics()[0], "ls": 0}[anchor]  # the anchors cards use: ascender, baseline
    return mask, left, top + rise
