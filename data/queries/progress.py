"""Queries behind the overview's progress chart: each country's carried-forward cumulative
figure, their European sum, proxies (never summed), and the targets with the committed path.

Only ``cumulative`` figures are carried forward or summed; one metric at a time, never added
together; a missing figure stays missing.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

from .. import db
from .. import vocab as V

#: Progress-chart metrics (URL key -> genome_counts.metric). Shown one at a time, never summed.
PROGRESS_METRICS: dict[str, str] = {
    V.METRIC_PREFIX[m]: m for m in (V.WGS_SEQUENCED, V.GENOTYPED, V.GENOMES_ACCESSIBLE)}


def _year_end(year: int) -> dt.date:
    return dt.date(int(year), 12, 31)


def _metric(metric_key: str) -> str:
    if metric_key in PROGRESS_METRICS:
        return PROGRESS_METRICS[metric_key]
    if metric_key in PROGRESS_METRICS.values():
        return metric_key
    raise ValueError(f"unknown metric {metric_key!r}")


def progress_by_country(metric_key: str) -> pd.DataFrame:
    """Every dated step of each country's carried-forward cumulative figure for one metric:
    iso3, name, date, value, n_programmes, latest_as_of, programmes, source_urls, confidence."""
    return db.query("overview_progress_country", metric=_metric(metric_key))


def progress_series(metric_key: str) -> pd.DataFrame:
    """The European sum of carried-forward cumulative figures for one metric: date, value,
    n_countries, n_programmes (from progress_series)."""
    return db.query("overview_progress_series", metric=_metric(metric_key))


def proxies(metric_key: str) -> pd.DataFrame:
    """Proxy figures (not genomes) for one metric, as published; never to be summed."""
    return db.query("overview_proxies", metric=_metric(metric_key), proxy=V.PROXY)


def eu_targets() -> pd.DataFrame:
    """Pan-European targets, each programme's latest (1+MG, GDI, GoE) with its target year."""
    return db.query("overview_targets", scope="eu", target=V.TARGET, cumulative=V.CUMULATIVE)


def committed_targets() -> pd.DataFrame:
    """Country-level cumulative targets, each programme's latest only (a restated target replaces
    the earlier one), with ``target_year`` and ``in_path``: True when the target has a target year
    and is therefore added to the committed path at the end of that year."""
    t = db.query("overview_targets", scope="national", target=V.TARGET,
                 cumulative=V.CUMULATIVE)
    t["in_path"] = t.target_year.notna()
    return t


def committed_path(targets: pd.DataFrame) -> pd.DataFrame:
    """The committed path: cumulative sum of the targets ``in_path`` at the end of their target
    years. Columns: date, value, added (value added that year), programmes (list)."""
    t = targets[targets.in_path]
    rows, total = [], 0
    for year, grp in t.groupby(t.target_year.astype(int), sort=True):
        total += int(grp.value.sum())
        rows.append({"date": _year_end(year), "value": total, "added": int(grp.value.sum()),
                     "programmes": [f"{n or i}: {p}" for n, i, p in
                                    zip(grp.name, grp.iso3, grp.programme)]})
    return pd.DataFrame(rows, columns=["date", "value", "added", "programmes"])
