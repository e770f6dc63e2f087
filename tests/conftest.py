"""Shared fixtures: a seeded tiny data release for unit tests, and the path helpers."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "data" / "sources"
BUILT = ROOT / "data" / "built"

os.environ.setdefault("DASH_DISABLE_VERSION_CHECK", "true")


@pytest.fixture(scope="session")
def real_release_dir() -> Path:
    """The committed release (what the app serves by default)."""
    return BUILT


@pytest.fixture(scope="session")
def mini_sources(tmp_path_factory) -> Path:
    """The mini source set (see tests/fixtures/mini.py), written once per session."""
    from tests.fixtures.mini import make_mini_sources

    return make_mini_sources(SOURCES, tmp_path_factory.mktemp("mini") / "sources")


@pytest.fixture(scope="session")
def mini_built(mini_sources, tmp_path_factory) -> Path:
    """A data release built by the real pipeline from the mini sources."""
    from data.pipeline.build import build

    out = tmp_path_factory.mktemp("mini-built")
    build(mini_sources, out)
    return out


@pytest.fixture
def mini_data(mini_built, monkeypatch):
    """Point the query layer at the mini release for one test (``data.queries.*`` read it)."""
    from data import db

    monkeypatch.setenv("ATLAS_DATA_DIR", str(mini_built))
    db.reset()
    yield mini_built
    db.reset()


@pytest.fixture
def real_data(monkeypatch):
    """Point the query layer at the committed release (the default data directory)."""
    from data import db

    monkeypatch.delenv("ATLAS_DATA_DIR", raising=False)
    db.reset()
    yield BUILT
    db.reset()
