"""A build killed at any point (SIGKILL: no cleanup runs) leaves the previous site exactly as it was; the next
build tidies up after it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from guongsang.mkdocs.build import recover
from support import FIXTURES, ROOT, TODAY, build, digest

pytestmark = pytest.mark.slow


def _staging(site: Path) -> list[Path]:
    return sorted(site.parent.glob(f".{site.name}-*"))


def _start(site: Path) -> subprocess.Popen:
    """A build of the sample site (bigger than the one in ``site``) in its own process."""
    command = [sys.executable, "-m", "guongsang.cli", "--root", str(ROOT), "build", "--no-cache", "--site-dir",
               str(site), "--today", TODAY.isoformat()]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _html_count(site: Path) -> int:
    return sum(1 for s in _staging(site) for _ in s.rglob("*.html"))


# Points to kill at: while loading, as soon as the staging directory exists, with pages half written, while the
# search index is being written.
POINTS: dict[str, Callable[[Path], bool]] = {
    "loading": lambda site: True,
    "staging created": lambda site: bool(_staging(site)),
    "pages half written": lambda site: _html_count(site) >= 80,
    "search index": lambda site: any((s / "pagefind").exists() for s in _staging(site)),
}


def test_killed_builds_leave_the_previous_site_intact(tmp_path):
    site = tmp_path / "build"
    assert build(site, "--exemplars", str(FIXTURES / "hostile" / "valid")) == 0
    before = digest(site)
    reached = []
    for name, ready in POINTS.items():
        proc = _start(site)
        deadline = time.monotonic() + 300
        while not ready(site) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            reached.append(name)
        proc.wait()
        assert digest(site) == before, f"site changed by a build killed at: {name}"
    assert len(reached) >= 3, reached  # the kills did land midway
    assert _staging(site)  # a killed build leaves its staging directory behind …
    assert build(site) == 0  # … which the next build removes, swapping in the new site
    deadline = time.monotonic() + 60  # the previous site, retired, is removed by a process of its own
    while _staging(site) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _staging(site) == []
    assert digest(site) != before and (site / "guong" / "nguyen-thi-lan-anh" / "index.html").is_file()


def test_a_site_caught_between_two_renames_is_restored(tmp_path):
    """Where the swap is two renames (no atomic exchange), a kill between them leaves the old site under a
    retired name; the next build puts it back before doing anything else."""
    site = tmp_path / "build"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    retired = tmp_path / f".build-{dead.stdout.strip()}-abc-old"
    retired.mkdir()
    (retired / "index.html").write_text("trang cũ", encoding="utf-8")
    staging = tmp_path / f".build-{dead.stdout.strip()}-abc"
    staging.mkdir()
    recover(site)
    assert (site / "index.html").read_text(encoding="utf-8") == "trang cũ"
    assert _staging(site) == []


def test_the_previous_site_is_removed_by_a_process_of_its_own_and_a_leftover_never_restored(tmp_path):
    from guongsang.mkdocs.build import _discard

    site = tmp_path / "build"
    previous = tmp_path / f".build-{os.getpid()}-abc"
    (previous / "guong").mkdir(parents=True)
    (previous / "guong" / "index.html").write_text("trang cũ", encoding="utf-8")
    _discard(previous)
    deadline = time.monotonic() + 60
    while _staging(site) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _staging(site) == []
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    left = tmp_path / f".build-{dead.stdout.strip()}-abc-old-retired"  # its remover was stopped
    left.mkdir()
    (left / "index.html").write_text("trang cũ", encoding="utf-8")
    recover(site)
    assert not site.exists() and _staging(site) == []


def test_a_failed_build_leaves_no_staging_directory(tmp_path, monkeypatch):
    import guongsang.mkdocs.build as b

    site = tmp_path / "build"
    site.mkdir()
    (site / "keep.txt").write_text("giữ nguyên", encoding="utf-8")

    def boom(config):
        (Path(config["site_dir"]) / "half.html").write_text("nửa chừng", encoding="utf-8")
        raise RuntimeError("mất điện")

    monkeypatch.setattr(b, "build", boom)
    with pytest.raises(RuntimeError):
        build(site)
    assert [p.name for p in site.iterdir()] == ["keep.txt"] and _staging(site) == []
