"""The collection views against their budgets (#23), for a built site:

    python scripts/collection_sizes.py SITE_DIR

- the map (``ban-do/``, and the largest province map) and the timeline (``dong-thoi-gian/``): HTML with its
  inline SVG, before compression — budget 100 KB each at 10,000 records;
- the table (``du-lieu/bang/``): its first view as transferred — every file headless Chromium loads to show
  it at 390 px, text gzip-compressed (as GitHub Pages sends it), fonts and images as they are; rows' JSON is
  not part of it (loaded when the reader sorts, filters or turns a page) — budget 150 KB.

``scripts/bench.py`` prints the same lines after its own.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

PAGE_BUDGET = 100 * 1024
FIRST_VIEW_BUDGET = 150 * 1024
BINARY = (".woff2", ".woff", ".png", ".ico", ".webp", ".avif", ".jpg")
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync"]


def sent(path: Path) -> int:
    body = path.read_bytes()
    return len(body) if path.suffix in BINARY else len(gzip.compress(body, 6))


def first_view(site: Path, path: str) -> tuple[int, int]:
    """Bytes sent for the files headless Chromium loads to show ``path`` (390 px wide), and how many files."""
    from playwright.sync_api import sync_playwright

    from benchlib import serve

    loaded: list[str] = []
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.on("requestfinished", lambda request: loaded.append(urlsplit(request.url).path))
        page.goto(f"{base}{path}", wait_until="networkidle")
        browser.close()
    files = [site / unquote(u).lstrip("/") for u in loaded]
    files = [f / "index.html" if f.is_dir() else f for f in files]
    return sum(sent(f) for f in files), len(files)


def report(site: Path) -> str:
    pages = {"map": site / "ban-do" / "index.html", "timeline": site / "dong-thoi-gian" / "index.html"}
    provinces = sorted((site / "ban-do").glob("*/index.html"), key=lambda p: p.stat().st_size)
    if provinces:
        pages[f"map of {provinces[-1].parent.name} (largest)"] = provinces[-1]
    lines = [f"{name + ':':<32}{path.stat().st_size / 1024:6.1f} KB HTML+SVG  (target ≤ 100 KB)"
             for name, path in pages.items()]
    size, count = first_view(site, "du-lieu/bang/")
    lines.append(f"{'table, first view:':<32}{size / 1024:6.1f} KB sent, {count} files  (target ≤ 150 KB)")
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(Path(sys.argv[1])))
