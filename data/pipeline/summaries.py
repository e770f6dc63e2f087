"""Derived tables the pages need, computed from the validated, normalised frames.

Rules (also in data/README.md):
- Metrics are never added together; each summary is per metric.
- Only ``cumulative`` figures are carried forward or summed. ``annual``, ``proxy`` and ``subset``
  figures are kept in ``country_figures_latest`` with their basis, never in a sum.
- A programme (country + initiative) contributes its *latest* cumulative figure only, so successive
  figures of one programme are never double counted. A figure counts from the last day of the period
  its as-of date names (``2024`` counts from 2024-12-31; ``2018-07`` from 2018-07-31).
- Pan-European rows (country ``EU``) are targets and never enter country sums.
"""
from __future__ import annotations

import pandas as pd

from ..vocab import (  # noqa: F401  (SIZE_BANDS, PROGRESS_METRICS re-exported)
    CONFIDENCE,
    CUMULATIVE,
    METRIC_PREFIX,
    PROGRESS_METRICS,
    SIZE_BAND_EDGES,
    SIZE_BANDS,
    SIZE_UNKNOWN,
    TARGET,
)

#: Confidence -> rank, lowest 0.
CONF_ORDER = {c: i for i, c in enumerate(reversed(CONFIDENCE))}


def _lowest_conf(values) -> str:
    return min(values, key=lambda c: CONF_ORDER[c])


def _union(lists) -> list[str]:
    out: list[str] = []
    for lst in lists:
        for u in lst:
            if u not in out:
                out.append(u)
    return out


def _latest_per_programme(g: pd.DataFrame) -> pd.DataFrame:
    """Latest row per (country, programme, metric, basis); ties broken by higher value."""
    g = g.sort_values(["as_of_last", "as_of_first", "value", "figure_id"])
    return g.groupby(["country_iso3", "programme", "metric", "count_basis"], sort=True).tail(1)


def progress_by_country(gc: pd.DataFrame) -> pd.DataFrame:
    """One row per (country, metric, date at which the country's carried-forward sum changes)."""
    cum = gc[(gc.count_basis == CUMULATIVE) & (gc.country_iso3 != "EU")
             & gc.metric.isin(PROGRESS_METRICS)]
    rows = []
    for (iso3, metric), grp in cum.groupby(["country_iso3", "metric"], sort=True):
        for d in sorted(grp.as_of_last.unique()):
            known = _latest_per_programme(grp[grp.as_of_last <= d])
            newest = known.sort_values(["as_of_last", "figure_id"]).iloc[-1]
            rows.append({
                "country_iso3": iso3, "metric": metric, "date": d,
                "value": int(known.value.sum()),
                "n_programmes": len(known),
                "latest_as_of": newest.as_of_date,
                "programmes": sorted(known.programme),
                "figure_ids": sorted(known.figure_id),
                "source_urls": _union(known.source_urls),
                "confidence": _lowest_conf(known.confidence),
            })
    return pd.DataFrame(rows)


def progress_series(pbc: pd.DataFrame) -> pd.DataFrame:
    """Per (metric, date): the sum over countries of each country's carried-forward value."""
    rows = []
    for metric, grp in pbc.groupby("metric", sort=True):
        for d in sorted(grp.date.unique()):
            known = grp[grp.date <= d].sort_values("date").groupby("country_iso3").tail(1)
            rows.append({"metric": metric, "date": d, "value": int(known.value.sum()),
                         "n_countries": len(known), "n_programmes": int(known.n_programmes.sum())})
    return pd.DataFrame(rows)


def country_figures_latest(gc: pd.DataFrame) -> pd.DataFrame:
    """Latest figure per (country, programme, metric, basis) — every basis, labelled."""
    latest = _latest_per_programme(gc)
    cols = ["country_iso3", "programme", "initiative_id", "metric", "count_basis", "value",
            "as_of_date", "as_of_precision", "as_of_last", "source_urls", "confidence", "figure_id"]
    return latest[cols].sort_values(["country_iso3", "metric", "programme", "count_basis"])


def _band(n) -> str:
    if n is None or pd.isna(n):
        return SIZE_UNKNOWN
    for label, upper in SIZE_BAND_EDGES:
        if upper is None or n < upper:
            return label




