"""What Material's theme copies into every site that guongsang's readers never load.

Material ships lunr with its language packs and word-cutters and a search worker (guongsang searches with
Pagefind, and Material's search plugin is off), and source maps of its minified scripts and stylesheets (for
developers' tools). Together 2.4 MB in every site, and in each of the country's 34 province sites.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

UNUSED_FOLDERS = ("assets/javascripts/lunr", "assets/javascripts/workers")
_SOURCE_MAP = re.compile(rb"\n?(?://# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ \*/)\s*$")


def prune_theme_assets(site_dir: Path) -> int:
    """Remove Material's unused search files and source maps from a built site; returns the bytes removed."""
    removed = 0
    for folder in UNUSED_FOLDERS:
        path = site_dir / folder
        if path.is_dir():
            removed += sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
            shutil.rmtree(path)
    for source_map in sorted((site_dir / "assets").rglob("*.map")):
        removed += source_map.stat().st_size
        source_map.unlink()
        minified = source_map.with_suffix("")
        if minified.is_file():
            text = minified.read_bytes()
            kept = _SOURCE_MAP.sub(b"", text)
            if kept != text:
                minified.write_bytes(kept)
    return removed
