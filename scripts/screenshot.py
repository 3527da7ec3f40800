"""Screenshot pages of a built site in headless Chromium (for the README and for looking at changes).

python scripts/screenshot.py build/ guong/nguyen-thi-lan-anh/ --out shot.png [--width 412] [--full]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

from benchlib import CHROMIUM_ARGS, serve


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site", type=Path)
    parser.add_argument("path", nargs="?", default="")
    parser.add_argument("--out", type=Path, default=Path("screenshot.png"))
    parser.add_argument("--width", type=int, default=412)
    parser.add_argument("--height", type=int, default=915)
    parser.add_argument("--full", action="store_true", help="the whole page, not just the first screen")
    parser.add_argument("--dark", action="store_true")
    args = parser.parse_args()
    with serve(args.site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(
            viewport={"width": args.width, "height": args.height},
            locale="vi-VN",
            color_scheme="dark" if args.dark else "light",
            device_scale_factor=1,
        )
        page.goto(f"{base}{args.path}")
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(args.out), full_page=args.full)
        browser.close()
    print(args.out)


if __name__ == "__main__":
    main()
