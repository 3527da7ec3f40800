"""The national site of the sample corpus, for the tests: two province sub-sites built and assembled."""

from __future__ import annotations

from pathlib import Path

from guongsang.outputs import national
from support import build

# Hồ Chí Minh has most of the sample's exemplars, Đà Nẵng one: the national search starts with the larger.
PROVINCES = {"79": "ho-chi-minh", "48": "da-nang"}


def build_national(tmp: Path) -> Path:
    """Shards named as the CI names its artifacts (tinh-79) and by slug (da-nang); returns the national root."""
    shards = tmp / "shards"
    for code, slug in PROVINCES.items():
        folder = shards / (f"tinh-{code}" if code == "79" else slug)
        assert build(folder, "--only-province", code, "--site-url", f"https://example.org/ca-nuoc/{slug}/") == 0
    out = tmp / "ca-nuoc"
    assert national.main(["ghep", "--shards", str(shards), "--out", str(out)]) == 0
    return out
