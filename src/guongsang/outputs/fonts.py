"""Be Vietnam Pro for Pillow and WeasyPrint: the site's self-hosted subsets merged into one font per weight.

The site serves the font as three subsets per weight (Vietnamese, Latin, Latin Extended; see
``theme/assets/fonts/be-vietnam-pro.css``) so a browser loads only what a page uses. Pillow cannot fall back
from one font file to another, so social cards and PDFs use the three subsets merged into one TrueType file,
made once and kept in the cache.
"""

from __future__ import annotations

import io
from pathlib import Path

from ..filecache import cached_file, file_digest, key

FONTS_DIR = Path("theme") / "assets" / "fonts"  # relative to the project root
FAMILY = "Be Vietnam Pro"
SUBSETS = ("latin", "latin-ext", "vietnamese")
WEIGHTS = (400, 600, 700)


def subset_files(fonts_dir: Path, weight: int) -> list[Path]:
    return [fonts_dir / f"be-vietnam-pro-{subset}-{weight}-normal.woff2" for subset in SUBSETS]


# the theme's fonts merged ahead (tests keep them true)
SHIPPED = Path(__file__).resolve().parent.parent / "merged_fonts"
_SCRATCH: list[Path] = []  # where callers without a cache (reports, booklets) get theirs: see keep_in
_MERGED: dict[str, Path] = {}  # digest → a file this process has already made or found


def keep_in(cache_dir: Path) -> None:
    """Keep merged fonts of callers that name no cache in ``cache_dir`` (the build's), not a temporary folder."""
    _SCRATCH[:] = [cache_dir]


def merged_font(fonts_dir: Path, weight: int, cache_dir: Path | None = None) -> Path:
    """One TrueType file with every glyph of the weight's subsets (Vietnamese complete), kept under the
    digest of the subsets' contents: different fonts never share a file, the same ones are merged once."""
    parts = subset_files(fonts_dir, weight)
    digest = key("font", 2, [file_digest(p) for p in parts])
    known = _MERGED.get(digest)
    if known is not None and known.is_file():
        return known
    shipped = SHIPPED / f"{digest}.ttf"
    if shipped.is_file():  # the site's own Be Vietnam Pro: merging takes about a second per weight
        return shipped
    if cache_dir is None:
        if not _SCRATCH:
            import tempfile

            _SCRATCH.append(Path(tempfile.mkdtemp(prefix="guongsang-fonts-")))
        cache_dir = _SCRATCH[0]
    _MERGED[digest] = cached_file(cache_dir / "fonts", digest, ".ttf", lambda: _merge(parts))
    return _MERGED[digest]


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
