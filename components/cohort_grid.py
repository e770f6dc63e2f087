"""The cohort explorer's results grid: column definitions (with the initial sort), rows with display
labels, and the grid's own column filters kept in the URL (cleaned to what the grid may use).

Built from frames handed in by the page; nothing queries data.
"""
from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from .chart_card import data_grid
from .cohort_facets import ACCESS_LABEL, DATA_LABEL, KIND_LABEL, RECRUITMENT_LABEL, SIZE_LABEL
from .fmt import NO_FIGURE, domain, is_missing


def results_grid(sort_key: str, descending: bool, filter_model: dict) -> object:
    """The ``cohorts-grid`` AG Grid: single-column sort, click (or Space) selects one row."""
    return data_grid("cohorts-grid", csv_name="cohorts.csv", height=480,
                     columnDefs=grid_columns(sort_key, descending), getRowId="params.data.cohort_id",
                     filterModel=filter_model, dashGridOptions={
                         "suppressMultiSort": True, "tooltipShowDelay": 400,
                         "rowSelection": {"mode": "singleRow", "checkboxes": False,
                                          "enableClickSelection": True},
                         "localeText": {"noRowsToShow": "No cohort matches these filters."}})


#: The wrapping name cell: its first line level with the single-line cells beside it.
NAME_CELL = {"lineHeight": "1.35", "paddingTop": "11px", "paddingBottom": "11px"}
_NUM = {"function": f"params.value == null ? '{NO_FIGURE}' : d3.format(',')(params.value)"}
#: grid column id -> public sort key (data.queries.cohorts.SORTABLE)
COL_SORT = {"name": "name", "acronym": "acronym", "countries": "countries", "kind": "kind",
            "participants": "participants", "participants_as_of": "participants_as_of",
            "wgs_count": "wgs", "wes_count": "wes", "genotyped_count": "genotyped",
            "access_model": "access", "recruitment_status": "recruitment", "confidence": "confidence"}
SORT_COL = {v: k for k, v in COL_SORT.items()}
#: Columns the grid's own column filters may use (the rest have filter switched off).
FILTERABLE = {"name": "text", "acronym": "text", "countries": "text", "kind": "text",
              "participants": "number", "participants_as_of": "number", "wgs_count": "number",
              "wes_count": "number", "genotyped_count": "number", "data_types": "text",
              "access_model": "text", "recruitment_status": "text", "confidence": "text"}


def grid_columns(sort_key: str, descending: bool) -> list[dict]:
    """Column definitions; the column matching ``sort_key`` carries the initial sort."""
    def col(field, header, **kw):
        c = {"field": field, "headerName": header, "wrapHeaderText": True, "autoHeaderHeight": True, **kw}
        kind = FILTERABLE.get(field)
        c["filter"] = {"text": "agTextColumnFilter", "number": "agNumberColumnFilter"}.get(kind, False)
        if field not in COL_SORT:
            c["sortable"] = False
        if COL_SORT.get(field) == sort_key:
            c["sort"] = "desc" if descending else "asc"
        return c

    # The access columns come right after the figures, so "Where to apply" is in reach on a phone
    # (the cohort's name stays pinned while the rest scrolls inside the table).
    return [
        col("name", "Cohort", pinned="left", width=250, minWidth=130, tooltipField="name",
            wrapText=True, autoHeight=True, cellStyle=NAME_CELL),
        col("acronym", "Acronym", width=110),
        col("countries", "Countries", width=150, tooltipField="countries"),
        col("kind", "Kind", width=150),
        col("participants", "Participants (as sourced)", type="numericColumn", valueFormatter=_NUM,
            width=170),
        col("participants_as_of", "As of", width=105, valueFormatter={"function": (
            "params.value != null ? String(params.value) : "
            "(params.data && params.data.participants != null ? 'not stated' : '')")}),
        col("access_model", "Access model", width=170),
        col("access_route", "Where to apply", cellRenderer="ExternalLinks",  # assets/atlas.js
            width=180),
        col("wgs_count", "WGS", type="numericColumn", valueFormatter=_NUM, width=140),
        col("wes_count", "WES", type="numericColumn", valueFormatter=_NUM, width=140),
        col("genotyped_count", "Genotyped", type="numericColumn", valueFormatter=_NUM, width=140),
        col("data_types", "Data types", width=220, tooltipField="data_types"),
        col("size_band", "Size band", width=175),
        col("recruitment_status", "Recruitment", width=120),
        col("confidence", "Confidence", width=110),
    ]


def countries_text(codes) -> str:
    codes = list(codes if codes is not None else [])
    return ", ".join(codes) if codes else "none listed (pan-European)"


