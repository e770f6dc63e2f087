"""Queries for the Overview page: KPI figures, one map indicator per country, the progress-to-1M
series with targets, and the 1+MG signature timeline.

Rules kept here (see data/sources/REFERENCE-README.md):
- a map indicator or chart series reads exactly one metric; metrics are never added together;
- only ``cumulative`` figures are carried forward or summed (via ``progress_by_country`` /
  ``progress_series``); proxy figures are returned separately and never summed;
- a missing figure stays missing (NaN / None), never 0.
"""
from __future__ import annotations

import datetime as dt
import math

import pandas as pd

from .. import db
from .. import vocab as V
from . import groups
from .progress import (  # noqa: F401  (the overview's progress queries, re-exported)
    PROGRESS_METRICS,
    _metric,
    _year_end,
    committed_path,
    committed_targets,
    eu_targets,
    progress_by_country,
    progress_series,
    proxies,
)
from .sources import ordered

#: The first year of the year slider: the 1+MG declaration was signed in April 2018.
FIRST_YEAR = 2018
#: ICPerMed membership follows the member list in ICPerMed's statement of 18 May 2018
#: (REFERENCE-README: "later membership changes are not tracked").
ICPERMED_AS_OF = "2018-05-18"

#: Map indicators (the allow-list a caller's key is checked against).
#: kind: ``numeric`` (value) or ``category`` (category + value); ``time_aware``: the value
#: depends on the chosen year (known at the end of it, carried forward).
INDICATORS: dict[str, dict] = {
    "signatory": {"kind": "category", "time_aware": True},
    "icpermed": {"kind": "category", "time_aware": False},
    "wgs": {"kind": "numeric", "time_aware": True, "metric": V.WGS_SEQUENCED},
    "wgs_per_million": {"kind": "numeric", "time_aware": True, "metric": V.WGS_SEQUENCED},
    "genotyped": {"kind": "numeric", "time_aware": True, "metric": V.GENOTYPED},
    "cohorts": {"kind": "numeric", "time_aware": False, "column": "n_cohorts"},
    "infra": {"kind": "numeric", "time_aware": False, "column": "n_infra_nodes"},
    "goe": {"kind": "numeric", "time_aware": False},
}
#: Columns of every frame returned by :func:`map_indicator`.
MAP_COLUMNS = ["iso3", "name", "eu_member", "on_map", "value", "category", "as_of", "basis",
               "confidence", "source_urls", "n_programmes", "programmes", "population",
               "population_year", "raw_value", "other_bases", "signed_date", "may_be_outdated"]


def _urls(v) -> list[str]:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return []
    return [str(u) for u in v]


def last_year() -> int:
    """The latest year with a dated figure or signature (the year slider's upper end)."""
    v = db.query("overview_year_range").last_year.iloc[0]
    return FIRST_YEAR if pd.isna(v) else max(FIRST_YEAR, int(v))


def countries() -> pd.DataFrame:
    """One row per atlas country: flags, signature, population, catalogue counts, GoE plans,
    ``on_map`` (the project geometry draws it). See data/sql/overview_countries.sql."""
    return db.query("overview_countries")


def progress_at(metric_key: str, year: int | None = None) -> pd.DataFrame:
    """Each country's carried-forward cumulative figure for one metric at the end of ``year``
    (latest year when None): iso3, date, value, n_programmes, latest_as_of, programmes,
    source_urls, confidence. Countries without a figure by then are absent."""
    metric = _metric(metric_key)
    cutoff = _year_end(year) if year is not None else dt.date(9999, 12, 31)
    return db.query("overview_progress_at", metric=metric, cutoff=cutoff)


def map_indicator(indicator: str, year: int | None = None) -> pd.DataFrame:
    """One row per atlas country with the indicator's value (``MAP_COLUMNS``).

    ``value`` is NaN where no public figure exists (never 0); for category indicators ``category``
    names the status and ``value`` is the year joined (signatory) or NaN. ``year`` applies to
    time-aware indicators only (value known at the end of that year); None means the latest.
    """
    if indicator not in INDICATORS:
        raise ValueError(f"unknown indicator {indicator!r}")
    meta = INDICATORS[indicator]
    c = countries()
    out = pd.DataFrame({"iso3": c.iso3, "name": c.name, "eu_member": c.eu_member,
                        "on_map": c.on_map, "population": c.population,
                        "population_year": c.population_year, "signed_date": c.signed_date})
    for col in ("value", "raw_value"):
        out[col] = float("nan")
    for col in ("category", "as_of", "basis", "confidence"):
        out[col] = None
    out["source_urls"] = [[] for _ in range(len(out))]
    out["programmes"] = [[] for _ in range(len(out))]
    out["other_bases"] = [[] for _ in range(len(out))]
    out["n_programmes"] = pd.array([None] * len(out), dtype="Int64")
    out["may_be_outdated"] = False  # set for genome metrics (every figure summed is over 24 months old)
    if "metric" in meta:
        _fill_progress(out, meta["metric"], year, per_million=indicator == "wgs_per_million")
    elif indicator == "signatory":
        _fill_signatory(out, c, year)
    elif indicator == "icpermed":
        out["category"] = ["member" if m else "not_member" for m in c.icpermed_member]
        out["as_of"] = ICPERMED_AS_OF
        out["source_urls"] = [_urls(u) for u in c.source_urls]
    elif indicator == "goe":
        out["value"] = c.goe_planned_samples.astype("Float64").astype(float)
        out["raw_value"] = out["value"]
        out["as_of"] = [None if pd.isna(a) else a for a in c.goe_planned_as_of]
        out["source_urls"] = [_urls(u) for u in c.goe_planned_source_urls]
        out["confidence"] = [None if pd.isna(x) else x for x in c.goe_planned_confidence]
        out["basis"] = ["planned samples" if not pd.isna(v) else None for v in out.value]
    else:  # catalogue counts: a count of atlas rows (0 is a count, not a missing figure)
        out["value"] = c[meta["column"]].astype(float)
        out["raw_value"] = out["value"]
        out["basis"] = "catalogue count"
    return out[MAP_COLUMNS].reset_index(drop=True)


