"""Live preview: a rebuild after an edit writes the pages the edit changed, and they equal a full build's."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from guongsang.mkdocs import preview

pytestmark = pytest.mark.slow


def _pages(site: Path) -> dict[str, tuple[bytes, int]]:
    """Every HTML page but the embeds (kept from the first build in a preview), with its modification time."""
    return {str(p.relative_to(site)): (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(site.rglob("*.html"))
            if p.relative_to(site).parts[0] != "nhung"}


def _mkdocs_build(root: Path, site: Path, dirty: bool) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(str(root / "mkdocs.yml"), site_dir=str(site)), dirty=dirty)


def test_preview_rebuild_writes_only_changed_pages_and_they_equal_a_full_build(root, tmp_path, monkeypatch):
    records = tmp_path / "exemplars"
    shutil.copytree(root / "exemplars", records)
    monkeypatch.setenv("GUONGSANG_EXEMPLARS", str(records))
    monkeypatch.setenv("GUONGSANG_TODAY", "2025-11-01")
    monkeypatch.setenv("GUONGSANG_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv(preview.ENV, "1")
    monkeypatch.setattr(preview, "STATE", preview.Written())
    hide = preview.HideDirtyWarning()
    logging.getLogger("mkdocs.commands.build").addFilter(hide)
    try:
        site = tmp_path / "preview"
        _mkdocs_build(root, site, dirty=True)
        before = _pages(site)
        target = next(p for p in sorted(records.rglob("*.md")) if "featured: true" not in p.read_text("utf-8"))
        target.write_text(target.read_text("utf-8") + "\nMột đoạn mới viết trong bản xem trước.\n", "utf-8")
        _mkdocs_build(root, site, dirty=True)
        after = _pages(site)
    finally:
        logging.getLogger("mkdocs.commands.build").removeFilter(hide)
    monkeypatch.delenv(preview.ENV)
    _mkdocs_build(root, tmp_path / "full", dirty=False)
    full = _pages(tmp_path / "full")

    rewritten = [page for page in after if after[page][1] != before[page][1]]
    assert any("Một đoạn mới viết trong bản xem trước." in after[page][0].decode() for page in rewritten)
    assert 0 < len(rewritten) < len(after) // 4, rewritten  # the record's page and what lists it, not the site
    assert sorted(after) == sorted(full)
    differ = [page for page in full if full[page][0] != after[page][0]]
    assert differ == []  # every page of the preview is what a full build writes


def test_serve_shows_an_edit_and_says_where_it_serves(root, tmp_path):
    """``guongsang serve`` end to end: its address in the log, an edit noticed (file events), the page rebuilt."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    records = tmp_path / "exemplars"
    shutil.copytree(root / "exemplars", records)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = tmp_path / "serve.log"
    # MkDocs serves from a temporary folder, which must go when the server stops. A short path: the process
    # pool's fork server puts a Unix socket there (at most 107 bytes), and xdist's tmp_path can be longer.
    scratch = Path(tempfile.mkdtemp(prefix="gs-serve-"))
    command = [sys.executable, "-m", "guongsang.cli", "--root", str(root), "serve", "--exemplars", str(records),
               "--dev-addr", f"127.0.0.1:{port}", "--today", "2025-11-01"]
    with log.open("w", encoding="utf-8") as stream:
        server = subprocess.Popen(command, stdout=stream, stderr=subprocess.STDOUT,
                                  env={**os.environ, "GUONGSANG_CACHE_DIR": str(tmp_path / "cache"),
                                       "TMPDIR": str(scratch)})

    def page(slug: str) -> str:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/guongsang/guong/{slug}/", timeout=5) as r:
                return r.read().decode("utf-8")
        except OSError:
            return ""

    def until(predicate, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and server.poll() is None:  # a server that died fails at once
            if predicate():
                return True
            time.sleep(0.2)
        return False

    try:
        target = next(p for p in sorted(records.rglob("*.md")) if "featured: true" not in p.read_text("utf-8"))
        assert until(lambda: "<html" in page(target.stem), 300), log.read_text("utf-8")[-2000:]  # a loaded machine
        target.write_text(target.read_text("utf-8") + "\nĐoạn viết thêm khi đang xem trước.\n", "utf-8")
        assert until(lambda: "Đoạn viết thêm khi đang xem trước." in page(target.stem), 60), \
            log.read_text("utf-8")[-2000:]
    finally:
        server.terminate()
        server.wait(timeout=30)
    left = list(scratch.iterdir())
    shutil.rmtree(scratch)
    assert left == []  # SIGTERM stops the server as Ctrl+C does
    text = log.read_text("utf-8")
    assert f"Xem trước tại http://127.0.0.1:{port}/guongsang/" in text
    assert "Tải lại trình duyệt" in text and "Reloading" not in text and "Serving" not in text
    assert "xem trước — dựng lại" in text  # the rebuild wrote only what the edit changed
    assert text.count("đã dựng lại bản xem trước sau khi sửa") == 1, text[-3000:]  # one save, one rebuild
