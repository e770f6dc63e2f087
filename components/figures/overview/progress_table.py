"""The tables behind the Overview progress chart: every figure it draws, one row each with its
sources, and the country targets it leaves out of the committed path."""
from __future__ import annotations

import pandas as pd

from components import fmt

from ._common import _missing, as_date, columns, joined
from .progress import progress_bands


def _sourced(r) -> dict:
    """The provenance cells of a target or proxy row."""
    return {"as_of": r.as_of_date, "confidence": r.confidence, "sources": joined(r.source_urls),
            "note": r.quote_or_basis}


def progress_table(by_country: pd.DataFrame, totals: pd.DataFrame, *, metric: str,
                   eu_targets: pd.DataFrame | None = None,
                   committed_targets: pd.DataFrame | None = None,
                   proxies: pd.DataFrame | None = None) -> tuple[list[dict], list[dict]]:
    """(rowData, columnDefs): every figure the progress chart draws, one row each, with sources."""
    _, band = progress_bands(by_country)
    rows = []
    for r in by_country.sort_values(["iso3", "date"]).itertuples():
        rows.append({"series": f"Stacked: {band[r.iso3]}", "country": r.name, "iso3": r.iso3,
                     "date": str(as_date(r.date)), "value": int(r.value), "as_of": r.latest_as_of,
                     "basis": "cumulative", "programmes": joined(r.programmes),
                     "confidence": r.confidence, "sources": joined(r.source_urls)})
    for r in totals.itertuples():
        rows.append({"series": "Total reported", "date": str(as_date(r.date)),
                     "value": int(r.value), "basis": "sum of cumulative",
                     "note": f"{r.n_countries} countries, {r.n_programmes} programmes"})
    if metric != "genotyped":
        for r in (eu_targets.itertuples() if eu_targets is not None else []):
            if r.programme in ("onemg", "goe"):
                rows.append({"series": "EU-level target (line)", "country": "EU",
                             "programmes": r.programme, "date": f"{r.target_year}",
                             "value": int(r.value), "basis": "target", **_sourced(r)})
    if metric == "wgs" and committed_targets is not None:
        for r in committed_targets[committed_targets.in_path].itertuples():
            rows.append({"series": "Committed path (target added at the end of its year)",
                         "country": r.name, "iso3": r.iso3, "programmes": r.programme,
                         "date": None if _missing(r.target_year) else str(int(r.target_year)),
                         "value": int(r.value), "basis": "target", **_sourced(r)})
    for r in (proxies.itertuples() if proxies is not None else []):
        rows.append({"series": "Proxy (not genomes; not summed)", "country": r.name,
                     "iso3": r.iso3, "programmes": r.programme, "date": str(as_date(r.date)),
                     "value": int(r.value), "basis": "proxy", **_sourced(r)})
    cols = columns("series", "country", "iso3", "date", "value", "as_of", "basis", "programmes",
                   "confidence", "sources", "note",
                   series={"headerName": "Series", "minWidth": 200, "pinned": "left"},
                   date={"headerName": "Date / target year"},
                   as_of={"headerName": "As of (as published)"})
    return rows, cols


def targets_not_added(committed_targets: pd.DataFrame) -> list[str]:
    """Country targets left out of the committed path (no target year), one line each."""
    t = committed_targets[~committed_targets.in_path]
    return [f"{r.name}, {r.programme}: {fmt.number(r.value)} (set {fmt.partial_date(r.as_of_date)})"
            for r in t.itertuples()]
