"""Shared fixtures: the repository, its catalogues and gazetteer, and a helper to write records."""

from __future__ import annotations

from pathlib import Path

import pytest

from guongsang.model.catalog import Catalog
from guongsang.model.catalogues import load_catalog
from guongsang.model.places import Gazetteer, gazetteer
from guongsang.model.validate import Context
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
