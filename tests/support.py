"""Constants and helpers shared by the tests (importable because pytest puts tests/ on sys.path)."""

from __future__ import annotations

import datetime as dt
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
