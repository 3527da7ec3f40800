"""The country on a CI matrix: every province built as a sub-site, then assembled under one root with national
lists and a search over the province indexes (``guongsang.outputs.national``, ``.github/workflows/ca-nuoc.yml``)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from guongsang.cli import main
from guongsang.model.memo import StoredMemo
from guongsang.model.scope import resolve_area, resolve_province, search_scope
from guongsang.outputs import national
from guongsang.project import Settings, load
from national_build import PROVINCES, SITE_URL, build_national, fake_site
from support import ROOT, TODAY


def test_matrix_has_every_current_province_once(gaz, tmp_path):
    listed = national.provinces(gaz)
    assert len(listed) == len(gaz.provinces) == 34
    assert [p["code"] for p in listed] == sorted(p["code"] for p in listed)
    assert len({p["slug"] for p in listed}) == 34
    assert {"code": "01", "slug": "ha-noi", "name": "Thành phố Hà Nội"} in listed
    output = tmp_path / "github-output"
    output.write_text("before=1\n", encoding="utf-8")
    assert main(["national", "provinces", "--github-output", str(output)]) == 0
    first, line = output.read_text(encoding="utf-8").splitlines()
    assert first == "before=1" and line.startswith("provinces=")
    assert json.loads(line.removeprefix("provinces=")) == listed


def test_workflow_builds_each_province_then_assembles():
    flow = yaml.safe_load((ROOT / ".github" / "workflows" / "ca-nuoc.yml").read_text(encoding="utf-8"))
    jobs = flow["jobs"]
    listing = " ".join(s.get("run", "") for s in jobs["danh-sach"]["steps"])
    assert "guongsang national check --format github" in listing and "guongsang national provinces" in listing
    assert jobs["tinh"]["strategy"]["matrix"]["tinh"] == "${{ fromJSON(needs.danh-sach.outputs.provinces) }}"
    build = " ".join(s.get("run", "") for s in jobs["tinh"]["steps"])
    assert 'guongsang build --only-province "$CODE" --site-url "${SITE_URL}${SLUG}/"' in build
    cache = next(s for s in jobs["tinh"]["steps"] if s.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == ".cache/guongsang" and "matrix.tinh.code" in cache["with"]["key"]
    assert jobs["ghep"]["needs"] == "tinh"
    assemble = " ".join(s.get("run", "") for s in jobs["ghep"]["steps"])
    assert "guongsang national assemble --shards shards --out ca-nuoc --move" in assemble


def test_shards_are_named_by_code_or_slug_and_ordered_largest_first(tmp_path, gaz):
    fake_site(tmp_path / "tinh-46", 2)
    fake_site(tmp_path / "ha-noi", 3)
    fake_site(tmp_path / "12", 0)
    found = national.read_shards(tmp_path, gaz)
    assert [(s.unit.slug, s.exemplars) for s in found] == [("ha-noi", 3), ("hue", 2), ("lai-chau", 0)]
    config = national.search_config(found, "../")
    assert [p["index"] for p in config["provinces"]] == ["ha-noi/pagefind/", "hue/pagefind/"]  # none for 0


@pytest.mark.parametrize(("folders", "message"), [
    (["tinh-46", "hue"], "Thành phố Huế đã có ở"),
    (["tinh-99"], "tên thư mục phải là mã hoặc tên tỉnh, thành phố"),
])
def test_bad_shards_are_refused_in_vietnamese(tmp_path, folders, message, capsys):
    for name in folders:
        fake_site(tmp_path / "shards" / name, 1)
    out = tmp_path / "out"
    assert main(["national", "assemble", "--shards", str(tmp_path / "shards"), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Không ghép được trang cả nước:") and message in err
    assert not out.exists()


def test_assembly_can_move_the_province_sites_instead_of_copying(tmp_path):
    fake_site(tmp_path / "shards" / "tinh-01", 2)
    fake_site(tmp_path / "shards" / "hue", 1)
    assert main(["national", "assemble", "--shards", str(tmp_path / "shards"), "--out", str(tmp_path / "out"),
                 "--move"]) == 0
    assert list((tmp_path / "shards").iterdir()) == []
    assert (tmp_path / "out" / "ha-noi" / "guong" / "guong-1" / "index.html").is_file()
    assert (tmp_path / "out" / "hue" / "index.html").is_file()
    manifest = json.loads((tmp_path / "out" / national.MANIFEST).read_text(encoding="utf-8"))
    assert [(p["slug"], p["exemplars"]) for p in manifest["provinces"]] == [("ha-noi", 2), ("hue", 1)]


def test_a_folder_that_is_not_a_built_site_is_refused(tmp_path):
    (tmp_path / "shards" / "01").mkdir(parents=True)
    with pytest.raises(national.NationalError, match="không phải trang đã xây dựng"):
        national.assemble(tmp_path / "shards", tmp_path / "out")


@pytest.fixture(scope="module")
def country(tmp_path_factory) -> Path:
    return build_national(tmp_path_factory.mktemp("national"))


@pytest.mark.slow
def test_provinces_are_placed_under_one_root_with_their_own_search(country):
    exemplars = load(Settings.at(ROOT, today=TODAY)).site.exemplars
    expected = Counter(e.locality.province.slug for e in exemplars)
    manifest = json.loads((country / national.MANIFEST).read_text(encoding="utf-8"))
    assert [(p["slug"], p["exemplars"]) for p in manifest["provinces"]] == [
        ("da-nang", expected["da-nang"]), ("ho-chi-minh", expected["ho-chi-minh"])]  # Vietnamese order
    assert manifest["exemplars"] == expected["da-nang"] + expected["ho-chi-minh"]
    for slug in PROVINCES.values():
        assert (country / slug / "index.html").is_file()
        assert (country / slug / "pagefind" / "pagefind-entry.json").is_file()
        slugs = {p.parent.name for p in (country / slug / "guong").glob("*/index.html")}
        assert slugs >= {e.slug for e in exemplars if e.locality.province.slug == slug}


@pytest.mark.slow
def test_national_home_lists_every_province_with_its_count(country):
    home = (country / "index.html").read_text(encoding="utf-8")
    assert '<html lang="vi">' in home and "Content-Security-Policy" in home
    listed = re.findall(r'<li><a href="([a-z-]+)/">([^<]+)</a>\s*<span class="gsn-count">([\d.]+) gương', home)
    assert [(slug, name) for slug, name, _ in listed] == [("da-nang", "Đà Nẵng"), ("ho-chi-minh", "Hồ Chí Minh")]
    assert 'action="tim-kiem/"' in home
    assert (country / national.ASSETS / "guongsang-national.css").is_file()


@pytest.mark.slow
def test_national_search_page_knows_every_province_index(country):
    page = (country / national.SEARCH / "index.html").read_text(encoding="utf-8")
    config = json.loads(re.search(r'id="gs-national-config">(.*?)</script>', page, re.S).group(1))
    assert config["root"] == "../"
    assert [p["slug"] for p in config["provinces"]] == ["ho-chi-minh", "da-nang"]  # the largest searched first
    for province in config["provinces"]:
        assert (country / province["index"] / "pagefind.js").is_file()
    assert 'src="../tai-nguyen/guongsang-national.js"' in page


def test_records_checked_once_are_not_checked_again_by_a_province_build(tmp_path, capsys):
    cache = tmp_path / "cache"
    assert main(["--root", str(ROOT), "national", "check", "--cache-dir", str(cache), "--today",
                          TODAY.isoformat()]) == 0
    assert (cache / national.MEMO).is_file()
    memo = StoredMemo(cache / national.MEMO)  # what ``guongsang build --only-province`` finds in its cache
    loaded = load(Settings.at(ROOT, today=TODAY, only_province="48"), memo=memo)
    assert loaded.ok and memo.seen and not memo.changed  # every record found checked, none checked anew


def test_the_country_check_reports_problems_in_the_editors_format(tmp_path, valid_text, capsys):
    records = tmp_path / "exemplars"
    records.mkdir()
    (records / "hong.md").write_text(valid_text.replace("year: 2023\n", "year: hai nghìn\n", 1), encoding="utf-8")
    assert main(["--root", str(ROOT), "national", "check", "--exemplars", str(records), "--cache-dir",
                          str(tmp_path / "cache"), "--today", TODAY.isoformat(), "--format", "github"]) == 1
    assert re.search(r"^::error file=.*hong\.md,line=\d+", capsys.readouterr().out, re.M)


def test_a_wider_search_page_is_linked_and_a_wider_bundle_merged(gaz):
    province, ward = resolve_province(gaz, "48"), resolve_area(gaz, "phường Hải Châu, Đà Nẵng")
    page = search_scope(province, "https://example.org/ca-nuoc/tim-kiem/")
    assert page == {"label": "Thành phố Đà Nẵng",
                    "page": {"url": "https://example.org/ca-nuoc/tim-kiem/?tinh=da-nang", "label": "cả nước"}}
    assert search_scope(ward, "https://example.org/ca-nuoc/tim-kiem/")["page"]["url"].endswith("?tinh=da-nang")
    bundle = search_scope(province, "https://example.org/guongsang/pagefind/")
    assert "page" not in bundle and bundle["wider"]["index"] == "https://example.org/guongsang/pagefind/"


@pytest.mark.slow
def test_a_province_search_links_to_the_national_search_the_root_has(country):
    for slug in PROVINCES.values():
        page = (country / slug / national.SEARCH / "index.html").read_text(encoding="utf-8")
        link = re.search(r'<a href="([^"]+)" data-gs-scope-page>Tìm trên cả nước</a>', page).group(1)
        assert link == f"{SITE_URL}{national.SEARCH}/?tinh={slug}" and "data-gs-scope-wider" not in page
        target = country / link.removeprefix(SITE_URL).split("?")[0] / "index.html"
        assert target.is_file()  # the national root has what the province points at
        assert f'<option value="{slug}">' in target.read_text(encoding="utf-8")
