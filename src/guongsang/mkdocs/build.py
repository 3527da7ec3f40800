"""Render and write: run MkDocs over the validated model into a fresh directory, then swap it in.

The output directory is replaced only when the whole build has succeeded, and in one step: on Linux the
staging directory and the old site are exchanged atomically (``renameat2(RENAME_EXCHANGE)``), elsewhere by two
renames that the next build repairs if it was interrupted between them. A failed build — or a killed one
(SIGKILL, power cut) — leaves the previous site as it was; the leftovers of a killed build are removed by the
next one.
"""

from __future__ import annotations

import ctypes
import errno
import gc
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from ..model import privacy
from ..project import Loaded
from ..render.cache import Fingerprint
from .plugin import Indexers, close_index


def build_site_dir(loaded: Loaded | Callable[[], Loaded], config_file: Path, site_dir: Path,
                   cache_dir: Path | None = None, site_url: str | None = None,
                   wider_index: str | None = None, search_delta: bool = False) -> dict[str, float]:
    """Build the site for ``loaded`` into ``site_dir`` atomically; returns simple statistics.

    ``cache_dir`` holds the render cache (pages whose data is unchanged are not rendered again); None
    renders every page. A sub-site (``loaded.area``) may be published at its own ``site_url``; its search can
    also query ``wider_index``, by default the Pagefind bundle of the site named in mkdocs.yml. With
    ``search_delta`` the search bundle kept in the cache is published with the changed pages beside it
    (:mod:`guongsang.outputs.search_delta`), as a pull request's preview does.

    ``loaded`` may be handed over as a function that gives it: the caller then holds no reference, and the
    records and the site model are freed before Pagefind writes, when the build's memory peaks."""
    started = time.perf_counter()
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    recover(site_dir)
    staging = Path(tempfile.mkdtemp(prefix=f"{_prefix(site_dir)}{os.getpid()}-", dir=site_dir.parent))
    try:
        indexer = _run_mkdocs(loaded() if callable(loaded) else loaded, config_file, staging, cache_dir, site_url,
                              wider_index, search_delta)
        del loaded
        _write_index(indexer, staging)
        _swap(staging, site_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    pages = sum(1 for _ in site_dir.rglob("*.html"))
    return {"pages": pages, "seconds": time.perf_counter() - started}


def _run_mkdocs(loaded: Loaded, config_file: Path, staging: Path, cache_dir: Path | None, site_url: str | None,
                wider_index: str | None, search_delta: bool = False) -> Indexers | None:
    """MkDocs' build of ``loaded`` into ``staging``, but for the search bundle: the indexer fed with every page
    is returned to be closed once MkDocs' pages, files and plugin (this function's) are gone."""
    config = load_config(str(config_file), site_dir=str(staging))
    plugin = config.plugins["guongsang"]
    plugin.config.exemplars = str(loaded.settings.exemplars)
    plugin.preloaded = loaded
    plugin.config.cache = cache_dir is not None
    plugin.config.search_delta = search_delta
    plugin.config.cache_dir = str(cache_dir) if cache_dir else None
    if loaded.area is not None:
        plugin.config.wider_index = wider_index or plugin.config.wider_index or (
            f"{config.site_url.rstrip('/')}/pagefind/" if config.site_url else None)
    if site_url:
        config.site_url = site_url if site_url.endswith("/") else f"{site_url}/"
    plugin.index_later = True
    build(config)
    indexer = plugin.take_indexer()
    plugin.release()
    return indexer


def _forget_records() -> None:
    """Drop what the process keeps of this build's records for a next build in the same process (the live
    preview's reuse): a one-off build is done with them, and Pagefind's peak is still to come."""
    privacy.forget()
    Fingerprint.forget()


def _write_index(indexer: Indexers | None, staging: Path) -> None:
    """Pagefind writes its bundle once MkDocs has let go of the pages: its peak memory (while it writes) then
    meets a smaller build (at 10,000 records, 521 MB instead of 606)."""
    if indexer is None:
        return
    _forget_records()
    gc.collect()  # pages and their files refer to each other: only the cycle collector frees them
    close_index(indexer, staging)


def _prefix(site_dir: Path) -> str:
    """Staging and retired directories sit next to the site: ``.build-<pid>-<random>``."""
    return f".{site_dir.name}-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def recover(site_dir: Path) -> None:
    """Tidy up after a killed build: restore the site if it was caught between two renames, and remove the
    staging directories of builds whose process is gone."""
    leftovers = sorted(site_dir.parent.glob(f"{_prefix(site_dir)}*"))
    for path in leftovers:
        pid = path.name[len(_prefix(site_dir)):].split("-", 1)[0]
        if not pid.isdigit() or _alive(int(pid)) or not path.is_dir():
            continue
        if path.name.endswith("-old") and not site_dir.exists():
            path.rename(site_dir)  # the previous site, retired just before the build was killed
        else:
            shutil.rmtree(path, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths (Linux ≥ 3.15); False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    if ctypes.get_errno() in (errno.ENOSYS, errno.EINVAL, errno.EXDEV):
        return False
    raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(b))


def _swap(staging: Path, site_dir: Path) -> None:
    staging.chmod(0o755)  # mkdtemp makes it private; the published site is not
    if site_dir.exists() and _exchange(staging, site_dir):
        _discard(staging)  # now holds the previous site
        return
    old = None
    if site_dir.exists():
        old = staging.with_name(f"{staging.name}-old")
        site_dir.rename(old)
    staging.rename(site_dir)
    if old is not None:
        _discard(old)


def _discard(retired_site: Path) -> None:
    """Remove the previous site without making the build wait for it (40,000 files take seconds to delete):
    renamed ``…-retired`` beside the site, it is removed by a detached process; should that process be
    stopped, the next build's :func:`recover` removes what is left (it never restores a retired site)."""
    retired = retired_site.with_name(f"{retired_site.name}-retired")
    try:
        retired_site.rename(retired)
        subprocess.Popen([sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)",
                          str(retired)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        shutil.rmtree(retired if retired.exists() else retired_site, ignore_errors=True)
