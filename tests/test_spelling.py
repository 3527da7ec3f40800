"""One spelling per UI word: the site writes "hóa", "khóa", "xóa", "ủy", "tùy" (the tone mark on the first vowel of
an open "oa", "oe", "uy", as government documents and the catalogues write them), never "hoá", "khoá", "uỷ".

Records stay as their editors wrote them (``exemplars/``, contest entries); everything the site itself says —
templates, Python messages, catalogues, the hand-written pages, the issue form, the JSON Schema — is held
to the one spelling.
"""

from __future__ import annotations

import re
from pathlib import Path

from support import ROOT

# An open syllable ending in "oa", "oe" or "uy" with the tone mark on its last vowel ("qu" is a consonant: "quý").
NEW_STYLE = re.compile(r"(?<![qQ])(?:[oO][áàảãạéèẻẽẹ]|[uU][ýỳỷỹỵ])(?!\w)")
UI_FILES = ("theme/**/*.html", "theme/**/*.js", "theme/**/*.css", "src/guongsang/**/*.py", "content/catalog/*.yml",
            "content/gioi-thieu/*.md", "content/*.md", "content/columns/README.md", "mkdocs.yml",
            ".github/ISSUE_TEMPLATE/*.yml", "schema/*.json")
# Where the other spelling is the subject (collation treats "Hoà" and "Hòa" as one word), not UI text.
ABOUT_SPELLING = {"src/guongsang/model/text.py"}


def new_style(text: str) -> list[str]:
    return [m.group(0) for m in NEW_STYLE.finditer(text)]


def test_the_check_finds_the_other_spelling_and_spares_words_that_differ():
    assert new_style("Văn hoá, từ khoá, xoá, Tuỳ chỉnh, uỷ ban, hoà giải, minh hoạ") == [
        "oá", "oá", "oá", "uỳ", "uỷ", "oà", "oạ"]
    assert new_style("Văn hóa, từ khóa, xóa, Tùy chỉnh, ủy ban, hòa giải, hoàn thành, quý, quỹ, khoảng, toàn") == []


def test_ui_text_uses_one_spelling():
    found = []
    for pattern in UI_FILES:
        for path in sorted(ROOT.glob(pattern)):
            if path.relative_to(ROOT).as_posix() in ABOUT_SPELLING:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                found += [f"{path.relative_to(ROOT)}:{number}: {word}" for word in new_style(line)]
    assert found == []


def test_the_ui_files_are_there():
    """The globs above match the files the site speaks through (a renamed folder would empty the check)."""
    for pattern in ("theme/**/*.html", "src/guongsang/**/*.py", "content/catalog/*.yml", "content/gioi-thieu/*.md"):
        assert len(list(Path(ROOT).glob(pattern))) >= 3, pattern
