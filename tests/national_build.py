"""The national site of the sample corpus, for the tests: two province sub-sites built and assembled."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from guongsang.cli import main
from guongsang.outputs import national
from guongsang.outputs.search_shards import MANIFEST
from support import ROOT, TODAY

# Hồ Chí Minh has most of the sample's exemplars, Đà Nẵng one: the national search starts with the larger.
PROVINCES = {"79": "ho-chi-minh", "48": "da-nang"}
SITE_URL = "https://example.org/ca-nuoc/"  # the national root, as the workflow publishes it


def fake_site(folder: Path, exemplars: int) -> Path:
    """A stand-in for a built province site: a home page and ``exemplars`` exemplar pages (plus a list page)."""
    (folder / "guong" / "trang-2").mkdir(parents=True)
    (folder / "index.html").write_text("<h1>tỉnh</h1>", encoding="utf-8")
    (folder / "guong" / "trang-2" / "index.html").write_text("list", encoding="utf-8")
    for i in range(exemplars):
        page = folder / "guong" / f"guong-{i}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text("guong", encoding="utf-8")
    return folder


def build_national(tmp: Path) -> Path:
    """Shards named as the CI names its artifacts (tinh-79) and by slug (da-nang); returns the national root.
    Each build runs in its own process, as the matrix's jobs do (and Playwright's event loop may run in this one)."""
    shards = tmp / "shards"
    for code, slug in PROVINCES.items():
        folder = shards / (f"tinh-{code}" if code == "79" else slug)
        subprocess.run([sys.executable, "-m", "guongsang.cli", "--root", str(ROOT), "build", "--no-cache",
                        "--only-province", code, "--site-url", f"{SITE_URL}{slug}/", "--wider-index",
                        f"{SITE_URL}{national.SEARCH}/",
                        "--site-dir", str(folder), "--today", TODAY.isoformat()], check=True, capture_output=True)
    out = tmp / "ca-nuoc"
    assert main(["national", "assemble", "--shards", str(shards), "--out", str(out)]) == 0
    return out


def build_sharded(tmp: Path, country: Path) -> Path:
    """A national site of one province whose search index is split in two bundles, as a build that shards
    its index writes it: Hồ Chí Minh's own at pagefind/, Đà Nẵng's pages (a copy of its index) at
    pagefind/s1/, listed in pagefind/shards.json. A Đà Nẵng exemplar is found only by merging both."""
    site = tmp / "shards" / "tinh-79"
    shutil.copytree(country / "ho-chi-minh", site)
    shutil.copytree(country / "da-nang" / "pagefind", site / "pagefind" / "s1")
    (site / "pagefind" / MANIFEST).write_text('{"bundles": ["", "s1/"]}', encoding="utf-8")
    out = tmp / "ca-nuoc"
    assert main(["national", "assemble", "--shards", str(tmp / "shards"), "--out", str(out)]) == 0
    return out
