"""The country on a CI matrix, simulated on this machine: every province built from one corpus, then assembled.

    python scripts/bench_national.py [--count 100000] [--seed 7] [--work .bench] [--jobs 2]
                                     [--query "nguyen van hung"]

As ``.github/workflows/ca-nuoc.yml`` does on GitHub's runners: N generated records (``scripts/gen_corpus.py``),
checked once for the country (``guongsang national check``); one cold build per current
province with those checks in its otherwise empty cache (``guongsang build --only-province CODE``, 34 shards,
``--jobs`` at a time in place of the matrix's runners); then the assembly (``guongsang national
assemble``). Prints each shard's time, peak RSS and bytes, the assembly's time, the
national site's bytes (with and without images), and the national search's first query measured in Chromium
through the real search page, as ``scripts/bench_search.py`` measures a province's: everything Pagefind
fetches, before typing and for the first query (target ≤ 400 KB).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench import Run, timed
from bench_search import measure
from benchlib import ROOT, generate
from guongsang.outputs import national

BUDGET = 400 * 1024
SITE_URL = "https://example.org/ca-nuoc/"


def shard(corpus: Path, province: dict[str, str], shards: Path, caches: Path) -> Run:
    """One matrix job: the province's sub-site, cold but for the country's record checks."""
    cache = caches / province["code"]
    shutil.rmtree(cache, ignore_errors=True)
    cache.mkdir(parents=True)
    shutil.copyfile(caches / "ca-nuoc" / national.MEMO, cache / national.MEMO)
    site = shards / f"{national.SHARD_PREFIX}{province['code']}"
    command = [sys.executable, "-m", "guongsang.cli", "--root", str(ROOT), "build", "--exemplars", str(corpus),
               "--only-province", province["code"], "--site-url", f"{SITE_URL}{province['slug']}/",
               "--site-dir", str(site), "--today", "2025-11-01", "--cache-dir", str(cache)]
    return timed(province["code"], command, site)


def shard_table(runs: list[Run], names: dict[str, str]) -> str:
    head = f"{'province':<24}{'exemplars':>10}{'wall s':>9}{'peak MiB':>10}{'MB':>9}{'w/o images':>12}"
    lines = [head, "-" * len(head)]
    for r in sorted(runs, key=lambda r: -r.seconds):
        lines.append(f"{r.name + ' ' + names[r.name]:<24}{national.count_exemplars(r.site):>10,}{r.seconds:>9.1f}"
                     f"{r.peak_rss / 2**20:>10.0f}{r.bytes() / 1e6:>9.1f}{r.bytes(images=False) / 1e6:>12.1f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work", type=Path, default=ROOT / ".bench")
    parser.add_argument("--jobs", type=int, default=2, help="shards built at a time (the matrix's runners)")
    parser.add_argument("--query", default="nguyen van hung")
    parser.add_argument("--only", help="build only these provinces (codes, comma-separated), e.g. the largest: "
                                       "the first query's figure holds for the country if its status shows it "
                                       "searched only provinces built here")
    args = parser.parse_args()
    work = args.work.resolve() / f"national-{args.count}"
    shards, caches, out = work / "shards", work / "caches", work / "site"
    shutil.rmtree(shards, ignore_errors=True)
    shards.mkdir(parents=True)
    corpus = generate(args.count, args.seed, args.work.resolve())
    provinces = [p for p in national.provinces() if not args.only or p["code"] in args.only.split(",")]
    shutil.rmtree(caches / "ca-nuoc", ignore_errors=True)
    checked = timed("checks", [sys.executable, "-m", "guongsang.cli", "--root", str(ROOT), "national", "check",
                               "--exemplars", str(corpus), "--cache-dir", str(caches / "ca-nuoc"), "--today",
                               "2025-11-01"], caches / "ca-nuoc")
    started = time.perf_counter()
    with ThreadPoolExecutor(args.jobs) as pool:
        runs = list(pool.map(lambda p: shard(corpus, p, shards, caches), provinces))
    matrix = time.perf_counter() - started
    names = {p["code"]: p["slug"] for p in provinces}
    shard_bytes = sum(r.bytes(images=False) for r in runs)
    print(f"{args.count:,} records, {len(runs)} shards, {args.jobs} at a time\n")
    print(f"record checks, once for the country: {checked.seconds:.1f} s, "
          f"peak RSS {checked.peak_rss / 2**20:,.0f} MiB\n")
    print(shard_table(runs, names))
    print(f"\nshards: {matrix:.1f} s wall, {sum(r.seconds for r in runs):.1f} s summed, slowest "
          f"{max(r.seconds for r in runs):.1f} s (the matrix's wall time with a runner each), "
          f"peak RSS of one shard {max(r.peak_rss for r in runs) / 2**20:,.0f} MiB")
    assembly = timed("assembly", [sys.executable, "-m", "guongsang.cli", "national", "assemble", "--shards",
                                  str(shards), "--out", str(out), "--move"], out)
    print(f"assembly: {assembly.seconds:.1f} s, peak RSS {assembly.peak_rss / 2**20:,.0f} MiB")
    print(f"national site: {assembly.bytes() / 1e6:,.1f} MB, "
          f"without images {assembly.bytes(images=False) / 1e6:,.1f} MB "
          f"(shards without images {shard_bytes / 1e6:,.1f} MB), {len(assembly.files()):,} files")
    r = measure(out, args.query)
    first_query = r["pagefind_before"] + r["query_bytes"]
    print(f"national search page (HTML, CSS, JS): {r['page_bytes'] / 1024:.0f} KB")
    print("Pagefind before typing (runtime, first province's entry and metadata): "
          f"{r['pagefind_before'] / 1024:.0f} KB")
    print(f"first query “{args.query}”: {r['query_bytes'] / 1024:.0f} KB in {r['query_requests']} requests, results "
          f"after {r['seconds'] * 1000:.0f} ms — {r['status']}")
    print(f"national first query, everything Pagefind included: {first_query / 1024:.0f} KB "
          f"(target ≤ {BUDGET // 1024} KB: {'OK' if first_query <= BUDGET else 'OVER'})")


if __name__ == "__main__":
    main()
