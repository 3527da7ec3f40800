"""Printed PDFs: the same booklet from two checkouts is the same bytes; each theme prints with its own font."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from guongsang.outputs import booklet, fonts, printing
from guongsang.project import Settings, load
from support import ROOT, TODAY

pytestmark = pytest.mark.slow


def checkout(where: Path) -> Path:
    """The project's content, theme and records copied to ``where`` (another checkout, another path)."""
    for name in ("exemplars", "content", "theme"):
        shutil.copytree(ROOT / name, where / name)
    shutil.copy(ROOT / "mkdocs.yml", where / "mkdocs.yml")
    return where


def booklet_of(root: Path) -> bytes:
    loaded = load(Settings.at(root, today=TODAY))
    assert loaded.site and loaded.catalog
    chosen = booklet.select(loaded.site, loaded.catalog, "plan", "thanh-xuan-2023")
    assert any(e.image for e in chosen.exemplars)  # photos are what used to differ
    return booklet.render(chosen, "https://guongsang.github.io/guongsang/", root / "theme", loaded.settings.today)


def test_booklet_is_byte_identical_across_checkouts(tmp_path):
    first = booklet_of(checkout(tmp_path / "a"))
    second = booklet_of(checkout(tmp_path / "mot-ban-sao-khac" / "guongsang"))
    assert first.startswith(b"%PDF") and first == second
    assert str(tmp_path).encode() not in first


def test_two_themes_printed_by_one_process_each_embed_their_own_font(tmp_path, monkeypatch):
    from fontTools.ttLib import TTFont

    monkeypatch.setattr(fonts, "_SCRATCH", [tmp_path / "merged"])  # not a folder left in /tmp

    other = tmp_path / "theme"
    shutil.copytree(ROOT / "theme" / printing.FONT_DIR, other / printing.FONT_DIR)
    for part in fonts.subset_files(other / printing.FONT_DIR, 400):  # another revision of the font
        font = TTFont(part)
        font["head"].fontRevision += 1
        font.save(part)
    own, theirs = printing.font_css(ROOT / "theme"), printing.font_css(other)
    assert own == printing.font_css(ROOT / "theme")
    assert own.split("font-weight: 400;")[1].split("}")[0] != theirs.split("font-weight: 400;")[1].split("}")[0]
    assert own.split("font-weight: 700;")[1] == theirs.split("font-weight: 700;")[1]  # unchanged: shared
