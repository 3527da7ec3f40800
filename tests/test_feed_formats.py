"""Feed formats (#24): the thousands of ward and legacy-district lists have RSS 2.0 only, the lists above them
all three formats, and every feed a page or the "Theo dõi" links announce exists."""

from __future__ import annotations

import feedparser
import pytest

from guongsang.outputs.feeds import alternates, formats, list_feeds, specs, write_feeds
from support import TODAY
from test_feeds import context, site  # noqa: F401  (the fixture)


@pytest.fixture(scope="module")
def out(site, tmp_path_factory):  # noqa: F811
    folder = tmp_path_factory.mktemp("formats")
    write_feeds(site, context(), folder)
    return folder


def test_wards_and_legacy_districts_have_rss_only_the_other_lists_all_three(site, out):  # noqa: F811
    by_section = {}
    for spec in specs(site, TODAY):
        by_section.setdefault(spec.key.split("/")[0], []).append(spec)
    assert {"ward", "district", "province", "movement", "site"} <= by_section.keys()
    for section, expected in (("ward", {"rss.xml"}), ("district", {"rss.xml"}),
                              ("province", {"rss.xml", "atom.xml", "feed.json"}),
                              ("movement", {"rss.xml", "atom.xml", "feed.json"})):
        for spec in by_section[section]:
            assert {p.name for p in (out / spec.base).iterdir() if p.is_file()} == expected, spec.key
            assert not feedparser.parse((out / spec.base / "rss.xml").read_bytes()).bozo
    assert {p.name for p in out.iterdir() if p.is_file()} == {"rss.xml", "atom.xml", "feed.json"}
    assert formats("ward/x/y") == ("rss",) and formats("site") == ("rss", "atom", "json")


def test_every_announced_feed_exists(site, out):  # noqa: F811
    exemplar = site.exemplars[0]
    loc = exemplar.locality
    terms = [site.term("ward", f"{loc.province.key}/{loc.ward.key}"), site.term("province", loc.province.key),
              site.term("movement", exemplar.movements[0].code), site.term("year", "2023"), None]
    for term in terms:
        links = alternates(term)
        assert links and all((out / href).is_file() for _, _, href in links), term
    ward = site.term("ward", f"{loc.province.key}/{loc.ward.key}")
    assert [href for _, _, href in alternates(ward)] == [f"{ward.url}rss.xml", "rss.xml"]  # the site's in RSS
    assert len(alternates(site.term("year", "2023"))) == 3  # no feed of its own: the site's three
    assert [f for f, _, _ in list_feeds(ward)] == ["rss"] and list_feeds(site.term("year", "2023")) == []
