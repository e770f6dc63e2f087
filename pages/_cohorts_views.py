"""The cohort explorer's views of a selection: the map and data-type chart (each with the table of
what is drawn), the detail panel of one cohort, and the CSV export of exactly the grid's rows.

A private sibling of pages/cohorts.py; the state callbacks are in ``_cohorts_callbacks``.
"""
from __future__ import annotations

import io

import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, State, callback, ctx, no_update

from components import cells
from components import cohort_facets as UI
from components import cohort_summary as SUMMARY
from components.chart_card import card_outputs
from components.figures import cohorts as FIG
from components.fmt import counted
from data.queries import cohorts as Q
from data.queries.release import release_info
from pages._cohorts_state import clean, filters_of


def _provenance(s: dict) -> list:
    rel = release_info()
    years = s.get("participants_as_of")
    span = (f"participant figures as of {years[0]}–{years[1]}" if years and years[0] != years[1]
            else f"participant figures as of {years[0]}" if years else "no participant figures")
    return [f"Source: the cohort rows of data release {rel['release_id']} (built {rel['built_date']}); "
            f"{span}. Each row cites its own sources: open a cohort, or download the table CSV, which "
            "lists every source URL."]


def _map_rows(bc: pd.DataFrame, drawn: set, names: dict[str, str]) -> list[dict]:
    return [{"iso3": r.iso3, "country": r.name, "n_cohorts": int(r.n_cohorts),
             "n_multi_country": int(r.n_multi_country),
             "participants_single_country_cohorts": None if pd.isna(r.participants_single)
             else int(r.participants_single),
             "single_country_cohorts_without_figure": int(r.n_single_without_figure),
             "on_map": r.iso3 in drawn, "cohorts": SUMMARY.cohort_names(r.cohort_ids, names),
             "cohort_ids": ";".join(r.cohort_ids)} for r in bc.itertuples()]


def _map_sources(s: dict, off_map: pd.DataFrame, measure: str, src: list) -> list:
    out = list(src)
    if len(off_map):
        out.insert(0, "Not on the map: " + ", ".join(f"{r.name} ({counted(r.n_cohorts, 'cohort')})"
                                                    for r in off_map.itertuples()) + ". ")
    if s["n_no_country"]:
        n = s["n_no_country"]
        out.insert(0, f"{counted(n, 'pan-European cohort')} {'lists' if n == 1 else 'list'} no country "
                      f"and {'is' if n == 1 else 'are'} not mapped. ")
    if measure == "participants":
        out.insert(0, "Participants: sums of sourced figures of single-country cohorts only "
                      "(a multi-country figure cannot be split); overlapping, not a head count. ")
    return out


@callback(output=dict(map=card_outputs("cohorts-map", "csv"), types=card_outputs("cohorts-types", "csv")),
          inputs=[Input("cohorts-query", "data"), Input("cohorts-map-metric", "value")])
def update_charts(st, map_metric="cohorts"):
    """Map of the selection per country and data-type bars, each with the table of what is drawn
    (``{"map": {...}, "types": {...}}``, each named as ``chart_card.card_outputs``)."""
    st = clean({**(st if isinstance(st, dict) else {}), "map": map_metric})
    s = Q.summary(filters_of(st))
    names = Q.country_names()
    drawn = set(Q.map_countries())
    bc = s["by_country"].copy()
    bc["name"] = [names.get(c, c) for c in bc.iso3]
    if s["n_cohorts"]:
        fig = FIG.country_map(bc[bc.iso3.isin(drawn)], st["map"], [c for c in names if c in drawn],
                              st["country"], outside_iso3=sorted(drawn - {"GRL"}))  # GRL clips badly
    else:
        fig = FIG.empty_figure("No cohort matches these filters.")
    rows = Q.search(filters_of(st))
    cohort_names = dict(zip(rows.cohort_id, rows.name))
    map_rows = _map_rows(bc, drawn, cohort_names)
    src = _provenance(s)
    types = [{"data_type": t, "label": UI.DATA_LABEL.get(t, t), "n_cohorts": n,
              "cohorts": SUMMARY.cohort_names(s["data_type_ids"].get(t, []), cohort_names),
              "cohort_ids": ";".join(s["data_type_ids"].get(t, []))} for t, n in s["data_types"].items()]
    return {
        "map": {"figure": fig, "rows": map_rows, "cols": SUMMARY.table_columns(SUMMARY.MAP_TABLE),
                "sources": _map_sources(s, bc[~bc.iso3.isin(drawn)], st["map"], src),
                "csv": SUMMARY.csv_params("cohorts-map")},
        "types": {"figure": (FIG.data_type_bars(pd.DataFrame(types), s["n_cohorts"]) if s["n_cohorts"]
                             else FIG.empty_figure("No cohort matches these filters.")),
                  "rows": types, "cols": SUMMARY.table_columns(SUMMARY.TYPES_TABLE),
                  "sources": src, "csv": SUMMARY.csv_params("cohorts-types")},
    }


