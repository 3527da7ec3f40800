"""Sub-sites: ``guongsang build --only-locality`` / ``--only-province`` build one area's own site from the
shared corpus — only its exemplars, and pages, feeds, search and open data that say which area they cover."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import feedparser
import pytest

from guongsang.project import Settings, load
from support import TODAY, build

pytestmark = pytest.mark.slow


def _build(root: Path, out: Path, *options: str) -> int:
    return build(out, *options, root=root)


@pytest.fixture(scope="module")
def corpus(root):
    return load(Settings.at(root, today=TODAY)).site.exemplars


@pytest.fixture(scope="module")
def district(root, tmp_path_factory):
    out = tmp_path_factory.mktemp("district") / "build"
    assert _build(root, out, "--only-locality", "quận Thanh Xuân, Hà Nội", "--site-url",
                  "https://example.org/thanh-xuan/") == 0
    return out


def _slugs(site: Path) -> set[str]:
    return {p.parent.name for p in (site / "guong").glob("*/index.html")}


def test_district_site_holds_only_the_districts_exemplars(district, corpus):
    expected = {e.slug for e in corpus if e.locality.legacy_district and e.locality.legacy_district.code == "009"}
    assert expected and expected != {e.slug for e in corpus}
    assert _slugs(district) == expected
    data = json.loads((district / "du-lieu" / "exemplars.json").read_text(encoding="utf-8"))
    records = [r for p in data["provinces"]
               for r in json.loads(gzip.decompress((district / "du-lieu" / p["file"]).read_bytes()))["records"]]
    assert {r["slug"] for r in records} == expected and [p["file"] for p in data["provinces"]] == ["ha-noi.json.gz"]
    assert data["scope"] == "Quận Thanh Xuân (cũ), Thành phố Hà Nội"
    for page in district.rglob("*.html"):  # no page links to an exemplar outside the district
        linked = set(re.findall(r'href="[^"]*guong/([a-z0-9-]+)/"', page.read_text(encoding="utf-8")))
        assert linked <= expected, page


def test_district_feeds_and_pages_say_what_they_cover(district):
    feed = feedparser.parse((district / "rss.xml").read_bytes())
    assert not feed.bozo and "Quận Thanh Xuân (cũ)" in feed.feed.title
    assert feed.feed.link == "https://example.org/thanh-xuan/"
    assert all(entry.link.startswith("https://example.org/thanh-xuan/guong/") for entry in feed.entries)
    column = feedparser.parse((district / "chuyen-muc" / "nguoi-tot-viec-tot" / "atom.xml").read_bytes())
    assert "Quận Thanh Xuân (cũ)" in column.feed.title
    home = (district / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<title>[^<]*Thanh Xuân \(cũ\)", home)
    search = (district / "tim-kiem" / "index.html").read_text(encoding="utf-8")
    assert "Đang tìm trong gương điển hình của <strong>Quận Thanh Xuân (cũ), Thành phố Hà Nội</strong>" in search
    config = json.loads(re.search(r'id="gs-search-config">(.*?)</script>', search).group(1))
    assert config["scope"]["wider"]["index"] == "https://guongsang.github.io/guongsang/pagefind/"
    assert config["scope"]["wider"]["filter"]["tinh"] == "Thành phố Hà Nội"
    follow = (district / "theo-doi" / "index.html").read_text(encoding="utf-8")
    assert "của Quận Thanh Xuân (cũ), Thành phố Hà Nội" in follow


def test_province_site_holds_only_the_provinces_exemplars(root, tmp_path, corpus):
    out = tmp_path / "build"
    assert _build(root, out, "--only-province", "68") == 0  # Lâm Đồng
    expected = {e.slug for e in corpus if e.locality.province.code == "68"}
    assert expected and _slugs(out) == expected
    feed = feedparser.parse((out / "atom.xml").read_bytes())
    assert "Tỉnh Lâm Đồng" in feed.feed.title and len(feed.entries) == min(len(expected), 10)


def test_an_unknown_area_is_an_error_and_writes_nothing(root, tmp_path, capsys):
    out = tmp_path / "build"
    assert _build(root, out, "--only-locality", "99999") == 1
    assert not out.exists()
    assert "--only-locality:1:1: error[GS030]" in capsys.readouterr().err
