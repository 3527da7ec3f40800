"""The Nu HTML checker (vnu) over one page of every kind of a built site: 0 errors in the project's markup.

    python scripts/vnu_check.py SITE_DIR [--jar PATH]

The checker is npm's ``vnu-jar`` (``npm install vnu-jar``; it needs Java): ``--jar`` or ``$VNU_JAR`` names its
``vnu.jar``, else ``node_modules/vnu-jar/build/dist/vnu.jar`` here. One page of each generated kind (the site
model's ``Page.kind``), the hand-written pages, the 404 page and an embed are checked. Errors in the lines
Material's ``base.html`` writes around the hand-written pages (its drawer and search toggles, its table of
contents' label) are shown apart and not counted: that markup is not the project's. Exit 1 on any error.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Lines written by Material's base.html (outside any block the theme overrides).
MATERIAL_LINES = re.compile(r'class="md-toggle"|class="md-nav__title" for="__toc"|data-md-toggle="(drawer|search|toc)"')


def pages_of_every_kind(site: Path) -> list[Path]:
    """One page per generated kind, the hand-written pages, 404 and one embed."""
    sys.path.insert(0, str(ROOT / "src"))
    import datetime as dt

    from guongsang.project import Settings, load

    loaded = load(Settings.at(ROOT, today=dt.date(2025, 11, 1)))
    assert loaded.site is not None
    chosen: dict[str, str] = {}
    for page in loaded.site.pages:
        chosen.setdefault(page.kind, page.url)
    found = [site / url / "index.html" for url in chosen.values()]
    found += [site / "index.html", site / "404.html", *sorted(site.glob("gioi-thieu/*/index.html"))[:1],
              site / "gioi-thieu" / "index.html", *sorted(site.glob("nhung/*/index.html"))[:1]]
    return [p for p in dict.fromkeys(found) if p.is_file()]


def check(pages: list[Path], jar: Path) -> tuple[list[str], list[str]]:
    """(the project's errors, Material's) as ``file:line: message``."""
    run = subprocess.run(["java", "-jar", str(jar), "--errors-only", "--format", "json", *map(str, pages)],
                         capture_output=True, text=True, check=False)
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    ours, theirs = [], []
    for m in messages:
        if m.get("type") != "error":
            continue
        path = Path(m["url"].removeprefix("file:"))
        line = m.get("lastLine") or m.get("firstLine") or 0
        text = path.read_text(encoding="utf-8").splitlines()[line - 1] if path.is_file() and line else ""
        where = f"{path}:{line}: {m['message']}"
        (theirs if MATERIAL_LINES.search(text) else ours).append(where)
    return ours, theirs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path)
    parser.add_argument("--jar", type=Path, default=Path(os.environ.get(
        "VNU_JAR", ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar")))
    args = parser.parse_args()
    pages = pages_of_every_kind(args.site)
    ours, theirs = check(pages, args.jar)
    for line in theirs:
        print(f"(Material) {line}")
    for line in ours:
        print(line)
    print(f"vnu: {len(pages)} pages, {len(ours)} errors in the project's markup, {len(theirs)} in Material's")
    return 1 if ours else 0


if __name__ == "__main__":
    sys.exit(main())
