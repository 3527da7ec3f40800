"""What the contests look like on the build date: state, countdown, visible entries, results, participation.

Pure functions over the validated contests and the build date. Nothing here reads files; the same contests
and the same date always give the same pages. Contest URLs are computed here and nowhere else.

Visibility follows the contest's ``public_before_results``: before the results date only valid entries
received by the build date are shown (titles only, or in full), and no status or prize leaks; once the
results date has come, every valid entry has its page and the prizes are announced.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import math
from collections import defaultdict
from dataclasses import InitVar, asdict, dataclass, field, replace

from ..model.contests import Contest, ContestEntry, Prize, Unit
from ..model.records import Exemplar
from ..model.text import collation_key
from .derive import RELATED, Page, Pagination, Site, paged_url

CONTESTS = "cuoc-thi"

UPCOMING, OPEN, JUDGING, RESULTS = "upcoming", "open", "judging", "results"
STATE_LABELS = {UPCOMING: "Sắp diễn ra", OPEN: "Đang nhận bài", JUDGING: "Đang chấm", RESULTS: "Đã có kết quả"}
TARGET_PERCENT = 100  # the plans' target: 100 % of units take part


# The pages of a contest, below its own URL: name → path segment.
SUBPAGES = {"home": "", "rules": "the-le/", "entries": "bai-du-thi/", "results": "ket-qua/", "units": "don-vi/"}


PARTICIPATION_CSV = "don-vi.csv"


def contest_url(slug: str, part: str = "home") -> str:
    return f"{CONTESTS}/{slug}/{SUBPAGES[part]}"


def participation_csv_url(slug: str) -> str:
    return f"{contest_url(slug, 'units')}{PARTICIPATION_CSV}"


def entry_url(entry: ContestEntry) -> str:
    return f"{contest_url(entry.contest)}bai/{entry.slug}/"


def state_on(contest: Contest, today: dt.date) -> str:
    if today < contest.launch:
        return UPCOMING
    if today <= contest.deadline:
        return OPEN
    if today < contest.results:
        return JUDGING
    return RESULTS


@dataclass(frozen=True)
class Countdown:
    """The next milestone and how many days are left until it, as of the build date."""

    label: str  # "Hạn nộp bài"
    target: dt.date
    days: int
    past: str  # what to say once the date has gone by (the page may be read after the build date)


def countdown(contest: Contest, today: dt.date) -> Countdown | None:
    state = state_on(contest, today)
    if state == UPCOMING:
        target, label, past = contest.launch, "Phát động", "Cuộc thi đã phát động."
    elif state == OPEN:
        target, label, past = contest.deadline, "Hạn nộp bài", "Đã hết hạn nộp bài."  # read after the build
    elif state == JUDGING:
        target, label, past = contest.results, "Công bố kết quả", "Đã đến ngày công bố kết quả."
    elif contest.ceremony and contest.ceremony >= today:
        target, label, past = contest.ceremony, "Lễ trao giải", "Lễ trao giải đã diễn ra."
    else:
        return None
    return Countdown(label, target, (target - today).days, past)


@dataclass(frozen=True)
class UnitRow:
    unit: Unit
    entries: int  # received by the build date, whatever their status
    valid: int
    invalid: int
    prizes: int | None  # None until the results are out

    @property
    def took_part(self) -> bool:
        """At least one entry received that was not ruled invalid."""
        return self.entries > self.invalid


@dataclass(frozen=True)
class Participation:
    rows: tuple[UnitRow, ...]
    target: int = TARGET_PERCENT

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def took_part(self) -> int:
        return sum(r.took_part for r in self.rows)

    @property
    def percent(self) -> float:
        return round(100 * self.took_part / self.total, 1) if self.total else 0.0

    @property
    def missing(self) -> list[Unit]:
        return [r.unit for r in self.rows if not r.took_part]

    @property
    def reached(self) -> bool:
        return self.percent >= self.target

    def groups(self) -> list[tuple[str, list[UnitRow]]]:
        """Rows by the units' group (phường, trường học, đoàn thể …), groups in the contest's order."""
        out: dict[str, list[UnitRow]] = {}
        for row in self.rows:
            out.setdefault(row.unit.group, []).append(row)
        return list(out.items())


def participation_csv(v: ContestView) -> str:
    """The participation table as CSV (UTF-8 with BOM, so spreadsheet programs read the diacritics), for the
    year's review report: one row per unit, then the total."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["Mã đơn vị", "Đơn vị", "Khối", "Bài dự thi", "Bài hợp lệ", "Giải", "Đã tham gia"])
    p = v.participation
    for r in p.rows:
        writer.writerow([r.unit.code, r.unit.name, r.unit.group, r.entries, r.valid,
                         "" if r.prizes is None else r.prizes, "có" if r.took_part else "chưa"])
    prizes = "" if not v.announced else sum(r.prizes or 0 for r in p.rows)
    writer.writerow(["", f"Tổng ({p.total} đơn vị; tính đến {v.today:%d/%m/%Y})", "", sum(r.entries for r in p.rows),
                     sum(r.valid for r in p.rows), prizes, f"{p.took_part}/{p.total}"])
    return out.getvalue()


