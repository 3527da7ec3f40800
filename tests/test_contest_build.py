"""The sample site built on three days of the Ninh Hòa 2025 contest: before launch, while it takes entries, and
after its results. Each build is checked for the contest's state, countdown, visible entries, results,
participation figures (against the entry files themselves), links both ways with exemplars, and search."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from guongsang.outputs.search import _read_pf
from support import ROOT
from test_build import _build, broken_links

pytestmark = pytest.mark.slow

CONTESTS = ROOT / "content" / "contests"
NH, TX = "ninh-hoa-2025", "thanh-xuan-2024"
BEFORE, DURING, AFTER = "2025-08-15", "2025-11-01", "2026-01-10"
VALID = {"valid", "shortlisted", "prize"}


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    out = {}
    for day in (BEFORE, DURING, AFTER):
        out[day] = tmp_path_factory.mktemp("contest-site") / "build"
        assert _build(ROOT, out[day], today=day) == 0
    return out


def fixtures(contest: str) -> list[dict]:
    """The entry files as plain YAML, read without guongsang: the oracle for the figures on the pages."""
    found = []
    for file in sorted((CONTESTS / contest / "entries").glob("*.md")):
        header = file.read_text(encoding="utf-8").split("---")[1]
        data = yaml.safe_load(header)
        found.append({**data, "slug": file.stem, "submitted": str(data["submitted"])})
    return found


def units(contest: str) -> list[dict]:
    return yaml.safe_load((CONTESTS / f"{contest}.yml").read_text(encoding="utf-8"))["units"]


class _Text(HTMLParser):
    """Visible text of a page (hidden elements, scripts and styles left out), and its table rows as cell texts."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None
        self._skip: tuple[str, int] | None = None  # the hidden element being skipped, and its nesting depth

    def handle_starttag(self, tag, attrs):
        if self._skip:
            if tag == self._skip[0]:
                self._skip = (tag, self._skip[1] + 1)
            return
        if tag in ("script", "style") or any(name == "hidden" for name, _ in attrs):
            self._skip = (tag, 1)
        elif tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if self._skip:
            if tag == self._skip[0]:
                self._skip = (tag, self._skip[1] - 1) if self._skip[1] > 1 else None
            return
        if tag in ("td", "th") and self._cell is not None and self.rows:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data):
        if self._skip:
            return
        self.parts.append(data)
        if self._cell is not None:
            self._cell.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())


def page(site: Path, url: str) -> _Text:
    parser = _Text()
    parser.feed((site / url / "index.html").read_text(encoding="utf-8"))
    return parser


def state(site: Path, contest: str) -> str:
    html = (site / "cuoc-thi" / contest / "index.html").read_text(encoding="utf-8")
    return re.search(r'<span class="gs-state gs-state--\w+"[^>]*>([^<]+)</span>', html).group(1)


def entry_pages(site: Path, contest: str) -> set[str]:
    folder = site / "cuoc-thi" / contest / "bai"
    return {p.name for p in folder.iterdir()} if folder.is_dir() else set()


def expected_public(contest: str, day: str) -> list[dict]:
    return [e for e in fixtures(contest) if e["submitted"] <= day and e["status"] in VALID]


def test_state_and_countdown_follow_the_build_date(sites):
    assert [state(sites[d], NH) for d in (BEFORE, DURING, AFTER)] == ["Sắp diễn ra", "Đang nhận bài", "Đã có kết quả"]
    assert [state(sites[d], TX) for d in (BEFORE, DURING, AFTER)] == ["Đã có kết quả"] * 3
    assert "Phát động: 15/09/2025 — còn 31 ngày" in page(sites[BEFORE], f"cuoc-thi/{NH}").text
    assert "Hạn nộp bài: 30/11/2025 — còn 29 ngày" in page(sites[DURING], f"cuoc-thi/{NH}").text
    after = page(sites[AFTER], f"cuoc-thi/{NH}").text
    assert "còn" not in after.split("Giới thiệu")[0]  # the ceremony (26/12/2025) is over: no countdown


def test_before_launch_nothing_is_public(sites):
    site = sites[BEFORE]
    assert entry_pages(site, NH) == set()
    assert "Cuộc thi chưa phát động; nhận bài từ ngày 15/09/2025." in page(site, f"cuoc-thi/{NH}/bai-du-thi").text
    assert "Kết quả được công bố ngày 22/12/2025" in page(site, f"cuoc-thi/{NH}/ket-qua").text
    assert "0/8 đơn vị đã gửi bài: 0%" in page(site, f"cuoc-thi/{NH}/don-vi").text


