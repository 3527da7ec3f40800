"""Search relevance at province scale: a judged query set run through the real search page in Chromium.

    python scripts/bench_relevance.py [--count 10000] [--seed 7] [--work .bench] [--old-site DIR] [--site DIR]

Generates ``--count`` fictional records (``scripts/gen_corpus.py``), plants the judged records of
:data:`PLANTED` beside them, builds the site (or measures the sites given), then types each query of
:data:`QUERIES` into ``/tim-kiem/`` in a fresh browser context (empty cache: every query is a first query) and
reads the first ten results. Each result is graded by the query's rule over the corpus (2 = what the reader
meant, 1 = related, 0 = not), and the script prints P@1, MRR and nDCG@10, whether a query typed with full
diacritics puts a page having its exact syllables first, and the bytes each first query transfers (the
worst one against the 300 KB budget). With ``--old-site`` (a site built from ``main``), both rankings are
printed side by side.
"""

from __future__ import annotations

import argparse
import math
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import sync_playwright

from benchlib import CHROMIUM_ARGS, ROOT, build, generate, serve
from guongsang.model.records import Exemplar
from guongsang.model.text import fold, nfc
from guongsang.project import Settings, load

BUDGET = 300 * 1024
TOP = 10
_WORD = re.compile(r"\w+")

# Planted records (fictional people and units in real places): what the judged queries look for, and the
# look-alikes that only match the folded form or the words scattered.
PLANTED = """
nguyen-thi-huong-planted | Nguyễn Thị Hường | phường Phú Thượng, quận Tây Hồ, Hà Nội
    | Người nữ công nhân môi trường tận tụy | Chị Hường gắn bó hai mươi năm với công việc thu gom rác thải.
tran-thi-huong-planted | Trần Thị Hương | phường Phú Thượng, quận Tây Hồ, Hà Nội
    | Cô giáo vùng cao | Cô Hương dạy học ở điểm trường xa.
le-van-duc-planted | Lê Văn Đức | xã Yên Sở, huyện Hoài Đức, Hà Nội
    | Người thầy thuốc của làng | Anh Đức khám bệnh miễn phí cho người cao tuổi trong xã.
pham-van-hien-planted | Phạm Văn Hiền | xã Yên Sở, huyện Hoài Đức, Hà Nội
    | Người cựu chiến binh hiền lành | Ông Hiền vận động bà con giữ gìn vệ sinh đường làng, trồng cây xanh.
dang-thi-hoa-planted | Đặng Thị Hoa | phường Thanh Xuân Trung, quận Thanh Xuân, Hà Nội
    | Tổ trưởng dân phố tận tâm | Bà Hoa vận động các hộ giữ gìn trật tự, mỹ quan khu phố.
vu-van-thanh-planted | Vũ Văn Thanh | phường Xuân Tảo, quận Bắc Từ Liêm, Hà Nội
    | Người giữ lửa phong trào thể thao | Anh Thanh tổ chức các giải bóng đá cho thanh niên phường Xuân Tảo.
"""  # slug | name | locality | title | summary (each a person, "cá nhân")


@dataclass(frozen=True)
class Query:
    text: str
    kind: str  # name, syllable, place, phrase, typo
    grade: Callable[[Exemplar], int]


def _words(text: str) -> list[str]:
    return _WORD.findall(nfc(text).lower())


def _has_phrase(text: str, phrase: str, exact: bool) -> bool:
    norm = (lambda s: " ".join(_words(s))) if exact else (lambda s: " ".join(_words(fold(s))))
    return f" {norm(phrase)} " in f" {norm(text)} "


def _typed_exact(query: str) -> bool:
    return fold(query) != query.lower()


def _places(e: Exemplar) -> str:
    loc = e.locality
    return " | ".join([loc.current_label, loc.written, loc.legacy_label])


def _everything(e: Exemplar) -> str:
    return " | ".join([e.name, e.title, e.summary, _places(e), *e.achievements, *e.tags, e.body])


def by_name(query: str) -> Callable[[Exemplar], int]:
    """2: the name holds the query as typed (exact if typed with diacritics, else folded)."""
    exact = _typed_exact(query)
    return lambda e: 2 if _has_phrase(e.name, query, exact) else 0


def by_syllable(query: str) -> Callable[[Exemplar], int]:
    """2: in the name; 1: in the place, title or summary (exact when typed exact)."""
    exact = _typed_exact(query)

    def grade(e: Exemplar) -> int:
        if _has_phrase(e.name, query, exact):
            return 2
        return 1 if _has_phrase(" | ".join([_places(e), e.title, e.summary]), query, exact) else 0
    return grade


