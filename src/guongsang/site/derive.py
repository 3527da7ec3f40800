"""The derived site: every generated page (exemplars, taxonomies, localities, indexes) with its URL.

Pure functions over the model. URLs are computed here and nowhere else. Every list is paginated and
every "related" list is bounded, so no page grows with the corpus.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model.catalog import Catalog, Entry
from ..model.diagnostics import CODES
from ..model.places import Gazetteer, Unit
from ..model.privacy import public
from ..model.records import Exemplar, Withdrawn
from ..model.text import collation_key
from .progress import Occurrence, PlanProgress, plan_progress, progress_json, upcoming

if TYPE_CHECKING:
    from .contest_views import ContestSet

SUBMIT_URL = "gui-cau-chuyen/"
SUBMIT_INTRO = """Kể cho chúng tôi về một người, một tập thể hay một gia đình bình dị mà cao đẹp ở nơi bạn sống,
làm việc.
Điền biểu mẫu dưới đây: trang kiểm tra ngay từng mục rồi soạn sẵn **hồ sơ** để bạn gửi thư điện tử cho cơ
quan thi đua – khen thưởng hoặc tải tệp về; không cần tài khoản nào. Mục có dấu * là bắt buộc.
"""

# A list's pages at most (480 newest cards): nobody pages through "Cá nhân" to page 150 of 200, the search
# page filters the whole; at 10,000 records the longer lists were ~30 MB of the site (#24).
LIST_PAGES = 10
# The sections whose terms are search filters (outputs/search.py FILTERS; "all" is the search page unfiltered).
SEARCHABLE_SECTIONS = frozenset({"movement", "field", "kind", "year", "award", "province", "ward", "all"})
PER_PAGE = 48  # cards per list page: half the pages (and frames) of 24, ~40 KB of HTML (#24); mkdocs.yml says it too
RELATED = 4  # a 2 × 2 block on a phone; more made every exemplar page heavier than its own story

# Section roots (Vietnamese, ASCII): the only place URL segments are spelled.
EXEMPLARS = "guong"
MOVEMENTS = "phong-trao"
FIELDS = "linh-vuc"
KINDS = "doi-tuong"
YEARS = "nam"
AWARDS = "khen-thuong"
PLACES = "dia-phuong"
LEGACY = "truoc-2025"
SEARCH = "tim-kiem"
PLANS = "ke-hoach"
PLAN_EXEMPLARS = "guong"
PROGRESS_JSON = "tien-do.json"
BOOKLETS = "tai-lieu"
PAGE_PREFIX = "trang-"
COLUMNS = "chuyen-muc"
EMBED = "nhung"
FOLLOW = "theo-doi"
OPEN_DATA = "du-lieu"
FEED_FILES = {"rss": "rss.xml", "atom": "atom.xml", "json": "feed.json"}  # written next to a list's page


CODES_INTRO = (
    "Khi bạn gửi hồ sơ, hệ thống kiểm tra tự động và báo lỗi theo dạng "
    "`đường-dẫn:dòng:cột: error[MÃ]: nội dung`. Tra mã lỗi trong bảng dưới đây để biết cách sửa."
)


def exemplar_url(slug: str) -> str:
    return f"{EXEMPLARS}/{slug}/"


def plan_url(code: str) -> str:
    return f"{PLANS}/{code}/"


def plan_json_url(code: str) -> str:
    return f"{plan_url(code)}{PROGRESS_JSON}"


def booklet_url(slug: str) -> str:
    """Where a published booklet PDF lives, e.g. ``tai-lieu/plan-thanh-xuan-2023.pdf``."""
    return f"{BOOKLETS}/{slug}.pdf"


def paged_url(base: str, number: int) -> str:
    return base if number == 1 else f"{base}{PAGE_PREFIX}{number}/"


def feed_url(base: str, fmt: str) -> str:
    """The feed of the list at ``base`` ("" for the whole site) in ``fmt`` ("rss", "atom", "json")."""
    return f"{base}{FEED_FILES[fmt]}"


def embed_url(column: str) -> str:
    return f"{EMBED}/{column}/"


EMBED_SECTIONS = ("column", "province", "ward", "district")  # lists a portal can embed


def term_embed_url(term: Term) -> str:
    """A list's embed page: ``nhung/<column>/`` for a column, ``nhung/<the list's URL>`` for a place."""
    return embed_url(term.key) if term.section == "column" else f"{EMBED}/{term.url}"


def image_file_url(slug: str, name: str, width: int, fmt: str) -> str:
    """One rendition of an exemplar's image: ``guong/SLUG/NAME-640.webp``."""
    return f"{EXEMPLARS}/{slug}/{name}-{width}.{fmt}"


