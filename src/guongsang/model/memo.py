"""Record checks kept between builds: in memory for the live preview (:class:`RecordMemo`), on disk for
``guongsang build`` (:class:`StoredMemo`), so an unchanged record file is not checked again."""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from ..filecache import PACKAGE, file_digest, tree_digest
from .diagnostics import Diagnostic
from .records import Exemplar, Withdrawn

Checked = tuple[Exemplar | Withdrawn | None, list[Diagnostic], tuple[int, int]]


def _stat(path: Path) -> tuple[str, int, int]:
    st = path.stat()
    return str(path), st.st_mtime_ns, st.st_size


class RecordMemo:
    """Checked records kept between the rebuilds of a live preview, keyed by file, size and modification time
    (and the images a record uses): an edit re-checks one file, not the whole tree. ``token`` names the
    catalogues and build date the entries were checked against; a new token empties the memo."""

    def __init__(self) -> None:
        self.token = ""
        self.entries: dict[str, tuple[tuple, Checked]] = {}

    def kept(self, file: Path, token: str) -> Checked | None:
        """The check kept for ``file`` if the file (and the images its record uses) are unchanged since."""
        if token != self.token:
            self.token, self.entries = token, {}
        entry = self.entries.get(str(file))
        return entry[1] if entry is not None and entry[0] == self._stamp(file, entry[1]) else None

    def keep(self, file: Path, checked: Checked) -> Checked:
        """Remember a fresh check of ``file``; failures are re-checked every time (their cause may be elsewhere)."""
        if checked[0] is not None:
            self.entries[str(file)] = (self._stamp(file, checked), checked)
        return checked

    @staticmethod
    def _stamp(file: Path, checked: Checked | None) -> tuple:
        try:
            images = [_stat(image.path) for image in getattr(checked[0], "images", ())] if checked else []
            return (_stat(file), *images)
        except OSError:
            return ()


class StoredMemo(RecordMemo):
    """A record memo kept on disk between builds (``records.pickle`` in the build's cache folder), so a build
    after one that checked the same files does not check them again. Files are recognised by their content
    (a fresh clone gives every file a new time), and the memo is tied to this package's code as well as to
    the catalogues, build date and project folder (records hold absolute paths). Only checks of files that
    are still there are kept."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path, self.changed, self.seen = path, False, set[str]()
        self.code = _package_digest()
        try:
            self.token, self.entries = pickle.loads(path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError, AttributeError, ImportError, pickle.UnpicklingError):
            self.token, self.entries = "", {}

    def kept(self, file: Path, token: str) -> Checked | None:
        self.seen.add(str(file))
        return super().kept(file, f"{token}:{self.code}")

    def keep(self, file: Path, checked: Checked) -> Checked:
        self.changed = self.changed or checked[0] is not None
        return super().keep(file, checked)

    @staticmethod
    def _stamp(file: Path, checked: Checked | None) -> tuple:
        try:
            images = [file_digest(image.path) for image in getattr(checked[0], "images", ())] if checked else []
            return (str(file), hashlib.sha256(file.read_bytes()).hexdigest(), *images)
        except OSError:
            return ()

    def save(self) -> None:
        """Write the memo (atomically) if this run checked anything anew or some file went away."""
        gone = set(self.entries) - self.seen
        if not self.changed and not gone:
            return
        for key in gone:
            del self.entries[key]
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(f".{self.path.name}.{os.getpid()}")
        partial.write_bytes(pickle.dumps((self.token, self.entries), protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(self.path)


def _package_digest() -> str:
    return tree_digest([PACKAGE])
