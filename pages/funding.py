"""/funding — funded activities over time, their sourced budgets, who takes part, the ERA PerMed /
EP PerMed calls and their projects, and money next to outputs per country.

As on /infrastructures, the URL's filter values are checked against the data by the first callback
(``layout`` only keeps the raw query in a Store). The URL state is declared in ``_funding_state``;
the callbacks are in ``_funding_callbacks`` (controls, selection) and ``_funding_charts``.
"""
from __future__ import annotations

import dash
from dash import dcc, html

from components.chart_card import register, url_sync
from components.funding_sections import (
    budget_section,
    calls_section,
    filter_panel,
    outputs_section,
    participation_section,
    timeline_section,
)
from components.infra_tables import register_csv
from pages import _funding_callbacks, _funding_charts  # noqa: F401  (register the callbacks)

dash.register_page(__name__, path="/funding", name="Funding", order=4, nav=True,
                   title="Funding — 1+MG Atlas",
                   description="Funded activities, sourced budgets, participation, PerMed calls.")


def layout(**kwargs):
    raw = {str(k)[:40]: v for k, v in list(kwargs.items())[:20] if isinstance(v, str)}
    return html.Div([
        *url_sync("funding"),
        dcc.Store(id="funding-url-in", data=raw), dcc.Store(id="funding-selection", data=""),
        html.H1("Funding", className="h3"),
        html.P("What is funded around the 1+MG goal, when, with how much published money, and which "
               "countries take part. Every figure is a published one with its source; a missing "
               "budget is counted as missing, never as zero. Taking part is not money received.",
               className="mb-2"),
        html.Div(id="funding-notices"),
        filter_panel(), timeline_section(), budget_section(), participation_section(),
        calls_section(), outputs_section(),
    ])


# Clientside wiring registered at import: callbacks created inside layout() may never reach
# the browser (Dash copies its callback list once, possibly before layouts are built).
register("funding-timeline", "funding-budget", "funding-map", "funding-matrix",
         "funding-calls-money", "funding-calls-counts", "funding-outputs")
url_sync("funding")
register_csv("funding-projects-csv", "funding-projects-grid")
register_csv("funding-outputs-table-csv", "funding-outputs-table")