def card_url(slug: str | None = None, photo: bool = False) -> str:
    """The 1200×630 social card of an exemplar, or of the whole site when ``slug`` is None: a JPEG when it
    shows a photo, a PNG when it is text on flat colours (see ``guongsang.outputs.cards``)."""
    name = "the-chia-se.jpg" if photo else "the-chia-se.png"
    return f"{EXEMPLARS}/{slug}/{name}" if slug else f"assets/images/{name}"


def poster_url(slug: str) -> str:
    """The A4 poster (PDF) of an exemplar, for notice boards."""
    return f"{EXEMPLARS}/{slug}/ap-phich.pdf"


@dataclass
class Term:
    """One value of a taxonomy (a movement, a year, a ward …) and the exemplars filed under it."""

    section: str  # "movement", "field", "kind", "year", "award", "province", "ward", "legacy-province", "district"
    key: str
    label: str
    url: str
    description: str = ""
    entry: Entry | None = None
    unit: Unit | None = None
    exemplars: list[Exemplar] = field(default_factory=list)
    parent: Term | None = None
    children: list[Term] = field(default_factory=list)
    notes: dict[str, Any] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.exemplars)


@dataclass
class Pagination:
    number: int
    count: int
    base_url: str
    capped: bool = False  # the list stops at LIST_PAGES: the rest of its exemplars through the search page
    listed: int = 0  # exemplars on the list's pages

    @property
    def prev_url(self) -> str | None:
        return paged_url(self.base_url, self.number - 1) if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return paged_url(self.base_url, self.number + 1) if self.number < self.count else None

    def window(self, size: int = 2) -> list[tuple[int | None, str | None]]:
        """Page links around the current one, with ``(None, None)`` as an ellipsis: 1 … 4 5 [6] 7 8 … 20."""
        shown = sorted({1, self.count, *range(max(1, self.number - size), min(self.count, self.number + size) + 1)})
        out: list[tuple[int | None, str | None]] = []
        for previous, current in zip([0, *shown], shown, strict=False):
            if current - previous > 1:
                out.append((None, None))
            out.append((current, paged_url(self.base_url, current)))
        return out


@dataclass
class Page:
    """A page the site will have: where it lives, what template renders it, and its data."""

    url: str
    title: str
    template: str
    kind: str  # "exemplar", "listing", "terms", "home"
    description: str = ""
    markdown: str = ""
    exemplar: Exemplar | None = None
    term: Term | None = None
    items: list[Any] = field(default_factory=list)
    pagination: Pagination | None = None
    related: list[Exemplar] = field(default_factory=list)
    source: str = ""  # repository-relative source file, for edit links
    hidden: bool = False  # answers at its URL but is listed nowhere: not in the sitemap, not indexed

    @property
    def src_uri(self) -> str:
        return f"{self.url}index.md"


