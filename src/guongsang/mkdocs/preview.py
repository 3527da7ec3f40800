"""Live preview: a rebuild writes only the pages an edit changed (MkDocs side).

``guongsang serve`` runs MkDocs' server with *dirty* rebuilds into one folder, so what the first build wrote
stays there. For every generated page this module remembers the render-cache key of the HTML now in that
folder. On a rebuild, a page whose key is unchanged is not handed to MkDocs at all (unless the nav names
it), so MkDocs neither renders nor writes it; the pages an edit touched — the record's own page and the
lists, terms and related blocks that show it — get new keys and are rendered. Feeds, open data, the search
index, the sitemap and the 404 page are those of the first build until the preview restarts.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import watch

ENV = "GUONGSANG_PREVIEW"  # set by ``guongsang serve``
DIRTY_WARNING = "A 'dirty' build is being performed"


@dataclass
class Written:
    """What the preview folder holds: the render-cache key of each generated page written there."""

    site_dir: str = ""
    keys: dict[str, str] = field(default_factory=dict)


STATE = Written()


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


def nav_sources(nav: Any) -> set[str]:
    """Every page file the ``nav`` of mkdocs.yml names (they must stay in the build's files)."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return {uri for value in nav.values() for uri in nav_sources(value)}
    if isinstance(nav, list):
        return {uri for item in nav for uri in nav_sources(item)}
    return set()


def watch_content(server: Any, extra: list[Path], root: Path) -> None:
    """Rebuild once per change of content under what MkDocs watches and ``extra`` (see :mod:`.watch`)."""
    watch.install(server, extra, root)


class HideDirtyWarning(logging.Filter):
    """MkDocs warns on every dirty build; the preview's rebuilds are dirty by design (and ``strict`` would
    turn the warning into a failed build)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)