def test_while_open_only_valid_entries_received_so_far_are_public_and_no_prize_shows(sites):
    site = sites[DURING]
    public = expected_public(NH, DURING)
    assert len(public) == 6
    assert entry_pages(site, NH) == {e["slug"] for e in public}  # public_before_results: full
    listing = page(site, f"cuoc-thi/{NH}/bai-du-thi").text
    assert "6 bài hợp lệ đã nhận đến 01/11/2025" in listing
    for item in fixtures(NH):
        assert (item["title"] in listing) == (item in public), item["slug"]
    for url in [f"cuoc-thi/{NH}", f"cuoc-thi/{NH}/bai-du-thi", f"cuoc-thi/{NH}/ket-qua",
                *(f"cuoc-thi/{NH}/bai/{e['slug']}" for e in public)]:
        text = page(site, url).text
        assert not re.search(r"Giải (Nhất|Nhì|Ba|Khuyến khích) \(|Vào chung khảo|Đạt giải", text), url
    assert "Kết quả được công bố ngày 22/12/2025" in page(site, f"cuoc-thi/{NH}/ket-qua").text


def test_after_results_every_valid_entry_and_the_prizes_are_public(sites):
    site = sites[AFTER]
    public = expected_public(NH, AFTER)
    assert entry_pages(site, NH) == {e["slug"] for e in public}
    assert "hop-tac-xa-tren-dat-doi" not in entry_pages(site, NH)  # ruled invalid: never published
    results = page(site, f"cuoc-thi/{NH}/ket-qua").text
    assert "7 bài đạt giải trên 11 bài hợp lệ của 7 đơn vị" in results
    sections = re.split(r"(?=Giải (?:Nhất|Nhì|Ba|Khuyến khích) \()", results)
    winners = {s.split(" (")[0]: s for s in sections if s.startswith("Giải ")}
    labels = {"nhat": "Giải Nhất", "nhi": "Giải Nhì", "ba": "Giải Ba", "khuyen-khich": "Giải Khuyến khích"}
    for item in fixtures(NH):
        for rank, label in labels.items():
            assert (item["title"] in winners[label]) == (item.get("prize") == rank), (item["slug"], rank)
    assert "Giải Nhất (1/1 giải, mỗi giải 3.000.000 đồng)" in results


@pytest.mark.parametrize("day", [BEFORE, DURING, AFTER])
@pytest.mark.parametrize("contest", [NH, TX])
def test_participation_table_matches_the_fixtures(sites, day, contest):
    announced = day >= {NH: "2025-12-22", TX: "2024-08-20"}[contest]
    table = page(sites[day], f"cuoc-thi/{contest}/don-vi")
    rows = {r[0]: r[1:] for r in table.rows[1:-1]}
    received = [e for e in fixtures(contest) if e["submitted"] <= day]
    took_part = 0
    for unit in units(contest):
        mine = [e for e in received if e["unit"] == unit["code"]]
        valid = sum(e["status"] in VALID for e in mine)
        prizes = str(sum("prize" in e for e in mine)) if announced else "—"
        assert rows[unit["name"]] == [str(len(mine)), str(valid), prizes], (day, unit["name"])
        took_part += any(e["status"] != "invalid" for e in mine)
    total = len(units(contest))
    percent = f"{round(100 * took_part / total, 1):.1f}".removesuffix(".0").replace(".", ",")
    assert f"{took_part}/{total} đơn vị đã gửi bài: {percent}%, chỉ tiêu 100%" in table.text
    assert table.rows[-1][1:] == [str(len(received)), str(sum(e["status"] in VALID for e in received)),
                                  str(sum("prize" in e for e in received)) if announced else "—"]


def test_participation_headline_figures(sites):
    assert "6/8 đơn vị đã gửi bài: 75%" in page(sites[DURING], f"cuoc-thi/{NH}/don-vi").text
    after = page(sites[AFTER], f"cuoc-thi/{NH}/don-vi").text
    assert "7/8 đơn vị đã gửi bài: 87,5%" in after and "Đơn vị chưa tham gia (1) UBND xã Hòa Trí" in after
    tx = page(sites[DURING], f"cuoc-thi/{TX}/don-vi").text
    assert "11/16 đơn vị đã gửi bài: 68,8%" in tx and "còn 5 đơn vị chưa tham gia" in tx
    assert "Phường: 9/11 đơn vị đã tham gia" in tx and "Đoàn thể: 1/3 đơn vị đã tham gia" in tx


def test_exemplar_pages_link_to_published_entries_about_them(sites):
    exemplar = "guong/cau-lac-bo-hien-mau-giot-hong-ninh-hoa"
    during = page(sites[DURING], exemplar).text
    after = page(sites[AFTER], exemplar).text
    assert "Bài dự thi viết về gương này" in during
    assert "“Giọt Hồng” sẵn sàng hai mươi bốn giờ mỗi ngày" in during
    assert "Những người đi hiến máu" not in during  # sent on 25/11/2025
    assert "Những người đi hiến máu" in after and "Giải Nhất" in after
    html = (sites[DURING] / exemplar / "index.html").read_text(encoding="utf-8")
    assert f'href="../../cuoc-thi/{NH}/bai/giot-hong-san-sang-24-7/"' in html
    entry = (sites[DURING] / "cuoc-thi" / NH / "bai" / "giot-hong-san-sang-24-7" / "index.html").read_text("utf-8")
    assert 'href="../../../../guong/cau-lac-bo-hien-mau-giot-hong-ninh-hoa/"' in entry


