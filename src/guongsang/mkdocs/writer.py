"""Page files written by a background thread while the next pages render.

MkDocs writes each page as soon as it is rendered. Making the page's folder and writing its bytes was about
a tenth of a cold build's main thread: time spent in the kernel, which a second thread can spend while the
interpreter goes on (file I/O lets go of the GIL). One writer keeps the writes in order, a failed write fails
the build, and every write has finished when the build returns.
"""

from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor

import mkdocs.utils

IN_FLIGHT = 256  # pages rendered but not yet written, at most: memory stays bounded if the disk is slow


class Writer:
    """``mkdocs.utils.write_file`` on a background thread, in order."""

    def __init__(self) -> None:
        self._write = mkdocs.utils.write_file
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="page-writer")
        self._pending: deque[Future[None]] = deque()

    def write(self, content: bytes, output_path: str) -> None:
        self._pending.append(self._pool.submit(self._write, content, output_path))
        while self._pending and (len(self._pending) > IN_FLIGHT or self._pending[0].done()):
            self._pending.popleft().result()  # raises the write's error, if it failed

    def flush(self) -> None:
        while self._pending:
            self._pending.popleft().result()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


@contextlib.contextmanager
def background_writes() -> Iterator[Writer]:
    """MkDocs' page writes go through a :class:`Writer` while the block runs; all are done when it ends."""
    writer = Writer()
    mkdocs.utils.write_file = writer.write  # type: ignore[assignment]
    try:
        yield writer
        writer.flush()
    finally:
        mkdocs.utils.write_file = writer._write  # type: ignore[assignment]
        writer.close()
