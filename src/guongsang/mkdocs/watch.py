"""Live preview: which file events start a rebuild (MkDocs side).

MkDocs' live-reload server rebuilds on *any* event under a watched folder. With native file events (inotify)
that includes a file being opened or closed without writing — so merely reading a record, or the rebuild reading
the records again, starts the next rebuild, forever. Here a rebuild starts only when a file's *content* changed:
each event's file is hashed and compared with what it held before, so reads, ``touch`` and ``chmod`` do nothing,
while saves, new, deleted and renamed files do. A burst of saves is one rebuild (the server waits until events
stop for :data:`SETTLE` seconds), and each rebuild says in Vietnamese what it rebuilt and how long it took.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from watchdog.events import (
    EVENT_TYPE_CLOSED,
    EVENT_TYPE_CREATED,
    EVENT_TYPE_DELETED,
    EVENT_TYPE_MODIFIED,
    EVENT_TYPE_MOVED,
    FileSystemEvent,
    FileSystemEventHandler,
)

log = logging.getLogger("mkdocs.plugins.guongsang")

SETTLE = 0.1  # seconds without a content change before a rebuild starts (MkDocs' own): a burst is one rebuild
CONTENT_EVENTS = {EVENT_TYPE_CREATED, EVENT_TYPE_DELETED, EVENT_TYPE_MODIFIED, EVENT_TYPE_MOVED, EVENT_TYPE_CLOSED}
SCRATCH_SUFFIXES = (".swp", ".swx", ".tmp", "~")  # editors' swap and backup files, partial writes


def digest(path: str) -> str | None:
    """The file's content hash; None when it is gone or is not a file."""
    try:
        with open(path, "rb") as stream:
            return hashlib.file_digest(stream, "blake2b").hexdigest()
    except OSError:
        return None


def is_scratch(path: str) -> bool:
    name = os.path.basename(path)
    return name.startswith((".", "#")) or name.endswith(SCRATCH_SUFFIXES) or name == "4913"  # vim's probe file


class ContentChanges:
    """The content of every watched file, and the files whose content changed since the last rebuild."""

    def __init__(self) -> None:
        self.digests: dict[str, str | None] = {}
        self.changed: set[str] = set()
        self.lock = threading.Lock()

    def prime(self, root: str) -> None:
        """Remember what every file under ``root`` (or ``root`` itself) holds now."""
        files = [root] if os.path.isfile(root) else [os.path.join(folder, name)
                                                     for folder, _, names in os.walk(root) for name in names]
        for path in files:
            self.digests[path] = digest(path)

    def note(self, event: FileSystemEvent) -> bool:
        """True when the event's file now holds other content (or appeared, or went away)."""
        if event.is_directory or event.event_type not in CONTENT_EVENTS:
            return False  # opened, closed without writing, folders' own events: nothing to rebuild
        paths = [os.fsdecode(event.src_path)]
        if event.event_type == EVENT_TYPE_MOVED:
            paths.append(os.fsdecode(event.dest_path))
        found = False
        with self.lock:
            for path in paths:
                if is_scratch(path):
                    continue
                now = digest(path)
                if self.digests.get(path) != now:
                    self.digests[path] = now
                    self.changed.add(path)
                    found = True
        return found

    def take(self) -> list[str]:
        """The files changed since the last call, sorted."""
        with self.lock:
            changed, self.changed = sorted(self.changed), set()
        return changed


def describe(changed: list[str], root: Path) -> str:
    """“exemplars/ha-noi/x.md”, or the first three and how many more."""
    def shown(path: str) -> str:
        try:
            return Path(path).relative_to(root).as_posix()
        except ValueError:
            return path

    names = [shown(path) for path in changed[:3]]
    more = f" và {len(changed) - 3} tệp khác" if len(changed) > 3 else ""
    return ", ".join(names) + more


class ContentHandler(FileSystemEventHandler):
    """Asks the server for a rebuild when an event changed a file's content."""

    def __init__(self, changes: ContentChanges, wake: Callable[[], None]) -> None:
        self.changes, self.wake = changes, wake

    def on_any_event(self, event: FileSystemEvent) -> None:
        if self.changes.note(event):
            self.wake()


def observer(poll: bool) -> Any:
    """Native file events (inotify, FSEvents …), or polling (``GUONGSANG_POLL=1``: folders shared into
    containers, where file events may not arrive)."""
    from watchdog.observers import Observer
    from watchdog.observers.polling import PollingObserver

    return PollingObserver(timeout=0.5) if poll else Observer()


def install(server: Any, extra: Iterable[Path], root: Path) -> ContentChanges:
    """Make MkDocs' live-reload ``server`` rebuild once per change of content under the folders it watches and
    ``extra``; log each rebuild in Vietnamese. Returns the record of contents (for tests)."""
    changes = ContentChanges()

    def wake() -> None:
        with server._rebuild_cond:
            server._want_rebuild = True
            server._rebuild_cond.notify_all()

    handler = ContentHandler(changes, wake)
    watched = dict(server._watched_paths)
    for path in watched:
        server.observer.unschedule(server._watch_refs.pop(path))
    server.observer = observer(os.environ.get("GUONGSANG_POLL") == "1")

    def watch(path: str, func: None = None, *, recursive: bool = True) -> None:
        path = os.path.abspath(path)
        server._watched_paths[path] = server._watched_paths.get(path, 0) + 1
        if path not in server._watch_refs and os.path.exists(path):
            changes.prime(path)
            server._watch_refs[path] = server.observer.schedule(handler, path, recursive=recursive)

    server.watch = watch  # later ``watch`` calls (``watch:`` in mkdocs.yml) get the same handler
    server._watched_paths = {}
    for path in [*watched, *map(str, extra)]:
        watch(path)
    server.build_delay = SETTLE
    server.builder = timed(server.builder, changes, root)
    return changes


def timed(builder: Callable[[], None], changes: ContentChanges, root: Path) -> Callable[[], None]:
    def rebuild() -> None:
        changed = changes.take()
        started = time.perf_counter()
        builder()
        what = describe(changed, root) if changed else "theo yêu cầu"
        log.info("guongsang: đã dựng lại bản xem trước sau khi sửa %s, trong %.1f giây", what,
                 time.perf_counter() - started)

    return rebuild
