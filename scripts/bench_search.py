"""Search at province scale: build N generated records, then measure a reader's first search in Chromium.

    python scripts/bench_search.py [--count 10000] [--seed 7] [--work .bench] [--query "nguyen van hung"]

Prints, from one real browser session on loopback: the bytes the search page loads before the reader types
(Pagefind runtime, entry, metadata, filters), the bytes the first query adds (index chunks and result
fragments), and the time from the keystroke to rendered results. The target: the first query, everything
included, transfers ≤ 300 KB. Sizes are bytes on the wire from a server that gzips text like GitHub Pages
(Pagefind's own data files are already compressed).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from benchlib import CHROMIUM_ARGS, ROOT, build, generate, serve

BUDGET = 300 * 1024


def measure(site: Path, query: str) -> dict[str, float]:
    sizes: list[tuple[str, int]] = []
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 412, "height": 915})
        page.on("requestfinished", lambda r: sizes.append((r.url, r.sizes()["responseBodySize"])))
        page.goto(f"{base}tim-kiem/")
        page.wait_for_selector("html[data-gs-search-ready]")
        page.wait_for_load_state("networkidle")
        before = len(sizes)
        started = time.perf_counter()
        page.fill("#gs-search-q", query)
        page.wait_for_selector(".gs-result", timeout=60_000)
        page.wait_for_selector("html:not([data-gs-busy])", state="attached", timeout=60_000)
        seconds = time.perf_counter() - started
        page.wait_for_load_state("networkidle")
        results = page.locator("[data-gs-status]").inner_text()
        browser.close()
    pagefind = [s for u, s in sizes[:before] if "/pagefind/" in u]
    return {
        "page_bytes": sum(s for u, s in sizes[:before] if "/pagefind/" not in u),
        "pagefind_before": sum(pagefind),
        "query_bytes": sum(s for _, s in sizes[before:]),
        "query_requests": len(sizes) - before,
        "seconds": seconds,
        "status": results,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work", type=Path, default=ROOT / ".bench")
    parser.add_argument("--query", default="nguyen van hung")
    parser.add_argument("--site", type=Path, help="measure an already built site instead of building one")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    if args.site:
        site, build_seconds = args.site, float("nan")
    else:
        site = args.work / f"site-search-{args.count}"
        build_seconds = build(generate(args.count, args.seed, args.work), site, quiet=False)
    bundle = sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())
    r = measure(site, args.query)
    first_query = r["pagefind_before"] + r["query_bytes"]
    print(
        f"records: {args.count if not args.site else '?'}   build: {build_seconds:.1f} s   "
        f"Pagefind bundle on disk: {bundle / 1e6:.1f} MB"
    )
    print(f"search page (HTML, CSS, JS, images): {r['page_bytes'] / 1024:.0f} KB")
    print(f"Pagefind before typing (runtime, entry, metadata, filters): {r['pagefind_before'] / 1024:.0f} KB")
    print(
        f"first query “{args.query}”: {r['query_bytes'] / 1024:.0f} KB in {r['query_requests']} requests, "
        f"results shown after {r['seconds'] * 1000:.0f} ms — {r['status']}"
    )
    print(
        f"first query transfer, everything Pagefind included: {first_query / 1024:.0f} KB "
        f"(budget {BUDGET // 1024} KB: {'OK' if first_query <= BUDGET else 'OVER'})"
    )


if __name__ == "__main__":
    main()
