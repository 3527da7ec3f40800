"""Vietnamese text: NFC normalisation, diacritic folding, slugs and collation.

Written once and used everywhere: loaders normalise with :func:`nfc`, URLs come from :func:`slugify`,
lists are ordered with :func:`collation_key`, fuzzy lookups compare :func:`fold`-ed strings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# Vietnamese tone marks as combining characters, in the dictionary order of tones:
# ngang (none), huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# Marks that make a distinct letter (ă, â, ê, ô, ơ, ư) rather than a tone.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}

# The Vietnamese alphabet order; other letters/digits sort by code point after a space.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}

_SLUG_JUNK = re.compile(r"[^a-z0-9]+")
# The Icelandic eth (Ð U+00D0, ð U+00F0) looks like Đ and is typed for it by some keyboards and fonts.
_ETH = str.maketrans({"\u00d0": "Đ", "\u00f0": "đ"})
_WORD_OR_NUMBER = re.compile(r"\d+|\D")


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC (macOS and some keyboards produce NFD), with Ð typed for Đ made Đ."""
    text = unicodedata.normalize("NFC", text)
    return text.translate(_ETH) if "\u00d0" in text or "\u00f0" in text else text


def fold(text: str) -> str:
    """Lower-case ``text`` and strip every diacritic, including đ → d.

    >>> fold("Đồng Nai – Nguyễn Văn Hùng")
    'dong nai – nguyen van hung'
    """
    return text.translate(_FOLDED).lower()


def fold_char(ch: str) -> str:
    """One character without its diacritics (đ → d): the definition :func:`fold` applies per character."""
    decomposed = unicodedata.normalize("NFD", ch.translate(_ETH).replace("đ", "d").replace("Đ", "D"))
    return "".join(part for part in decomposed if not unicodedata.combining(part))


class _FoldTable(dict[int, str]):
    """``str.translate`` table filled on first sight of each character (search folds millions of them)."""

    def __missing__(self, code: int) -> str:
        self[code] = folded = fold_char(chr(code))
        return folded


_FOLDED = _FoldTable()


def slugify(text: str) -> str:
    """ASCII URL slug: ``"Nguyễn Văn Đức"`` → ``"nguyen-van-duc"``."""
    return _SLUG_JUNK.sub("-", fold(text)).strip("-")


def compact(text: str) -> str:
    """Folded text without spaces or punctuation, for loose matching ("TP. Đà Lạt" → "tpdalat")."""
    return _SLUG_JUNK.sub("", fold(text))


@lru_cache(maxsize=4096)
def _split_letter(ch: str) -> tuple[str, int]:
    """Split one NFC character into its base letter (with ă/â/ê/ô/ơ/ư/đ kept) and its tone rank."""
    lowered = ch.lower().translate(_ETH)
    if lowered == "đ":
        return "đ", 0
    decomposed = unicodedata.normalize("NFD", lowered)
    tone = 0
    kept = []
    for part in decomposed:
        if part in _TONES:
            tone = _TONES[part]
        elif unicodedata.combining(part) and part not in _LETTER_MARKS:
            continue
        else:
            kept.append(part)
    return unicodedata.normalize("NFC", "".join(kept)), tone


@lru_cache(maxsize=1 << 16)
def collation_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """Sort key for Vietnamese: base letters first (a < ă < â < b … d < đ …), then tones, then case.

    Numbers sort by value ("Phường 2" before "Phường 10"); Roman numerals are letters ("Phường IV").
    The tone counts once per word wherever its mark sits, so "Hoà" and "Hòa" sort together.
    Digits and punctuation sort before letters; unknown letters after, by code point.
    """
    primary: list[int] = []
    secondary: list[int] = []
    for word in nfc(text).split(" "):
        if primary:
            primary.append(0)
        tone = 0
        for piece in _WORD_OR_NUMBER.findall(word):
            if piece.isdigit():
                digits = piece.lstrip("0") or "0"
                primary += [48, len(digits), *(ord(d) for d in digits)]
                continue
            base, mark = _split_letter(piece)
            primary.append(1000 + _LETTER_RANK[base] if base in _LETTER_RANK
                           else ord(base) if ord(base) < 1000 else 2000 + ord(base))
            tone = tone or mark
        secondary.append(tone)
    return tuple(primary), tuple(secondary), text


def person_sort_key(name: str) -> tuple:
    """Vietnamese people are listed by given name (the last word), then by the full name."""
    words = nfc(name).split()
    given = words[-1] if words else ""
    return collation_key(given), collation_key(name)


def sorted_vi(items: Iterable[str]) -> list[str]:
    """Strings sorted in Vietnamese order."""
    return sorted(items, key=collation_key)
