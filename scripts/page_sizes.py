"""Page size against corpus size: build N synthetic records for each N and compare the HTML per page.

    python scripts/page_sizes.py --counts 100 2000 [--seed 7] [--work .bench]

Prints, for each corpus, the build time and the HTML bytes of exemplar and listing pages, then the ratio of the
largest to the smallest corpus — which should stay ≈ 1.00: no page may grow with the corpus.
"""

from __future__ import annotations

import argparse
import os
import statistics
from pathlib import Path

from benchlib import ROOT, build, generate


def measure(count: int, seed: int, work: Path) -> dict[str, float]:
    site = work / f"site-{count}"
    seconds = build(generate(count, seed, work), site)
    exemplar_pages = [p.stat().st_size for p in (site / "guong").glob("*/index.html")]
    listing_pages = [p.stat().st_size for p in (site / "phong-trao").rglob("index.html")]
    files = [p for p in site.rglob("*") if p.is_file()]
    return {
        "count": count, "seconds": seconds, "pages": sum(1 for p in files if p.suffix == ".html"),
        "exemplar_median": statistics.median(exemplar_pages), "exemplar_max": max(exemplar_pages),
        "listing_max": max(listing_pages), "bytes": sum(p.stat().st_size for p in files),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--counts", type=int, nargs="+", default=[100, 2000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work", type=Path, default=ROOT / ".bench")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("PYTHONHASHSEED", "0")
    rows = [measure(n, args.seed, args.work) for n in sorted(args.counts)]
    print(f"{'records':>8} {'build s':>8} {'pages':>7} {'exemplar median':>16} {'exemplar max':>13} "
          f"{'listing max':>12} {'site MB':>8}")
    for r in rows:
        print(f"{r['count']:>8} {r['seconds']:>8.1f} {r['pages']:>7} {r['exemplar_median']:>16,.0f} "
              f"{r['exemplar_max']:>13,.0f} {r['listing_max']:>12,.0f} {r['bytes'] / 1e6:>8.1f}")
    small, large = rows[0], rows[-1]

    def ratio(key: str) -> float:
        return large[key] / small[key]

    per_record = (large["seconds"] / large["count"]) / (small["seconds"] / small["count"])
    print(f"ratio {large['count']}/{small['count']}: exemplar median {ratio('exemplar_median'):.3f}, "
          f"exemplar max {ratio('exemplar_max'):.3f}, listing max {ratio('listing_max'):.3f}, "
          f"build time per record {per_record:.2f}")


if __name__ == "__main__":
    main()
