"""Speed and scale, measured in one run: guongsang against the floor and the Material blog plugin.

    python scripts/bench.py [--count 2000] [--seed 7] [--work .bench] [--no-blog]

For N generated records (``scripts/gen_corpus.py``) it builds, each in a fresh process:

- **guongsang**: everything (exemplar pages, taxonomies and localities with pagination, search index), cold
  (empty cache), then again with nothing changed (warm);
- **floor**: the same N Markdown bodies as a plain MkDocs-Material site, pages ``not_in_nav``, no plugins;
- **blog**: the same bodies as posts of Material's blog plugin with categories (the movements) — skip it
  with ``--no-blog`` for large N.

and prints wall time, peak RSS of the whole process tree (Pagefind included), output bytes (with and
without images), HTML bytes of the median exemplar page, file count, and the ratios the targets are
stated in, then each target beside its figure: output size, peak RSS, the cold build's time at 10,000
records, and the exemplar page against the same page of a 100-record build made in the same run. Shared
machines are noisy: compare the ratios of one run, not absolute times across runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import yaml

from bench_bound import physical_bound
from benchlib import ROOT, generate

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif"}
TODAY = "2025-11-01"
# The same Markdown extensions as the project, so every build does the same Markdown work.
EXTENSIONS = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8")).get("markdown_extensions", [])


@dataclass
class Run:
    name: str
    seconds: float
    peak_rss: int
    site: Path
    cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds by process kind (see ``_kind``)

    def files(self) -> list[Path]:
        return [p for p in self.site.rglob("*") if p.is_file()]

    def bytes(self, images: bool = True) -> int:
        return sum(p.stat().st_size for p in self.files() if images or p.suffix.lower() not in IMAGE_SUFFIXES)

    def exemplar_html(self, pattern: str) -> int:
        """Median size of the pages matching ``pattern`` (one page per record)."""
        sizes = [p.stat().st_size for p in self.site.glob(pattern)]
        return int(statistics.median(sizes)) if sizes else 0


WORKERS = {"gs-render": "render", "gs-cards": "cards", "gs-checks": "checks"}  # guongsang.filecache names


def _kind(process: psutil.Process, root: int) -> str:
    """What a process of the build's tree is: the build itself, one of its named workers, Pagefind, or other."""
    if process.pid == root:
        return "main"
    if "pagefind" in " ".join(process.cmdline()).lower():
        return "Pagefind"
    return WORKERS.get(process.name(), "other")


def timed(name: str, command: list[str], site: Path, cwd: Path = ROOT) -> Run:
    """Run ``command`` in a fresh process; wall time, and peak RSS and CPU time summed over its process tree
    (CPU sampled every 50 ms, so a process that lives shorter than that may be missed)."""
    started = time.perf_counter()
    process = psutil.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()
    seen: dict[tuple[int, float], tuple[str, float]] = {}  # (pid, start time) → (kind, CPU seconds so far)

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            try:
                tree = [process, *process.children(recursive=True)]
                rss = 0
                for p in tree:
                    with p.oneshot():
                        rss += p.memory_info().rss
                        times = p.cpu_times()
                        key = (p.pid, p.create_time())
                        # a worker names itself once started: asked again until it has
                        kind = seen[key][0] if key in seen and seen[key][0] != "other" else _kind(p, process.pid)
                        seen[key] = (kind, times.user + times.system)
                peak = max(peak, rss)
            except psutil.Error:
                pass
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode:
        sys.exit(f"{name} failed:\n{err.decode(errors='replace')[-3000:]}")
    print(f"  {name}: {seconds:.1f} s", file=sys.stderr, flush=True)
    cpu: dict[str, float] = {}
    for kind, spent in seen.values():
        cpu[kind] = cpu.get(kind, 0.0) + spent
    return Run(name, seconds, peak, site, cpu)


FEED_NAMES = {"rss.xml", "atom.xml", "feed.json"}
PAGED = re.compile(r"trang-\d+")


