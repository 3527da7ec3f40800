"""Shared fixtures: the repository, its catalogues and gazetteer, and a helper to write records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from guongsang.catalog import Catalog, load_catalog
from guongsang.places import Gazetteer, gazetteer
from guongsang.validate import Context

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = dt.date(2025, 11, 1)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    cat, problems = load_catalog(ROOT / "content" / "catalog", ROOT)
    assert problems == []
    return cat


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return gazetteer()


@pytest.fixture(scope="session")
def ctx(catalog: Catalog, gaz: Gazetteer) -> Context:
    return Context(catalog, gaz, TODAY, ROOT)


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


@pytest.fixture
def valid_text() -> str:
    return VALID


@pytest.fixture
def write_record(tmp_path: Path):
    """Write ``text`` as ``tmp_path/exemplars/<name>`` and return the exemplars folder."""

    def write(text: str, name: str = "nguyen-thi-lan-anh.md") -> Path:
        folder = tmp_path / "exemplars"
        file = folder / name
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
        return folder

    return write
