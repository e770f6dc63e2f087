"""The series the projection (data/projection.py) is made from: a group's year-end totals of
reported sequenced genomes, and who supplied each year's step."""
from __future__ import annotations

import datetime as dt

from .. import projection
from ..memo import per_release
from ..vocab import WGS_SEQUENCED
from . import groups, overview


@per_release
def year_end_series(group: str, metric: str = WGS_SEQUENCED) -> list[tuple[int, float]]:
    """``[(year, total at 31 December)]`` for every complete year from the group's first total;
    the current year is left out until it has ended (its total is not a year-end value)."""
    t = groups.totals([group], [metric])
    if t.empty:
        return []
    dates = [dt.date.fromisoformat(str(d)[:10]) for d in t.date]
    values = list(t.value)
    today = dt.date.today()
    out = []
    for year in range(dates[0].year, today.year):
        known = [v for d, v in zip(dates, values) if d <= dt.date(year, 12, 31)]
        if known:
            out.append((year, float(known[-1])))
    return out


@per_release
def step_contributors(group: str, metric_key: str = "wgs") -> dict[int, tuple[str, float]]:
    """For each year: (country, share of the group's year-on-year step it supplied), from the
    member countries' carried-forward year-end figures."""
    members = set(groups.members([group]).iso3)
    years = [y for y, _ in year_end_series(group)]
    prev: dict[str, float] = {}
    c = overview.countries()
    names = dict(zip(c.iso3, c.name))
    out: dict[int, tuple[str, float]] = {}
    for year in years:
        df = overview.progress_at(metric_key, year)
        df = df[df.iso3.isin(members)]
        cur = dict(zip(df.iso3, df.value.astype(float)))
        deltas = {k: v - prev.get(k, 0.0) for k, v in cur.items()}
        step = sum(deltas.values())
        if prev and step > 0:
            iso, d = max(deltas.items(), key=lambda kv: kv[1])
            out[year] = (names.get(iso, iso), d / step)
        prev = cur
    return out


def projection_for(group: str) -> dict:
    """The projection of the group's reported sequenced genomes (see data/projection.py)."""
    return projection.project(year_end_series(group), contributors=step_contributors(group))


def backtest_for(group: str) -> list[dict]:
    """The backtest rows of the group's projection (see :func:`data.projection.backtest`)."""
    return projection.backtest(year_end_series(group), contributors=step_contributors(group))