def output_kind(relative: Path) -> str:
    """Which part of the site a published file belongs to, for the table of where the bytes go."""
    parts = relative.parts
    if relative.suffix.lower() in IMAGE_SUFFIXES:
        return "images and cards"
    if relative.name in FEED_NAMES:
        return "feeds"
    if parts[0] == "du-lieu" and relative.suffix in {".json", ".csv", ".gz"}:
        return "open data"
    if parts[0] == "pagefind":
        return "search index"
    if relative.suffix == ".html":
        exemplar = len(parts) == 3 and parts[0] == "guong" and not PAGED.fullmatch(parts[1])
        return "exemplar pages" if exemplar else "other pages"
    return "other files"


KINDS = ("exemplar pages", "other pages", "feeds", "open data", "search index", "other files", "images and cards")


def breakdown(run: Run) -> dict[str, tuple[int, int]]:
    """Bytes and file count of each kind of output (``output_kind``)."""
    out = {kind: (0, 0) for kind in KINDS}
    for path in run.files():
        kind = output_kind(path.relative_to(run.site))
        size, count = out[kind]
        out[kind] = (size + path.stat().st_size, count + 1)
    return out


def records(corpus: Path) -> list[tuple[str, dict, str]]:
    """(slug, front matter, body) of every generated record."""
    out = []
    for path in sorted(corpus.rglob("*.md")):
        _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
        out.append((path.stem, yaml.safe_load(head), body))
    return out


def write_floor(corpus: Path, project: Path) -> Path:
    """The same bodies as plain Material pages, none in the nav, no plugins (not even search)."""
    shutil.rmtree(project, ignore_errors=True)
    docs = project / "docs" / "guong"
    docs.mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# Gương sáng\n", encoding="utf-8")
    for slug, meta, body in records(corpus):
        (docs / f"{slug}.md").write_text(f"# {meta['title']}\n\n{body}", encoding="utf-8")
    config = {"site_name": "Floor", "theme": {"name": "material", "language": "vi", "font": False},
              "plugins": [], "nav": ["index.md"], "not_in_nav": "/guong/", "markdown_extensions": EXTENSIONS}
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return project


def write_blog(corpus: Path, project: Path) -> Path:
    """The same bodies as blog posts, categorised by movement — what an MkDocs user would reach for."""
    shutil.rmtree(project, ignore_errors=True)
    posts = project / "docs" / "blog" / "posts"
    posts.mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# Gương sáng\n", encoding="utf-8")
    (project / "docs" / "blog" / "index.md").write_text("# Gương điển hình\n", encoding="utf-8")
    for i, (slug, meta, body) in enumerate(records(corpus)):
        front = {"date": dt.date(int(meta["year"]), i % 12 + 1, i % 28 + 1),
                 "categories": [str(m) for m in meta.get("movements", [])], "slug": slug}
        header = yaml.safe_dump(front, allow_unicode=True)
        (posts / f"{slug}.md").write_text(f"---\n{header}---\n\n# {meta['title']}\n\n{body}", encoding="utf-8")
    config = {"site_name": "Blog", "theme": {"name": "material", "language": "vi", "font": False},
              "plugins": [{"blog": {"categories": True}}], "nav": ["index.md", "blog/index.md"],
              "markdown_extensions": EXTENSIONS}
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return project


def mkdocs(name: str, project: Path) -> Run:
    site = project / "site"
    return timed(name, [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)], site, project)


def guongsang(name: str, corpus: Path, site: Path, cache: Path, *options: str) -> Run:
    command = [sys.executable, "-m", "guongsang.cli", "--root", str(ROOT), "build", "--exemplars", str(corpus),
               "--site-dir", str(site), "--today", TODAY, "--cache-dir", str(cache), *options]
    run = timed(name, command, site)
    _settled(site)
    return run


def _settled(site: Path) -> None:
    """Wait, untimed, until the site a build replaced is deleted (by a process of its own, which the build does
    not wait for), so that the next build is measured alone."""
    deadline = time.monotonic() + 300
    while any(site.parent.glob(f".{site.name}-*-retired")) and time.monotonic() < deadline:
        time.sleep(0.1)


