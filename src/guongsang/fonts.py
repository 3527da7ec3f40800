"""Be Vietnam Pro for Pillow and WeasyPrint: the site's self-hosted subsets merged into one font per weight.

The site serves the font as three subsets per weight (Vietnamese, Latin, Latin Extended; see
``theme/assets/fonts/be-vietnam-pro.css``) so a browser loads only what a page uses. Pillow cannot fall back
from one font file to another, so social cards and PDFs use the three subsets merged into one TrueType file,
made once and kept in the cache.
"""

from __future__ import annotations

import io
from pathlib import Path

from .filecache import cached_file, file_digest, key

FONTS_DIR = Path("theme") / "assets" / "fonts"  # relative to the project root
FAMILY = "Be Vietnam Pro"
SUBSETS = ("latin", "latin-ext", "vietnamese")
WEIGHTS = (400, 600, 700)


def subset_files(fonts_dir: Path, weight: int) -> list[Path]:
    return [fonts_dir / f"be-vietnam-pro-{subset}-{weight}-normal.woff2" for subset in SUBSETS]


def merged_font(fonts_dir: Path, weight: int, cache_dir: Path) -> Path:
    """One TrueType file with every glyph of the weight's subsets (Vietnamese complete)."""
    parts = subset_files(fonts_dir, weight)
    digest = key("font", 2, [file_digest(p) for p in parts])
    return cached_file(cache_dir / "fonts", digest, ".ttf", lambda: _merge(parts))


def _merge(parts: list[Path]) -> bytes:
    import tempfile

    from fontTools.merge import Merger
    from fontTools.ttLib import TTFont

    with tempfile.TemporaryDirectory() as work:
        plain = []
        for part in parts:
            font = TTFont(part, recalcTimestamp=False)
            font.flavor = None  # WOFF2 → plain TrueType
            target = Path(work) / f"{part.stem}.ttf"
            font.save(target)
            plain.append(str(target))
        merged = Merger().merge(plain)
        merged.recalcTimestamp = False  # same bytes on every machine and day: the subsets' own dates
        head = TTFont(plain[0])["head"]
        merged["head"].created, merged["head"].modified = head.created, head.modified
        out = io.BytesIO()
        merged.save(out, reorderTables=True)
        return out.getvalue()
