"""Country profile: /country/<ISO3> — every layer of the atlas for one country, with sources.

``layout`` only stores the raw code and query; the callbacks resolve the code (ISO3 or ISO2, any
case; the address bar is then rewritten to the canonical /country/<ISO3>), show a not-found page
with suggestions for an unknown code, and fill each section. The "compare with" control (another
country, or the median of signatories) overlays the genome chart and adds a column to the key
indicators; it lives in the URL (``?compare=SWE``, ``?scale=log``, see ``_country_state``).
The callbacks are in ``_country_callbacks``; the clientside ones call ``assets/atlas.js``.
"""
from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from components.chart_card import chart_card, register, url_sync
from data.queries import country_profile as q
from pages import _country_callbacks  # noqa: F401  (registers the page's callbacks)
from pages._country_state import NONE


def _title(iso3=None):
    res = q.resolve(iso3)
    return f"{q.codes().set_index('iso3').name[res.iso3]} — country profile — 1+MG Atlas" \
        if res.found else "Country not found — 1+MG Atlas"


dash.register_page(__name__, path_template="/country/<iso3>", name="Country profile",
                   title=_title, description="One country's genome figures, targets, cohorts, "
                   "infrastructures and funded activities, with sources.")

# Clientside wiring is registered at import (callbacks made while a layout runs come too late).
url_sync("country")
register("country-genomes", "country-infra")


def _section(title: str, body_id: str, *extra, print_hide: bool = False) -> dbc.Card:
    return dbc.Card([dbc.CardHeader(html.H2(title, className="h5 mb-0")),
                     dbc.CardBody([dcc.Loading(html.Div(id=body_id), delay_show=300), *extra])],
                    className="mb-3 country-section" + (" country-print-hide" if print_hide else ""))


def layout(iso3=None, **query):
    route = {"code": iso3 if isinstance(iso3, str) else None,
             "query": {str(k)[:40]: str(v)[:100] for k, v in list(query.items())[:20]}}
    controls = dbc.Row([
        dbc.Col([dbc.Label("Compare with", html_for="country-compare", className="small mb-0"),
                 dbc.Select(id="country-compare", options=[{"label": "no comparison", "value": NONE}],
                            value=NONE, size="sm")], md=6),
        dbc.Col(html.Fieldset([
            html.Legend("Scale", className="small mb-0 fs-6"),
            dbc.RadioItems(id="country-scale", value="linear", inline=True,
                           options=[{"label": "linear", "value": "linear"},
                                    {"label": "logarithmic", "value": "log"}],
                           className="small")]), md=6),
    ], className="g-2 mb-2 d-print-none", id="country-controls")
    profile = html.Div([
        html.Div(id="country-header", className="mb-3"),
        html.Div(id="country-control-notices"),
        dbc.Row([
            dbc.Col(chart_card(
                "country-genomes", "Genome figures over time",
                sentence="Each point is one published figure of one programme; lines join figures "
                         "of the same programme and metric, long dashes are targets. Metrics are "
                         "never added together; a figure dated by year or month sits at the start "
                         "of that period (a figure of 2024 on the 2024 tick). A comparison adds "
                         "grey carried-forward totals for the same "
                         "metrics (and whole genomes).",
                extra_controls=html.Div([controls, html.Div(id="country-genomes-status")])), lg=8),
            dbc.Col(_section("Key indicators", "country-indicators"), lg=4),
        ]),
        _section("National initiatives and targets", "country-initiatives"),
        dbc.Row([
            dbc.Col(chart_card("country-infra", "Infrastructure nodes", graph_height=380,
                               sentence="Nodes with a public location are drawn; open circles mark "
                                        "a city centre, not the building."), lg=6),
            dbc.Col(_section("Nodes by kind and status", "country-infra-list"), lg=6),
        ], className="country-print-hide"),
        _section("Cohorts and biobanks", "country-cohorts",
                 html.P(dcc.Link("Explore these cohorts", id="country-cohorts-link", href="/cohorts"),
                        className="mt-2 mb-0 d-print-none")),
        _section("Funded activities", "country-activities",
                 html.P("Funded research projects are a partial list (about a fifth of the ERA "
                        "PerMed / EP PerMed projects); partner lists are lower bounds.",
                        className="small text-body-secondary mt-2 mb-0"), print_hide=True),
        _section("Milestones", "country-milestones", print_hide=True),
        _section("National catalogues", "country-catalogue"),
        _section("Sources for this page", "country-sources"),
    ], id="country-profile", hidden=True)
    return html.Div([
        dcc.Store(id="country-route", data=route), dcc.Store(id="country-canonical"),
        dcc.Store(id="country-print"),
        *url_sync("country"), html.Div(id="country-notices"),
        html.Div(dbc.Spinner(size="sm"), id="country-loading", className="py-4",
                 **{"aria-label": "Loading country profile"}),
        html.Div(id="country-notfound", hidden=True), profile,
    ], id="country-page")