def participation(contest: Contest, received: list[ContestEntry], announced: bool) -> Participation:
    """One row per unit of the contest, in the contest's order: entries, valid entries, prizes.

    A unit has taken part when it has sent at least one entry that was not ruled invalid.
    """
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for entry in received:
        row = counts[entry.unit.code]
        row[0] += 1
        row[1] += entry.valid
        row[2] += entry.prize is not None
        row[3] += entry.status == "invalid"
    rows = tuple(UnitRow(u, counts[u.code][0], counts[u.code][1], counts[u.code][3],
                         counts[u.code][2] if announced else None) for u in contest.units)
    return Participation(rows)


@dataclass
class ContestView:
    """A contest as the public sees it on ``today``."""

    contest: Contest
    today: dt.date
    state: str
    received: list[ContestEntry]  # submitted on or before today
    listed: list[ContestEntry]  # on the public list of entries
    published: list[ContestEntry]  # with a page of their own
    winners: list[tuple[Prize, list[ContestEntry]]]  # empty until the results date
    participation: Participation
    countdown: Countdown | None
    digest: str = ""  # set by build_contests: see :meth:`fingerprint`

    @property
    def slug(self) -> str:
        return self.contest.slug

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def announced(self) -> bool:
        return self.state == RESULTS

    @property
    def valid_count(self) -> int:
        return sum(e.valid for e in self.received)

    def has_page(self, entry: ContestEntry) -> bool:
        return entry.slug in self._published

    def __post_init__(self) -> None:
        self._published = {e.slug for e in self.published}

    def fingerprint(self, exemplars: dict[str, Exemplar]) -> str:
        """A hash of everything the contest's pages show on the build date: the contest, its state and
        countdown, participation, each entry's listing (title, author, unit, status, prize, the names of the
        exemplars it is about — not its text, which only its own page shows and fingerprints)."""
        names = {s: exemplars[s].name for e in self.received for s in e.exemplars if s in exemplars}
        shown = (asdict(replace(self.contest, entries=[])), self.state, self.countdown, self.participation,
                 [(e.slug, e.title, e.author, e.unit, e.exemplars, e.submitted, e.status, e.prize, e.summary, e.words)
                  for e in self.received], [e.slug for e in self.listed], [e.slug for e in self.published],
                 sorted(names.items()))
        return hashlib.sha256(repr(shown).encode()).hexdigest()

    @property
    def urls(self) -> dict[str, str]:
        return {part: contest_url(self.contest.slug, part) for part in SUBPAGES} | {
            "csv": participation_csv_url(self.contest.slug)}


_RANK_FIRST = {"prize": 0, "shortlisted": 1}


def view(contest: Contest, today: dt.date) -> ContestView:
    state = state_on(contest, today)
    announced = state == RESULTS
    received = [e for e in contest.entries if e.submitted <= today]
    valid = [e for e in received if e.valid]
    listed = valid if announced or contest.public_before_results in ("titles", "full") else []
    published = valid if announced or contest.public_before_results == "full" else []
    winners = []
    if announced:
        for prize in contest.prizes:
            won = sorted((e for e in valid if e.prize == prize.rank), key=lambda e: collation_key(e.title))
            if won:
                winners.append((prize, won))
    return ContestView(contest, today, state, received, listed, published, winners,
                       participation(contest, received, announced), countdown(contest, today))


@dataclass
class ContestPage(Page):
    """A generated contest page: the contest as seen on the build date (``view``), and the entry it shows.

    The view is passed as ``context`` and kept out of the dataclass fields: the render cache fingerprints a
    page by its fields, and hashing a whole contest (every entry) for each of its pages would cost the square
    of its entries. ``digest`` stands for the view instead: what every page of the contest shows of it.
    """

    entry: ContestEntry | None = None
    exemplars: list[Exemplar] = field(default_factory=list)
    digest: str = ""
    context: InitVar[ContestView | None] = None

    def __post_init__(self, context: ContestView | None) -> None:
        self.view = context
        if context is not None:
            self.digest = context.digest