def size_band(n) -> str:
    """Order-of-magnitude band of a participant count; lower edges are inclusive."""
    return _band(n)


def country_summary(countries, gc, pbc, cohorts, infra, activities, funded, initiatives, calls):
    """One wide row per country in countries.csv with the key indicators and their provenance."""
    out = countries[["iso3", "iso2", "name", "eu_member", "eea_member", "icpermed_member",
                     "onemg_signatory", "onemg_signed_date", "onemg_signed_date_precision",
                     "onemg_signed_date_first", "gdi_participant", "goe_participant",
                     "population", "population_year", "source_urls"]].copy()
    out = out.rename(columns={"source_urls": "country_source_urls"})
    signed = out[out.onemg_signatory & out.onemg_signed_date_first.notna()]
    ranks = signed.onemg_signed_date_first.rank(method="min").astype(int)
    out["signatory_ordinal"] = ranks.reindex(out.index).astype("Int64")
    latest = pbc.sort_values("date").groupby(["country_iso3", "metric"]).tail(1).set_index(
        ["country_iso3", "metric"])
    for metric, short in METRIC_PREFIX.items():
        vals, asof, srcs, conf, nprog = [], [], [], [], []
        for iso3 in out.iso3:
            if (iso3, metric) in latest.index:
                r = latest.loc[(iso3, metric)]
                vals.append(int(r.value))
                asof.append(r.latest_as_of)
                srcs.append(r.source_urls)
                conf.append(r.confidence)
                nprog.append(int(r.n_programmes))
            else:
                vals.append(None)
                asof.append(None)
                srcs.append([])
                conf.append(None)
                nprog.append(None)
        out[f"{short}_value"] = pd.array(vals, dtype="Int64")
        out[f"{short}_as_of"] = asof
        out[f"{short}_source_urls"] = srcs
        out[f"{short}_confidence"] = conf
        out[f"{short}_n_programmes"] = pd.array(nprog, dtype="Int64")
        out[f"{short}_per_million"] = (out[f"{short}_value"].astype("Float64")
                                       / out.population * 1_000_000).round(1)
    goe = gc[(gc.initiative_id == "goe") & (gc.metric == TARGET) & (gc.country_iso3 != "EU")]
    goe = goe.assign(conf_rank=goe.confidence.map(CONF_ORDER)).sort_values(
        ["as_of_last", "conf_rank", "row_order"])
    goe = goe.groupby("country_iso3").tail(1).set_index("country_iso3")
    out["goe_planned_samples"] = pd.array(
        [int(goe.loc[i].value) if i in goe.index else None for i in out.iso3], dtype="Int64")
    out["goe_planned_as_of"] = [goe.loc[i].as_of_date if i in goe.index else None for i in out.iso3]
    out["goe_planned_source_urls"] = [goe.loc[i].source_urls if i in goe.index else [] for i in out.iso3]
    out["goe_planned_confidence"] = [goe.loc[i].confidence if i in goe.index else None for i in out.iso3]

    def count_in(lists, iso3):
        return int(sum(iso3 in lst for lst in lists))

    out["n_cohorts"] = [count_in(cohorts.countries_iso3, i) for i in out.iso3]
    out["n_infra_nodes"] = [int((infra.country_iso3 == i).sum()) for i in out.iso3]
    out["n_activities"] = [
        int(((activities.coordinator_country_iso3 == i)
             | activities.participant_countries_iso3.map(lambda codes, i=i: i in codes)).sum())
        for i in out.iso3]
    out["n_funded_projects"] = [
        int(((funded.coordinator_country_iso3 == i)
             | funded.partner_countries_iso3.map(lambda codes, i=i: i in codes)).sum())
        for i in out.iso3]
    out["n_initiatives"] = [int((initiatives.country_iso3 == i).sum()) for i in out.iso3]
    out["n_calls"] = [count_in(calls.participating_countries_iso3, i) for i in out.iso3]
    return out.drop(columns=["onemg_signed_date_first"]).sort_values("iso3")


def country_infra_counts(infra: pd.DataFrame) -> pd.DataFrame:
    g = infra[infra.country_iso3.notna()].groupby(["country_iso3", "kind", "status"], sort=True)
    return g.size().rename("n").reset_index()
