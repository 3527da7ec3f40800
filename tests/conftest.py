"""Shared fixtures: the repository, its catalogues and gazetteer, and a helper to write records."""

from __future__ import annotations

from pathlib import Path

import pytest

from guongsang.catalog import Catalog, load_catalog
from guongsang.places import Gazetteer, gazetteer
from guongsang.validate import Context
from support import ROOT, TODAY, VALID


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
