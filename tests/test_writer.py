"""Background page writes: everything written, in order, errors surface, MkDocs' own writer restored."""

from __future__ import annotations

import mkdocs.utils
import pytest

from guongsang.mkdocs import writer
from guongsang.mkdocs.writer import background_writes


def test_every_page_is_on_disk_when_the_block_ends(tmp_path, monkeypatch):
    monkeypatch.setattr(writer, "IN_FLIGHT", 8)
    original = mkdocs.utils.write_file
    with background_writes():
        assert mkdocs.utils.write_file is not original
        for i in range(300):
            mkdocs.utils.write_file(f"trang {i}".encode(), str(tmp_path / f"t{i % 7}" / f"{i}.html"))
        mkdocs.utils.write_file(b"sau cung", str(tmp_path / "t0" / "0.html"))  # a later write of the same file wins
    assert mkdocs.utils.write_file is original
    assert len(list(tmp_path.rglob("*.html"))) == 300
    assert (tmp_path / "t3" / "10.html").read_text() == "trang 10"
    assert (tmp_path / "t0" / "0.html").read_text() == "sau cung"


def test_a_failed_write_fails_the_build(tmp_path):
    (tmp_path / "tep").write_text("một tệp, không phải thư mục")
    with pytest.raises(OSError), background_writes():
        mkdocs.utils.write_file(b"x", str(tmp_path / "tep" / "index.html"))
    assert mkdocs.utils.write_file.__module__ == "mkdocs.utils"