@dataclass
class Site:
    """Everything derived from the records: taxonomies, pages, and counts for the home page.

    ``exemplars`` is THE list every output publishes from (pages, lists, search, feeds, open data): published
    records only (no drafts, nothing withdrawn), newest first, each in its public view (``privacy.public``:
    no private block, no consent details, no birth year or school of a minor). ``withdrawn`` holds the slugs
    whose URL answers with a notice page (kind "withdrawn", ``hidden``) and nothing else.
    """

    exemplars: list[Exemplar]
    sections: dict[str, list[Term]]
    pages: list[Page]
    by_slug: dict[str, Exemplar]
    terms_of: dict[str, dict[str, list[Term]]]  # slug → section → terms the exemplar is filed under
    catalog: Catalog
    index: dict[tuple[str, str], Term] = field(default_factory=dict)
    plans: list[PlanProgress] = field(default_factory=list)
    upcoming: list[Occurrence] = field(default_factory=list)  # plan deadlines soon after the build date
    files: dict[str, bytes] = field(default_factory=dict)  # generated non-page files (open data) by URL
    booklets: dict[str, str] = field(default_factory=dict)  # plan code → URL of its published booklet PDF
    contests: ContestSet | None = None  # set by contest_site.build_contests
    withdrawn: list[str] = field(default_factory=list)
    columns: list[Term] = field(default_factory=list)  # chuyên mục (columns.py), added by propagation.py
    scope: str = ""  # the area a sub-site covers ("Quận Thanh Xuân (cũ), Thành phố Hà Nội"); "" for the whole

    def term(self, section: str, key: str) -> Term | None:
        """The term of ``section`` with ``key`` (wards and districts: "parent/key")."""
        return self.index.get((section, key))

    def counts(self) -> dict[str, int]:
        return {"exemplars": len(self.exemplars), **{k: len(v) for k, v in self.sections.items()}}

    @property
    def featured(self) -> list[Exemplar]:
        chosen = [e for e in self.exemplars if e.featured]
        return (chosen or self.exemplars)[:6]

    @property
    def latest(self) -> list[Exemplar]:
        return self.exemplars[:8]


# -- taxonomies --------------------------------------------------------------------------------------

def _bucket(exemplars: Iterable[Exemplar], keys: Callable[[Exemplar], Iterable[Any]]) -> dict[Any, list[Exemplar]]:
    groups: dict[Any, list[Exemplar]] = defaultdict(list)
    for exemplar in exemplars:
        for key in dict.fromkeys(keys(exemplar)):
            groups[key].append(exemplar)
    return groups


def _catalog_terms(section: str, root: str, entries: Iterable[Entry], groups: dict[str, list[Exemplar]]) -> list[Term]:
    """The catalogue's entries that have public exemplars, in the catalogue's order."""
    return [Term(section, e.code, e.label, f"{root}/{e.code}/", e.description, entry=e,
                 exemplars=groups[e.code]) for e in entries if groups.get(e.code)]


def _place_terms(exemplars: list[Exemplar], gaz: Gazetteer) -> list[Term]:
    """Current provinces, each with its current wards and the legacy districts/provinces it took in."""
    provinces: dict[str, Term] = {}
    for key, members in _bucket(exemplars, lambda e: [e.locality.province.key]).items():
        unit = gaz.provinces[key]
        provinces[key] = Term("province", key, unit.name, f"{PLACES}/{unit.slug}/", unit=unit, exemplars=members)
    for province in provinces.values():
        wards = _bucket(province.exemplars, lambda e: [w.key for w in e.locality.wards])
        for key, members in wards.items():
            unit = gaz.wards[province.key][key]
            legacy = gaz.legacy_wards_of(province.key, key)
            formed = [f"{w.name} ({gaz.legacy_district_of(w).name})" for w in legacy]
            province.children.append(Term("ward", key, unit.name, f"{province.url}{unit.slug}/", unit=unit,
                                          exemplars=members, parent=province, notes={"formed_from": formed}))
        province.children.sort(key=lambda t: collation_key(t.label))
    return sorted(provinces.values(), key=lambda t: collation_key(t.unit.short if t.unit else t.label))