def table(runs: list[Run], sections: dict[str, str]) -> str:
    head = f"{'build':<18}{'wall s':>9}{'peak RSS MiB':>13}{'output MB':>11}{'w/o images':>12}" \
           f"{'exemplar HTML':>15}{'files':>8}"
    lines = [head, "-" * len(head)]
    for r in runs:
        lines.append(f"{r.name:<18}{r.seconds:>9.1f}{r.peak_rss / 2**20:>13.0f}{r.bytes() / 1e6:>11.1f}"
                     f"{r.bytes(images=False) / 1e6:>12.1f}{r.exemplar_html(sections[r.name]):>15,}"
                     f"{len(r.files()):>8,}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work", type=Path, default=ROOT / ".bench")
    parser.add_argument("--no-blog", action="store_true", help="skip the blog build (slow at large N)")
    args = parser.parse_args()
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    corpus = generate(args.count, args.seed, work)
    cache = work / f"cache-{args.count}"
    shutil.rmtree(cache, ignore_errors=True)
    runs = [guongsang("guongsang cold", corpus, work / f"site-{args.count}", cache),
            guongsang("guongsang warm", corpus, work / f"site-{args.count}", cache),
            mkdocs("floor", write_floor(corpus, work / f"floor-{args.count}"))]
    if not args.no_blog:
        runs.append(mkdocs("blog", write_blog(corpus, work / f"blog-{args.count}")))
    runs.append(one_edit(corpus, work / f"site-{args.count}", cache))
    by = {r.name: r for r in runs}
    sections = {r.name: "guong/*/index.html" for r in runs} | {"blog": "blog/20*/*/*/*/index.html"}
    cold, warm, floor = by["guongsang cold"], by["guongsang warm"], by["floor"]
    print(f"{args.count:,} records — {len(list((cold.site / 'guong').glob('*/index.html'))):,} exemplar pages, "
          f"{sum(1 for _ in cold.site.rglob('*.html')):,} HTML pages in all\n")
    print(table(runs, sections))
    print()
    print(cpu_table(runs))
    print()
    print(bytes_table(cold, floor))
    print()
    print(f"guongsang cold / floor: {cold.seconds / floor.seconds:.2f}  (target ≤ 2.0, aim 1.5: #24)")
    if "blog" in by:
        print(f"blog / guongsang cold:  {by['blog'].seconds / cold.seconds:.2f}  (target ≥ 4: #24)")
    print(f"cold / warm:            {cold.seconds / warm.seconds:.2f}  (target ≥ 3)")
    edit = by["guongsang one edit"].seconds
    print(f"one edit:               {edit:.1f} s = {edit / floor.seconds:.2f} × the floor  (a pull request's build, "
          "cache restored; target ≤ 20 s at 10,000 records: #24)")
    print(f"output without images:  {cold.bytes(images=False) / 1e6:.1f} MB "
          f"→ {1e9 / max(1, cold.bytes(images=False)) * args.count:,.0f} records fit GitHub Pages' 1 GB"
          f"  (target ≤ 300 MB at 10,000 records, aim 250: #24)")
    peak = max(r.peak_rss for r in runs if r.name.startswith("guongsang"))
    print(f"peak RSS:               {peak / 2**20:,.0f} MiB = {peak / 1e9:.2f} GB  "
          "(target ≤ 1.5 GB at 10,000 records: #24)")
    if args.count >= 10_000:
        print(f"cold build:             {cold.seconds:.1f} s  (target ≤ 45 s at 10,000 records: #24)")
    print(required_work(cold, floor))
    print(physical_bound(corpus, floor.seconds, cold.seconds, work / f"bound-{args.count}"))
    if args.count != REFERENCE_COUNT:
        print(exemplar_growth(cold.exemplar_html(sections["guongsang cold"]), args.seed, work))
    print(collection_pages(cold.site))


def collection_pages(site: Path) -> str:
    """The map, timeline and table pages against their budgets (#23; ``scripts/collection_sizes.py``)."""
    from collection_sizes import report

    return "\n" + report(site)