def _fill_progress(out: pd.DataFrame, metric: str, year: int | None, *, per_million: bool) -> None:
    cutoff = _year_end(year) if year is not None else dt.date(9999, 12, 31)
    got = db.query("overview_progress_at", metric=metric, cutoff=cutoff).set_index("iso3")
    other = db.query("overview_other_bases", metric=metric, cutoff=cutoff,
                     cumulative=V.CUMULATIVE).set_index("iso3")
    for i, iso3 in enumerate(out.iso3):
        if iso3 in other.index:
            out.at[i, "other_bases"] = list(other.loc[iso3, "bases"])
        if iso3 not in got.index:
            continue
        r = got.loc[iso3]
        raw = float(r.value)
        out.at[i, "raw_value"] = raw
        pop = out.at[i, "population"]
        if per_million:
            out.at[i, "value"] = (round(raw / float(pop) * 1_000_000, 1)
                                  if not pd.isna(pop) and pop else float("nan"))
        else:
            out.at[i, "value"] = raw
        out.at[i, "as_of"] = r.latest_as_of
        out.at[i, "basis"] = V.CUMULATIVE
        out.at[i, "confidence"] = r.confidence
        out.at[i, "source_urls"] = _urls(r.source_urls)
        out.at[i, "programmes"] = _urls(r.programmes)
        out.at[i, "n_programmes"] = int(r.n_programmes)
        out.at[i, "may_be_outdated"] = bool(r.may_be_outdated)


def _fill_signatory(out: pd.DataFrame, c: pd.DataFrame, year: int | None) -> None:
    cats, vals = [], []
    for signed, first in zip(c.onemg_signatory, c.signed_first):
        if not signed:
            cats.append("not_signatory")
            vals.append(float("nan"))
        elif first is None or pd.isna(first):
            cats.append("signed_date_unknown")
            vals.append(float("nan"))
        elif year is not None and pd.Timestamp(first).year > year:
            cats.append("not_yet")
            vals.append(float("nan"))
        else:
            cats.append("signed")
            vals.append(float(pd.Timestamp(first).year))
    out["category"] = cats
    out["value"] = vals
    out["as_of"] = [None if pd.isna(d) else d for d in c.signed_date]
    out["source_urls"] = [_urls(u) for u in c.source_urls]


def catalogue_counts() -> dict:
    """``{n_cohorts, n_cohorts_multi_country, n_infra, n_infra_operational, n_infra_countries}``."""
    row = db.query("overview_catalogue_counts", operational=V.OPERATIONAL).iloc[0]
    return {k: int(v) for k, v in row.items()}


