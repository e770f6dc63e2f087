"""Country-level queries shared by several pages."""
from __future__ import annotations

import pandas as pd

from .. import db


def country_summary(iso3: str | None = None) -> pd.DataFrame:
    """All countries (or one) from ``country_summary``; columns documented in data/README.md."""
    return db.query("country_summary", iso3=iso3)


def country_codes() -> dict[str, str]:
    """``{iso3: name}`` for every country with a profile."""
    df = country_summary()
    return dict(zip(df.iso3, df.name))
