"""A content-addressed file cache (``.cache/guongsang/…`` by default, git-ignored).

Outputs are stored under the hash of everything that shapes them, so a build reuses whatever it made before
for the same inputs — across full and incremental builds alike — and never needs to invalidate anything.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

DEFAULT_DIR = Path(".cache") / "guongsang"
PACKAGE = Path(__file__).resolve().parent  # the installed package: its code salts every cache


def tree_digest(paths: Iterable[Path]) -> str:
    """A hash of the names and contents of every file under ``paths`` (files or folders), in a stable order."""
    h = hashlib.sha256()
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.exists() and "__pycache__" not in file.parts:
                h.update(str(file).encode())
                h.update(hashlib.sha256(file.read_bytes()).digest())
    return h.hexdigest()


def key(*parts: Any) -> str:
    """A stable hash of JSON-able parts (paths and bytes included)."""
    digest = hashlib.sha256()
    for part in parts:
        if isinstance(part, bytes):
            digest.update(part)
        else:
            digest.update(json.dumps(part, sort_keys=True, ensure_ascii=False, default=str).encode())
        digest.update(b"\0")
    return digest.hexdigest()


_DIGESTS: dict[tuple[str, int, int], str] = {}  # (path, size, mtime) → digest, for the rebuilds of one process


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes; a file unchanged on disk since this process last read it is not read again."""
    stat = path.stat()
    stamp = (str(path), stat.st_size, stat.st_mtime_ns)
    if stamp not in _DIGESTS:
        _DIGESTS[stamp] = _read_digest(path)
    return _DIGESTS[stamp]


def _read_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def cached_path(folder: Path, digest: str, suffix: str) -> Path:
    """Where the cache keeps the file of ``digest``: ``folder/ab/abcdef….suffix``."""
    return folder / digest[:2] / f"{digest}{suffix}"


def cached_file(folder: Path, digest: str, suffix: str, make: Callable[[], bytes]) -> Path:
    """The file at :func:`cached_path`, made by ``make()`` unless already there; written atomically."""
    path = cached_path(folder, digest, suffix)
    if path.is_file():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    data = make()
    handle, temporary = tempfile.mkstemp(prefix=f".{digest[:12]}-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def publish_file(source: Path | str, target: Path | str) -> None:
    """Put a cached file into the site: a hard link where the file system allows (cache files are never
    changed in place, and a link costs no copy), else a copy."""
    Path(target).unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _run_chunk(work: Callable[[T], R], jobs: list[T]) -> list[R]:
    return [work(job) for job in jobs]


# What the build's workers run (checks, pages, cards) and what the command line imports (each worker runs the
# main module again, as ``__mp_main__``): imported once by the fork server, which forks every worker, instead of
# by each worker (some 0.3 CPU-seconds apiece, five workers a build). Names, not imports: a module missing here
# is imported by the worker as before.
WORKER_MODULES = ("guongsang.project", "guongsang.cliargs", "guongsang.model.validate", "guongsang.render.pages",
                  "guongsang.outputs.media")


def preload() -> list[str]:
    """The modules the fork server imports before it forks the first worker: its main module (as the default
    does) and :data:`WORKER_MODULES`."""
    return ["__main__", *WORKER_MODULES]


def process_pool(workers: int, yielding: bool = False, name: str = "gs-worker", initializer: Any = None,
                 initargs: tuple[Any, ...] = ()) -> Any:
    """Worker processes named ``name`` (as ``ps`` and ``top`` show them, and the benchmark counts their CPU);
    ``yielding`` ones run at the lowest priority (:func:`_give_way`); each then runs ``initializer(*initargs)``."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # forkserver, not fork: the build may already run threads (the search indexer), which fork would copy mid-lock.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(preload())  # no effect once the fork server runs: the first pool's list holds
    return ProcessPoolExecutor(max_workers=workers, mp_context=context,
                               initializer=_start_worker, initargs=(name, yielding, initializer, initargs))


def _start_worker(name: str, yielding: bool, initializer: Any = None, initargs: tuple[Any, ...] = ()) -> None:
    _name_process(name)
    if yielding:
        _give_way()
    if initializer is not None:
        initializer(*initargs)


def _name_process(name: str) -> None:
    """The process's name as the system shows it (Linux ``prctl(PR_SET_NAME)``; elsewhere left as it is)."""
    import ctypes
    import sys

    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None).prctl(15, name.encode()[:15], 0, 0, 0)


def _give_way() -> None:
    """Lowest CPU priority for this worker: beside the build's main thread it takes only the time left over."""
    with contextlib.suppress(OSError, AttributeError):
        os.nice(19 - os.nice(0))


class Background:
    """``[work(job) for job in jobs]`` in worker processes while the caller goes on; :meth:`result` waits.

    One worker per core, at the lowest priority: while the caller works, they take only the CPU it leaves
    (the scheduler gives a nice-19 process about 1.5 % against a normal one); when the caller waits for them,
    they have the whole machine, instead of one worker finishing alone beside an idle core. At 10,000 records
    the cards were still being drawn 15 s after the last page was written."""

    def __init__(self, work: Callable[[T], R], jobs: list[T], name: str = "gs-worker") -> None:
        self._pool: Any = None
        self._futures: list[Any] = []
        self._done: list[R] | None = None
        if len(jobs) < 8:
            self._done = [work(job) for job in jobs]
            return
        workers = min(os.cpu_count() or 1, 8)
        size = max(1, min(32, len(jobs) // (workers * 4)))
        self._pool = process_pool(workers, yielding=True, name=name)
        self._futures = [self._pool.submit(_run_chunk, work, jobs[i:i + size]) for i in range(0, len(jobs), size)]

    def result(self) -> list[R]:
        if self._done is None:
            try:
                self._done = [item for future in self._futures for item in future.result()]
            finally:
                self.cancel()
        return self._done

    def cancel(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def parallel_map(work: Callable[[T], R], jobs: list[T], workers: int | None = None,
                 name: str = "gs-worker") -> list[R]:
    """``[work(job) for job in jobs]``, in worker processes when there are enough jobs to be worth it."""
    workers = min(workers or os.cpu_count() or 1, 8, len(jobs))
    if workers <= 1 or len(jobs) < 8:
        return [work(job) for job in jobs]
    with process_pool(workers, name=name) as pool:
        return list(pool.map(work, jobs, chunksize=max(1, min(16, len(jobs) // (workers * 4)))))
