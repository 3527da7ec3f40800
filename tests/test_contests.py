"""Writing contests: loading, every coded check at its line and column, state by date, visibility, participation."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

from guongsang.cli import main
from guongsang.model.contests import ContestContext, count_words, load_contests
from guongsang.site.contest_views import JUDGING, OPEN, RESULTS, UPCOMING, countdown, state_on, view
from support import ROOT

SAMPLE = ROOT / "content" / "contests"
EXEMPLARS = {"nguyen-thi-lan-anh", "le-thu-ha", "ngo-van-tuan"}

CONTEST = """\
title: "Cuộc thi viết thử nghiệm năm 2025"
year: 2025
organiser: "UBND phường Thử Nghiệm"
plan: thanh-xuan-2023
summary: "Cuộc thi dùng trong kiểm thử, với hai đơn vị và hai giải."
topic: Gương điển hình
audience: Mọi người
eligibility: Bài chưa đăng báo
words:
  min: 5
  max: 40
timeline:
  launch: 2025-03-01
  deadline: 2025-06-30
  judging: 2025-07-01
  results: 2025-08-15
  ceremony: 2025-08-30
prizes:
  - rank: Giải Nhất
    count: 1
    amount: 1000000
  - rank: khuyen-khich
    count: 1
criteria:
  - label: Nội dung
    weight: 60
  - label: Hình thức
    weight: 40
public_before_results: titles
units:
  - { code: don-vi-a, name: "UBND phường A" }
  - { code: don-vi-b, name: "UBND phường B" }
  - { code: don-vi-c, name: "Trường Tiểu học C" }
