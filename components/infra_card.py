"""``card``: :func:`components.chart_card.chart_card`, with a stop-gap for one known failure.

chart_card passes ``aria-controls`` to ``dbc.Button``, which dash-bootstrap-components 2.0.4 refuses
with a TypeError. Until that is fixed in chart_card, this builds the same card (same ids, same
clientside wiring, which chart_card has already registered) without that attribute. Once chart_card
builds, this simply returns its card.
"""
from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from components.chart_card import chart_card, data_grid
from components.theme import graph_config


def card(prefix: str, title: str, *, sentence: str = "", csv_name: str | None = None,
         graph_height: int = 420, extra_controls=None) -> dbc.Card:
    try:
        return chart_card(prefix, title, sentence=sentence, csv_name=csv_name,
                          graph_height=graph_height, extra_controls=extra_controls)
    except TypeError:
        pass
    return dbc.Card([
        dbc.CardHeader(html.H2(title, id=f"{prefix}-title")),
        dbc.CardBody([
            html.P(sentence, id=f"{prefix}-sentence", className="chart-sentence small mb-2"),
            extra_controls or html.Div(),
            dcc.Loading(dcc.Graph(id=f"{prefix}-graph", config=graph_config(),
                                  style={"height": f"{graph_height}px"}),
                        type="default", delay_show=300),
            html.Div([
                dbc.Button("Show as table", id=f"{prefix}-table-toggle", color="secondary",
                           outline=True, size="sm", className="me-2"),
                dbc.Button([html.I(className="bi bi-download me-1", **{"aria-hidden": "true"}),
                            "Download CSV"], id=f"{prefix}-csv", color="secondary", outline=True,
                           size="sm"),
            ], className="chart-actions my-2 d-print-none"),
            dbc.Collapse(data_grid(f"{prefix}-grid", csv_name=csv_name or f"{prefix}.csv"),
                         id=f"{prefix}-table-collapse", is_open=False),
            html.Div(id=f"{prefix}-sources", className="small text-body-secondary mt-2"),
        ]),
    ], className="chart-card mb-3")
