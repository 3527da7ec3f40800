"""The page frame of our own (guongsang.render): generated pages rendered without MkDocs' page machinery, one
header, six sections, a breadcrumb, a Vietnamese footer; no developer chrome; no page for an empty term."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import support

pytestmark = pytest.mark.slow

OFFICE = ("Ban Thi đua – Khen thưởng (trang mẫu)", "Số 1 đường Mẫu, phường Khương Đình, Thành phố Hà Nội",
          "guongsang@example.vn")
# Bytes of a generated page outside its content (head, header, sections, breadcrumb, footer): an exemplar page's,
# any page's (long titles come back in the title, the meta, the breadcrumb and its JSON-LD).
FRAME_BUDGET = {"exemplar": 6_500, "any": 8_000}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The sample built once, counting the pages MkDocs makes page objects for."""
    from mkdocs.structure import pages

    made: list[str] = []
    original = pages.Page.__init__

    def counted(self, title, file, config):
        made.append(file.src_uri)
        original(self, title, file, config)

    pages.Page.__init__ = counted
    try:
        out = tmp_path_factory.mktemp("frame") / "build"
        assert support.build(out) == 0
    finally:
        pages.Page.__init__ = original
    from guongsang.project import Settings, load

    site = load(Settings.at(support.ROOT, today=support.TODAY)).site
    return out, site, made


def _html(out: Path, url: str) -> str:
    return (out / url / "index.html").read_text(encoding="utf-8")


def test_mkdocs_makes_page_objects_for_hand_written_pages_only(built):
    _, site, made = built
    generated = {page.src_uri for page in site.pages}
    assert made and not set(made) & generated, sorted(set(made) & generated)[:5]
    assert set(made) <= {str(p.relative_to(support.ROOT / "content")) for p in (support.ROOT / "content").rglob("*.md")}


def test_every_generated_page_has_the_frame_a_breadcrumb_and_its_json_ld(built):
    out, site, _ = built
    for page in site.pages:
        html = _html(out, page.url)
        assert html.count('<nav class="md-tabs gs-sections"') == 1, page.url
        tabs = re.search(r'<ul class="md-tabs__list">(.*?)</ul>', html, re.S)[1]
        assert 1 < tabs.count("<li>") <= 6, page.url
        assert '<nav class="gs-crumbs" aria-label="Vị trí trang">' in html, page.url
        found = [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]
        data = next(d for d in found if d["@type"] == "BreadcrumbList")
        assert data["itemListElement"] and data["itemListElement"][0]["name"] == "Trang chủ", page.url
        assert data["itemListElement"][-1]["name"] == page.title, page.url
        assert "bundle." not in html, page.url  # no Material script on a generated page
        assert not re.search(r'<script(?![^>]*\bsrc=)(?![^>]*type="application/(?:ld\+)?json")', html), page.url


def test_the_current_section_is_marked_on_exemplar_and_listing_pages(built):
    out, site, _ = built
    exemplar = _html(out, f"guong/{site.exemplars[0].slug}/")
    marked = re.findall(r'<a href="[^"]*" aria-current="(?:true|page)">([^<]+)</a></li>', exemplar)
    assert marked[0] == "Gương điển hình"
    movement = next(t for t in site.sections["movements"] if t.count)
    listing = _html(out, movement.url)
    assert '<a href="../" aria-current="true">Phong trào</a>' in listing  # the entry within the section
    plan = _html(out, "ke-hoach/thanh-xuan-2023/")
    assert 'aria-current="true">Dành cho cán bộ</a>' in plan


def test_no_developer_chrome_and_a_vietnamese_footer_naming_the_office_on_every_page(built):
    out, _, _ = built
    pages = sorted(out.rglob("*.html"))
    for path in pages:
        if path.relative_to(out).parts[0] == "nhung":
            continue  # embeds: no chrome at all
        html = path.read_text(encoding="utf-8")
        assert "Made with" not in html and "md-source" not in html and "md-content__button" not in html, path
        assert "github.com/guongsang" not in html.split('<article class="md-content__inner')[0], path
        footer = html[html.index('<footer class="md-footer gs-footer">'):]
        assert all(part in footer for part in OFFICE), path
        assert f'href="mailto:{OFFICE[2]}"' in footer, path


def test_no_page_for_a_term_with_no_public_exemplar(built):
    out, site, _ = built
    from guongsang.model.catalogues import load_catalog

    catalog = load_catalog(support.ROOT / "content" / "catalog")[0]
    for section, entries, root in (("awards", catalog.award_forms, "khen-thuong"), ("movements", catalog.movements,
                                   "phong-trao"), ("fields", catalog.fields, "linh-vuc"), ("kinds", catalog.kinds,
                                   "doi-tuong")):
        assert all(term.count for term in site.sections[section]), section
        listed = {term.key for term in site.sections[section]}
        for entry in entries:
            assert (out / root / entry.code).is_dir() == (entry.code in listed), (section, entry.code)
    assert len({e.code for e in catalog.award_forms}) > len(site.sections["awards"])  # some award forms unused


def test_the_frame_costs_little_on_every_generated_page(built):
    """What a generated page carries besides its content (head, header, sections, breadcrumb, footer)."""
    out, site, _ = built
    worst = {"exemplar": 0, "any": 0}
    for page in site.pages:
        raw = (out / page.url / "index.html").read_bytes()
        start = raw.index(b'<article class="md-content__inner md-typeset">')
        own = sum(len(block) for block in re.findall(rb'<script type="application/ld\+json">.*?</script>', raw, re.S)
                  if b'"BreadcrumbList"' not in block)  # the page's own structured data is content, not frame
        frame = len(raw) - (raw.rindex(b"</article>") - start) - own
        for kind in ("any", page.kind) if page.kind == "exemplar" else ("any",):
            worst[kind] = max(worst[kind], frame)
    assert worst["exemplar"] and all(worst[k] <= FRAME_BUDGET[k] for k in worst), worst