"""

BODY = "Bài viết kể về một người tốt trong khu phố, với những việc làm cụ thể và đáng quý."


def entry(title: str = "Một bài viết hay", author: str = "Nguyễn Văn A", unit: str = "don-vi-a",
          exemplars: tuple[str, ...] = ("le-thu-ha",), submitted: str = "2025-04-01", status: str = "valid",
          prize: str | None = None, body: str = BODY) -> str:
    lines = ["---", f'title: "{title}"', f"author: {author}", f"unit: {unit}", "exemplars:",
             *(f"  - {e}" for e in exemplars), f"submitted: {submitted}", f"status: {status}"]
    if prize:
        lines.append(f"prize: {prize}")
    return "\n".join([*lines, "---", body, ""])


def make(tmp: Path, contest: str = CONTEST, entries: dict[str, str] | None = None, rules: bool = True,
         slug: str = "thu-nghiem-2025") -> Path:
    folder = tmp / "contests"
    (folder / slug / "entries").mkdir(parents=True, exist_ok=True)
    (folder / f"{slug}.yml").write_text(contest, encoding="utf-8")
    if rules:
        (folder / slug / "rules.md").write_text("## Thể lệ\n\nGửi bài đúng hạn.\n", encoding="utf-8")
    for name, text in (entries or {}).items():
        (folder / slug / "entries" / f"{name}.md").write_text(text, encoding="utf-8")
    return folder


def load(folder: Path, catalog):
    return load_contests(folder, ContestContext(catalog, EXEMPLARS, folder.parent))


def codes(result) -> list[tuple[str, int, int, str]]:
    return sorted((d.path.split("/")[-1], d.line, d.col, d.code) for d in result.diagnostics)


def test_sample_contests_load_without_problems(catalog):
    from guongsang.model.records import scan

    known = {p.stem for p in scan(ROOT / "exemplars")}
    result = load_contests(SAMPLE, ContestContext(catalog, known, ROOT))
    assert result.diagnostics == []
    assert [c.slug for c in result.contests] == ["ninh-hoa-2025", "thanh-xuan-2024"]
    assert sum(len(c.entries) for c in result.contests) >= 20
    tx = result.contests[1]
    assert tx.plan is not None and tx.plan.code == "thanh-xuan-2023"
    assert [p.rank for p in tx.prizes] == ["nhat", "nhi", "ba", "khuyen-khich"]
    assert "Cách gửi bài" in tx.rules and tx.rules_source == "content/contests/thanh-xuan-2024/rules.md"


def test_a_valid_contest_and_entry(tmp_path, catalog):
    result = load(make(tmp_path, entries={"bai-mot": entry()}), catalog)
    assert result.diagnostics == []
    (contest,) = result.contests
    (item,) = contest.entries
    assert (item.unit.name, item.exemplars, item.words, item.status) == ("UBND phường A", ("le-thu-ha",), 19, "valid")


def test_each_entry_problem_is_reported_where_it_stands(tmp_path, catalog):
    long_body = " ".join(["chữ"] * 41)
    entries = {
        "guong-la": entry(title="Bài về gương lạ", exemplars=("le-thu-ha", "le-thu-haa")),
        "qua-dai": entry(title="Bài quá dài", body=long_body),
        "nop-muon": entry(title="Bài nộp muộn", submitted="2025-07-02"),
        "don-vi-la": entry(title="Bài của đơn vị lạ", unit="don-vi-z"),
        "trang-thai": entry(title="Bài trạng thái lạ", status="đã duyệt"),
        "thieu-hang": entry(title="Bài đạt giải thiếu hạng", status="prize"),
        "hang-la": entry(title="Bài giải lạ", status="prize", prize="Giải Ba"),
    }
    result = load(make(tmp_path, entries=entries), catalog)
    assert codes(result) == [
        ("don-vi-la.md", 4, 7, "GS135"),
        ("guong-la.md", 7, 5, "GS130"),
        ("hang-la.md", 9, 8, "GS133"),
        ("nop-muon.md", 7, 12, "GS132"),
        ("qua-dai.md", 10, 1, "GS131"),
        ("thieu-hang.md", 8, 9, "GS136"),
        ("trang-thai.md", 8, 9, "GS136"),
    ]
    messages = {d.code: d.message for d in result.diagnostics}
    assert "“le-thu-ha”" in messages["GS130"]  # did you mean …?
    assert "41 chữ" in messages["GS131"] and "5–40" in messages["GS131"]
    assert "sau hạn nộp" in messages["GS132"]
    assert "“UBND phường A”" in messages["GS135"] or "don-vi-z" in messages["GS135"]


def test_invalid_entries_may_be_late_or_long(tmp_path, catalog):
    late = entry(title="Bài nộp muộn đã loại", submitted="2025-07-20", status="invalid", body=" ".join(["a"] * 50))
    result = load(make(tmp_path, entries={"da-loai": late}), catalog)
    assert result.diagnostics == []
    assert result.contests[0].entries[0].valid is False


def test_cross_entry_checks_duplicate_and_too_many_prizes(tmp_path, catalog):
    entries = {
        "a-nhat": entry(title="Bài một", status="prize", prize="nhat"),
        "b-nhat": entry(title="Bài hai", author="Trần B", status="prize", prize="Nhất"),
        "c-trung": entry(title="bài MỘT", unit="don-vi-b"),
    }
    result = load(make(tmp_path, entries=entries), catalog)
    # Same day: the first by title keeps the prize ("Bài hai" before "Bài một"), the other is reported.
    assert codes(result) == [("a-nhat.md", 9, 8, "GS133"), ("c-trung.md", 2, 8, "GS134")]
    by_code = {d.code: d.message for d in result.diagnostics}
    assert "thể lệ chỉ có 1 giải" in by_code["GS133"] and "b-nhat.md" in by_code["GS133"]
    assert "a-nhat.md" in by_code["GS134"]


def test_contest_file_problems(tmp_path, catalog):
    broken = (CONTEST.replace("plan: thanh-xuan-2023", "plan: ke-hoach-la")
              .replace("judging: 2025-07-01", "judging: 2025-06-01")
              .replace("weight: 40", "weight: 30")
              .replace("rank: khuyen-khich", "rank: Giải Tư")
              .replace("public_before_results: titles", "public_before_results: all")
              .replace("{ code: don-vi-b,", "{ code: don-vi-a,"))
    folder = make(tmp_path, contest=broken, rules=False)
    (folder / "mo-coi").mkdir()
    result = load(folder, catalog)
    assert codes(result) == [
        ("mo-coi", 1, 1, "GS137"),
        ("thu-nghiem-2025.yml", 1, 1, "GS124"),
        ("thu-nghiem-2025.yml", 4, 7, "GS121"),
        ("thu-nghiem-2025.yml", 15, 12, "GS120"),
        ("thu-nghiem-2025.yml", 22, 11, "GS122"),
        ("thu-nghiem-2025.yml", 25, 3, "GS123"),
        ("thu-nghiem-2025.yml", 29, 24, "GS012"),
        ("thu-nghiem-2025.yml", 32, 13, "GS071"),
    ]


def test_shape_errors_name_the_field(tmp_path, catalog):
    bad = CONTEST.replace("  min: 5\n", "  min: năm\n").replace("organiser:", "organizer:")
    result = load(make(tmp_path, contest=bad), catalog)
    found = {d.code: d.message for d in result.diagnostics}
    assert "GS011" in found and "“organiser”" in found["GS011"]  # did you mean
    assert "GS010" in found and "organiser" in found["GS010"]
    assert "GS012" in found and "words.min" in found["GS012"]


def test_word_count_leaves_out_link_targets_and_markup():
    assert count_words("Cô **Lan Anh** giữ [tủ sách](https://vi.example/tu-sach) mười năm.") == 8
    assert count_words("![ảnh](anh/a.jpg) <b>Hai</b> chữ") == 2
    assert count_words("Ninh Hòa, 2025: bà Trần Thị Bé") == 7


@pytest.fixture
def contest(tmp_path, catalog):
    entries = {
        "som": entry(title="Bài sớm", submitted="2025-03-05", status="prize", prize="nhat"),
        "cho-duyet": entry(title="Bài chờ duyệt", submitted="2025-04-10", status="submitted", unit="don-vi-b"),
        "bi-loai": entry(title="Bài bị loại", submitted="2025-05-10", status="invalid", unit="don-vi-c"),
        "muon": entry(title="Bài gửi sau", submitted="2025-06-20", status="shortlisted"),
    }
    result = load(make(tmp_path, entries=entries), catalog)
    assert result.diagnostics == []
    return result.contests[0]


@pytest.mark.parametrize(("day", "state"), [
    ("2025-02-28", UPCOMING), ("2025-03-01", OPEN), ("2025-06-30", OPEN), ("2025-07-01", JUDGING),
    ("2025-08-14", JUDGING), ("2025-08-15", RESULTS), ("2026-01-01", RESULTS),
])
def test_state_follows_the_build_date(contest, day, state):
    assert state_on(contest, dt.date.fromisoformat(day)) == state


def test_countdown_names_the_next_milestone(contest):
    before = countdown(contest, dt.date(2025, 2, 19))
    assert (before.label, before.days) == ("Phát động", 10)
    last_day = countdown(contest, dt.date(2025, 6, 30))
    assert (last_day.label, last_day.days) == ("Hạn nộp bài", 0)
    assert countdown(contest, dt.date(2025, 8, 20)).label == "Lễ trao giải"
    assert countdown(contest, dt.date(2025, 9, 1)) is None


def test_only_valid_received_entries_are_listed_and_prizes_wait_for_results(contest):
    during = view(contest, dt.date(2025, 5, 31))  # public_before_results: titles
    assert [e.slug for e in during.received] == ["som", "cho-duyet", "bi-loai"]
    assert [e.slug for e in during.listed] == ["som"]
    assert during.published == [] and during.winners == []
    rows = {r.unit.code: (r.entries, r.valid, r.prizes, r.took_part) for r in during.participation.rows}
    assert rows == {"don-vi-a": (1, 1, None, True), "don-vi-b": (1, 0, None, True), "don-vi-c": (1, 0, None, False)}
    assert (during.participation.took_part, during.participation.total, during.participation.percent) == (2, 3, 66.7)
    assert [u.code for u in during.participation.missing] == ["don-vi-c"]
    after = view(contest, dt.date(2025, 8, 15))
    assert [e.slug for e in after.published] == ["som", "muon"]
    assert [(p.rank, [e.slug for e in won]) for p, won in after.winners] == [("nhat", ["som"])]
    assert after.participation.rows[0].prizes == 1


@pytest.mark.parametrize(("mode", "listed", "published"), [("none", 0, 0), ("titles", 1, 0), ("full", 1, 1)])
def test_what_is_public_before_results(tmp_path, catalog, mode, listed, published):
    text = CONTEST.replace("public_before_results: titles", f"public_before_results: {mode}")
    (contest,) = load(make(tmp_path, contest=text, entries={"mot": entry()}), catalog).contests
    during = view(contest, dt.date(2025, 5, 1))
    assert (len(during.listed), len(during.published)) == (listed, published)
    assert len(view(contest, dt.date(2025, 9, 1)).published) == 1


def test_check_command_reports_contest_problems(tmp_path, capsys, root):
    folder = make(tmp_path, entries={"guong-la": entry(exemplars=("khong-co-gương",))})
    code = main(["--root", str(root), "check", "--today", "2025-11-01", "--contests", str(folder), "--format", "json"])
    assert code == 1
    found = json.loads(capsys.readouterr().out)
    assert [(d["code"], d["line"], d["col"]) for d in found] == [("GS130", 6, 5)]


def test_another_exemplar_folder_leaves_the_contests_out(root, tmp_path, capsys):
    folder = tmp_path / "exemplars"
    shutil.copytree(root / "exemplars" / "ha-noi", folder)  # the Ninh Hòa entries' exemplars are not there
    args = ["--root", str(root), "check", "--today", "2025-11-01", "--exemplars", str(folder)]
    assert main(args) == 0
    assert main([*args, "--contests", "content/contests"]) == 1
    # The project's own folder, however it is written: its contests are checked with it.
    own = ["--root", str(root), "check", "--today", "2025-11-01", "--exemplars", str(root / "exemplars") + "/"]
    capsys.readouterr()
    assert main([*own, "--contests", str(tmp_path / "none")]) == 0
    without = capsys.readouterr().err
    assert main(own) == 0
    with_contests = capsys.readouterr().err
    contest_files = len(list(SAMPLE.glob("*.yml"))) + len(list(SAMPLE.glob("*/entries/*.md")))

    def checked(summary: str) -> tuple[int, int]:
        found = re.search(r"Đã kiểm tra (\d+) hồ sơ(?: và (\d+) tệp cuộc thi viết)?:", summary)
        return int(found.group(1)), int(found.group(2) or 0)

    assert checked(without)[1] == 0 and checked(with_contests) == (checked(without)[0], contest_files)


def test_entry_search_document_is_folded_and_faceted(tmp_path, catalog):
    from guongsang.outputs.search import entry_document
    from guongsang.outputs.search_words import bag

    (contest,) = load(make(tmp_path, entries={"mot": entry(title="Người giữ lửa ở Đống Đa")}), catalog).contests
    html = entry_document(contest.entries[0], contest.title, contest.year, "<p>Bà Đào &amp; tủ sách</p>",
                          ("Lê Thu Hà",))
    assert '<span data-pagefind-filter="loai">Bài dự thi</span>' in html
    assert '<span data-pagefind-filter="nam">2025</span>' in html
    assert '<span data-pagefind-meta="title">Người giữ lửa ở Đống Đa</span>' in html
    title, details, story = re.findall(r'<p data-pagefind-weight="([\d.]+)">([^<]*)</p>', html)
    assert title == ("4", bag("Người giữ lửa ở Đống Đa", seen=set(), words=False))  # below an exemplar's name (10)
    assert details[0] == "2" and details[1].split()[:4] == ["nguyen", "van", "a", "qfnguyenvan"]
    assert {"le", "thu", "ha", "qflethu", "qpthuzhaf"} <= set(details[1].split())
    assert "dao" in story[1].split() and "&amp;" not in html.split("</div>")[1]


def test_entry_lists_are_paginated(root):
    from guongsang.project import Settings
    from guongsang.project import load as load_project

    site = load_project(Settings.at(root, today=dt.date(2026, 1, 10), per_page=5)).site
    lists = [p for p in site.pages if p.kind == "contest-entries" and "/thanh-xuan-2024/" in f"/{p.url}"]
    assert [p.url for p in lists] == ["cuoc-thi/thanh-xuan-2024/bai-du-thi/",
                                      "cuoc-thi/thanh-xuan-2024/bai-du-thi/trang-2/",
                                      "cuoc-thi/thanh-xuan-2024/bai-du-thi/trang-3/"]
    assert [len(p.items) for p in lists] == [5, 5, 2]
    assert max(site.contests.count_about(e.slug) for e in site.exemplars) > 0
    assert all(len(site.contests.entries_about(e.slug)) <= 6 for e in site.exemplars)


def test_contest_schemas_are_generated_from_the_code(root, tmp_path):
    assert main(["--root", str(root), "schema", "--output", str(tmp_path / "exemplar.schema.json")]) == 0
    for name in ("contest", "contest-entry"):
        committed = (root / "schema" / f"{name}.schema.json").read_text(encoding="utf-8")
        assert (tmp_path / f"{name}.schema.json").read_text(encoding="utf-8") == committed, "run `guongsang schema`"
    entry_schema = json.loads((root / "schema" / "contest-entry.schema.json").read_text(encoding="utf-8"))
    assert set(entry_schema["required"]) == {"title", "author", "unit", "exemplars", "submitted"}
    assert "Khuyến khích" in entry_schema["properties"]["prize"]["anyOf"][0]["enum"]


def test_render_cache_keys_follow_what_contest_pages_show(tmp_path, catalog):
    from dataclasses import replace

    from guongsang.render.cache import Fingerprint
    from guongsang.site.contest_views import contest_pages

    entries = {"mot": entry(title="Bài thứ nhất"), "hai": entry(title="Bài thứ hai", author="Trần B")}
    (contest,) = load(make(tmp_path, contest=CONTEST.replace("titles", "full"), entries=entries), catalog).contests

    def keys(c, day=dt.date(2025, 5, 1)) -> dict[str, str]:
        v = view(c, day)
        v.digest = v.fingerprint({})
        return {p.url: Fingerprint().of_page(p) for p in contest_pages(v, {}, 24)}

    before = keys(contest)
    assert len(before) == 7  # home, rules, results, units, list, two entries
    first, second = contest.entries  # "Bài thứ hai", "Bài thứ nhất"
    retitled = replace(contest, entries=[replace(first, title="Bài đổi tên"), second])
    assert all(before[url] != key for url, key in keys(retitled).items())  # titles show on every page's digest
    rewritten = replace(contest, entries=[first, replace(second, body="Đổi nội dung bài.")])
    changed = {url for url, key in keys(rewritten).items() if before[url] != key}
    # The text shows only on its own page (and the list page, which holds its entries whole).
    assert changed == {"cuoc-thi/thu-nghiem-2025/bai/mot/", "cuoc-thi/thu-nghiem-2025/bai-du-thi/"}
    assert keys(contest, dt.date(2025, 5, 2)) != before  # the countdown moved


def test_published_entries_for_feeds_newest_first(root):
    from guongsang.project import Settings
    from guongsang.project import load as load_project

    site = load_project(Settings.at(root, today=dt.date(2025, 11, 1))).site
    published = site.contests.published()
    assert len(published) == 18  # 12 of Thanh Xuân 2024 (results out) + 6 of Ninh Hòa 2025 sent by 1/11/2025
    dates = [e.submitted for _, e in published]
    assert dates == sorted(dates, reverse=True)
    assert published[0][1].slug == "nguoi-canh-giu-binh-yen-xa-moi" and published[0][0].slug == "ninh-hoa-2025"
    assert [v.slug for v in site.contests.current()] == ["ninh-hoa-2025"]


def test_an_entry_about_a_draft_exemplar_is_kept_with_a_warning(tmp_path, catalog):
    from guongsang.model.diagnostics import Severity, is_error

    folder = make(tmp_path, entries={"mot": entry(exemplars=("ngo-van-tuan", "le-thu-ha"))})
    result = load_contests(folder, ContestContext(catalog, EXEMPLARS, folder.parent, frozenset({"le-thu-ha"})))
    assert [(d.line, d.col, d.code, d.severity) for d in result.diagnostics] == [(7, 5, "GS138", Severity.WARNING)]
    assert not is_error(result.diagnostics)
    assert len(result.contests[0].entries) == 1