@dataclass
class ContestSet:
    """Every contest as seen on the build date, and the published entries about each exemplar."""

    views: list[ContestView]
    exemplars: dict[str, Exemplar]
    about: dict[str, list[tuple[ContestView, ContestEntry]]] = field(default_factory=dict)

    def entries_about(self, slug: str, limit: int = RELATED) -> list[tuple[ContestView, ContestEntry]]:
        """Published entries about an exemplar: newest contest first, prize winners first; bounded."""
        return self.about.get(slug, [])[:limit]

    def count_about(self, slug: str) -> int:
        return len(self.about.get(slug, []))

    def about_names(self, entry: ContestEntry) -> list[Exemplar]:
        """The published exemplars an entry is about (a draft has no page to name)."""
        return [self.exemplars[s] for s in entry.exemplars if s in self.exemplars]

    def published(self) -> list[tuple[ContestView, ContestEntry]]:
        """Every entry with a page, newest submission first: what feeds and sitemaps list."""
        pairs = [(v, e) for v in self.views for e in v.published]
        return sorted(pairs, key=lambda p: (-p[1].submitted.toordinal(), p[1].contest, p[1].slug))

    def current(self) -> list[ContestView]:
        """Contests not yet closed, soonest milestone first (for the home page and the index)."""
        return [v for v in self.views if v.state != RESULTS]


def _about(views: list[ContestView]) -> dict[str, list[tuple[ContestView, ContestEntry]]]:
    out: dict[str, list[tuple[ContestView, ContestEntry]]] = defaultdict(list)
    for v in views:  # views are newest contest first
        ranked = sorted(v.published, key=lambda e: (_RANK_FIRST.get(e.status, 2) if v.announced else 2,
                                                    collation_key(e.title), e.slug))
        for entry in ranked:
            for slug in entry.exemplars:
                out[slug].append((v, entry))
    return dict(out)


def _entry_pages(v: ContestView, exemplars: dict[str, Exemplar]) -> list[Page]:
    pages: list[Page] = []
    for entry in v.published:
        about = [exemplars[s] for s in entry.exemplars if s in exemplars]  # drafts have no page
        pages.append(ContestPage(entry_url(entry), entry.title, "gs-contest-entry.html", "contest-entry",
                                 entry.summary or f"Bài dự thi {v.contest.title} của {entry.author}.",
                                 markdown=entry.body, source=entry.source, context=v, entry=entry, exemplars=about))
    return pages


def _list_pages(v: ContestView, per_page: int) -> list[Page]:
    base = contest_url(v.slug, "entries")
    count = max(1, math.ceil(len(v.listed) / per_page))
    pages: list[Page] = []
    for number in range(1, count + 1):
        title = "Bài dự thi" if number == 1 else f"Bài dự thi — trang {number}"
        pages.append(ContestPage(paged_url(base, number), title, "gs-contest-entries.html", "contest-entries",
                                 f"Bài dự thi {v.contest.title}.", context=v,
                                 items=v.listed[(number - 1) * per_page: number * per_page],
                                 pagination=Pagination(number, count, base)))
    return pages


def contest_pages(v: ContestView, exemplars: dict[str, Exemplar], per_page: int) -> list[Page]:
    c = v.contest
    pages: list[Page] = [
        ContestPage(contest_url(c.slug), c.title, "gs-contest.html", "contest", c.summary, source=c.source, context=v),
        ContestPage(contest_url(c.slug, "rules"), "Thể lệ", "gs-contest-rules.html", "contest-rules",
                    f"Thể lệ {c.title}.", markdown=c.rules, source=c.rules_source, context=v),
        ContestPage(contest_url(c.slug, "results"), "Kết quả", "gs-contest-results.html", "contest-results",
                    f"Kết quả {c.title}.", context=v),
        ContestPage(contest_url(c.slug, "units"), "Đơn vị tham gia", "gs-contest-units.html", "contest-units",
                    f"Số bài dự thi của từng đơn vị, {c.title}.", context=v),
    ]
    return pages + _list_pages(v, per_page) + _entry_pages(v, exemplars)


def build_contests(contests: list[Contest], site: Site, today: dt.date, per_page: int) -> ContestSet:
    """Views and pages of every contest on ``today``; the pages are appended to ``site.pages``."""
    views = [view(c, today) for c in contests]
    for v in views:
        v.digest = v.fingerprint(site.by_slug)
    result = ContestSet(views, site.by_slug, _about(views))
    site.pages.append(ContestPage(f"{CONTESTS}/", "Cuộc thi viết", "gs-contests.html", "contests",
                                  "Cuộc thi viết về gương điển hình tiên tiến, người tốt, việc tốt: thể lệ, "
                                  "bài dự thi, kết quả và đơn vị tham gia.", items=[v.digest for v in views]))
    for v in views:
        site.pages += contest_pages(v, site.by_slug, per_page)
        site.files[participation_csv_url(v.slug)] = participation_csv(v).encode("utf-8")
    site.contests = result
    return result
