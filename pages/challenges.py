"""/challenges — for each country, the facts bearing on the three challenges of the 1+MG roadmap
(secure cross-border access; common standards; expertise in analysis). Facts, not scores: each
cell says what the data records and links to the rows it rests on.
"""
from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, callback, html, no_update

from components.chart_card import notices, url_sync
from components.infra_challenges import GROUPS, columns, export_fields, hidden
from components.infra_tables import csv_button, evidence_list, register_csv, sourced_grid
from components.url_state import Param, Spec
from data.queries import challenges as ch

dash.register_page(__name__, path="/challenges", name="Challenges", order=5, nav=True,
                   title="The three challenges — 1+MG Atlas",
                   description="Per country: facts on cross-border access, standards and expertise.")

SPEC = Spec((
    Param("group", "choice", "all", choices=tuple(GROUPS), label="country group"),
    Param("country", "text", "", max_len=3, label="country"),
    Param("fact", "choice", "", choices=("", *ch.FACTS), label="fact"),
))


def layout(**kwargs):
    state, notes = SPEC.parse(kwargs)
    defs = []
    for key, title in ch.CHALLENGES.items():
        defs.append(dbc.Col([html.H3(title, className="h6"), html.Dl(
            [el for k, (c, lbl, d) in ch.FACTS.items() if c == key
             for el in (html.Dt(lbl, className="small"), html.Dd(d, className="small"))],
            className="mb-0")], md=4))
    return html.Div([
        *url_sync("challenges"),
        html.H1("The three challenges, country by country", className="h3"),
        html.P("The 1+MG roadmap names three challenges: secure cross-border access to genomic "
               "data, common standards for data management and quality, and expertise in analysis. "
               "This table shows, per country, the recorded facts that bear on each. They are facts, "
               "not scores: an empty cell means the data records nothing, not that nothing exists. "
               "Click a cell (or choose below) to see the rows it rests on and their sources."),
        notices(notes, "challenges-notices"),
        dbc.Card(dbc.CardBody([html.H2("Definitions", className="h6"), dbc.Row(defs)]),
                 className="mb-3"),
        dbc.Row([
            dbc.Col([
                html.Div([html.Span("Show", className="small fw-semibold me-2", id="challenges-group-label"),
                          dbc.RadioItems(id="challenges-group", value=state["group"], inline=True,
                                         className="small d-inline-block",
                                         options=[{"label": v, "value": k} for k, v in GROUPS.items()])],
                         role="radiogroup", **{"aria-labelledby": "challenges-group-label"}),
                html.Div([csv_button("challenges-csv", "challenges-grid"),
                          html.Small(id="challenges-count", className="ms-2 text-body-secondary")],
                         className="my-2"),
                sourced_grid("challenges-grid", csv_name="challenges-by-country.csv",
                             export_fields=export_fields(ch.FACTS), row_id="iso3", height=640,
                             columnDefs=columns(ch.FACTS, ch.CHALLENGES) + hidden(ch.FACTS),
                             dashGridOptions={"tooltipShowDelay": 300}),
            ], lg=9),
            dbc.Col(html.Div(dbc.Card([
                dbc.CardHeader(html.H2("What a cell rests on", className="h6 m-0")),
                dbc.CardBody([
                    dbc.Row([
                        dbc.Col([html.Label("Country", htmlFor="challenges-country",
                                            className="small fw-semibold mb-1"),
                                 dbc.Select(id="challenges-country", options=[], size="sm",
                                            value=state["country"] or None)], xs=6),
                        dbc.Col([html.Label("Fact", htmlFor="challenges-fact",
                                            className="small fw-semibold mb-1"),
                                 dbc.Select(id="challenges-fact", size="sm",
                                            value=state["fact"] or None,
                                            options=[{"label": lbl, "value": k}
                                                     for k, (_c, lbl, _d) in ch.FACTS.items()])],
                                xs=6),
                    ], className="mb-2 g-2"),
                    html.Div(id="challenges-detail", role="status"),
                ]),
            ]), style={"position": "sticky", "top": "1rem"}), lg=3),
        ]),
    ])



# Clientside wiring registered at import: callbacks created inside layout() may never reach
# the browser (Dash copies its callback list once, possibly before layouts are built).
url_sync("challenges")
register_csv("challenges-csv", "challenges-grid")

@callback(Output("challenges-grid", "rowData"), Output("challenges-country", "options"),
          Output("challenges-count", "children"), Input("challenges-group", "value"))
def grid(group):
    """The facts per country for the chosen group of countries."""
    state, _ = SPEC.clean({"group": group})
    facts = ch.country_facts()
    if state["group"] == "eu":
        facts = facts[facts.eu_member]
    elif state["group"] == "signatories":
        facts = facts[facts.signatory_state == "yes"]
    opts = [{"label": n, "value": i} for i, n in zip(facts.iso3, facts.name)]
    return facts.drop(columns=["eu_member"]).to_dict("records"), opts, f"{len(facts)} countries"


@callback(Output("challenges-country", "value"), Output("challenges-fact", "value"),
          Input("challenges-grid", "cellClicked"), prevent_initial_call=True)
def pick(cell):
    """A click on a fact cell chooses its country and fact."""
    if not isinstance(cell, dict):
        return no_update, no_update
    col, row = cell.get("colId"), cell.get("rowId")
    if col in ch.FACTS and isinstance(row, str):
        return row, col
    if isinstance(row, str):
        return row, no_update
    return no_update, no_update


@callback(Output("challenges-detail", "children"), Output("challenges-url-search", "data"),
          Input("challenges-country", "value"), Input("challenges-fact", "value"),
          Input("challenges-group", "value"))
def detail(country, fact, group):
    """The rows a fact rests on, with their sources; and the view in the URL."""
    state, _ = SPEC.clean({"group": group, "country": country or "", "fact": fact or ""})
    search = SPEC.to_search(state)
    if not state["country"] or not state["fact"]:
        return html.P("Click a cell of the table, or choose a country and a fact.",
                      className="small text-body-secondary mb-0"), search
    name = ch.country_name(state["country"])
    if name is None:
        return html.P(f"“{state['country']}” is not a country with a profile; choose another.",
                      className="small mb-0"), search
    rows = ch.evidence(state["country"], state["fact"])
    _c, label, definition = ch.FACTS[state["fact"]]
    body = evidence_list(rows, empty=f"No row in the data records this for {name}. That is not "
                                     "proof that none exists.")
    return html.Div([html.H3(f"{name} · {label}", className="h6"),
                     html.P(definition, className="small text-body-secondary"), body]), search
