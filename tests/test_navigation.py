"""The site's sections, a page's place among them and its breadcrumb (guongsang.render.navigation), and the
relative addresses the frame prints (guongsang.render.urls)."""

from __future__ import annotations

import json

import pytest
import yaml

from guongsang.render.navigation import Link, breadcrumb_json, from_config, nav_sources, page_url, without
from guongsang.render.urls import page_relative, relative_url
from support import ROOT


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@pytest.fixture(scope="module")
def nav():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    titles = {"guong/phong-trao-x/": "Phong trào X", "phong-trao/hien-mau/": "Hiến máu tình nguyện",
              "guong/": "Tất cả gương điển hình"}
    return from_config(config["nav"], titles)


def test_at_most_six_sections_with_staff_material_in_its_own(nav):
    titles = [s.title for s in nav.sections]
    assert len(titles) <= 6 and titles[0] == "Trang chủ" and titles[-1] == "Dành cho cán bộ"
    staff = nav.sections[-1]
    assert {c.url for c in staff.children} >= {"ke-hoach/", "gioi-thieu/ma-loi/", "gioi-thieu/de-xuat/"}
    public = {c.url for s in nav.sections[:-1] for c in s.links()}
    assert not public & {"ke-hoach/", "gioi-thieu/ma-loi/", "gioi-thieu/de-xuat/", "gioi-thieu/cuoc-thi/"}


@pytest.mark.parametrize(("url", "section"), [
    ("", "Trang chủ"), ("guong/nguyen-van-a/", "Gương điển hình"), ("phong-trao/hien-mau/trang-2/", "Gương điển hình"),
    ("dia-phuong/truoc-2025/ha-noi/", "Địa phương"), ("cuoc-thi/thanh-xuan-2024/bai/x/", "Chuyên mục"),
    ("gioi-thieu/", "Giới thiệu"), ("gioi-thieu/ma-loi/", "Dành cho cán bộ"),
    ("ke-hoach/da-lat-2023/", "Dành cho cán bộ"),
    ("gioi-thieu/de-xuat/", "Dành cho cán bộ"), ("gui-cau-chuyen/", "Giới thiệu"),
])
def test_a_page_belongs_to_the_section_with_the_longest_matching_address(nav, url, section):
    assert nav.current(url).title == section


def test_pages_outside_every_section_belong_to_none(nav):
    assert nav.current("tim-kiem/") is None and nav.current("404.html") is None


def test_breadcrumb_names_section_entry_and_the_pages_above(nav):
    crumbs = nav.crumbs("phong-trao/hien-mau/trang-2/", "Hiến máu tình nguyện — trang 2")
    assert crumbs == [Link("Trang chủ", ""), Link("Gương điển hình", "guong/"), Link("Phong trào", "phong-trao/"),
                      Link("Hiến máu tình nguyện", "phong-trao/hien-mau/"),
                      Link("Hiến máu tình nguyện — trang 2", "phong-trao/hien-mau/trang-2/")]
    assert nav.crumbs("guong/a/", "A") == [Link("Trang chủ", ""), Link("Gương điển hình", "guong/"),
                                           Link("A", "guong/a/")]
    assert nav.crumbs("", "Trang chủ") == []


def test_breadcrumb_json_ld_is_a_breadcrumb_list_that_cannot_close_its_script():
    crumbs = [Link("Trang chủ", ""), Link("Gương điển hình", "guong/"), Link("A </script> B", "guong/a/")]
    text = str(breadcrumb_json(crumbs, "https://example.vn/gs/"))
    assert "</script>" not in text
    data = json.loads(text)
    assert data["@type"] == "BreadcrumbList"
    items = data["itemListElement"]
    assert [i["position"] for i in items] == [1, 2, 3]
    assert items[1]["item"] == "https://example.vn/gs/guong/" and "item" not in items[2]
    assert items[2]["name"] == "A </script> B"


def test_mkdocs_sees_only_the_hand_written_entries():
    nav = [{"Trang chủ": "index.md"}, {"Gương": ["guong/index.md", {"Phong trào": "phong-trao/index.md"}]},
           {"Giới thiệu": ["gioi-thieu/index.md", {"Mã lỗi": "gioi-thieu/ma-loi/index.md"}]}]
    generated = {"guong/index.md", "phong-trao/index.md", "gioi-thieu/ma-loi/index.md"}
    assert without(nav, generated) == [{"Trang chủ": "index.md"}, {"Giới thiệu": ["gioi-thieu/index.md"]}]
    assert nav_sources(nav) == ["index.md", "guong/index.md", "phong-trao/index.md", "gioi-thieu/index.md",
                                "gioi-thieu/ma-loi/index.md"]
    assert [page_url(p) for p in ("index.md", "guong/index.md", "gioi-thieu/de-xuat.md", "https://x.vn/")] == [
        "", "guong/", "gioi-thieu/de-xuat/", "https://x.vn/"]


@pytest.mark.parametrize(("path", "page", "expected"), [
    ("guong/", "guong/a/", "../"), ("", "guong/a/", "../.."), (".", "", "."),
    ("assets/x.css", "a/b/c/", "../../../assets/x.css"),
    ("#top", "a/", "#top"), ("https://x.vn/", "a/", "https://x.vn/"), ("/abs/", "a/", "/abs/"),
    ("tim-kiem/?q=1", "guong/", "../tim-kiem/?q=1"), ("sitemap.xml", "404.html", "sitemap.xml"),
])
def test_addresses_are_printed_relative_to_the_page(path, page, expected):
    assert page_relative(path, page) == expected


def test_relative_url_skips_a_file_name_and_keeps_a_trailing_slash():
    assert relative_url("guong/", "a/index.html") == "../guong/"
    assert relative_url("a/b", "a/") == "b"
