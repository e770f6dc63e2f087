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
from components.kpi import OVERVIEW_LABELS, headline, kpi_about, kpi_placeholders
from components.labels import GROUP
from data import vocab as V
from data.queries import overview as q
from pages import _overview_callbacks  # noqa: F401  (registers the page's callbacks)
from pages._overview_ranking import ranking_sentence
from pages._overview_state import PROGRESS_SENTENCE, RANKED, SPEC

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


def _controls(state: dict) -> dbc.Row:
    """The controls that drive the whole first screen: group (headline), indicator (ranking and
    map) and year (everything): one row on desktops, two on phones."""
    options = [{"label": lbl, "value": k} for k, lbl in figs.INDICATOR_LABELS.items()]
    return dbc.Row([
        dbc.Col([dbc.Label("Group of countries", html_for="overview-group",
                           className="fw-semibold mb-1"),
                 dbc.Select(id="overview-group", value=state["group"],
                            options=[{"label": GROUP[g], "value": g} for g in V.GROUPS])],
                xs=6, xl=3),
        dbc.Col([dbc.Label("Indicator", html_for="overview-indicator",
                           className="fw-semibold mb-1"),
                 dbc.Select(id="overview-indicator", options=options, value=state["indicator"])],
                xs=6, xl=3),
        dbc.Col([html.Div("Year (figures as known at the end of it)", id="overview-year-label",
                          className="form-label fw-semibold mb-1"),
                 html.Div(dcc.Slider(id="overview-year", min=q.FIRST_YEAR, max=q.FIRST_YEAR + 8,
                                     step=1, value=state["year"], disabled=True,
                                     marks={y: str(y) for y in range(q.FIRST_YEAR,
                                                                     q.FIRST_YEAR + 9, 2)},
                                     allow_direct_input=False,
                                     tooltip={"always_visible": True, "placement": "top"}),
                          role="group", className="overview-year-slider",
                          **{"aria-labelledby": "overview-year-label"}),
                 html.P(id="overview-year-note", className="small text-warning-emphasis mb-0",
                        role="status")], xs=12, xl=6),
    ], className="g-2 mb-2 align-items-start overview-controls", id="overview-controls")


def _map_controls() -> html.Ul:
    return html.Ul(id="overview-map-legend", className="map-legend list-inline small mb-1")


def _country_jump() -> dbc.Row:
    return dbc.Row(dbc.Col([
        dbc.Label("Open a country profile", html_for="overview-country-jump",
                  className="fw-semibold"),
        dbc.InputGroup([dbc.Select(id="overview-country-jump", options=[],
                                   placeholder="Choose a country"),
                        dbc.Button("Open", id="overview-country-open", color="primary")])],
        xs=12, md=6, xl=4), className="mb-3")


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
        html.Legend("Rank by", className="fs-6 fw-semibold mb-0 me-3 w-auto"),
        dbc.RadioItems(id="overview-measure", value=state["measure"], inline=True,
                       name="overview-measure",
                       options=[{"label": lbl, "value": k} for k, lbl in figs.MEASURES.items()]),
    ], className="mb-1 d-flex flex-wrap align-items-baseline")


def layout(**kwargs):
    state, notes = SPEC.parse(kwargs)
    return html.Div([
        html.H1("Where Europe stands on the 1+ Million Genomes goal", className="h3"),
        html.P("Reported genomes by group and country, at the end of the year you choose; every "
               "figure links to its public source.", className="lead fs-6 mb-2"),
        notices(notes, "overview-notices"),
        *url_sync("overview"),
        dcc.Store(id="overview-load", data=0), dcc.Store(id="overview-last-year"),
        dcc.Location(id="overview-location", refresh="callback-nav"),
        _controls(state),
        # One row: headline + KPI strip, then ranking | map on desktops; on phones the ranking
        # follows the headline and the KPI strip comes after it (order classes).
        dbc.Row([
            dbc.Col(html.Div(headline(None), id="overview-headline-box", className="h-100"),
                    xs=12, xl=4, className="order-1"),
            dbc.Col(html.Div(kpi_placeholders(OVERVIEW_LABELS, "overview"), id="overview-kpis"),
                    xs=12, xl=8, className="order-3 order-xl-2"),
            dbc.Col(_card("overview-ranking",
                          f"{figs.SHORT_LABELS[RANKED.get(state['indicator'], 'wgs')]}: countries "
                          "ranked, end of the latest year", csv_name="overview-ranking.csv",
                          graph_style={"height": "var(--overview-chart-h)"},
                          sentence=ranking_sentence(state["measure"], []),
                          extra_controls=_ranking_controls(state)),
                    xs=12, xl=7, className="order-2 order-xl-3"),
            dbc.Col(_card("overview-map", figs.INDICATOR_LABELS[state["indicator"]] + ", end of the "
                          "latest year", csv_name="overview-map.csv",
                          graph_style={"height": "var(--overview-map-h)"},
                          sentence="Colour shows the indicator; grey: no public figure (never "
                                   "zero). Click a country to open its profile.",
                          extra_controls=_map_controls()), xs=12, xl=5, className="order-4"),
        ], className="g-2 overview-first"),
        html.P(id="overview-year-help", className="small text-body-secondary mb-1"),
        html.Div(kpi_about([], "overview"), id="overview-about-box"),
        _country_jump(),
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
    ], id="overview-page", className="overview-page")
