"""Feeds: they parse without errors in feedparser, hold the expected items newest first, stay valid with
hostile text, and are the same from one build to the next."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import unicodedata

import feedparser
import markdown
import pytest

from guongsang.model.frontmatter import parse_text
from guongsang.model.records import Award, Image
from guongsang.model.validate import check_document
from guongsang.outputs.feeds import FEED_ITEMS, FeedContext, alternates, formats, guid, specs, write_feeds
from guongsang.site.derive import build_site
from guongsang.site.published import newest_first, published_on
from support import TODAY

HOSTILE = [
    "Bà <b>Lan</b> & “tủ sách” <script>alert(1)</script>",
    'Ông "Tư" và câu lạc bộ \'Ánh sáng\' ]]> <!-- x -->',
    "Cô giáo vùng cao 🌄📚 với 120 học trò",
    unicodedata.normalize("NFD", "Người giữ lửa ở Đắk Lắk — Nguyễn Thị Hằng"),
    "Tổ an ninh \x0b\x01 tự quản & <không> ngủ",
]


@pytest.fixture(scope="module")
def site(ctx, catalog, gaz, tmp_path_factory):
    from support import VALID

    folder = tmp_path_factory.mktemp("feeds")
    picture = folder / "anh.png"
    from PIL import Image as PILImage

    PILImage.new("RGB", (8, 6), "orange").save(picture)
    doc = parse_text(VALID, "x.md")
    base = check_document(doc, folder / "x.md", ctx)
    assert base is not None, doc.diagnostics
    exemplars = []
    for i in range(FEED_ITEMS + 7):
        title = HOSTILE[i] if i < len(HOSTILE) else f"Gương số {i} của khu phố"
        awards = (dataclasses.replace(base.awards[0], date=dt.date(2023, 12, 31) - dt.timedelta(days=3 * i)),)
        exemplars.append(dataclasses.replace(
            base, slug=f"guong-{i:03d}", title=title, name=f"Nguyễn Văn {i} <&>", year=2023, awards=awards,
            body=f"Câu chuyện {i} với [liên kết](../phong-trao/) & <b>đậm</b>.",
            images=(Image("anh.png", picture, "Ảnh <minh hoạ> & “trích”", width=8, height=6),) if i % 2 else ()))
    return build_site(exemplars, catalog, gaz)


def context(today=TODAY) -> FeedContext:
    return FeedContext("Gương sáng", "https://example.org/gs/", today, lambda e: markdown.markdown(e.body))


@pytest.fixture(scope="module")
def written(site, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    count = write_feeds(site, context(), out)
    return out, count


def test_every_feed_parses_without_errors(site, written):
    out, count = written
    assert count == sum(len(formats(spec.key)) for spec in specs(site, TODAY))
    for path in sorted(out.rglob("*.xml")):
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.version in ("rss20", "atom10")
        self_link = next(link.href for link in parsed.feed.links if link.rel == "self")
        assert self_link == f"https://example.org/gs/{path.relative_to(out).as_posix()}"
    for path in sorted(out.rglob("feed.json")):
        feed = json.loads(path.read_text(encoding="utf-8"))
        assert feed["version"] == "https://jsonfeed.org/version/1.1"
        assert {"title", "home_page_url", "feed_url", "items"} <= feed.keys()
        assert all({"id", "url", "title", "summary", "date_published"} <= item.keys() for item in feed["items"])
        assert all(item.keys() & {"content_html", "content_text"} for item in feed["items"])  # JSON Feed needs one


@pytest.mark.parametrize("name", ["rss.xml", "atom.xml"])
def test_site_feed_holds_the_newest_items_in_order_with_hostile_titles_intact(site, written, name):
    out, _ = written
    parsed = feedparser.parse((out / name).read_bytes())
    expected = newest_first(site.exemplars, TODAY)[:FEED_ITEMS]
    assert [e.title for e in parsed.entries] == [unicodedata.normalize("NFC", x.title).replace("\x0b", "")
                                                 .replace("\x01", "") for x in expected]
    assert [e.id for e in parsed.entries] == [guid(x) for x in expected]
    dates = [e.published_parsed for e in parsed.entries]
    assert dates == sorted(dates, reverse=True)
    titles = [e.title for e in parsed.entries]
    assert titles[:3] == HOSTILE[:3]  # newest first; markup, quotes and emoji kept as text
    assert titles[3] == unicodedata.normalize("NFC", HOSTILE[3])
    assert titles[4] == "Tổ an ninh  tự quản & <không> ngủ"  # control characters dropped


def test_items_carry_full_text_summary_image_and_absolute_links(site, written):
    out, _ = written
    feed = json.loads((out / "feed.json").read_text(encoding="utf-8"))
    first = feed["items"][0]
    exemplar = next(e for e in site.exemplars if guid(e) == first["id"])
    assert first["url"] == f"https://example.org/gs/guong/{exemplar.slug}/"
    assert first["summary"] == exemplar.summary
    assert f"Câu chuyện {exemplar.slug[-3:].lstrip('0') or '0'}" in first["content_html"]
    assert 'href="https://example.org/gs/guong/phong-trao/"' in first["content_html"]  # relative link made absolute
    assert "&lt;&amp;&gt;" in first["content_html"]  # the name is text, never markup
    with_image = [item for item in feed["items"] if "image" in item]
    assert with_image and with_image[0]["attachments"][0]["mime_type"] == "image/png"
    rss = feedparser.parse((out / "rss.xml").read_bytes())
    enclosures = [e.enclosures[0] for e in rss.entries if e.enclosures]
    assert enclosures and int(enclosures[0]["length"]) > 0 and enclosures[0]["type"] == "image/png"


def test_each_feed_is_bounded_and_the_guid_is_stable(site):
    assert all(len(spec.items) <= FEED_ITEMS for spec in specs(site, TODAY))
    assert len(site.exemplars) > FEED_ITEMS
    e = site.exemplars[0]
    assert guid(e) == guid(dataclasses.replace(e, title="Một tiêu đề khác hẳn"))
    assert guid(e) != guid(site.exemplars[1])


def test_dates_come_from_the_record_and_never_pass_the_build_date(site):
    e = site.exemplars[0]
    assert e.consent is None  # the public view (privacy.public) carries no consent details, nor their date
    assert published_on(e, TODAY) == max([a.date for a in e.awards if a.date] + [s.date for s in e.sources if s.date]
                                         + [dt.date(e.year, 1, 1)])
    assert published_on(e, dt.date(2023, 1, 1)) == dt.date(2023, 1, 1)
    bare = dataclasses.replace(e, awards=(Award(e.awards[0].form, e.awards[0].level, 2023),), sources=(),
                               consent=None)
    assert published_on(bare, TODAY) == dt.date(2023, 1, 1)


def test_feeds_are_identical_from_one_build_to_the_next(site, written, tmp_path):
    out, _ = written
    write_feeds(site, context(), tmp_path)
    for path in sorted(out.rglob("*")):
        if path.is_file():
            assert (tmp_path / path.relative_to(out)).read_bytes() == path.read_bytes(), path


def test_term_feeds_follow_their_list_and_pages_announce_them(site):
    by_key = {spec.key: spec for spec in specs(site, TODAY)}
    movement = site.exemplars[0].movements[0]
    spec = by_key[f"movement/{movement.code}"]
    assert spec.base == f"phong-trao/{movement.code}/"
    assert spec.items == newest_first(site.term("movement", movement.code).exemplars, TODAY)[:FEED_ITEMS]
    province = site.exemplars[0].locality.province
    assert f"province/{province.key}" in by_key
    district = site.exemplars[0].locality.legacy_district
    assert any(key.startswith("district/") and key.endswith(district.key) for key in by_key)
    term = site.term("movement", movement.code)
    links = alternates(term)
    assert [href for _, _, href in links][:3] == [f"{term.url}rss.xml", f"{term.url}atom.xml", f"{term.url}feed.json"]
    assert alternates(site.term("year", "2023"))[0][2] == "rss.xml"  # no feed of its own: the site's


def test_only_the_site_and_column_feeds_carry_the_story_the_others_title_summary_image_link(site, written):
    out, _ = written
    exemplar = site.exemplars[0]
    ward = exemplar.locality.ward
    term = site.term("ward", f"{exemplar.locality.province.key}/{ward.key}")
    assert term is not None and (out / term.url / "rss.xml").is_file()  # a current ward has its feed (RSS only)
    rss = feedparser.parse((out / term.url / "rss.xml").read_bytes())
    assert not rss.bozo and all("content" not in e and e.summary for e in rss.entries)
    movement = site.term("movement", exemplar.movements[0].code)
    for each in (movement, site.term("province", exemplar.locality.province.key)):
        url = each.url
        feed = json.loads((out / url / "feed.json").read_text(encoding="utf-8"))
        assert len(feed["items"]) == min(FEED_ITEMS, len(each.exemplars))
        assert all("content_html" not in item and item["content_text"] == item["summary"] for item in feed["items"])
        assert any("image" in item for item in feed["items"]) and all(item["url"] for item in feed["items"])
        rss = feedparser.parse((out / url / "rss.xml").read_bytes())
        assert not rss.bozo and all("content" not in e and e.summary for e in rss.entries)
        assert "Câu chuyện" not in (out / url / "atom.xml").read_text(encoding="utf-8")
    full = json.loads((out / "feed.json").read_text(encoding="utf-8"))
    assert len(full["items"]) == FEED_ITEMS == 20 and all("Câu chuyện" in i["content_html"] for i in full["items"])


def test_column_feeds_carry_the_full_story(site, tmp_path):
    from guongsang.site.derive import Term

    column = Term("column", "cot", "Chuyên mục thử", "chuyen-muc/cot/", exemplars=site.exemplars[:3])
    site = dataclasses.replace(site, columns=[column])
    write_feeds(site, context(), tmp_path)
    feed = json.loads((tmp_path / "chuyen-muc/cot/feed.json").read_text(encoding="utf-8"))
    assert len(feed["items"]) == 3 and all("Câu chuyện" in item["content_html"] for item in feed["items"])