_KEEP = {k: no_update for k in ("is_open", "title", "body", "cohort_id", "deselect")}


@callback(output=dict(is_open=Output("cohorts-detail", "is_open"), title=Output("cohorts-detail-title", "children"),
                      body=Output("cohorts-detail-body", "children"),
                      cohort_id=Output("cohorts-detail-id", "data"), deselect=Output("cohorts-grid", "deselectAll")),
          inputs=[Input("cohorts-grid", "cellClicked"), Input("cohorts-grid", "selectedRows"),
                  Input("cohorts-detail", "is_open"), State("cohorts-detail-id", "data")])
def show_detail(cell, selected, is_open, current):
    """Open the detail panel for the clicked/selected row (or the cohort named in the URL)."""
    trig = ctx.triggered_id and ctx.triggered[0]["prop_id"].split(".")[1]
    cid = current or ""
    if trig == "is_open" and not is_open:
        return {**_KEEP, "is_open": False, "cohort_id": "", "deselect": True}
    if trig == "cellClicked" and isinstance(cell, dict) and cell.get("colId") != "access_route":
        cid = cell.get("rowId") or ""
    elif trig == "selectedRows":
        if not (isinstance(selected, list) and selected and isinstance(selected[0], dict)):
            return dict(_KEEP)
        cid = selected[0].get("cohort_id") or ""
    elif trig in ("cellClicked", "is_open"):
        return dict(_KEEP)
    if not isinstance(cid, str) or not cid:
        return {**_KEEP, "is_open": False, "title": "Cohort", "body": None, "cohort_id": ""}
    row = Q.cohort(cid)
    if row is None:
        return {**_KEEP, "is_open": True, "title": "Cohort not found", "cohort_id": "", "body": dbc.Alert(
            f"No cohort with the id “{cid[:40]}” is in this data release.", color="warning")}
    mentions = Q.mentions(cid).to_dict("records")
    title = row["name"] + (f" ({row['acronym']})" if row.get("acronym") else "")
    return {**_KEEP, "is_open": True, "title": title, "cohort_id": cid,
            "body": SUMMARY.detail_body(row, mentions, Q.country_names())}


EXPORT_COLUMNS = ["cohort_id", "name", "acronym", "countries_iso3", "multi_country", "kind", "disease_focus",
                  "participants", "participants_as_of", "size_band", "wgs_count", "wes_count",
                  "genotyped_count", "data_types", "access_model", "access_url", "recruitment_status",
                  "start_year", "website", "confidence", "source_urls", "notes"]


def export_frame(st: dict, grid_rows) -> pd.DataFrame:
    """The rows the grid shows, in its order: search() with the same filters and sort, narrowed to and
    ordered by the grid's own rows (its column filters and client-side sort), plus the release."""
    st = clean(st)
    df = Q.search(filters_of(st), st["sort"])
    order = [r.get("cohort_id") for r in (grid_rows if isinstance(grid_rows, list) else [])
             if isinstance(r, dict) and isinstance(r.get("cohort_id"), str)]
    if order:
        pos = {cid: i for i, cid in enumerate(order)}
        keep = df.cohort_id.isin(pos) if st["gf"] else df.cohort_id.notna()
        df = df[keep].assign(_pos=[pos.get(c, len(pos) + i) for i, c in enumerate(df.cohort_id[keep])])
        df = df.sort_values("_pos", kind="stable").drop(columns="_pos")
    out = df[EXPORT_COLUMNS].copy()
    for c in ("countries_iso3", "disease_focus", "data_types", "source_urls"):
        out[c] = [cells.text(v) for v in out[c]]
    rel = release_info()
    out["data_release"] = rel["release_id"]
    out["data_release_date"] = rel["built_date"]
    return out


@callback(Output("cohorts-download", "data"), Input("cohorts-export", "n_clicks"),
          State("cohorts-state", "data"), State("cohorts-grid", "virtualRowData"), prevent_initial_call=True)
def export_csv(n, st, grid_rows):
    if not n:
        return no_update
    out = export_frame(st, grid_rows)
    buf = io.StringIO()
    out.to_csv(buf, index=False)
    return {"content": buf.getvalue(), "filename": f"1mg-atlas-cohorts-{release_info()['release_id']}.csv",
            "type": "text/csv"}
