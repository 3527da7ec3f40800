"""Material's search files and source maps are not published: no page refers to them."""

from __future__ import annotations

import re

import pytest

import support
from guongsang.mkdocs.prune import prune_theme_assets


@pytest.fixture(scope="module")
def built(root, tmp_path_factory):
    out = tmp_path_factory.mktemp("prune") / "build"
    assert support.build(out, root=root) == 0
    return out


def test_no_lunr_search_worker_or_source_map_is_published(built):
    assets = built / "assets"
    assert not (assets / "javascripts" / "lunr").exists() and not (assets / "javascripts" / "workers").exists()
    assert not list(built.rglob("*.map"))
    for minified in [*assets.rglob("*.min.js"), *assets.rglob("*.min.css")]:
        assert b"sourceMappingURL" not in minified.read_bytes(), minified


def test_nothing_published_refers_to_what_was_removed(built):
    for path in [*built.rglob("*.html"), *(built / "assets").rglob("*.js"), *(built / "assets").rglob("*.css")]:
        text = path.read_text(encoding="utf-8", errors="replace")
        for found in re.findall(r"[\w./-]*(?:lunr/|\.min\.js\.map|\.min\.css\.map)[\w./-]*", text):
            pytest.fail(f"{path.relative_to(built)} refers to {found}")


def test_pruning_removes_the_files_and_the_map_comment(tmp_path):
    scripts = tmp_path / "assets" / "javascripts"
    (scripts / "lunr").mkdir(parents=True)
    (scripts / "lunr" / "wordcut.js").write_bytes(b"x" * 100)
    (scripts / "bundle.min.js").write_bytes(b"code();\n//# sourceMappingURL=bundle.min.js.map\n")
    (scripts / "bundle.min.js.map").write_bytes(b"{}" * 10)
    assert prune_theme_assets(tmp_path) == 120
    assert (scripts / "bundle.min.js").read_bytes() == b"code();"
    assert not (scripts / "lunr").exists() and not (scripts / "bundle.min.js.map").exists()
