"""Live preview: a rebuild writes only the pages an edit changed (MkDocs side).

``guongsang serve`` runs MkDocs' server with *dirty* rebuilds into one folder, so what the first build wrote
stays there. For every generated page this module remembers the render-cache key of the HTML now in that
folder. On a rebuild, a page whose key is unchanged is handed to MkDocs as a file that is older than its
output (:func:`unchanged_source`), which MkDocs' dirty build neither reads, renders nor writes; the pages an
edit touched — the record's own page and the lists, terms and related blocks that show it — get new keys and
are rendered. Feeds, open data and the search index are those of the first build until the preview restarts.
"""

from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ENV = "GUONGSANG_PREVIEW"  # set by ``guongsang serve``
DIRTY_WARNING = "A 'dirty' build is being performed"


@dataclass
class Written:
    """What the preview folder holds: the render-cache key of each generated page written there."""

    site_dir: str = ""
    keys: dict[str, str] = field(default_factory=dict)


STATE = Written()
_STUB: list[Path] = []


def start() -> None:
    """Called once by ``guongsang serve`` before MkDocs' server starts."""
    os.environ[ENV] = "1"
    logging.getLogger("mkdocs.commands.build").addFilter(HideDirtyWarning())


def active() -> bool:
    return os.environ.get(ENV) == "1"


def is_rebuild(site_dir: str) -> bool:
    """True for a preview rebuild into the folder an earlier build of this process completed."""
    if not active():
        return False
    if STATE.site_dir != site_dir:
        STATE.site_dir, STATE.keys = site_dir, {}
    return bool(STATE.keys)


def remember(keys: dict[str, str]) -> None:
    """After a complete build: these pages' files in the preview folder now show these keys."""
    if active():
        STATE.keys.update(keys)


def unchanged_source() -> str:
    """An empty file dated 1970: MkDocs' dirty build skips a page whose source is older than its output."""
    if not _STUB or not _STUB[0].is_file():
        folder = Path(tempfile.mkdtemp(prefix="guongsang-preview-"))
        stub = folder / "unchanged.md"
        stub.write_text("", encoding="utf-8")
        os.utime(stub, (0, 0))
        _STUB[:] = [stub]
    return str(_STUB[0])


class HideDirtyWarning(logging.Filter):
    """MkDocs warns on every dirty build; the preview's rebuilds are dirty by design (and ``strict`` would
    turn the warning into a failed build)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)
