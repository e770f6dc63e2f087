"""The age of every figure at the release date, and the cumulative series that fall over time.

- ``age_months``: whole months from the last day of the period a figure's as-of date names (the
  day it counts from; ``2022`` -> 2022-12-31) to the release date (``data_release.csv``).
- ``may_be_outdated``: the figure is older than ``OUTDATED_MONTHS`` (24) months at that date.
- A falling series: a programme's ``cumulative`` figures for one metric (targets aside) where a later figure is
  lower than an earlier one (a running total never falls, so one of them is not a running total).
  The pipeline reports them (manifest ``falling_series`` and the ``falling_series`` table); it does
  not refuse them.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

from ..vocab import CUMULATIVE, TARGET

OUTDATED_MONTHS = 24
FALLING_COLUMNS = ["country_iso3", "programme", "metric", "from_figure_id", "from_as_of",
                   "from_value", "to_figure_id", "to_as_of", "to_value"]


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from ``start`` to ``end`` (negative when ``start`` is later)."""
    return (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)


def add_ages(df: pd.DataFrame, release_date: dt.date, col: str = "as_of_last") -> None:
    """Add ``age_months`` and ``may_be_outdated`` to a frame of dated figures, in place."""
    ages = [None if d is None or pd.isna(d) else months_between(d, release_date) for d in df[col]]
    df["age_months"] = pd.array(ages, dtype="Int64")
    df["may_be_outdated"] = [a is not None and a > OUTDATED_MONTHS for a in ages]


def falling_series(gc: pd.DataFrame) -> pd.DataFrame:
    """Each step down in a programme's cumulative figures (one row per fall)."""
    cum = gc[(gc.count_basis == CUMULATIVE) & (gc.metric != TARGET)].sort_values(["as_of_last", "value", "figure_id"])
    rows = []
    for (iso3, prog, metric), g in cum.groupby(["country_iso3", "programme", "metric"], sort=True):
        best = None
        for r in g.itertuples():
            if best is not None and r.value < best.value:
                rows.append({"country_iso3": iso3, "programme": prog, "metric": metric,
                             "from_figure_id": best.figure_id, "from_as_of": best.as_of_date,
                             "from_value": int(best.value), "to_figure_id": r.figure_id,
                             "to_as_of": r.as_of_date, "to_value": int(r.value)})
            if best is None or r.value >= best.value:
                best = r
    return pd.DataFrame(rows, columns=FALLING_COLUMNS)
