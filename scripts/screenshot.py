"""Screenshot pages of a built site in headless Chromium (for the README and for looking at changes).

    python scripts/screenshot.py build/ guong/nguyen-thi-lan-anh/ --out shot.png [--width 412] [--full] [--dark]
    python scripts/screenshot.py build/ --readme [--exemplar SLUG]   # the README set into screenshots/

``--readme`` takes the home page and an exemplar page on a phone (390×844) and a laptop (1280×800), light and
dark, as WebP files named ``screenshots/{home,exemplar}-{390,1280}-{light,dark}.webp``.
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

from benchlib import CHROMIUM_ARGS, ROOT, serve

SIZES = {390: 844, 1280: 800}
README_DIR = ROOT / "screenshots"


def shoot(browser, url: str, width: int, height: int, dark: bool, full: bool = False) -> bytes:
    page = browser.new_page(viewport={"width": width, "height": height}, locale="vi-VN",
                            color_scheme="dark" if dark else "light", device_scale_factor=1)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready")
    data = page.screenshot(full_page=full)
    page.close()
    return data


def readme_set(browser, base: str, slug: str) -> list[Path]:
    README_DIR.mkdir(exist_ok=True)
    written = []
    for name, path in (("home", ""), ("exemplar", f"guong/{slug}/")):
        for width, height in SIZES.items():
            for scheme in ("light", "dark"):
                png = shoot(browser, f"{base}{path}", width, height, scheme == "dark")
                out = README_DIR / f"{name}-{width}-{scheme}.webp"
                Image.open(io.BytesIO(png)).save(out, "WEBP", quality=82, method=6)
                written.append(out)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path)
    parser.add_argument("path", nargs="?", default="")
    parser.add_argument("--out", type=Path, default=Path("screenshot.png"))
    parser.add_argument("--width", type=int, default=412)
    parser.add_argument("--height", type=int, default=915)
    parser.add_argument("--full", action="store_true", help="the whole page, not just the first screen")
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--readme", action="store_true", help="the README set (see above)")
    parser.add_argument("--exemplar", default="nguyen-thi-lan-anh", help="exemplar page for --readme")
    args = parser.parse_args()
    with serve(args.site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        if args.readme:
            for path in readme_set(browser, base, args.exemplar):
                print(path)
        else:
            args.out.write_bytes(shoot(browser, f"{base}{args.path}", args.width, args.height, args.dark, args.full))
            print(args.out)
        browser.close()


if __name__ == "__main__":
    main()
