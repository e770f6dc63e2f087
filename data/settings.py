"""Where the served data release lives. One environment variable: ``ATLAS_DATA_DIR``."""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
SQL_DIR = PACKAGE_DIR / "sql"
DEFAULT_DATA_DIR = PACKAGE_DIR / "built"


def data_dir() -> Path:
    """The built-data directory (holding ``CURRENT`` and ``releases/``)."""
    return Path(os.environ.get("ATLAS_DATA_DIR", DEFAULT_DATA_DIR)).resolve()
