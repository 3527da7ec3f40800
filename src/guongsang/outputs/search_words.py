"""The words Pagefind indexes: folded words, exact words and adjacent-syllable pairs, each once per page.

Vietnamese meaning lives in the exact syllable ("Hường" is not "Hương") and in syllable pairs ("hiến đất",
"Thanh Xuân"). A page therefore carries four kinds of token, all plain ASCII letters so that Pagefind neither
folds them nor lumps their variants into one index chunk:

- the folded word, as before: "Đức" → ``duc`` (what a query typed without diacritics meets);
- the exact word, spelled in Telex with its tone letter last (``z`` for the level tone) behind the prefix
  ``qe``: "Đức" → ``qedduwcs``, "Thanh" → ``qethanhz``;
- the folded pair, behind ``qf``: "Thanh Xuân" → ``qfthanhxuan``;
- the exact pair, behind ``qp``: "hiến đất" → ``qphieensddaats``;
- on contest entries only, :data:`ENTRY_TOKEN`; on every page, :data:`ALL_TOKEN`.

No Vietnamese word starts with "q" followed by anything but "u", so the prefixes keep the new tokens out of
the index chunks of ordinary words (a query for "thanh" fetches no pair). The search page
(``guongsang-search.js``) makes the same tokens from the reader's words; :func:`exact_word` and its twin
``exactWord`` there must agree (a test runs both).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from itertools import pairwise

from ..model.text import fold, nfc

EXACT, FOLDED_PAIR, EXACT_PAIR = "qe", "qf", "qp"
# Carried by every contest entry page (nobody types it): the search page counts the entries among a query's
# results by searching the query with this token too, without loading the facets.
ENTRY_TOKEN = "qkbaiduthi"
# Carried by every page indexed: a search with filters and no words searches it. Pagefind's own search without
# words (``search(null)``) loads every chunk of the index first: 1,909 files at 10,000 records.
ALL_TOKEN = "qkmoitrang"
_TONES = {"\u0300": "f", "\u0301": "s", "\u0309": "r", "\u0303": "x", "\u0323": "j"}
_CIRCUMFLEX, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"
# Punctuation ends a run of adjacent syllables: "Hà Nội, Thanh Xuân" has no pair "nội thanh".
_CLAUSE = re.compile(r"[^\w\s]+")
_WORD = re.compile(r"\w+")


def exact_word(word: str) -> str:
    """A lower-case word in Telex, tone last: "đức" → "dduwcs", "xuân" → "xuaanz", "thanh" → "thanhz"."""
    tone = "z"
    out = []
    for ch in word:
        if ch == "đ":
            out.append("dd")
            continue
        base, *marks = unicodedata.normalize("NFD", ch)
        shape = base
        for mark in marks:
            if mark in _TONES:
                tone = _TONES[mark]
            elif mark == _CIRCUMFLEX:
                shape = base + base
            elif mark in (_BREVE, _HORN):
                shape = base + "w"
        out.append(shape)
    return "".join(out) + tone


@functools.lru_cache(maxsize=65536)
def _forms(word: str) -> tuple[str, str]:
    """A word's folded and exact forms (cached: a build meets the same few thousand syllables again and again)."""
    return fold(word), exact_word(word)


def clauses(text: str) -> list[list[str]]:
    """The words of ``text`` (NFC, lower case), in runs broken by punctuation."""
    runs = (_WORD.findall(part) for part in _CLAUSE.split(nfc(text).lower()))
    return [run for run in runs if run]


def tokens(text: str, full: bool = True, words: bool = True) -> list[str]:
    """Every token of ``text`` in order: per word its folded and exact forms, then the pairs of each run.
    Without ``words``, no exact words (the pairs still); without ``full``, the folded words only."""
    if not full:
        return [_forms(w)[0] for run in clauses(text) for w in run]
    out: list[str] = []
    for run in clauses(text):
        folded, exact = [_forms(w)[0] for w in run], [_forms(w)[1] for w in run]
        for f, e, w in zip(folded, exact, run, strict=True):
            out.append(f)
            if words and not w.isdigit():
                out.append(EXACT + e)
        for (f1, f2), (e1, e2), (w1, w2) in zip(pairwise(folded), pairwise(exact), pairwise(run), strict=True):
            if not (w1.isdigit() or w2.isdigit()):
                out += [FOLDED_PAIR + f1 + f2, EXACT_PAIR + e1 + e2]
    return out


def bag(*texts: str, seen: set[str], full: bool = True, words: bool = True) -> str:
    """The tokens of ``texts``, each once per page: ``seen`` holds those of the page's earlier sections, so a
    token counts where it weighs most (a name's words are not repeated in its story).

    A story is indexed by its folded words only (``full=False``). Its exact words and pairs would be 60 % of
    a page's tokens, and at 10,000 records they took the first query over its 300 KB budget (the index's
    chunk list, which every first query loads, and the chunks themselves grew with them: 468 KB for "xây
    dựng nông thôn mới"); the record's own fields (name, places, title, summary, achievements) carry them.
    Exact words alone (``words``) are kept for the name and places: a single syllable typed exactly ("Hường")
    is a name or a place, and elsewhere they took the same query 3 KB over the budget again."""
    out = []
    for text in texts:
        for token in tokens(text, full, words):
            if token not in seen:
                seen.add(token)
                out.append(token)
    return " ".join(out)
