"""/cohorts — the cohort explorer: facets with live counts, a results grid, a summary of the
selection (map, data types, totals), a detail panel and a CSV export; the full state is in the URL.

One cleaned state (``cohorts-state``, keyed by the filter names ``/api/v1/cohorts`` takes too)
drives everything; every view reads it through ``data.queries.cohorts`` so the grid, facet counts,
map and totals describe the same rows. The state and its URL Spec are in ``_cohorts_state``, the
callbacks in ``_cohorts_callbacks`` and ``_cohorts_views``; this module registers the page and lays
it out (no queries, no figures).
"""
from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import ClientsideFunction, Input, Output, clientside_callback, dcc, html

from components import cohort_facets as FACETS
from components import cohort_grid as GRID
from components import cohort_summary as SUMMARY
from components.chart_card import notices, register, url_sync
from data.queries import cohorts as Q
from pages import _cohorts_callbacks, _cohorts_views  # noqa: F401  (registers the callbacks)
from pages._cohorts_state import QUERY_KEYS, REGIONS, SPEC, dump_json, parse_json

dash.register_page(__name__, path="/cohorts", name="Cohorts", order=2, nav=True,
                   title="Cohorts · 1+MG Atlas",
                   description="European genomic cohorts and biobanks: filter, compare, export.")

# Clientside callbacks must exist before the server starts: register them at import, not in layout().
url_sync("cohorts")
register(*SUMMARY.CHART_PREFIXES)
# On a phone the pinned name column narrows once the rows are in (assets/cohorts.js).
clientside_callback(ClientsideFunction("cohorts", "fitGrid"), Output("cohorts-grid-fit", "data"),
                    Input("cohorts-grid", "rowData"))


def layout(**kwargs):
    st, notes = SPEC.parse(kwargs)
    gf, note = GRID.clean_filter_model(parse_json(st["gf"]))
    st["gf"] = dump_json(gf)
    notes += [note] if note else []
    sort_key, desc = Q.parse_sort(st["sort"])
    return html.Div([
        html.H1("Cohorts, biobanks and genomic collections", className="h3"),
        html.P("Filter Europe's cohorts by country, data held and access route; every number links to "
               "its source.", className="lead fs-6"),
        notices(notes, "cohorts-notices"), html.Div(id="cohorts-live-notices"),
        dcc.Store(id="cohorts-state", data=st), dcc.Store(id="cohorts-history", data=[]),
        dcc.Store(id="cohorts-query", data={k: st[k] for k in QUERY_KEYS}),
        dcc.Store(id="cohorts-grid-filter-init", data=gf or None),
        dcc.Store(id="cohorts-detail-id", data=st["cohort"]), dcc.Store(id="cohorts-grid-fit"), *url_sync("cohorts"),
        dcc.Download(id="cohorts-download"),
        dbc.Row([
            dbc.Col(FACETS.facets_panel(st, REGIONS), lg=3, className="mb-3"),
            dbc.Col([
                html.Div(SUMMARY.kpis(), id="cohorts-kpis", className="mb-2"),
                dbc.Alert(SUMMARY.overlap_note(), id="cohorts-overlap", color="info", className="small py-2"),
                GRID.results_card(GRID.results_grid(sort_key, desc, gf)),
                SUMMARY.chart_row(st["map"]),
            ], lg=9),
        ]),
        dbc.Offcanvas(id="cohorts-detail", title=html.Span("Cohort", id="cohorts-detail-title"),
                      labelledby="cohorts-detail-title", placement="end", is_open=False,
                      style={"width": "min(560px, 100vw)"}, children=html.Div(id="cohorts-detail-body")),
    ])
