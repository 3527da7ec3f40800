"""Writing contests about exemplars: the contest files, their entries, and every check on them.

A contest is ``content/contests/<slug>.yml`` (organiser, plan, timeline, word limits, prizes, criteria, the
units the 100 % target counts against) with its rules in ``content/contests/<slug>/rules.md``; each entry is
``content/contests/<slug>/entries/<entry>.md``, Markdown with YAML front matter like an exemplar record.

Loading keeps positions (``guongsang.model.frontmatter``) so every problem is reported as ``path:line:col``; what a
contest looks like on a given day (state, visible entries, results) is derived in ``contest_site.py``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from . import frontmatter
from .catalog import Catalog, Entry
from .contest_schema import (
    CONTEST_SUFFIX,
    ENTRIES_DIR,
    RANKS,
    RULES_FILE,
    STATUSES,
    VALID_STATUSES,
    VISIBILITY,
    ContestIn,
    EntryIn,
    TimelineIn,
    shape,
)
from .diagnostics import Diagnostic, Severity, did_you_mean
from .frontmatter import Document
from .records import scan
from .text import collation_key, fold, nfc, slugify
from .validate import display_path

_WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)|<[^>]+>|https?://\S+")


def count_words(markdown: str) -> int:
    """Words of a Markdown text as a reader counts them (Vietnamese: each syllable is a word).

    Link targets, image references and HTML tags are left out; the words of link texts are counted.
    """
    return len(_WORD.findall(_MARKUP.sub(" ", markdown)))


def _by_code_or_label(table: dict[str, str], value: str) -> str | None:
    wanted = fold(nfc(value).strip())
    for code, label in table.items():
        if wanted in (code, fold(label), fold(label.removeprefix("Giải "))):
            return code
    return None


# -- the model later stages read --------------------------------------------------------------------------

@dataclass(frozen=True)
class Prize:
    rank: str
    count: int
    amount: int = 0  # đồng, per prize
    note: str = ""

    @property
    def label(self) -> str:
        return RANKS[self.rank]


@dataclass(frozen=True)
class Criterion:
    label: str
    weight: int
    description: str = ""


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    group: str = ""


@dataclass(frozen=True)
class ContestEntry:
    """One piece of writing sent to a contest."""

    slug: str
    contest: str  # slug of the contest
    source: str  # repository-relative path
    title: str
    author: str
    unit: Unit
    exemplars: tuple[str, ...]
    submitted: dt.date
    status: str
    prize: str | None
    words: int
    body: str
    summary: str = ""
    note: str = ""

    @property
    def valid(self) -> bool:
        return self.status in VALID_STATUSES

    @property
    def status_label(self) -> str:
        return STATUSES[self.status]

    @property
    def prize_label(self) -> str:
        return RANKS[self.prize] if self.prize else ""

    @property
    def sort_key(self) -> tuple:
        return (self.submitted, collation_key(self.title), self.slug)


@dataclass
class Contest:
    """A writing contest with its validated entries (every entry, whatever the date: see ``contest_site``)."""

    slug: str
    source: str
    rules_source: str
    title: str
    year: int
    organiser: str
    summary: str
    topic: str
    audience: str
    eligibility: str
    words_min: int
    words_max: int
    launch: dt.date
    deadline: dt.date
    judging: dt.date
    results: dt.date
    ceremony: dt.date | None
    prizes: tuple[Prize, ...]
    criteria: tuple[Criterion, ...]
    units: tuple[Unit, ...]
    public_before_results: str
    rules: str
    plan: Entry | None = None
    contact: str = ""
    entries: list[ContestEntry] = field(default_factory=list)

    def prize(self, rank: str) -> Prize | None:
        return next((p for p in self.prizes if p.rank == rank), None)

    @property
    def prize_total(self) -> int:
        return sum(p.count * p.amount for p in self.prizes)


# -- loading ---------------------------------------------------------------------------------------------

@dataclass
class ContestContext:
    catalog: Catalog
    exemplars: set[str]  # every exemplar slug the project has (drafts and records with errors included)
    root: Path
    drafts: frozenset[str] = frozenset()  # slugs of exemplars not yet published


@dataclass
class ContestsResult:
    contests: list[Contest] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0


def _timeline_order(doc: Document, t: TimelineIn) -> None:
    steps = [("launch", t.launch), ("deadline", t.deadline), ("judging", t.judging), ("results", t.results)]
    if t.ceremony:
        steps.append(("ceremony", t.ceremony))
    for (first, a), (second, b) in pairwise(steps):
        if b < a:
            doc.diagnostics.append(doc.error(("timeline", second), "GS120",
                                             f"“{second}” ({b:%d/%m/%Y}) đứng trước “{first}” ({a:%d/%m/%Y}); các mốc "
                                             "phải theo thứ tự phát động → hạn nộp → chấm → kết quả → trao giải."))


def _contest(doc: Document, file: Path, ctx: ContestContext) -> Contest | None:
    raw: ContestIn | None = shape(doc, ContestIn)
    if raw is None:
        return None
    plan = None
    if raw.plan:
        plan = ctx.catalog.plans.find(raw.plan)
        if plan is None:
            doc.diagnostics.append(doc.error(("plan",), "GS121", f"kế hoạch “{raw.plan}” không có trong danh mục"
                                             + ctx.catalog.plans.suggest(raw.plan)))
    if raw.words.min >= raw.words.max:
        doc.diagnostics.append(doc.error(("words", "min"), "GS120",
                                         f"số chữ tối thiểu ({raw.words.min}) phải nhỏ hơn tối đa ({raw.words.max})."))
    _timeline_order(doc, raw.timeline)
    prizes: list[Prize] = []
    for i, p in enumerate(raw.prizes):
        rank = _by_code_or_label(RANKS, p.rank)
        if rank is None:
            doc.diagnostics.append(doc.error(("prizes", i, "rank"), "GS122", f"hạng giải “{p.rank}” không hợp lệ"
                                             + did_you_mean(p.rank, list(RANKS.values()))))
        elif any(q.rank == rank for q in prizes):
            doc.diagnostics.append(doc.error(("prizes", i, "rank"), "GS071", f"“{RANKS[rank]}” bị lặp lại."))
        else:
            prizes.append(Prize(rank, p.count, p.amount, p.note or ""))
    total = sum(c.weight for c in raw.criteria)
    if total != 100:
        doc.diagnostics.append(doc.error(("criteria",), "GS123", f"tổng điểm các tiêu chí là {total}, cần đúng 100."))
    seen: set[str] = set()
    for i, u in enumerate(raw.units):
        if u.code in seen:
            doc.diagnostics.append(doc.error(("units", i, "code"), "GS071", f"mã đơn vị “{u.code}” bị lặp lại."))
        seen.add(u.code)
    visibility = raw.public_before_results
    if visibility not in VISIBILITY:
        doc.diagnostics.append(doc.error(("public_before_results",), "GS012",
                                         f"“{visibility}” không hợp lệ; dùng: {', '.join(VISIBILITY)}."))
    rules_file = file.with_suffix("") / RULES_FILE
    rules = ""
    if not rules_file.is_file():
        doc.diagnostics.append(doc.error((), "GS124", f"thiếu thể lệ: tạo tệp {display_path(rules_file, ctx.root)}."))
    else:
        rules = nfc(rules_file.read_text(encoding="utf-8-sig").replace("\r\n", "\n"))
    if doc.diagnostics:
        return None
    order = list(RANKS)
    return Contest(
        slug=file.stem, source=doc.path, rules_source=display_path(rules_file, ctx.root), title=raw.title,
        year=raw.year, organiser=raw.organiser, summary=raw.summary, topic=raw.topic, audience=raw.audience,
        eligibility=raw.eligibility, words_min=raw.words.min, words_max=raw.words.max,
        launch=raw.timeline.launch, deadline=raw.timeline.deadline, judging=raw.timeline.judging,
        results=raw.timeline.results, ceremony=raw.timeline.ceremony,
        prizes=tuple(sorted(prizes, key=lambda p: order.index(p.rank))),
        criteria=tuple(Criterion(c.label, c.weight, c.description or "") for c in raw.criteria),
        units=tuple(Unit(u.code, u.name, u.group or "") for u in raw.units),
        public_before_results=visibility, rules=rules, plan=plan, contact=raw.contact or "",
    )


def _unit(contest: Contest, value: str) -> Unit | None:
    wanted = fold(value.strip())
    return next((u for u in contest.units if wanted in (u.code, fold(u.name))), None)


def _entry(doc: Document, file: Path, contest: Contest, ctx: ContestContext) -> ContestEntry | None:
    raw: EntryIn | None = shape(doc, EntryIn)
    if raw is None:
        return None
    warnings: list[Diagnostic] = []  # added after the checks, so they never stop the entry
    unit = _unit(contest, raw.unit)
    if unit is None:
        doc.diagnostics.append(doc.error(("unit",), "GS135", f"đơn vị “{raw.unit}” không có trong danh sách đơn vị "
                                         f"của cuộc thi ({contest.source})"
                                         + did_you_mean(raw.unit, [u.name for u in contest.units])))
    for i, slug in enumerate(raw.exemplars):
        if slug not in ctx.exemplars:
            doc.diagnostics.append(doc.error(("exemplars", i), "GS130", f"không có gương điển hình “{slug}”"
                                             + did_you_mean(slug, sorted(ctx.exemplars))))
        elif slug in ctx.drafts:
            line, col = doc.where(("exemplars", i))
            warnings.append(Diagnostic(doc.path, line, col, "GS138", f"gương điển hình “{slug}” còn là bản nháp: "
                                       "bài vẫn được đăng nhưng chưa liên kết tới gương cho đến khi gương được đăng.",
                                       Severity.WARNING))
    if len(set(raw.exemplars)) < len(raw.exemplars):
        doc.diagnostics.append(doc.error(("exemplars",), "GS071", "một gương điển hình được ghi hai lần."))
    status = _by_code_or_label(STATUSES, raw.status)
    prize = _by_code_or_label(RANKS, raw.prize) if raw.prize else None
    if status is None:
        doc.diagnostics.append(doc.error(("status",), "GS136", f"trạng thái “{raw.status}” không hợp lệ; dùng: "
                                         + ", ".join(f"{k} ({v})" for k, v in STATUSES.items()) + "."))
    elif status == "prize" and not raw.prize:
        doc.diagnostics.append(doc.error(("status",), "GS136", "bài đạt giải cần trường “prize” ghi hạng giải."))
    elif raw.prize and status != "prize":
        doc.diagnostics.append(doc.error(("prize",), "GS136", "chỉ ghi “prize” khi “status” là prize (đạt giải)."))
    elif raw.prize and (prize is None or contest.prize(prize) is None):
        names = ", ".join(p.label for p in contest.prizes)
        doc.diagnostics.append(doc.error(("prize",), "GS133", f"thể lệ không có “{raw.prize}”; các giải: {names}."))
    words = count_words(doc.body)
    judged_out = status == "invalid"  # a late or over-long entry kept on file as invalid is not an error
    if not judged_out and not contest.words_min <= words <= contest.words_max:
        doc.diagnostics.append(Diagnostic(doc.path, doc.body_line, 1, "GS131",
                                          f"bài có {words} chữ, ngoài giới hạn {contest.words_min}–"
                                          f"{contest.words_max} chữ của thể lệ; sửa bài hoặc ghi "
                                          "“status: invalid” kèm lý do ở “note”."))
    if not judged_out and not contest.launch <= raw.submitted <= contest.deadline:
        when = "sau hạn nộp" if raw.submitted > contest.deadline else "trước ngày phát động"
        doc.diagnostics.append(doc.error(("submitted",), "GS132",
                                         f"bài nộp ngày {raw.submitted:%d/%m/%Y}, {when} "
                                         f"(nhận bài {contest.launch:%d/%m/%Y}–{contest.deadline:%d/%m/%Y}); "
                                         "kiểm tra ngày hoặc ghi “status: invalid” kèm lý do ở “note”."))
    if not doc.body.strip():
        doc.diagnostics.append(Diagnostic(doc.path, doc.body_line, 1, "GS070", "chưa có nội dung bài viết."))
    failed = bool(doc.diagnostics) or unit is None or status is None
    doc.diagnostics += warnings
    if failed:
        return None
    return ContestEntry(
        slug=file.stem, contest=contest.slug, source=doc.path, title=raw.title, author=raw.author, unit=unit,
        exemplars=tuple(raw.exemplars), submitted=raw.submitted, status=status, prize=prize, words=words,
        body=doc.body, summary=raw.summary or "", note=raw.note or "",
    )


def _cross_checks(contest: Contest, docs: dict[str, Document]) -> list[Diagnostic]:
    """Checks over all entries of a contest: duplicate author + title, more prizes than the rules allow."""
    out: list[Diagnostic] = []
    seen: dict[tuple[str, str], ContestEntry] = {}
    for entry in contest.entries:
        key = (fold(entry.author).strip(), fold(entry.title).strip())
        if key in seen:
            out.append(docs[entry.slug].error(("title",), "GS134", f"tác giả “{entry.author}” đã gửi bài cùng tên "
                                              f"“{entry.title}” ({seen[key].source})."))
        else:
            seen[key] = entry
    winners: dict[str, list[ContestEntry]] = defaultdict(list)
    for entry in contest.entries:
        if entry.prize:
            winners[entry.prize].append(entry)
    for rank, entries in winners.items():
        allowed = contest.prize(rank)
        limit = allowed.count if allowed else 0
        for extra in entries[limit:]:
            out.append(docs[extra.slug].error(("prize",), "GS133",
                                              f"đã có {len(entries)} bài được ghi “{RANKS[rank]}”, thể lệ chỉ có "
                                              f"{limit} giải: " + ", ".join(e.source for e in entries[:limit]) + "."))
    return out


def _load_contest(file: Path, ctx: ContestContext, result: ContestsResult) -> None:
    shown = display_path(file, ctx.root)
    result.files += 1
    doc = frontmatter.read_yaml(file, shown)
    if not doc.diagnostics and not isinstance(doc.data, dict):
        doc.diagnostics.append(Diagnostic(shown, 1, 1, "GS005", "tệp cuộc thi phải là các dòng “tên_trường: giá trị”."))
    if file.stem != slugify(file.stem):
        doc.diagnostics.append(Diagnostic(shown, 1, 1, "GS061", f"tên tệp “{file.name}” không hợp lệ; "
                                          f"đổi thành “{slugify(file.stem)}{CONTEST_SUFFIX}”."))
    contest = _contest(doc, file, ctx) if not doc.diagnostics else None
    result.diagnostics += doc.diagnostics
    entry_files = scan(file.with_suffix("") / ENTRIES_DIR)
    result.files += len(entry_files)
    if contest is None:
        return
    docs: dict[str, Document] = {}
    for entry_file in entry_files:
        entry_doc = frontmatter.read(entry_file, display_path(entry_file, ctx.root))
        if not entry_doc.diagnostics and entry_file.stem != slugify(entry_file.stem):
            entry_doc.diagnostics.append(Diagnostic(entry_doc.path, 1, 1, "GS061",
                                                    f"tên tệp “{entry_file.name}” không hợp lệ; đổi thành "
                                                    f"“{slugify(entry_file.stem)}.md”."))
        entry = _entry(entry_doc, entry_file, contest, ctx) if not entry_doc.diagnostics else None
        result.diagnostics += entry_doc.diagnostics
        if entry is not None:
            docs[entry.slug] = entry_doc
            contest.entries.append(entry)
    contest.entries.sort(key=lambda e: e.sort_key)
    result.diagnostics += _cross_checks(contest, docs)
    result.contests.append(contest)


def load_contests(directory: Path, ctx: ContestContext) -> ContestsResult:
    """Every contest below ``directory`` with its entries, validated; problems are returned, never raised."""
    result = ContestsResult()
    if not directory.is_dir():
        return result
    files = sorted(p for p in directory.glob(f"*{CONTEST_SUFFIX}") if p.is_file())
    for file in files:
        _load_contest(file, ctx, result)
    known = {f.stem for f in files}
    for folder in sorted(p for p in directory.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        if folder.name not in known:
            result.diagnostics.append(Diagnostic(display_path(folder, ctx.root), 1, 1, "GS137",
                                                 f"thư mục “{folder.name}” không có tệp cuộc thi "
                                                 f"“{folder.name}{CONTEST_SUFFIX}” đi kèm."))
    result.contests.sort(key=lambda c: (-c.year, c.launch, c.slug))
    return result
