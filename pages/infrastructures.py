"""/infrastructures — where the research-infrastructure nodes are, which countries lack which kind,
and the standards the nodes state support for.

The URL's filter values can only be checked against the data (parents, services and standards come
from the node table), so ``layout`` keeps the raw query in a Store and the first callback validates
it with the :class:`Spec` of ``_infra_state`` (built from the data's facets), fills the controls and
shows notices. The callbacks are in ``_infra_callbacks``.
"""
from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from components.chart_card import chart_card, register, url_sync
from components.infra_controls import SORTS, coverage_key, filter_panel, map_key
from components.infra_tables import csv_button, register_csv, sourced_grid
from components.infra_views import NODE_EXPORT, STANDARD_EXPORT, node_columns, standard_columns
from pages import _infra_callbacks  # noqa: F401  (registers the page's callbacks)

dash.register_page(__name__, path="/infrastructures", name="Infrastructures", order=3, nav=True,
                   title="Infrastructures — 1+MG Atlas",
                   description="Research-infrastructure nodes per country, gaps by kind, standards.")

MAX_RAW = 20
COVERAGE_HEIGHT = 1000  # ~36 country rows of 22 px plus the headers


def layout(**kwargs):
    raw = {str(k)[:40]: v for k, v in list(kwargs.items())[:MAX_RAW] if isinstance(v, str)}
    return html.Div([
        *url_sync("infra"),
        dcc.Store(id="infra-url-in", data=raw),
        dcc.Store(id="infra-selection", data=""),
        html.H1("Research infrastructures", className="h3"),
        html.P(["Where the national nodes of Europe's research infrastructures are, which countries "
                "have which kind, and the standards nodes say they support. Status is what the "
                "sources say (for ELIXIR, BBMRI-ERIC, EATRIS and ECRIN it reflects membership, not "
                "an audit of services). The three challenges of 1+MG, country by country: ",
                html.A("challenges", href="/challenges"), "."], className="mb-2"),
        html.Div(id="infra-notices"),
        filter_panel(),
        dbc.Row([
            dbc.Col([chart_card("infra-map", "Where the nodes are", graph_height=640,
                                extra_controls=map_key(),
                                sentence="Each point is a node, coloured by kind; filled symbols are "
                                         "operational, open ones in development, planned or of "
                                         "unknown status. Nodes at the same place sit on a small "
                                         "ring around it; some points mark a city centre "
                                         "(the hover says so)."),
                     html.Div(id="infra-unplaced")], lg=8),
            dbc.Col(dbc.Card([dbc.CardHeader(html.H2("Selected node", className="h6 m-0")),
                              dbc.CardBody(html.Div(id="infra-map-detail", children=html.P(
                                  "Click a point on the map to see the node and its sources.",
                                  className="small text-body-secondary mb-0")))],
                             className="mb-3"), lg=4),
        ]),
        dbc.Row([
            dbc.Col(chart_card("infra-coverage", "Which countries have which kind of node",
                               graph_height=COVERAGE_HEIGHT, extra_controls=html.Div([
                                   dbc.RadioItems(id="infra-sort", options=[
                                       {"label": v, "value": k} for k, v in SORTS.items()],
                                       value="name", inline=True, className="small mb-1"),
                                   coverage_key(),
                                   html.Div([html.P("On a narrow screen the matrix is a list: each "
                                                    "country with the kinds of node it has.",
                                                    className="small text-body-secondary mb-1"),
                                             html.Div(id="infra-coverage-list")],
                                            className="matrix-narrow")]),
                               graph_kwargs={"className": "matrix-wide"},
                               sentence="Rows are countries, columns kinds of infrastructure; a "
                                        "cell shows the best status of the country's nodes of that "
                                        "kind. White means no node of that kind is recorded in the "
                                        "data. The bars count the funded activities and research "
                                        "projects a country is recorded in (all, not filtered)."),
                    lg=8),
            dbc.Col(html.Div(dbc.Card([
                dbc.CardHeader(html.H2("Selected cell", className="h6 m-0")),
                dbc.CardBody(html.Div(id="infra-coverage-detail", role="status", children=html.P(
                    "Click a cell or a bar to list the rows it rests on, with their sources.",
                    className="small text-body-secondary mb-0")))]),
                style={"position": "sticky", "top": "1rem"}), lg=4),
        ]),
        dbc.Card([
            dbc.CardHeader(html.H2("All nodes matching the filters", className="h6 m-0",
                                   id="infra-nodes-title")),
            dbc.CardBody([csv_button("infra-nodes-csv", "infra-nodes-grid"),
                          html.Div(sourced_grid("infra-nodes-grid", csv_name="infrastructure-nodes.csv",
                                                export_fields=NODE_EXPORT, row_id="infra_id",
                                                columnDefs=node_columns(), height=460),
                                   className="mt-2")]),
        ], className="mb-3"),
        dbc.Card([
            dbc.CardHeader(html.H2("Standards catalogue", className="h6 m-0")),
            dbc.CardBody([
                html.P("What each standard or agreement is for, who maintains it, and which nodes' "
                       "sources state support for it. A node not listed may still use a standard: "
                       "only stated support is recorded.", className="small"),
                csv_button("infra-standards-csv", "infra-standards-grid"),
                html.Div(sourced_grid("infra-standards-grid", csv_name="standards.csv",
                                      export_fields=STANDARD_EXPORT, row_id="standard_id",
                                      columnDefs=standard_columns(), height=440), className="mt-2"),
            ]),
        ], className="mb-3"),
    ])


# Clientside wiring registered at import: callbacks created inside layout() may never reach
# the browser (Dash copies its callback list once, possibly before layouts are built).
register("infra-map", "infra-coverage")
url_sync("infra")
register_csv("infra-nodes-csv", "infra-nodes-grid")
register_csv("infra-standards-csv", "infra-standards-grid")
