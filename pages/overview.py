"""Overview (/): where Europe stands on the 1+MG goal — headline figures, a map of one indicator
per country (by year where figures are dated), progress towards one million genomes with the
targets, and who signed the declaration when. View state (indicator, year, metric, proxies) is
in the URL.

This module is the page: ``register_page`` and ``layout``. Its private siblings hold the view
state (``pages/_overview_state.py``) and the callbacks (``pages/_overview_callbacks.py``).
"""
from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from components.catalogue_views import INDICATOR
from components.chart_card import chart_card, notices, register, url_sync
from components.figures import overview as figs
from components.kpi import OVERVIEW_LABELS, kpi_placeholders
from data.queries import overview as q
from pages import _overview_callbacks  # noqa: F401  (registers the page's callbacks)
from pages._overview_state import PROGRESS_SENTENCE, SPEC

dash.register_page(__name__, path="/", name="Overview", order=0, nav=True,
                   title="Overview — 1+MG Atlas",
                   description="Where Europe stands on the 1+ Million Genomes goal.")

CARDS = ("overview-ranking", "overview-map", "overview-progress", "overview-timeline")
register(*CARDS)  # clientside wiring at import (see CONTRIBUTING "Pitfalls")
url_sync("overview")


def _card(prefix: str, title: str, *, graph_style: dict, **kwargs):
    """components.chart_card.chart_card with a CSS height for its graph (chart_card takes pixels;
    the map and the progress chart need more height on phones than a fixed pixel value gives)."""
    card = chart_card(prefix, title, **kwargs)
    stack = [card]
    while stack:
        c = stack.pop()
        if getattr(c, "id", None) == f"{prefix}-graph":
            c.style = graph_style
            return card
        kids = getattr(c, "children", None)
        stack.extend(kids if isinstance(kids, list) else [kids] if kids is not None else [])
    raise LookupError(f"{prefix}-graph")


def _controls(state: dict) -> html.Div:
    options = [{"label": lbl, "value": k} for k, lbl in figs.INDICATOR_LABELS.items()]
    return dbc.Row([
        dbc.Col([dbc.Label("Indicator", html_for="overview-indicator", className="fw-semibold"),
                 dbc.Select(id="overview-indicator", options=options, value=state["indicator"])],
                md=4, className="mb-2"),
        dbc.Col([html.Div("Year (figures as known at the end of it)", id="overview-year-label",
                          className="form-label fw-semibold"),
                 html.Div(dcc.Slider(id="overview-year", min=q.FIRST_YEAR, max=q.FIRST_YEAR + 8,
                                     step=1, value=state["year"], disabled=True, marks=None,
                                     allow_direct_input=False),
                          role="group", **{"aria-labelledby": "overview-year-label"}),
                 html.P(id="overview-year-help", className="small text-body-secondary mb-0"),
                 html.P(id="overview-year-note", className="small text-warning-emphasis mb-0",
                        role="status")], md=5, className="mb-2"),
        dbc.Col([dbc.Label("Open a country profile", html_for="overview-country-jump",
                           className="fw-semibold"),
                 dbc.InputGroup([dbc.Select(id="overview-country-jump", options=[],
                                            placeholder="Choose a country"),
                                 dbc.Button("Open", id="overview-country-open", color="primary")])],
                md=3, className="mb-2"),
        dbc.Col(html.Ul(id="overview-map-legend", className="map-legend list-inline small mb-1"),
                xs=12),
    ], className="g-3 align-items-start")


def _progress_controls(state: dict) -> html.Div:
    # dbc widgets render native radios/checkbox with labels (dcc's Dash 4 lists fail axe checks)
    return html.Div([
        html.Fieldset([
            html.Legend("Figure shown (never added together)", className="fs-6 fw-semibold mb-1"),
            dbc.RadioItems(id="overview-metric", value=state["metric"], inline=True,
                           name="overview-metric",
                           options=[{"label": lbl, "value": k}
                                    for k, lbl in figs.METRIC_LABELS.items()]),
        ], className="mb-1"),
        dbc.Switch(id="overview-proxies", value=state["proxies"],
                   label="Show proxy figures (prescriptions, reports, patients enrolled: not "
                         "genomes; dotted, never added)"),
    ], className="mb-2")


def _ranking_controls(state: dict) -> html.Fieldset:
    return html.Fieldset([
        html.Legend("Rank by", className="fs-6 fw-semibold mb-1"),
        dbc.RadioItems(id="overview-measure", value=state["measure"], inline=True,
                       name="overview-measure",
                       options=[{"label": lbl, "value": k} for k, lbl in figs.MEASURES.items()]),
    ], className="mb-1")


def layout(**kwargs):
    state, notes = SPEC.parse(kwargs)
    return html.Div([
        html.H1("Where Europe stands on the 1+ Million Genomes goal", className="h3"),
        html.P("Headline figures, a map by country, progress towards one million genomes and who "
               "has signed the 1+MG declaration. Every figure links to its public source.",
               className="lead fs-6"),
        notices(notes, "overview-notices"),
        *url_sync("overview"),
        dcc.Store(id="overview-load", data=0), dcc.Store(id="overview-last-year"),
        dcc.Location(id="overview-location", refresh="callback-nav"),
        dcc.Loading(html.Div(kpi_placeholders(OVERVIEW_LABELS, "overview"), id="overview-kpis"),
                    delay_show=300),
        _card("overview-ranking", "Countries ranked", csv_name="overview-ranking.csv",
              graph_style={"height": "360px"},
              sentence="Countries with a public figure, largest first, in the map's colours; "
                       "click a bar to open the country profile.",
              extra_controls=_ranking_controls(state)),
        _card("overview-map", "Map of Europe", csv_name="overview-map.csv",
              graph_style={"height": "min(660px, 105vw)"},
              sentence="Colour shows the chosen indicator per country; grey means no public "
                       "figure (never zero). Hover for the value, its date, sources and "
                       "confidence; click a country to open its profile.",
              extra_controls=_controls(state)),
        _card("overview-progress", "Progress towards one million genomes",
              csv_name="overview-progress.csv",
              graph_style={"height": "calc(520px + max(0px, 768px - 100vw) * 0.6)"},
              sentence=PROGRESS_SENTENCE[state["metric"]],
              extra_controls=_progress_controls(state)),
        _card("overview-timeline", "Who signed the 1+MG declaration, and when",
              csv_name="overview-signatories.csv", graph_style={"minHeight": "300px"},
              sentence="Each dot is the date a country signed; open dots are known only to the "
                       "month. Undated signatories and non-signatories are listed below the "
                       "chart."),
        html.Div(id="overview-timeline-notes", className="small mb-3"),
        html.Section([html.H2(INDICATOR, className="h5"),
                      dcc.Loading(html.Div(id="overview-catalogue"), delay_show=300)],
                     className="mb-3", id="overview-catalogue-section"),
    ])
