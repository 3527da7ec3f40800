"""Constants and helpers shared by the tests (importable because pytest puts tests/ on sys.path)."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = dt.date(2025, 11, 1)

VALID = """---
title: Người giữ lửa tủ sách khu phố
name: Nguyễn Thị Lan Anh
kind: cá nhân
movements:
  - hoc-tap-lam-theo-bac
  - Người tốt, việc tốt
field: van-hoa-co-so
locality: phường Khương Trung, quận Thanh Xuân, Hà Nội
unit: UBND phường Khương Trung
year: 2023
summary: Mười năm duy trì tủ sách miễn phí cho thiếu nhi khu phố, vận động hơn 3.000 đầu sách.
awards:
  - form: Giấy khen
    level: chu-tich-ubnd-huyen
    year: 2023
    decision: 1234/QĐ-UBND
consent:
  by: Bà Nguyễn Thị Lan Anh
  date: 02/03/2023
  method: văn bản có chữ ký
---
Bà Lan Anh bắt đầu tủ sách từ một giá gỗ nhỏ.
"""


def build(out: Path, *args: str, root: Path = ROOT, today: str = TODAY.isoformat()) -> int:
    """``guongsang build`` into ``out`` on the fixed test date, without the render cache (a clean build) unless
    ``args`` name a ``--cache-dir``, leaving SOURCE_DATE_EPOCH as it was."""
    import os

    from guongsang.cli import main

    saved = os.environ.get("SOURCE_DATE_EPOCH")
    try:
        cache = [] if "--cache-dir" in args else ["--no-cache"]
        return main(["--root", str(root), "build", "--site-dir", str(out), "--today", today, *cache, *args])
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def digest(site: Path) -> dict[str, str]:
    """SHA-256 of every file under ``site``, by relative path: two builds compare equal when byte-identical."""
    import hashlib

    return {str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def wait_until(target, expression: str, timeout: float = 10.0) -> None:
    """Poll a JavaScript expression from Python until it is truthy.

    Playwright's ``wait_for_function`` re-evaluates a string with ``eval`` inside the page once its first check
    fails, and the site's Content Security Policy (rightly) forbids that, so the wait errors out or not
    depending on timing. ``evaluate`` runs through the DevTools protocol, which the policy does not govern.
    ``target`` is a Playwright page or frame.
    """
    deadline = time.monotonic() + timeout
    while not target.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout:g} s: {expression}")
        time.sleep(0.05)
