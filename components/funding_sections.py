"""Layout blocks of the funding page (skeletons only: every figure and table is filled by the
page's callbacks)."""
from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from components.chart_card import chart_card
from components.fmt import NO_FIGURE
from components.funding_views import PROJECT_EXPORT, project_columns
from components.infra_tables import csv_button, sourced_grid
from components.multi_filters import multi_filter

#: The call charts' heights: eight calls, two (budgets) or four (counts) bars each.
CALLS_MONEY_HEIGHT, CALLS_COUNTS_HEIGHT = 460, 640
GROUPS = {"programme": "By programme", "topic": "By topic"}
MONEY = {"budget": "Total budget", "eu_contribution": "EU contribution"}
SCOPES = {"activities": "Projects, partnerships and programmes", "calls": "Funding calls"}
VIEWS = {"activities": "Funded activities", "projects": "Research projects", "calls": "PerMed calls"}
ROLES = {"any": "Takes part or coordinates", "coordinator": "Coordinates"}
X_CHOICES = {"activities": "Funded activities", "projects": "Research projects", "calls": "Calls joined"}
Y_CHOICES = {"nodes": "Infrastructure nodes", "cohorts": "Cohorts",
             "wgs": "Whole genomes sequenced (latest cumulative)",
             "genotyped": "Participants genotyped (latest cumulative)"}


def radios(id_: str, label: str, options: dict, value: str) -> html.Div:
    return html.Div([
        html.Span(label, className="small fw-semibold me-2", id=f"{id_}-label"),
        dbc.RadioItems(id=id_, options=[{"label": v, "value": k} for k, v in options.items()],
                       value=value, inline=True, className="small d-inline-block"),
    ], className="mb-1", role="radiogroup", **{"aria-labelledby": f"{id_}-label"})


def select(id_: str, label: str, options: dict, value: str) -> html.Div:
    return html.Div([
        html.Label(label, htmlFor=id_, className="small fw-semibold mb-1"),
        dbc.Select(id=id_, options=[{"label": v, "value": k} for k, v in options.items()],
                   value=value, size="sm"),
    ], className="mb-2")


def filter_panel() -> dbc.Card:
    cols = [dbc.Col(multi_filter(f"funding-{key}", label), xs=12, md=4, className="mb-2")
            for key, label in (("programme", "Programme"), ("kind", "Kind of activity"),
                               ("topic", "Topic"))]
    return dbc.Card(dbc.CardBody([
        html.H2("Filter the activities", className="h6 mb-2"),
        dbc.Row(cols, className="g-2 align-items-start"),
        html.Div([html.Small("Filters apply to the timeline, the budgets, participation in activities "
                             "and the money-next-to-outputs view; calls and research projects are "
                             "not filtered.", className="text-body-secondary me-3"),
                  dbc.Button("Clear filters", id="funding-reset", color="link", size="sm",
                             className="p-0 align-baseline")],
                 className="d-flex flex-wrap align-items-baseline"),
    ]), className="mb-3 d-print-none")


def detail_card(id_: str, title: str, hint: str) -> html.Div:
    return html.Div(dbc.Card([
        dbc.CardHeader(html.H2(title, className="h6 m-0")),
        dbc.CardBody(html.Div(html.P(hint, className="small text-body-secondary mb-0"), id=id_,
                              role="status"))]), style={"position": "sticky", "top": "1rem"},
        className="mb-3")


def timeline_section() -> dbc.Row:
    return dbc.Row([
        dbc.Col([chart_card("funding-timeline", "Activities over time", graph_height=900,
                      sentence="Each bar runs from an activity's start to its end, grouped by "
                               "programme and coloured by kind. Hatched bars have no end date "
                               "stated and are drawn up to today (dotted line); dates given only as "
                               "a month or year cover that whole period."),
                 html.Div(id="funding-timeline-note", className="mb-3")], lg=8),
        dbc.Col(detail_card("funding-act-detail", "Selected activity or group",
                            "Click a bar of the timeline or of the budget chart to see what it "
                            "rests on."), lg=4),
    ])


def budget_section() -> dbc.Row:
    controls = html.Div([
        radios("funding-group", "Group", GROUPS, "programme"),
        radios("funding-money", "Measure", MONEY, "budget"),
        radios("funding-scope", "What is summed", SCOPES, "activities"),
        html.P(id="funding-budget-total", className="fw-semibold mb-1", role="status"),
        html.P(id="funding-budget-note", className="small text-body-secondary mb-1"),
    ])
    return dbc.Row(dbc.Col(chart_card("funding-budget", "Sourced budgets", graph_height=460,
                                extra_controls=controls,
                                sentence="The sum of the budgets published for the activities in "
                                         "each group. Activities without a published figure are "
                                         "counted beside each bar, never added as zero."), lg=8))


