"""The national site of the sample corpus, for the tests: two province sub-sites built and assembled."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from guongsang.outputs import national
from support import ROOT, TODAY

# Hồ Chí Minh has most of the sample's exemplars, Đà Nẵng one: the national search starts with the larger.
PROVINCES = {"79": "ho-chi-minh", "48": "da-nang"}


def build_national(tmp: Path) -> Path:
    """Shards named as the CI names its artifacts (tinh-79) and by slug (da-nang); returns the national root.
    Each build runs in its own process, as the matrix's jobs do (and Playwright's event loop may run in this one)."""
    shards = tmp / "shards"
    for code, slug in PROVINCES.items():
        folder = shards / (f"tinh-{code}" if code == "79" else slug)
        subprocess.run([sys.executable, "-m", "guongsang.cli", "--root", str(ROOT), "build", "--no-cache",
                        "--only-province", code, "--site-url", f"https://example.org/ca-nuoc/{slug}/",
                        "--site-dir", str(folder), "--today", TODAY.isoformat()], check=True, capture_output=True)
    out = tmp / "ca-nuoc"
    assert national.main(["ghep", "--shards", str(shards), "--out", str(out)]) == 0
    return out