def grid_rows(df) -> list[dict]:
    """Rows for the results grid (display labels; counts stay numeric, missing -> null)."""
    def num(v):
        return None if is_missing(v) else int(v)

    rows = []
    for r in df.itertuples(index=False):
        url = None if is_missing(r.access_url) else r.access_url
        rows.append({
            "cohort_id": r.cohort_id, "name": r.name,
            "acronym": None if is_missing(r.acronym) else r.acronym,
            "countries": countries_text(r.countries_iso3),
            "kind": KIND_LABEL.get(r.kind, r.kind),
            "participants": num(r.participants), "participants_as_of": num(r.participants_as_of),
            "size_band": SIZE_LABEL.get(r.size_band, SIZE_LABEL["unknown"]),
            "wgs_count": num(r.wgs_count), "wes_count": num(r.wes_count),
            "genotyped_count": num(r.genotyped_count),
            "data_types": ", ".join(DATA_LABEL.get(t, t) for t in (r.data_types if r.data_types is not None else [])),
            "access_model": ACCESS_LABEL.get(r.access_model, r.access_model),
            "access_route": f"[{domain(url)} ↗]({url})" if url else "not recorded",
            "access_url": url,
            "recruitment_status": RECRUITMENT_LABEL.get(r.recruitment_status, r.recruitment_status),
            "confidence": r.confidence,
        })
    return rows


# ---- the grid's column filters in the URL ----------------------------------------------------------

_TEXT_OPS = {"contains", "notContains", "equals", "notEqual", "startsWith", "endsWith", "blank", "notBlank"}
_NUM_OPS = {"equals", "notEqual", "lessThan", "lessThanOrEqual", "greaterThan", "greaterThanOrEqual",
            "inRange", "blank", "notBlank"}


def _clean_condition(kind: str, c) -> dict | None:
    if not isinstance(c, dict) or c.get("filterType") not in (None, kind):
        return None
    op = c.get("type")
    if op not in (_TEXT_OPS if kind == "text" else _NUM_OPS):
        return None
    out = {"filterType": kind, "type": op}
    for key in ("filter", "filterTo"):
        if key not in c or c[key] is None:
            continue
        v = c[key]
        if kind == "text" and isinstance(v, str) and len(v) <= 100:
            out[key] = v
        elif kind == "number" and isinstance(v, (int, float)) and not isinstance(v, bool):
            out[key] = v
        else:
            return None
    return out


def clean_filter_model(model) -> tuple[dict, str | None]:
    """Keep only well-formed AG Grid text/number filters on allowed columns; (model, notice)."""
    if not model:
        return {}, None
    if not isinstance(model, dict):
        return {}, "The table column filters could not be read; they were cleared."
    out, bad = {}, []
    for col, spec in list(model.items())[:len(FILTERABLE)]:
        kind = FILTERABLE.get(col)
        if kind is None or not isinstance(spec, dict):
            bad.append(str(col)[:30])
            continue
        if "conditions" in spec:
            conds = [_clean_condition(kind, c) for c in (spec.get("conditions") or [])[:2]]
            if not conds or None in conds or spec.get("operator") not in ("AND", "OR"):
                bad.append(col)
                continue
            out[col] = {"filterType": kind, "operator": spec["operator"], "conditions": conds}
        else:
            c = _clean_condition(kind, spec)
            if c is None:
                bad.append(col)
                continue
            out[col] = c
    note = (f"Ignored table column filter(s) that could not be used: {', '.join(bad[:5])}."
            if bad else None)
    return out, note


def results_card(grid) -> dbc.Card:
    """"Matching cohorts": count, export button, the column-filter and no-match notes, the grid."""
    return dbc.Card([
        dbc.CardHeader(html.Div([
            html.H2("Matching cohorts", className="h5 m-0 me-auto"),
            dbc.Button([html.I(className="bi bi-download me-1", **{"aria-hidden": "true"}), "Download CSV"],
                       id="cohorts-export", color="primary", size="sm"),
        ], className="d-flex align-items-center flex-wrap gap-2")),
        dbc.CardBody([
            html.P("…", id="cohorts-count", className="mb-1", role="status", **{"aria-live": "polite"}),
            html.P("Click a row (or focus it and press Space) for every field, its sources and where to "
                   "apply. The CSV holds exactly the rows below, in this order, with source URLs.",
                   className="small text-body-secondary mb-2"),
            dbc.Alert([html.Span(id="cohorts-gridnote-text"),
                       dbc.Button("Clear column filters", id="cohorts-clear-grid", color="link", size="sm",
                                  className="p-0 align-baseline")],
                      id="cohorts-gridnote", is_open=False, color="secondary", className="small py-1"),
            dbc.Alert([html.P("No cohort matches all of these filters.", className="mb-2 fw-semibold"),
                       dbc.Button("Clear all filters", id="cohorts-undo", color="primary", size="sm")],
                      id="cohorts-empty", is_open=False, color="warning", className="py-2"),
            html.P("On a phone, the cohort's name stays in place: swipe the table sideways for its "
                   "figures, access route and the other columns.",
                   className="small text-body-secondary mb-1 d-sm-none", id="cohorts-grid-hint"),
            # The grid's code loads after the page: its box keeps the grid's height from the start.
            html.Div(dcc.Loading(grid, type="default", delay_show=300), style={"minHeight": "480px"}),
        ]),
    ], className="mb-3")
