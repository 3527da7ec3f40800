"""The physical bound of a guongsang build: the floor plus the work other issues require of every build, each
part run alone on the same records, in a fresh process of its own.

    python scripts/bench_bound.py PART --exemplars CORPUS --work DIR     # one part; prints its seconds

The parts: the record checks (every check of every record, #3 and #11), a social card per exemplar (#9) and
Pagefind's index of every exemplar (#4). Each is timed from when its input is ready (records loaded, stories
converted) to when its output is written, so the bound is what no renderer can go below on this machine:
the floor's bare pages plus these parts one after the other. ``bench.py`` prints it beside the floor, with how
far the cold build is from it (:func:`physical_bound`).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

import markdown

from guongsang.model.memo import StoredMemo
from guongsang.outputs import media
from guongsang.outputs.fonts import FONTS_DIR
from guongsang.outputs.search import document_of
from guongsang.outputs.search_shards import ShardedIndexer, shard_count
from guongsang.project import Loaded, Settings, load
from guongsang.render.templating import image_url
from guongsang.site.derive import exemplar_url

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2025-11-01"
PARTS = ("checks", "cards", "Pagefind")


def _settings(corpus: Path) -> Settings:
    import datetime as dt

    return Settings.at(ROOT, str(corpus), today=dt.date.fromisoformat(TODAY), contests=None)  # as bench.py builds


def checks(corpus: Path, work: Path) -> float:
    """Load and check every record, nothing remembered from an earlier run."""
    memo = StoredMemo(work / "records.pickle")
    started = time.perf_counter()
    loaded = load(_settings(corpus), derive=False, memo=memo)
    seconds = time.perf_counter() - started
    assert loaded.ok, "the corpus has errors"
    memo.save()  # for the other parts' loading
    return seconds


def _loaded(corpus: Path, work: Path) -> Loaded:
    memo = StoredMemo(work / "records.pickle")  # the checks part's, so loading here is quick
    loaded = load(_settings(corpus), memo=memo)
    assert loaded.ok and loaded.site is not None, "the corpus has errors"
    return loaded


def cards(corpus: Path, work: Path) -> float:
    """Draw every exemplar's card (and the site's) into an empty cache, as the build does."""
    site = _loaded(corpus, work).site
    assert site is not None
    shutil.rmtree(work / "cache", ignore_errors=True)
    started = time.perf_counter()
    prepared = media.prepare(site, work / "cache", ROOT / FONTS_DIR, "Gương sáng", "https://guongsang.github.io/guongsang/")
    prepared.pending.result()
    return time.perf_counter() - started


def pagefind(corpus: Path, work: Path) -> float:
    """Index every exemplar's search document (stories converted beforehand) and write the bundle."""
    loaded = _loaded(corpus, work)
    assert loaded.site is not None
    documents = [(f"/{exemplar_url(e.slug)}", document_of(e, image_url(e), markdown.markdown(e.body)))
                 for e in loaded.site.exemplars]
    site = work / "site"
    shutil.rmtree(site, ignore_errors=True)
    site.mkdir(parents=True)
    started = time.perf_counter()
    indexer = ShardedIndexer(shard_count(len(documents))).start()  # split as the build splits it
    for url, document in documents:
        indexer.add(url, document)
    indexer.close(site)
    return time.perf_counter() - started


def run_part(part: str, corpus: Path, work: Path) -> float:
    """One part in a fresh process: its seconds."""
    done = subprocess.run([sys.executable, __file__, part.lower(), "--exemplars", str(corpus), "--work", str(work)],
                          check=True, capture_output=True, text=True)
    return float(done.stdout.split()[-1])


def physical_bound(corpus: Path, floor_seconds: float, cold_seconds: float, work: Path) -> str:
    """The floor plus each required part run alone (checks first: the others reuse its record memo), and how
    far the cold build is from that sum."""
    work.mkdir(parents=True, exist_ok=True)
    (work / "records.pickle").unlink(missing_ok=True)
    parts = {part: run_part(part, corpus, work) for part in PARTS}
    bound = floor_seconds + sum(parts.values())
    alone = " + ".join(f"{name} {seconds:.1f}" for name, seconds in parts.items())
    return (f"physical bound:         floor {floor_seconds:.1f} + {alone} = {bound:.1f} s (each part alone, "
            f"same records)\n"
            f"cold / physical bound:  {cold_seconds / bound:.2f}  (the cold build is {cold_seconds - bound:+.1f} s "
            "from it)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("part", choices=[p.lower() for p in PARTS])
    parser.add_argument("--exemplars", type=Path, required=True)
    parser.add_argument("--work", type=Path, required=True)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    run = {"checks": checks, "cards": cards, "pagefind": pagefind}[args.part]
    print(f"{run(args.exemplars.resolve(), args.work.resolve()):.3f}")


if __name__ == "__main__":
    main()