def _legacy_terms(exemplars: list[Exemplar], gaz: Gazetteer, pages: set[str]) -> list[Term]:
    """Legacy provinces and districts (before 1 July 2025) with the exemplars recorded in them.

    ``pages`` holds the URLs of current units that have a page; other current units are named, not linked.
    """
    out: list[Term] = []
    with_legacy = [e for e in exemplars if e.locality.legacy_province]
    for key, members in _bucket(with_legacy, lambda e: [e.locality.legacy_province.key]).items():
        unit = gaz.legacy_provinces[key]
        current = gaz.provinces[gaz.province_of_legacy[key]]
        term = Term("legacy-province", key, f"{unit.name} (cũ)", f"{PLACES}/{LEGACY}/{unit.slug}/", unit=unit,
                    exemplars=members, notes={"now": [(current.name, _known(f"{PLACES}/{current.slug}/", pages))]})
        districts = _bucket(members, lambda e: [e.locality.legacy_district.key] if e.locality.legacy_district else [])
        for dkey, dmembers in districts.items():
            dunit = gaz.legacy_districts[key][dkey]
            now = [(w.name, _known(f"{PLACES}/{current.slug}/{w.slug}/", pages))
                   for w in gaz.current_wards_of_district(dunit)]
            now.sort(key=lambda pair: collation_key(pair[0]))
            term.children.append(Term("district", dkey, f"{dunit.name} (cũ)", f"{term.url}{dunit.slug}/", unit=dunit,
                                      exemplars=dmembers, parent=term, notes={"now": now}))
        term.children.sort(key=lambda t: collation_key(t.label))
        out.append(term)
    return sorted(out, key=lambda t: collation_key(t.unit.short if t.unit else t.label))


def _known(url: str, pages: set[str]) -> str | None:
    return url if url in pages else None


def build_sections(exemplars: list[Exemplar], catalog: Catalog, gaz: Gazetteer) -> dict[str, list[Term]]:
    """All taxonomies: a term only where a public exemplar is filed (no page that lists nothing)."""
    movements = _bucket(exemplars, lambda e: [m.code for m in e.movements])
    fields = _bucket(exemplars, lambda e: [e.field.code])
    kinds = _bucket(exemplars, lambda e: [e.kind.code])
    awards = _bucket(exemplars, lambda e: [a.form.code for a in e.awards])
    years = _bucket(exemplars, lambda e: [e.year])
    places = _place_terms(exemplars, gaz)
    place_urls = {t.url for t in _all_terms(places)}
    return {
        "movements": _catalog_terms("movement", MOVEMENTS, catalog.movements, movements),
        "fields": _catalog_terms("field", FIELDS, catalog.fields, fields),
        "kinds": _catalog_terms("kind", KINDS, catalog.kinds, kinds),
        "awards": _catalog_terms("award", AWARDS, catalog.award_forms, awards),
        "years": [Term("year", str(y), f"Năm {y}", f"{YEARS}/{y}/", exemplars=years[y])
                  for y in sorted(years, reverse=True)],
        "places": places,
        "legacy": _legacy_terms(exemplars, gaz, place_urls),
    }


# -- related exemplars ---------------------------------------------------------------------------------

def related(exemplar: Exemplar, pools: list[list[Exemplar]], positions: list[dict[str, int]],
            limit: int = RELATED) -> list[Exemplar]:
    """Up to ``limit`` exemplars sharing a movement or locality, scored by how much they share.

    Looks only at the few neighbours of ``exemplar`` in each pool (its movements, its province), so the
    cost is bounded per page whatever the corpus size.
    """
    scores: dict[str, tuple[int, int, Exemplar]] = {}
    for rank, (pool, index) in enumerate(zip(pools, positions, strict=True)):
        if len(pool) < 2:
            continue
        at = index[exemplar.slug]
        for step in range(1, min(len(pool), limit + 1)):
            other = pool[(at + step) % len(pool)]
            if other.slug == exemplar.slug:
                continue
            score, first, _ = scores.get(other.slug, (0, rank * 100 + step, other))
            scores[other.slug] = (score + 1, first, other)
    ordered = sorted(scores.values(), key=lambda s: (-s[0], s[1]))
    return [item[2] for item in ordered[:limit]]


# -- pages -----------------------------------------------------------------------------------------------

