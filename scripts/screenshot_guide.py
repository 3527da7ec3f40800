"""Screenshots for the editor guide, taken from the real built site (content/assets/huong-dan/*.png).

python scripts/screenshot_guide.py build/ [--out content/assets/huong-dan]

Build the site first (``guongsang build --today 2025-11-01``). The form is filled with the guide's fictional
example; each picture is one part of a page at phone width, so the guide stays light.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from benchlib import CHROMIUM_ARGS, ROOT, serve

EXAMPLE = {  # fictional, like every sample record
    "title": "Người hiến đất mở đường ở thôn Phú Hữu", "name": "Trần Văn Bình", "kind": "Cá nhân",
    "field": "Nông thôn mới", "locality": "thôn Phú Hữu, xã Ninh Hưng, thị xã Ninh Hòa, Khánh Hòa",
    "unit": "UBND xã Ninh Hưng", "year": "2024",
    "summary": "Hiến 320 m² đất và vận động 14 hộ cùng góp đất, ngày công để mở rộng đường liên thôn dài 1,2 km.",
    "consent_by": "Ông Trần Văn Bình", "consent_date": "2024-07-20", "consent_method": "Văn bản có chữ ký",
    "story": "Năm 2023, khi thôn bàn việc mở rộng đường, ông Bình là người đầu tiên ký giấy hiến đất.",
}
MOVEMENT = "Cả nước chung sức xây dựng nông thôn mới"


def _fill(page: Page, answers: dict[str, str]) -> None:
    for key, value in answers.items():
        control = page.locator(f"#gs-f-{key}")
        if control.evaluate("el => el.tagName") == "SELECT":
            control.select_option(label=value)
        else:
            control.fill(value)
    page.locator(f'input[name=movements][value="{MOVEMENT}"]').check()


def _submit(page: Page) -> None:
    page.get_by_role("button", name="Kiểm tra và tạo tệp hồ sơ").click()


def shoot(page: Page, base: str, out: Path) -> list[Path]:
    shots = []

    def save(name: str, selector: str) -> None:
        target = out / name
        page.locator(selector).first.screenshot(path=str(target))
        shots.append(target)

    page.goto(f"{base}gui-cau-chuyen/")
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(out / "gui-cau-chuyen.png"))
    shots.append(out / "gui-cau-chuyen.png")
    _fill(page, {**EXAMPLE, "year": "2030", "summary": "Hiến đất."})
    _submit(page)
    save("gui-cau-chuyen-loi.png", "[data-gs-summary]")
    save("gui-cau-chuyen-loi-o-nhap.png", '[data-gs-field="year"]')
    _fill(page, EXAMPLE)
    _submit(page)
    page.locator("[data-gs-result]").wait_for()
    save("gui-cau-chuyen-tep.png", "[data-gs-result]")
    return shots


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "content" / "assets" / "huong-dan")
    parser.add_argument("--width", type=int, default=412)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with serve(args.site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": args.width, "height": 900}, locale="vi-VN",
                                device_scale_factor=1)
        for shot in shoot(page, base, args.out):
            print(shot)
        browser.close()


if __name__ == "__main__":
    main()