def by_place(query: str) -> Callable[[Exemplar], int]:
    """2: the exemplar's place (current or legacy) holds the query; 1: the name does."""
    exact = _typed_exact(query)

    def grade(e: Exemplar) -> int:
        if _has_phrase(_places(e), query, exact):
            return 2
        return 1 if _has_phrase(e.name, query, exact) else 0
    return grade


def by_phrase(query: str) -> Callable[[Exemplar], int]:
    """2: the phrase in the title, summary, achievements or tags; 1: in the story."""
    exact = _typed_exact(query)

    def grade(e: Exemplar) -> int:
        if _has_phrase(" | ".join([e.title, e.summary, *e.achievements, *e.tags]), query, exact):
            return 2
        return 1 if _has_phrase(e.body, query, exact) else 0
    return grade


def queries(records: list[Exemplar]) -> list[Query]:
    """The judged set: planted names, names drawn from the corpus, single syllables, places old and new,
    movement phrases from the plans, and one-letter typos."""
    people = [e for e in records if e.kind.code == "ca-nhan" and not e.slug.endswith("-planted")]
    drawn = [people[i * len(people) // 8].name for i in range(8)]
    named = ["Nguyễn Thị Hường", "Lê Văn Đức", "Phạm Văn Hiền", "Đặng Thị Hoa", "Vũ Văn Thanh", *drawn[:5]]
    out = [Query(n, "name", by_name(n)) for n in named]
    out += [Query(fold(n), "name", by_name(fold(n))) for n in [*named[:5], *drawn[5:]]]
    out += [Query(s, "syllable", by_syllable(s)) for s in ("Đức", "Hường", "Hiền", "Thanh", "Hoa", "duc")]
    out += [Query(p, "place", by_place(p)) for p in (
        "Thanh Xuân", "thanh xuan", "Tây Hồ", "tay ho", "Hoài Đức", "Bắc Từ Liêm", "Xuân Tảo", "phu thuong")]
    out += [Query(p, "phrase", by_phrase(p)) for p in (
        "hiến đất", "hien dat", "xây dựng nông thôn mới", "xay dung nong thon moi", "hiến máu", "hien mau",
        "người tốt việc tốt", "đô thị văn minh")]
    typos = {"nguyen thi huogn": "nguyen thi huong", "le van duk": "le van duc", "pham van hein": "pham van hien",
             "dang thi hao": "dang thi hoa", "vu van tanh": "vu van thanh"}
    out += [Query(t, "typo", by_name(right)) for t, right in typos.items()]
    return out


def plant(corpus: Path) -> None:
    """Write the planted records into the corpus (same shape as the generated ones)."""
    folder = corpus / "planted"
    folder.mkdir(exist_ok=True)
    for line in PLANTED.strip().replace("\n    |", " |").splitlines():
        slug, name, locality, title, summary = (part.strip() for part in line.split("|"))
        first = name.split()[-1]
        text = (f'---\ntitle: "{title}"\nname: {name}\nkind: cá nhân\nmovements:\n  - lam-theo-guong-dien-hinh\n'
                f"field: nong-thon-moi\nlocality: {locality}\nunit: UBND phường\nyear: 2024\nsummary: {summary}\n"
                "awards:\n  - form: Giấy khen\n    level: chu-tich-ubnd-xa\n    year: 2024\n"
                "    decision: 1234/QĐ-UBND\nconsent:\n"
                f"  by: {name}\n  date: 2024-03-01\n  method: van-ban\n---\n"
                f"{summary} Bà con trong khu dân cư quý mến {first} vì sự tận tụy, gần gũi.\n")
        (folder / f"{slug}.md").write_text(text, encoding="utf-8")


@dataclass
class Measured:
    urls: list[str]
    bytes: int
    seconds: float


def run_queries(site: Path, todo: list[Query]) -> list[Measured]:
    out = []
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for q in todo:
            context = browser.new_context(viewport={"width": 412, "height": 915})
            page = context.new_page()
            sizes: list[tuple[str, int]] = []
            page.on("requestfinished", lambda r, s=sizes: s.append((r.url, r.sizes()["responseBodySize"])))
            page.goto(f"{base}tim-kiem/")
            page.wait_for_selector("html[data-gs-search-ready]")
            page.wait_for_load_state("networkidle")
            started = time.perf_counter()
            page.fill("#gs-search-q", q.text)
            page.wait_for_selector("html:not([data-gs-busy])", state="attached", timeout=60_000)
            seconds = time.perf_counter() - started
            page.wait_for_load_state("networkidle")
            urls = page.eval_on_selector_all(".gs-result__link", "els => els.map(e => e.href)")[:TOP]
            out.append(Measured(urls, sum(s for u, s in sizes if "/pagefind/" in u), seconds))
            context.close()
        browser.close()
    return out


def _slug(url: str) -> str:
    found = re.search(r"/guong/([^/]+)/", url)
    return found.group(1) if found else ""


def scores(todo: list[Query], measured: list[Measured], by_slug: dict[str, Exemplar]) -> list[dict[str, float]]:
    out = []
    for q, m in zip(todo, measured, strict=True):
        grades = [q.grade(by_slug[s]) if (s := _slug(u)) in by_slug else 0 for u in m.urls]
        ideal = sorted((q.grade(e) for e in by_slug.values()), reverse=True)[:TOP]
        dcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(grades))
        idcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal)) or 1.0
        rr = next((1 / (i + 1) for i, g in enumerate(grades) if g > 0), 0.0)
        exact_first = float("nan")
        if _typed_exact(q.text) and any(_has_phrase(_everything(e), q.text, True) for e in by_slug.values()):
            top = by_slug.get(_slug(m.urls[0])) if m.urls else None
            exact_first = float(bool(top) and all(
                _has_phrase(_everything(top), w, True) for w in _words(q.text)))
        out.append({"p1": float(bool(grades) and grades[0] > 0), "rr": rr, "ndcg": dcg / idcg,
                    "exact_first": exact_first, "bytes": m.bytes, "seconds": m.seconds})
    return out