def listing_pages(term: Term, per_page: int, template: str = "gs-listing.html") -> list[Page]:
    """A term's list, newest first, ``per_page`` cards a page; a list the search page can filter stops at
    :data:`LIST_PAGES` pages and hands the reader the search page's same filter for the rest."""
    full = max(1, math.ceil(term.count / per_page))
    count = min(full, LIST_PAGES) if term.section in SEARCHABLE_SECTIONS else full
    pages = []
    for number in range(1, count + 1):
        title = term.label if number == 1 else f"{term.label} — trang {number}"
        pages.append(Page(paged_url(term.url, number), title, template, "listing", term.description, term=term,
                          items=term.exemplars[(number - 1) * per_page: number * per_page],
                          pagination=Pagination(number, count, term.url, capped=count < full,
                                                listed=min(term.count, count * per_page))))
    return pages


SECTION_TITLES = {
    "movements": ("Phong trào thi đua", MOVEMENTS,
                  "Các phong trào thi đua yêu nước và những gương điển hình trong mỗi phong trào."),
    "places": ("Địa phương", PLACES,
               "Gương điển hình theo tỉnh, thành phố và phường, xã (đơn vị hành chính từ 1/7/2025)."),
    "fields": ("Lĩnh vực", FIELDS, "Gương điển hình theo lĩnh vực công tác, sản xuất, đời sống."),
    "kinds": ("Đối tượng", KINDS, "Cá nhân, tập thể và hộ gia đình tiêu biểu."),
    "years": ("Theo năm", YEARS, "Gương điển hình theo năm được đề xuất, biểu dương."),
    "awards": ("Khen thưởng", AWARDS, "Gương điển hình theo hình thức khen thưởng đã nhận."),
    "legacy": ("Địa giới trước 1/7/2025", f"{PLACES}/{LEGACY}",
               "Gương điển hình theo tỉnh, quận, huyện, thị xã trước khi sắp xếp đơn vị hành chính năm 2025."),
}


def term_key(term: Term) -> str:
    return f"{term.parent.key}/{term.key}" if term.parent else term.key


def _all_terms(terms: list[Term]) -> Iterable[Term]:
    for term in terms:
        yield term
        yield from _all_terms(term.children)


def _plan_pages(published: list[Exemplar], catalog: Catalog, today: dt.date, per_page: int
                ) -> tuple[list[PlanProgress], list[Page], dict[str, bytes]]:
    """Per plan: a progress page, the plan's exemplars (paginated) and its figures as JSON; an overview."""
    progresses = [plan_progress(plan, published, list(catalog.kinds), today) for plan in catalog.plan_models.values()]
    progresses.sort(key=lambda p: (p.plan.period[0], collation_key(p.plan.scope)))
    pages = [Page(f"{PLANS}/", "Kế hoạch và chỉ tiêu", "gs-plans.html", "plans",
                  "Tiến độ thực hiện chỉ tiêu điển hình tiên tiến của các kế hoạch, hạn báo cáo sắp tới.",
                  items=progresses)]
    files: dict[str, bytes] = {}
    for progress in progresses:
        plan = progress.plan
        url = plan_url(plan.code)
        pages.append(Page(url, plan.label, "gs-plan.html", "plan", plan.description, items=[progress],
                          source=plan.source))
        term = Term("plan", plan.code, f"Gương điển hình theo {plan.label}", f"{url}{PLAN_EXEMPLARS}/",
                    plan.title, exemplars=progress.exemplars)
        pages += listing_pages(term, per_page)
        body = json.dumps(progress_json(progress), ensure_ascii=False, indent=1, sort_keys=False)
        files[plan_json_url(plan.code)] = (body + "\n").encode("utf-8")
    return progresses, pages, files


WITHDRAWN_TITLE = "Nội dung đã được gỡ"
WITHDRAWN_TEXT = "Hồ sơ gương điển hình từng đăng ở địa chỉ này đã được gỡ khỏi trang theo yêu cầu."


