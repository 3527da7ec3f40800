"""A province whose search index is split into bundles (``pagefind/shards.json``): the national assembly
carries every bundle to the national search page and to ``ca-nuoc.json``, and refuses a list it cannot trust."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from guongsang.cli import main
from guongsang.outputs import national
from guongsang.outputs.search_shards import MANIFEST
from national_build import fake_site


def _bundles(site: Path, listing: object, *folders: str) -> None:
    """Complete-looking Pagefind bundles at ``pagefind/<folder>`` and the site's list of them."""
    for folder in folders:
        (site / "pagefind" / folder).mkdir(parents=True, exist_ok=True)
        (site / "pagefind" / folder / "pagefind-entry.json").write_text("{}", encoding="utf-8")
    text = listing if isinstance(listing, str) else json.dumps(listing)
    (site / "pagefind").mkdir(exist_ok=True)
    (site / "pagefind" / MANIFEST).write_text(text, encoding="utf-8")


def test_without_a_list_a_site_has_its_one_bundle(tmp_path):
    assert national.search_bundles(fake_site(tmp_path / "hue", 1)) == ("",)


def test_every_bundle_of_a_sharded_province_reaches_the_search_page_and_the_manifest(tmp_path, gaz):
    shards, out = tmp_path / "shards", tmp_path / "out"
    _bundles(fake_site(shards / "tinh-01", 3), {"bundles": ["", "s1/", "s2/"]}, "", "s1/", "s2/")
    fake_site(shards / "hue", 1)
    found = national.read_shards(shards, gaz)
    assert [(s.unit.slug, s.bundles) for s in found] == [("ha-noi", ("", "s1/", "s2/")), ("hue", ("",))]
    assert main(["national", "assemble", "--shards", str(shards), "--out", str(out)]) == 0
    page = (out / national.SEARCH / "index.html").read_text(encoding="utf-8")
    config = json.loads(re.search(r'id="gs-national-config">(.*?)</script>', page, re.S).group(1))
    assert [(p["index"], p["bundles"]) for p in config["provinces"]] == [
        ("ha-noi/pagefind/", ["", "s1/", "s2/"]), ("hue/pagefind/", [""])]
    manifest = json.loads((out / national.MANIFEST).read_text(encoding="utf-8"))
    listed = {p["slug"]: p["search_bundles"] for p in manifest["provinces"]}
    assert listed == {"ha-noi": ["ha-noi/pagefind/", "ha-noi/pagefind/s1/", "ha-noi/pagefind/s2/"],
                      "hue": ["hue/pagefind/"]}
    assert all((out / bundle / "pagefind-entry.json").is_file() for bundle in listed["ha-noi"])


@pytest.mark.parametrize(("listing", "folders", "message"), [
    ("{bundles", [""], "không đọc được danh sách chỉ mục tìm kiếm"),
    ({"bundles": []}, [], "phải có ít nhất một mục"),
    ({"bundles": ["", ""]}, [""], "không lặp lại"),
    ({"bundles": ["", "../hue/"]}, [""], "“../hue/” không phải thư mục con của pagefind/"),
    ({"bundles": ["", "/s1/"]}, [""], "“/s1/” không phải thư mục con"),
    ({"bundles": ["", "s1/"]}, [""], "thiếu chỉ mục tìm kiếm pagefind/s1/pagefind-entry.json"),
])
def test_a_list_of_bundles_that_cannot_be_trusted_is_refused(tmp_path, listing, folders, message, capsys):
    _bundles(fake_site(tmp_path / "shards" / "tinh-01", 1), listing, *folders)
    assert main(["national", "assemble", "--shards", str(tmp_path / "shards"), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Không ghép được trang cả nước:") and "shards.json" in err and message in err
