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