def participation_section() -> html.Div:
    controls = html.Div([radios("funding-view", "Count", VIEWS, "activities"),
                         radios("funding-role", "Role", ROLES, "any")], className="mb-2")
    return html.Div([
        html.H2("Who takes part", className="h4 mt-2"),
        html.P("Taking part in an activity, project or call is not money received, unless a source "
               "says so. Counts are what the sources list.", className="small"),
        controls,
        html.P(id="funding-part-note", className="small text-body-secondary"),
        dbc.Row([
            dbc.Col(chart_card("funding-map", "Participation by country", graph_height=520,
                         sentence="How many of the chosen items each country is recorded in "
                                  "(darker = more); grey countries have no record. Click a "
                                  "country to list them."), lg=8),
            dbc.Col(detail_card("funding-part-detail", "Selected country or cell",
                                "Click a country on the map or a cell of the matrix to list the "
                                "items with their sources."), lg=4),
        ]),
        chart_card("funding-matrix", "Country × item matrix", graph_height=900,
             sentence="Rows are countries, columns the items that name their countries; C = "
                      "coordinates, P = takes part, empty = not recorded.",
             extra_controls=html.Div([
                 html.P("On a narrow screen the matrix is a list: each country with the items it "
                        "coordinates (C) or takes part in (P).",
                        className="small text-body-secondary mb-1"),
                 html.Div(id="funding-matrix-list")], className="matrix-narrow"),
             graph_kwargs={"className": "matrix-wide"}),
    ])


def calls_section() -> html.Div:
    return html.Div([
        html.H2("ERA PerMed and EP PerMed calls", className="h4 mt-2"),
        html.P(id="funding-calls-note", className="small"),
        dbc.Row([
            dbc.Col(chart_card("funding-calls-money", "Call budgets", graph_height=CALLS_MONEY_HEIGHT,
                         sentence="Budget announced and awarded per joint transnational call; "
                                  f"“{NO_FIGURE}” marks a figure no source gives."), lg=6),
            dbc.Col(chart_card("funding-calls-counts", "Proposals and projects per call",
                               graph_height=CALLS_COUNTS_HEIGHT,
                         sentence="Eligible pre-proposals, invited full proposals and projects "
                                  "funded per call, beside how many of those projects are in this "
                                  f"atlas's data; “{NO_FIGURE}” marks a figure no source gives."),
                    lg=6),
        ]),
        dbc.Card([
            dbc.CardHeader(html.H2("Funded research projects known so far", className="h6 m-0")),
            dbc.CardBody([
                html.P(id="funding-projects-coverage", className="fw-semibold small"),
                csv_button("funding-projects-csv", "funding-projects-grid"),
                html.Div(sourced_grid("funding-projects-grid", csv_name="funded-projects.csv",
                                      export_fields=PROJECT_EXPORT, row_id="project_id",
                                      columnDefs=project_columns(), height=420), className="mt-2"),
            ]),
        ], className="mb-3"),
    ])


def outputs_section() -> html.Div:
    controls = dbc.Row([dbc.Col(select("funding-x", "Participation (x)", X_CHOICES, "activities"), md=6),
                        dbc.Col(select("funding-y", "Output (y)", Y_CHOICES, "nodes"), md=6)])
    return html.Div([
        html.H2("Money next to outputs", className="h4 mt-2"),
        html.P("For each country, its recorded funding participation beside its genome figures, "
               "cohorts and infrastructure nodes. Participation is not money received unless a "
               "source says so; genome figures are the latest cumulative ones, with their date and "
               "source in the table.", className="small"),
        dbc.Row([
            dbc.Col([chart_card("funding-outputs", "Participation against outputs", graph_height=460,
                          extra_controls=controls,
                          sentence="One point per country that has both values; countries without "
                                   "a public figure for the output are listed below, not drawn. A "
                                   "label that would cover another is left out: hover the point or "
                                   "see the table."),
                     html.Div(id="funding-outputs-missing", className="small mb-3")], lg=6),
            dbc.Col(dbc.Card([
                dbc.CardHeader(html.H2("Per country", className="h6 m-0")),
                dbc.CardBody([csv_button("funding-outputs-table-csv", "funding-outputs-table"),
                              html.Div(sourced_grid(
                                  "funding-outputs-table", csv_name="money-next-to-outputs.csv",
                                  export_fields=None, row_id="iso3", height=560), className="mt-2")]),
            ], className="mb-3"), lg=6),
        ]),
    ])