def withdrawn_page(slug: str) -> Page:
    """The short notice that keeps a withdrawn record's URL answering; it names no one."""
    return Page(exemplar_url(slug), WITHDRAWN_TITLE, "gs-withdrawn.html", "withdrawn", WITHDRAWN_TEXT, hidden=True)


def publishable(exemplars: Iterable[Exemplar]) -> list[Exemplar]:
    """The records outputs may show, in their public view, newest first: drafts left out."""
    return sorted((public(e) for e in exemplars if not e.draft), key=lambda e: e.newest_key)


def build_site(exemplars: list[Exemplar], catalog: Catalog, gaz: Gazetteer, per_page: int = PER_PAGE,
               today: dt.date | None = None, withdrawn: Iterable[Withdrawn] = ()) -> Site:
    """Derive every page of the site from validated exemplars (drafts left out, public views only), plus a
    notice page at the URL of each withdrawn record."""
    published = publishable(exemplars)
    sections = build_sections(published, catalog, gaz)
    pages: list[Page] = []
    index: dict[tuple[str, str], Term] = {}
    terms_of: dict[str, dict[str, list[Term]]] = defaultdict(lambda: defaultdict(list))
    for name, terms in sections.items():
        title, root, description = SECTION_TITLES[name]
        pages.append(Page(f"{root}/", title, "gs-terms.html", "terms", description, items=terms))
        for term in _all_terms(terms):
            index[(term.section, term_key(term))] = term
            pages += listing_pages(term, per_page)
            for exemplar in term.exemplars:
                terms_of[exemplar.slug][term.section].append(term)
    everyone = Term("all", "all", "Tất cả gương điển hình", f"{EXEMPLARS}/",
                    "Tất cả gương điển hình tiên tiến, người tốt việc tốt, mới nhất trước.", exemplars=published)
    pages += listing_pages(everyone, per_page)
    pages.append(Page(f"{SEARCH}/", "Tìm kiếm gương điển hình", "gs-search.html", "search",
                      "Tìm gương điển hình theo tên, địa phương, phong trào; lọc theo năm, lĩnh vực, khen thưởng."))
    pages.append(Page("gioi-thieu/ma-loi/", "Mã lỗi khi kiểm tra hồ sơ", "gs-codes.html", "codes",
                      "Danh sách mã lỗi mà lệnh guongsang check báo, kèm cách sửa.", markdown=CODES_INTRO,
                      items=list(CODES.values())))
    pages.append(Page(SUBMIT_URL, "Gửi câu chuyện", "gs-submit.html", "submit",
                      "Giới thiệu một gương người tốt việc tốt: điền biểu mẫu, trang tạo sẵn tệp hồ sơ để gửi.",
                      markdown=SUBMIT_INTRO))
    pools_by_key = _bucket(published, lambda e: [("m", m.code) for m in e.movements] + [("p", e.locality.province.key)])
    index_by_key = {k: {e.slug: i for i, e in enumerate(pool)} for k, pool in pools_by_key.items()}
    for exemplar in published:
        keys = [("m", m.code) for m in exemplar.movements] + [("p", exemplar.locality.province.key)]
        pages.append(Page(
            exemplar_url(exemplar.slug), exemplar.title, "gs-exemplar.html", "exemplar", exemplar.summary,
            markdown=exemplar.body, exemplar=exemplar, source=exemplar.source,
            related=related(exemplar, [pools_by_key[k] for k in keys], [index_by_key[k] for k in keys]),
        ))
    today = today or dt.date.today()
    progresses, plan_pages, files = _plan_pages(published, catalog, today, per_page)
    pages += plan_pages
    gone = sorted(w.slug for w in withdrawn)
    pages += [withdrawn_page(slug) for slug in gone]
    return Site(published, sections, pages, {e.slug: e for e in published},
                {slug: dict(by_section) for slug, by_section in terms_of.items()}, catalog, index,
                plans=progresses, upcoming=upcoming(list(catalog.plan_models.values()), today), files=files,
                withdrawn=gone)