def _mean(values: list[float]) -> float:
    kept = [v for v in values if not math.isnan(v)]
    return sum(kept) / len(kept) if kept else float("nan")


def report(todo: list[Query], results: dict[str, list[dict[str, float]]]) -> None:
    names = list(results)
    print(f"{'query':<28}{'kind':<9}" + "".join(f"{n + ' P@1 RR nDCG KB':>30}" for n in names))
    for i, q in enumerate(todo):
        cells = "".join(f"{r[i]['p1']:>10.0f}{r[i]['rr']:>6.2f}{r[i]['ndcg']:>6.2f}{r[i]['bytes'] / 1024:>8.0f}"
                        for r in results.values())
        print(f"{q.text:<28}{q.kind:<9}{cells}")
    print()
    for name, r in results.items():
        exact = [x["exact_first"] for x in r if not math.isnan(x["exact_first"])]
        worst = max(r, key=lambda x: x["bytes"])
        print(f"{name}: P@1 {_mean([x['p1'] for x in r]):.3f}   MRR {_mean([x['rr'] for x in r]):.3f}   "
              f"nDCG@10 {_mean([x['ndcg'] for x in r]):.3f}   exact form first {sum(exact):.0f}/{len(exact)}   "
              f"first-query bytes: mean {_mean([x['bytes'] for x in r]) / 1024:.0f} KB, worst "
              f"{worst['bytes'] / 1024:.0f} KB “{todo[r.index(worst)].text}” "
              f"({'OK' if worst['bytes'] <= BUDGET else 'OVER'} {BUDGET // 1024} KB)   "
              f"slowest {max(x['seconds'] for x in r) * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work", type=Path, default=ROOT / ".bench")
    parser.add_argument("--site", type=Path, help="measure this already built site instead of building one")
    parser.add_argument("--old-site", type=Path, help="a site built from main, measured side by side")
    parser.add_argument("--corpus-only", action="store_true", help="generate and plant the corpus, then stop")
    parser.add_argument("--limit", type=int, default=0, help="only the first N queries (for a quick look)")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    corpus = args.work / f"corpus-{args.count}"
    if not (corpus / "planted").is_dir():
        generate(args.count, args.seed, args.work)
        plant(corpus)
    print(f"corpus: {corpus}", flush=True)
    if args.corpus_only:
        return
    site = args.site or args.work / f"site-relevance-{args.count}"
    if not args.site:
        print(f"build: {build(corpus, site, quiet=False):.0f} s", flush=True)
    records = load(Settings.at(ROOT, exemplars=corpus), derive=False).records
    by_slug = {e.slug: e for e in records}
    todo = queries(records)
    if args.limit:
        todo = todo[:args.limit]
    sites = {"new": site} | ({"old": args.old_site} if args.old_site else {})
    results = {name: scores(todo, run_queries(path, todo), by_slug) for name, path in sites.items()}
    print(f"{len(todo)} judged queries over {len(records)} records (top {TOP} graded)")
    report(todo, results)


if __name__ == "__main__":
    main()