def one_edit(corpus: Path, site: Path, cache: Path) -> Run:
    """A pull request's build: the cache of the last build restored, one record's story edited, the search
    index kept and the edited page indexed beside it (``--search-delta``, as the preview workflow builds)."""
    record = min(corpus.rglob("*.md"))
    text = record.read_text(encoding="utf-8")
    try:
        record.write_text(text.rstrip("\n") + "\n\nĐoạn thêm vào để đo một lần sửa.\n", encoding="utf-8")
        return guongsang("guongsang one edit", corpus, site, cache, "--search-delta")
    finally:
        record.write_text(text, encoding="utf-8")


def cpu_table(runs: list[Run]) -> str:
    """CPU seconds by process kind: what the two cores spent, which a faster build would have to spend less of."""
    kinds = ("main", "render", "cards", "checks", "Pagefind", "other")
    head = f"{'CPU s':<18}" + "".join(f"{k:>9}" for k in kinds) + f"{'total':>9}{'cores busy':>12}"
    lines = [head, "-" * len(head)]
    for r in runs:
        total = sum(r.cpu.values())
        lines.append(f"{r.name:<18}" + "".join(f"{r.cpu.get(k, 0.0):>9.1f}" for k in kinds)
                     + f"{total:>9.1f}{total / r.seconds:>12.2f}")
    return "\n".join(lines)


def bytes_table(cold: Run, floor: Run) -> str:
    """Where the cold build's bytes go, beside the floor's."""
    ours, theirs = breakdown(cold), breakdown(floor)
    head = f"{'output':<18}{'guongsang MB':>14}{'files':>9}{'floor MB':>10}{'files':>9}"
    lines = [head, "-" * len(head)]
    for kind in KINDS:
        (size, count), (fsize, fcount) = ours[kind], theirs[kind]
        lines.append(f"{kind:<18}{size / 1e6:>14.1f}{count:>9,}{fsize / 1e6:>10.1f}{fcount:>9,}")
    return "\n".join(lines)


def required_work(cold: Run, floor: Run) -> str:
    """What other issues require of every build, which no change to page rendering can remove: Pagefind's
    index (#4), the feeds and open data (#6) and, for the time, the social cards (#9) and the half of the record
    checks done in a worker (a lower bound: the other half runs in the main process). Set beside the floor, it
    shows how much room the ratio and size targets leave for everything else."""
    parts = breakdown(cold)
    required = sum(parts[k][0] for k in ("feeds", "open data", "search index"))
    floor_pages = floor.bytes(images=False)
    fixed_cpu = sum(cold.cpu.get(kind, 0.0) for kind in ("cards", "checks", "Pagefind"))
    return (f"required outputs:       feeds + open data + search index {required / 1e6:.1f} MB; with pages as small as "
            f"the floor's ({floor_pages / 1e6:.1f} MB) {(required + floor_pages) / 1e6:.1f} MB before any list page\n"
            f"required CPU:           cards + record checks' worker + Pagefind {fixed_cpu:.1f} s on "
            f"{psutil.cpu_count()} cores = {fixed_cpu / (psutil.cpu_count() or 1) / floor.seconds:.2f} × the floor's "
            "wall time before any page is rendered")


REFERENCE_COUNT = 100
EXEMPLAR_BUDGET = 15_000  # bytes of HTML for the median exemplar page, at any corpus size (issue 19: 15 KB)


def exemplar_growth(size: int, seed: int, work: Path) -> str:
    """The median exemplar page against the same at 100 records (built now, cold): page size must not grow
    with the corpus."""
    cache = work / f"cache-{REFERENCE_COUNT}"
    shutil.rmtree(cache, ignore_errors=True)
    small = guongsang("reference", generate(REFERENCE_COUNT, seed, work), work / f"site-{REFERENCE_COUNT}", cache)
    base = small.exemplar_html("guong/*/index.html")
    within = "met" if max(size, base) <= EXEMPLAR_BUDGET else "NOT MET"
    return (f"exemplar page:          {size:,} B against {base:,} B at {REFERENCE_COUNT} records "
            f"({(size - base) / base:+.1%}, target within ±10 %)\n"
            f"exemplar page HTML:     {size:,} B here, {base:,} B at {REFERENCE_COUNT} records "
            f"(target ≤ {EXEMPLAR_BUDGET:,} B at both: {within})")


if __name__ == "__main__":
    main()
