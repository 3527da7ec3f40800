"""Live preview: a rebuild per change of content, never on reads or metadata-only events; bursts coalesce."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer

from guongsang.mkdocs import watch

QUIET = 1.2  # seconds to wait for a rebuild that must not come


@contextmanager
def watching(path: Path, root: Path) -> Iterator[list[float]]:
    """A live-reload server (not listening) watching ``path`` as the preview does; yields its rebuild times."""
    builds: list[float] = []
    server = LiveReloadServer(builder=lambda: builds.append(time.monotonic()), host="127.0.0.1", port=0,
                              root=str(root / "site"))
    server.watch(str(path))
    watch.install(server, [], root)
    server.observer.start()
    loop = threading.Thread(target=server._build_loop, daemon=True)
    loop.start()
    try:
        yield builds
    finally:
        server.shutdown()
        loop.join(timeout=5)


@pytest.fixture
def preview(tmp_path, monkeypatch):
    """A folder of records watched, its rebuilds counted."""
    monkeypatch.delenv("GUONGSANG_POLL", raising=False)
    records = tmp_path / "exemplars"
    (records / "ha-noi").mkdir(parents=True)
    record = records / "ha-noi" / "nguyen-van-an.md"
    record.write_text("---\nname: Nguyễn Văn An\n---\nCâu chuyện.\n", "utf-8")
    with watching(records, tmp_path) as builds:
        yield record, builds


def settle(builds: list[float], count: int, seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while len(builds) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(QUIET)  # and no more after it


def test_reading_touching_and_chmod_do_not_rebuild(preview):
    record, builds = preview
    for _ in range(3):
        record.read_text("utf-8")
    os.utime(record)
    record.chmod(0o600)
    time.sleep(QUIET)
    assert builds == []


def test_a_burst_of_saves_is_one_rebuild_and_reads_after_it_none(preview, caplog):
    record, builds = preview
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.guongsang")
    for n in range(4):  # saving (truncate, write) several times in quick succession, e.g. "save all"
        record.write_text(record.read_text("utf-8") + f"Đoạn {n}.\n", "utf-8")
    settle(builds, 1)
    assert len(builds) == 1
    assert "đã dựng lại bản xem trước sau khi sửa exemplars/ha-noi/nguyen-van-an.md, trong" in caplog.text
    record.read_text("utf-8")  # the rebuild, or the editor, reading the record again
    time.sleep(QUIET)
    assert len(builds) == 1


def test_new_renamed_and_deleted_files_rebuild_scratch_files_do_not(preview):
    record, builds = preview
    (record.parent / ".nguyen-van-an.md.swp").write_bytes(b"swap")
    (record.parent / "nguyen-van-an.md~").write_text("backup", "utf-8")
    time.sleep(QUIET)
    assert builds == []
    fresh = record.parent / "tran-thi-binh.md"
    fresh.write_text("---\nname: Trần Thị Bình\n---\n", "utf-8")
    settle(builds, 1)
    assert len(builds) == 1
    fresh.rename(record.parent / "tran-thi-binh-2.md")
    settle(builds, 2)
    assert len(builds) == 2
    record.unlink()
    settle(builds, 3)
    assert len(builds) == 3


def test_describe_names_three_files_and_counts_the_rest(tmp_path: Path):
    changed = [str(tmp_path / "exemplars" / f"{n}.md") for n in range(5)]
    assert watch.describe(changed, tmp_path) == "exemplars/0.md, exemplars/1.md, exemplars/2.md và 2 tệp khác"


@pytest.mark.parametrize("english, vietnamese", [
    ("[21:20:54] Reloading browsers", "TIN      -  [21:20:54] Tải lại trình duyệt"),
    ("[21:20:54] Serving on http://127.0.0.1:8000/guongsang/",
     "TIN      -  [21:20:54] Xem trước tại http://127.0.0.1:8000/guongsang/"),
    ("[21:20:50] Detected file changes", "TIN      -  [21:20:50] Có tệp thay đổi"),
    ("Building documentation...", "TIN      -  Đang dựng trang…"),
    ("Documentation built in 12.34 seconds", "TIN      -  Đã dựng trang trong 12.34 giây"),
    ("Shutting down...", "TIN      -  Đang dừng bản xem trước…"),
])
def test_mkdocs_serve_messages_are_shown_in_vietnamese(english, vietnamese):
    from guongsang.mkdocs.serving import VietnameseLog

    record = logging.LogRecord("mkdocs.livereload", logging.INFO, __file__, 1, english, None, None)
    assert VietnameseLog().format(record) == vietnamese


def test_an_atomic_save_and_a_watched_file_rebuild_once(preview, tmp_path):
    record, builds = preview
    partial = record.with_name(".nguyen-van-an.md.tmp")  # editors that write a copy, then rename it over
    partial.write_text(record.read_text("utf-8") + "Đoạn mới.\n", "utf-8")
    partial.replace(record)
    settle(builds, 1)
    assert len(builds) == 1


def test_a_watched_file_like_mkdocs_yml_rebuilds_on_a_save_only(tmp_path, monkeypatch):
    monkeypatch.delenv("GUONGSANG_POLL", raising=False)
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Gương sáng\n", "utf-8")
    with watching(config, tmp_path) as builds:
        config.read_text("utf-8")
        time.sleep(QUIET)
        assert builds == []
        config.write_text("site_name: Gương sáng Hà Nội\n", "utf-8")
        settle(builds, 1)
        assert len(builds) == 1


def test_polling_rebuilds_on_a_save_and_not_on_touch(tmp_path, monkeypatch):
    monkeypatch.setenv("GUONGSANG_POLL", "1")  # folders shared into containers: no file events
    record = tmp_path / "exemplars" / "nguyen-van-an.md"
    record.parent.mkdir()
    record.write_text("---\nname: Nguyễn Văn An\n---\nCâu chuyện.\n", "utf-8")
    with watching(record.parent, tmp_path) as builds:
        time.sleep(0.6)  # the first snapshot
        os.utime(record, ns=(record.stat().st_atime_ns, record.stat().st_mtime_ns + 10**9))
        time.sleep(QUIET)
        assert builds == []
        record.write_text("---\nname: Nguyễn Văn An\n---\nCâu chuyện dài hơn.\n", "utf-8")
        settle(builds, 1)
        assert len(builds) == 1