def kpis(year: int | None = None) -> dict:
    """The KPI card figures as known at the end of ``year`` (None: the latest), each with what it
    counts and as of when.

    signatories: n (dated signatures on or before the year's end; at the latest year every
    signatory), n_eu, n_non_eu, n_date_unknown, latest_signed (as given);
    wgs / genotyped: total (= progress_series value at the year's end), n_countries, n_programmes,
    newest_as_of / oldest_as_of (of the contributing figures); plus :func:`catalogue_counts`
    (not dated by year: the release's catalogue). ``year`` is echoed back (None: latest).
    """
    c = countries()
    sig = c[c.onemg_signatory]
    if year is not None:  # undated signatures cannot be placed in a past year: counted apart
        first_year = [None if pd.isna(f) else pd.Timestamp(f).year for f in sig.signed_first]
        sig = sig[[y is None or y <= year for y in first_year]]
    dated = sig[sig.signed_first.notna()].sort_values("signed_first")
    out: dict = {"year": year, "signatories": {
        "n": len(sig), "n_eu": int(sig.eu_member.sum()), "n_non_eu": int((~sig.eu_member).sum()),
        "non_eu_names": sorted(sig[~sig.eu_member].name),
        "n_date_unknown": int(sig.signed_first.isna().sum()),
        "latest_signed": dated.signed_date.iloc[-1] if len(dated) else None,
        "source_urls": ordered(sorted({u for lst in sig.source_urls for u in _urls(lst)})),
    }}
    cutoff = pd.Timestamp(_year_end(year)) if year is not None else None
    for key in ("wgs", "genotyped"):
        latest = progress_at(key, year)
        series = progress_series(key)
        if cutoff is not None:
            series = series[pd.to_datetime(series.date) <= cutoff]
        order = latest.sort_values("date")
        out[key] = {
            "total": int(series.value.iloc[-1]) if len(series) else None,
            "sum_of_latest": int(latest.value.sum()) if len(latest) else None,
            "n_countries": len(latest),
            "n_programmes": int(latest.n_programmes.sum()) if len(latest) else 0,
            "newest_as_of": order.latest_as_of.iloc[-1] if len(order) else None,
            "oldest_as_of": order.latest_as_of.iloc[0] if len(order) else None,
            # The group the total sums, its largest contributor, and the EU-27's own total.
            "group": group_total(V.ATLAS, key, year),
            "eu_total": group_total(V.EU27, key, year),
        }
    out.update(catalogue_counts())
    return out


#: One million: the goal of the 1+MG declaration (the headline's share is of this).
GOAL = 1_000_000


def group_total(group: str, metric_key: str, year: int | None = None) -> dict | None:
    """The group's total of one metric as known at the end of ``year`` (None: its newest), with
    its largest contributor (``data.queries.groups.latest_total``'s keys), or None when the group
    has no figure by then."""
    if year is None:
        return groups.latest_total(group, PROGRESS_METRICS[metric_key])
    df = groups.totals([group], [PROGRESS_METRICS[metric_key]])
    df = df[pd.to_datetime(df.date) <= pd.Timestamp(_year_end(year))]
    if df.empty:
        return None
    r = df.iloc[-1]
    return {"group_id": group, "metric": PROGRESS_METRICS[metric_key], "date": r.date,
            "value": int(r.value), "n_countries": int(r.n_countries),
            "largest_iso3": r.largest_iso3, "largest_name": r.largest_name,
            "largest_value": int(r.largest_value), "largest_share": float(r.largest_share)}


def group_headline(group: str, year: int | None = None) -> dict:
    """The headline of a group at the end of ``year`` (None: latest): ``{group, year, n_members,
    total}`` where ``total`` is :func:`group_total` of reported sequenced genomes (WGS) plus
    ``share_of_goal`` (of one million), or None when the group has no public figure by then."""
    if group not in V.GROUPS:
        raise ValueError(f"unknown group {group!r}")
    g = groups.groups().set_index("group_id")
    tot = group_total(group, "wgs", year)
    if tot is not None:
        tot["share_of_goal"] = tot["value"] / GOAL
    return {"group": group, "year": year, "n_members": int(g.loc[group, "n_members"]),
            "total": tot}


def signatories() -> pd.DataFrame:
    """Every atlas country with its 1+MG status: iso3, name, eu_member, onemg_signatory,
    signed_date (as given), signed_precision, signed_first, source_urls; signatories first
    in order of signature, then undated signatories, then non-signatories."""
    c = countries()
    c = c.assign(_grp=[0 if s and pd.notna(f) else (1 if s else 2)
                       for s, f in zip(c.onemg_signatory, c.signed_first)])
    c = c.sort_values(["_grp", "signed_first", "name"], na_position="last")
    cols = ["iso3", "name", "eu_member", "onemg_signatory", "signed_date", "signed_precision",
            "signed_first", "source_urls"]
    return c[cols].reset_index(drop=True)


def context_codes() -> list[str]:
    """ISO3 codes of the non-atlas countries drawn as pale context around the atlas countries
    (those whose bounding box lies within the atlas countries' box; see the SQL file)."""
    return list(db.query("overview_geo_codes").iso3)


def indicator_range(indicator: str) -> tuple[float, float] | None:
    """(min, max) of an indicator's positive values over every year, so that a map's colour scale
    stays the same while the year changes; None when it has no values."""
    meta = INDICATORS.get(indicator)
    if meta is None:
        raise ValueError(f"unknown indicator {indicator!r}")
    if meta["kind"] != "numeric":
        return None
    if "metric" in meta:
        p = db.query("overview_progress_country", metric=meta["metric"])
        vals = p.value.astype(float)
        if indicator == "wgs_per_million":
            pop = countries().set_index("iso3").population.astype(float)
            vals = vals / p.iso3.map(pop).to_numpy() * 1_000_000
    else:
        vals = map_indicator(indicator).value
    vals = vals[vals > 0].dropna()
    return (float(vals.min()), float(vals.max())) if len(vals) else None


def country_codes() -> list[str]:
    """ISO3 codes of every atlas country (the only values a country link may carry)."""
    return list(countries().iso3)
