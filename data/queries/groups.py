"""Named groups of countries (EU-27, signatories, every country) and the totals each one sums.

Every total the atlas shows names its group and its largest contributor ("United Kingdom: 85 %").
"""
from __future__ import annotations

import pandas as pd

from .. import db


def groups() -> pd.DataFrame:
    """``group_id, definition, n_members`` in the groups' order."""
    return db.query("groups_list")


def members(groups: tuple[str, ...] | list[str] = ()) -> pd.DataFrame:
    """``group_id, iso3, name, member_from, member_from_basis`` (``member_from`` null: always)."""
    return db.query("group_members", groups=list(groups))


def totals(groups: tuple[str, ...] | list[str] = (), metrics: tuple[str, ...] | list[str] = ()
           ) -> pd.DataFrame:
    """Group totals over time: ``group_id, metric, date, value, n_countries, countries,
    largest_iso3, largest_name, largest_value, largest_share``."""
    return db.query("group_totals", groups=list(groups), metrics=list(metrics))


def latest_total(group: str, metric: str) -> dict | None:
    """The group's newest total for a metric with its largest contributor, or None."""
    df = totals([group], [metric])
    if df.empty:
        return None
    r = df.iloc[-1]
    return {"group_id": group, "metric": metric, "date": r.date, "value": int(r.value),
            "n_countries": int(r.n_countries), "largest_iso3": r.largest_iso3,
            "largest_name": r.largest_name, "largest_value": int(r.largest_value),
            "largest_share": float(r.largest_share)}