def _facet(site: Path, name: str) -> dict[str, int]:
    bundle = site / "pagefind"
    info = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]["vi"]
    meta = _read_pf(bundle / f"pagefind.{info['hash']}.pf_meta")
    digest = dict(meta[3])[name]
    return {value: len(pages) for value, pages in _read_pf(bundle / "filter" / f"{digest}.pf_filter")[1]}


def test_published_entries_are_searchable_with_their_own_facet(sites):
    for day in (DURING, AFTER):
        published = sum(len(entry_pages(sites[day], c)) for c in (NH, TX))
        assert _facet(sites[day], "loai")["Bài dự thi"] == published
        exemplars = [p for p in (sites[day] / "guong").glob("*/index.html") if not p.parent.name.startswith("trang-")]
        assert _facet(sites[day], "loai")["Gương điển hình"] == len(exemplars)


def test_contest_sources_are_not_published_and_links_resolve(sites):
    for site in sites.values():
        assert not (site / "contests").exists()
        assert broken_links(site) == []


def test_states_are_the_same_on_the_model(root):
    from guongsang.project import Settings, load

    for day, expected in ((BEFORE, "upcoming"), (DURING, "open"), (AFTER, "results")):
        site = load(Settings.at(root, today=dt.date.fromisoformat(day))).site
        assert {v.slug: v.state for v in site.contests.views}[NH] == expected


def test_home_page_points_to_contests_not_yet_closed(sites):
    assert "Cuộc thi viết" not in page(sites[AFTER], "").text.split("Mới cập nhật")[1].split("Theo phong trào")[0]
    during = page(sites[DURING], "").text
    assert "khu vực Ninh Hòa năm 2025 Đang nhận bài · Hạn nộp bài: 30/11/2025 · 6/8 đơn vị đã gửi bài" in during
    assert "quận Thanh Xuân năm 2024 Đã có kết quả" not in during


@pytest.mark.parametrize("day", [DURING, AFTER])
def test_participation_csv_matches_the_table(sites, day):
    import csv

    table = page(sites[day], f"cuoc-thi/{NH}/don-vi")
    raw = (sites[day] / "cuoc-thi" / NH / "don-vi" / "don-vi.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["Mã đơn vị", "Đơn vị", "Khối", "Bài dự thi", "Bài hợp lệ", "Giải", "Đã tham gia"]
    shown = {r[0]: r[1:] for r in table.rows[1:-1]}
    for _code, name, group, entries, valid, prizes, took_part in rows[1:-1]:
        assert shown[name] == [entries, valid, prizes or "—"] and group
        assert took_part in ("có", "chưa")
    assert rows[-1][-1] == {DURING: "6/8", AFTER: "7/8"}[day]
    assert 'href="don-vi.csv" download' in (sites[day] / "cuoc-thi" / NH / "don-vi" / "index.html").read_text("utf-8")


def test_contest_links_to_the_plan_it_serves(sites):
    html = (sites[DURING] / "cuoc-thi" / TX / "index.html").read_text(encoding="utf-8")
    assert 'href="../../ke-hoach/thanh-xuan-2023/"' in html


@pytest.mark.parametrize("day", [BEFORE, DURING, AFTER])
def test_each_contest_has_a_feed_of_exactly_its_public_entries(sites, day):
    import feedparser

    from guongsang.outputs.feeds import FEED_ITEMS

    for contest in (NH, TX):
        by_slug = sorted(expected_public(contest, day), key=lambda e: e["slug"])
        public = sorted(by_slug, key=lambda e: e["submitted"], reverse=True)[:FEED_ITEMS]  # the newest, bounded
        for name in ("rss.xml", "atom.xml", "feed.json"):
            assert (sites[day] / "cuoc-thi" / contest / name).is_file()
        feed = feedparser.parse((sites[day] / "cuoc-thi" / contest / "atom.xml").read_bytes())
        assert not feed.bozo, feed.bozo_exception
        assert "Bài dự thi" in feed.feed.title
        slugs = [entry.link.rstrip("/").rsplit("/", 1)[1] for entry in feed.entries]
        assert set(slugs) == {e["slug"] for e in public}, (contest, day)
        dates = [entry.published_parsed for entry in feed.entries]
        assert dates == sorted(dates, reverse=True)  # newest first
