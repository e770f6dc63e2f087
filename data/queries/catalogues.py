"""National catalogues harvested into the release (``catalogue_*`` tables; data/pipeline/catalogue.py).

Every function returns None when the release holds no harvest ("no catalogue harvested"), which
the pages show as such, never as zero.
"""
from __future__ import annotations

import pandas as pd

from .. import db


def harvest() -> dict | None:
    """The manifest's ``catalogue`` entry (snapshot, harvested_at, demo, nodes), or None."""
    m = db.manifest()
    return m.get("catalogue") if "catalogue_nodes" in m["tables"] else None


def nodes(iso3: str | None = None) -> pd.DataFrame | None:
    return db.query("catalogues_nodes", iso3=iso3) if harvest() else None


def by_country(iso3: str | None = None) -> pd.DataFrame | None:
    return db.query("catalogues_by_country", iso3=iso3) if harvest() else None


def country_datasets(iso3: str) -> pd.DataFrame | None:
    return db.query("catalogues_country_datasets", iso3=iso3) if harvest() else None
