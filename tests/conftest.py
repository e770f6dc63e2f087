"""Shared fixtures: the release factory (a tiny release built from edited fixture CSVs), pointing
the query layer at a release, and the path helpers."""
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
def release_factory(tmp_path_factory):
    """Build a release from the mini fixture CSVs with edits: ``release_factory(edits=..., countries=...)``
    returns a :class:`tests.fixtures.release.Release` in a fresh directory (see that module);
    ``out=``: build it into an existing data directory instead, as its next release."""
    from tests.fixtures.release import make_release

    bases: dict[tuple, Path] = {}

    def make(name: str = "release", *, countries=None, edits=None, build: bool = True,
             out: Path | None = None):
        from tests.fixtures.mini import COUNTRIES

        key = tuple(countries or COUNTRIES)
        if key not in bases:  # cut the real sources once per country set, then copy
            bases[key] = make_release(tmp_path_factory.mktemp("mini"), countries=key,
                                      build=False).sources
        return make_release(tmp_path_factory.mktemp(name), edits=edits, build=build,
                            base=bases[key], out=out)

    return make


@pytest.fixture(scope="session")
def mini_sources(release_factory) -> Path:
    """The mini source set (see tests/fixtures/mini.py), written once per session."""
    return release_factory("mini-sources", build=False).sources


@pytest.fixture(scope="session")
def mini_built(release_factory) -> Path:
    """A data release built by the real pipeline from the mini sources."""
    return release_factory("mini-built").out


@pytest.fixture
def use_release(monkeypatch):
    """Point the query layer (``data.queries.*``) at a data directory for one test:
    ``use_release(path)``; ``use_release(None)`` is the committed release."""
    from data import db

    def use(path: Path | None) -> Path:
        if path is None:
            monkeypatch.delenv("ATLAS_DATA_DIR", raising=False)
        else:
            monkeypatch.setenv("ATLAS_DATA_DIR", str(path))
        db.reset()
        return Path(path) if path is not None else BUILT

    yield use
    db.reset()


@pytest.fixture
def mini_data(mini_built, use_release):
    """Point the query layer at the mini release for one test (``data.queries.*`` read it)."""
    return use_release(mini_built)


@pytest.fixture
def real_data(use_release):
    """Point the query layer at the committed release (the default data directory)."""
    return use_release(None)
