"""The derived site: which pages exist, their URLs, pagination and bounded lists."""

import dataclasses
from collections import Counter

import pytest

from guongsang.model.frontmatter import parse_text
from guongsang.model.validate import check_document
from guongsang.project import Settings, load
from guongsang.site.derive import Pagination, build_site, exemplar_url, paged_url
from support import TODAY


@pytest.fixture(scope="module")
def sample(root):
    loaded = load(Settings.at(root, today=TODAY))
    assert loaded.ok, loaded.diagnostics
    return loaded.site


def many(ctx, tmp_path, valid_text, count):
    doc = parse_text(valid_text, "x.md")
    base = check_document(doc, tmp_path / "x.md", ctx)
    assert base is not None, doc.diagnostics
    return [dataclasses.replace(base, slug=f"guong-{i:04d}", name=f"Nguyễn Văn {i}", year=2021 + i % 5)
            for i in range(count)]


def test_every_record_and_taxonomy_value_has_a_page(sample):
    urls = {p.url for p in sample.pages}
    for e in sample.exemplars:
        assert exemplar_url(e.slug) in urls
        assert f"nam/{e.year}/" in urls
        assert f"doi-tuong/{e.kind.code}/" in urls
        assert f"linh-vuc/{e.field.code}/" in urls
        assert all(f"phong-trao/{m.code}/" in urls for m in e.movements)
        assert all(f"khen-thuong/{a.form.code}/" in urls for a in e.awards)
        assert f"dia-phuong/{e.locality.province.slug}/" in urls
        if e.locality.ward:
            assert f"dia-phuong/{e.locality.province.slug}/{e.locality.ward.slug}/" in urls
        if e.locality.legacy_district:
            legacy = e.locality.legacy_province.slug
            assert f"dia-phuong/truoc-2025/{legacy}/{e.locality.legacy_district.slug}/" in urls
    for section in ("phong-trao/", "dia-phuong/", "dia-phuong/truoc-2025/", "linh-vuc/", "doi-tuong/", "nam/",
                    "khen-thuong/", "guong/", "gioi-thieu/ma-loi/"):
        assert section in urls


def test_urls_are_unique(sample):
    duplicates = [u for u, n in Counter(p.url for p in sample.pages).items() if n > 1]
    assert duplicates == []


def test_catalogue_sections_list_every_entry_even_empty(sample):
    assert len(sample.sections["movements"]) == len(sample.catalog.movements)
    assert len(sample.sections["fields"]) == len(sample.catalog.fields)


def test_drafts_are_not_published(ctx, tmp_path, valid_text, catalog, gaz):
    items = many(ctx, tmp_path, valid_text, 3)
    items[0] = dataclasses.replace(items[0], draft=True)
    site = build_site(items, catalog, gaz)
    assert items[0].slug not in site.by_slug
    assert exemplar_url(items[0].slug) not in {p.url for p in site.pages}


def test_lists_are_paginated_and_related_is_bounded(ctx, tmp_path, valid_text, catalog, gaz):
    items = many(ctx, tmp_path, valid_text, 53)
    site = build_site(items, catalog, gaz, per_page=10)
    listings = [p for p in site.pages if p.kind == "listing"]
    assert max(len(p.items) for p in listings) == 10
    everyone = [p for p in listings if p.term.key == "all"]
    assert [len(p.items) for p in everyone] == [10, 10, 10, 10, 10, 3]
    assert [p.url for p in everyone][:2] == ["guong/", "guong/trang-2/"]
    for page in site.pages:
        if page.kind == "exemplar":
            assert 0 < len(page.related) <= 6
            assert page.exemplar not in page.related


def test_lists_are_newest_first_then_by_given_name(ctx, tmp_path, valid_text, catalog, gaz):
    site = build_site(many(ctx, tmp_path, valid_text, 10), catalog, gaz)
    keys = [(-e.year, e.name_key) for e in site.exemplars]
    assert keys == sorted(keys)


def test_pagination_window():
    p = Pagination(6, 20, "guong/")
    assert p.prev_url == "guong/trang-5/" and p.next_url == "guong/trang-7/"
    assert [n for n, _ in p.window()] == [1, None, 4, 5, 6, 7, 8, None, 20]
    assert paged_url("nam/2023/", 1) == "nam/2023/"
