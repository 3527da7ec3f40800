"""Output bytes (#24): a listing card is one run of tags, its initials need no class of their own, and the CSS
still draws them; every byte cut here is paid back ~15 times per exemplar across the lists. Lists of 48 cards; a
ward offers RSS only, and every feed a head announces exists."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from jinja2 import Environment, FileSystemLoader

import support
from guongsang.project import Settings, load
from guongsang.render.compact import CompactTemplates
from guongsang.render.fragments import FragmentCache

THEME = Path(__file__).resolve().parents[1] / "theme"


def _macros():
    env = Environment(loader=FileSystemLoader(THEME), autoescape=True, extensions=[FragmentCache, CompactTemplates])
    env.filters.update(url=lambda u: u, gs_picture=lambda e: None, exemplar_url=lambda e: f"guong/{e.slug}/")
    return env.get_template("partials/gs-macros.html").module


def _exemplar(award: str | None = "Bằng khen"):
    top = SimpleNamespace(form=SimpleNamespace(label=award)) if award else None
    return SimpleNamespace(slug="tran-van-an", name="Trần Văn An <&>", kind=SimpleNamespace(label="Cá nhân"),
                           locality=SimpleNamespace(province=SimpleNamespace(short="Cần Thơ")), year=2025,
                           summary="Anh An vá đường “ổ gà” mỗi sáng.", highest_award=top)


def test_a_card_is_one_run_of_tags_with_everything_a_reader_sees():
    html = str(_macros().card_article(_exemplar(), False, 2, True))
    assert "\n" not in html
    assert html == (
        '<article class="gs-card"><a class="gs-card__link" href="guong/tran-van-an/">'
        '<span class="gs-card__img" aria-hidden="true">&lt;</span>'
        '<h2 class="gs-card__name">Trần Văn An &lt;&amp;&gt;</h2>'
        '</a><p class="gs-card__meta">Cá nhân · Cần Thơ · 2025</p>'
        '<p class="gs-card__summary">Anh An vá đường “ổ gà” mỗi sáng.</p>'
        '<p class="gs-card__award">Bằng khen</p></article>')  # "Khen thưởng:" is its star's alternative text


def test_a_related_card_has_no_summary_and_a_card_without_award_no_award_line():
    html = str(_macros().card_article(_exemplar(None), False, 3, False, " gs-card--related"))
    assert html.startswith('<article class="gs-card gs-card--related">') and html.endswith("2025</p></article>")
    assert "gs-card__summary" not in html and "gs-card__award" not in html and "<h3 " in html


def test_the_initials_keep_their_style_without_a_modifier_class():
    css = (THEME / "assets/stylesheets/guongsang.css").read_text(encoding="utf-8")
    rule = next(line for line in css.splitlines() if line.startswith(".md-typeset span.gs-card__img {"))
    assert "display: flex" in rule and "background: var(--gs-red)" in rule
    assert "gs-card__img--empty" not in css
    assert '.md-typeset .gs-card__award::before { content: "★ "; content: "★ " / "Khen thưởng: "; }' in css


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("size") / "build"
    assert support.build(out) == 0
    return out, load(Settings.at(support.ROOT, today=support.TODAY)).site


@pytest.mark.slow
def test_a_list_page_holds_48_cards_and_stays_light(built):
    out, site = built
    first = (out / "guong" / "index.html").read_text(encoding="utf-8")
    assert len(site.exemplars) > 48 and first.count('<article class="gs-card"') == 48
    rest = (out / "guong" / "trang-2" / "index.html").read_text(encoding="utf-8")
    assert rest.count('<article class="gs-card"') == len(site.exemplars) - 48
    assert len(first.encode()) <= 100_000  # the sample's cards have pictures; without, ~40 KB


@pytest.mark.slow
def test_a_ward_page_offers_its_rss_only_and_every_announced_feed_exists(built):
    out, site = built
    ward = next(t for t in _walk(site.sections["places"]) if t.section == "ward" and t.count)
    html = (out / ward.url / "index.html").read_text(encoding="utf-8")
    assert {p.name for p in (out / ward.url).iterdir() if p.is_file()} == {"index.html", "rss.xml"}
    heads = re.findall(r'<link rel="alternate feed" type="([^"]+)" title="[^"]*" href="([^"]+)">', html)
    assert heads == [("application/rss+xml", "rss.xml"), ("application/rss+xml", "../../../rss.xml")]
    offered = re.search(r'<p class="gs-feeds">.*?</p>', html, re.S).group(0)
    assert re.findall(r'class="gs-feeds__link" href="([^"]+)"', offered) == ["rss.xml"]
    assert "Atom" not in offered and "JSON Feed" not in offered
    for page in out.rglob("index.html"):  # every feed a head announces is published
        text = page.read_text(encoding="utf-8")
        for href in re.findall(r'<link rel="alternate feed"[^>]* href="([^"]+)">', text):
            assert (page.parent / href).resolve().is_file(), (page, href)


def _walk(terms):
    for term in terms:
        yield term
        yield from _walk(term.children)


@pytest.mark.slow
def test_a_ward_embed_box_keeps_its_codes_and_the_options_are_explained_once(built):
    out, site = built
    ward = next(t for t in _walk(site.sections["places"]) if t.section == "ward" and t.count)
    html = (out / ward.url / "index.html").read_text(encoding="utf-8")
    box = re.search(r'<section class="gs-embed-box".*?</section>', html, re.S).group(0)
    assert "data-guongsang-place=&#34;" in box and "Sao chép mã nhúng" in box  # the snippet and its button
    assert f"nhung/{ward.url}?so-muc=5" in box  # the iframe for portals without JavaScript
    assert 'href="../../../theo-doi/#nhung"' in box and "data-theme" not in box
    assert len(box.encode()) < 1_900  # was 2,300 B on each of ~3,300 place pages at 10,000 records
    follow = (out / "theo-doi" / "index.html").read_text(encoding="utf-8")
    guide = follow[follow.index('id="nhung"'):]
    assert 'data-items="5"' in guide and 'data-theme="dark"' in guide and "giao-dien=toi" in guide


@pytest.mark.slow
def test_the_frame_rules_come_in_the_one_stylesheet_of_ours(built):
    out, site = built
    css = (out / "assets" / "stylesheets" / "guongsang.css").read_text(encoding="utf-8")
    assert ".gs-sections" in css and "size-adjust" in css  # the frame's strip of sections, the font fallback
    assert not (out / "assets" / "stylesheets" / "gs-frame.css").exists()
    for url in (f"guong/{site.exemplars[0].slug}/", "", "gioi-thieu/"):  # generated and hand-written pages
        html = (out / url / "index.html").read_text(encoding="utf-8")
        ours = re.findall(r'<link rel="stylesheet" href="([^"]*assets/stylesheets/[^"]+)">', html)
        assert [href.rsplit("/", 1)[1] for href in ours][-1:] == ["guongsang.css"], url
