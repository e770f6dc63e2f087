"""/infrastructures — where the research-infrastructure nodes are, which countries lack which kind,
and the standards the nodes state support for.

The URL's filter values can only be checked against the data (parents, services and standards come
from the node table), so ``layout`` keeps the raw query in a Store and the first callback validates
it with a :class:`Spec` built from the data's facets, fills the controls and shows notices.
"""
from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, callback, ctx, dcc, html, no_update

from components.chart_card import chart_card, notices, register, url_sync
from components.figures.infra import coverage_figure, in_frame, kind_label, node_map
from components.infra_controls import (SORTS, filter_panel, label_service, label_status,
                                       node_evidence_rows, option_list, summary_text,
                                       unplaced_block)
from components.infra_tables import csv_button, evidence_list, register_csv, sourced_grid
from components.infra_views import (NODE_EXPORT, STANDARD_EXPORT, coverage_table, map_table,
                                    node_columns, node_rows, sources_line, standard_columns,
                                    standard_rows)
from components.url_state import Param, Spec
from data.queries import funding, infra
from data.queries.release import release_info

dash.register_page(__name__, path="/infrastructures", name="Infrastructures", order=3, nav=True,
                   title="Infrastructures — 1+MG Atlas",
                   description="Research-infrastructure nodes per country, gaps by kind, standards.")

FILTER_KEYS = ("kind", "parent", "status", "service", "standard")
MAX_RAW = 20
COVERAGE_HEIGHT = 1000  # ~36 country rows of 22 px plus the headers


def spec() -> Spec:
    """The page's URL spec; filter choices come from the data release."""
    f = infra.facets()
    return Spec((
        Param("kind", "multi", [], choices=tuple(f["kinds"]), label="kind"),
        Param("parent", "multi", [], choices=tuple(f["parents"]), label="parent organisation"),
        Param("status", "multi", [], choices=tuple(f["statuses"]), label="status"),
        Param("service", "multi", [], choices=tuple(f["services"]), label="service"),
        Param("standard", "multi", [], choices=tuple(f["standards"]), label="standard"),
        Param("sort", "choice", "name", choices=tuple(SORTS), label="country order"),
        Param("sel", "text", "", max_len=60, label="selection"),
    ))


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
                               graph_height=COVERAGE_HEIGHT, extra_controls=html.Div(dbc.RadioItems(
                                   id="infra-sort", options=[{"label": v, "value": k}
                                                             for k, v in SORTS.items()],
                                   value="name", inline=True, className="small mb-1")),
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

@callback(
    *[Output(f"infra-{k}", "options") for k in FILTER_KEYS],
    *[Output(f"infra-{k}", "value") for k in FILTER_KEYS],
    Output("infra-sort", "value"), Output("infra-selection", "data"),
    Output("infra-notices", "children"),
    Input("infra-url-in", "data"), Input("infra-reset", "n_clicks"),
)
def init(raw, _reset):
    """Validate the URL (or clear the filters) and fill the controls."""
    f = infra.facets()
    names = f["standard_names"]
    opts = [option_list(f["kinds"], kind_label),
            option_list(f["parents"], lambda p: "No parent organisation" if p == infra.NO_PARENT else p),
            option_list(f["statuses"], label_status), option_list(f["services"], label_service),
            option_list(f["standards"], lambda s: names.get(s, s))]
    if ctx.triggered_id == "infra-reset":
        return (*opts, *[[] for _ in FILTER_KEYS], no_update, no_update, no_update)
    state, notes = spec().parse(raw if isinstance(raw, dict) else {})
    return (*opts, *[state[k] for k in FILTER_KEYS], state["sort"], state["sel"],
            notices(notes, "infra-notices-list"))


@callback(*[Output(f"infra-{k}-summary", "children") for k in FILTER_KEYS],
          *[Input(f"infra-{k}", "value") for k in FILTER_KEYS])
def summaries(*values):
    """How many values each filter has chosen ("all" when none)."""
    state, _ = spec().clean(dict(zip(FILTER_KEYS, values)))
    return tuple(summary_text(state[k]) for k in FILTER_KEYS)


def _filters(values) -> dict:
    state, _ = spec().clean(dict(zip(FILTER_KEYS, values)))
    return {"kinds": state["kind"], "parents": state["parent"], "statuses": state["status"],
            "services": state["service"], "standards": state["standard"]}


@callback(
    Output("infra-map-graph", "figure"), Output("infra-map-grid", "rowData"),
    Output("infra-map-grid", "columnDefs"), Output("infra-map-sources", "children"),
    Output("infra-unplaced", "children"),
    Output("infra-coverage-graph", "figure"), Output("infra-coverage-grid", "rowData"),
    Output("infra-coverage-grid", "columnDefs"), Output("infra-coverage-sources", "children"),
    Output("infra-nodes-grid", "rowData"), Output("infra-nodes-title", "children"),
    *[Input(f"infra-{k}", "value") for k in FILTER_KEYS], Input("infra-sort", "value"),
)
def render(kind, parent, status, service, standard, sort):
    """Draw the map, the coverage matrix and the node table for the filters."""
    flt = _filters([kind, parent, status, service, standard])
    sort = sort if isinstance(sort, str) and sort in SORTS else "name"
    nodes = infra.nodes(**flt)
    rel = release_info()
    located = nodes[nodes.lat.notna() & nodes.lon.notna()]
    fig = node_map(nodes, list(infra.outline_countries().iso3))
    mrows, mcols = map_table(located)
    msrc = sources_line(located.source_urls, what=f"the {len(located)} nodes drawn", release=rel)
    outside = located[[not in_frame(a, b) for a, b in zip(located.lat, located.lon)]]
    unplaced = unplaced_block(nodes[nodes.lat.isna() | nodes.lon.isna()], outside, len(nodes))
    # Columns: the chosen kinds; otherwise the kinds among the matching nodes (all when none match).
    kinds = flt["kinds"] or sorted(set(nodes.kind)) or infra.facets()["kinds"]
    countries = infra.matrix_countries()
    cov = infra.coverage(nodes, countries, kinds)
    if sort == "gaps":
        present = cov[cov.coverage != "none"].groupby("iso3").size()
        countries = countries.assign(_n=countries.iso3.map(present).fillna(0)).sort_values(
            ["_n", "name"]).drop(columns="_n")
    part = _participation(countries)
    cfig = coverage_figure(cov, kinds, countries, part)
    crows, ccols = coverage_table(cov, kinds, countries, part)
    csrc = sources_line([u for u in cov.source_urls if len(u)], what="the nodes counted",
                        release=rel)
    title = f"All nodes matching the filters ({len(nodes)})"
    return (fig, mrows, mcols, msrc, unplaced, cfig, crows, ccols, csrc, node_rows(nodes), title)


def _participation(countries):
    links = funding.links()
    acts = funding.participation(links, countries, "activities")
    projs = funding.participation(links, countries, "projects")
    return acts[["iso3"]].assign(n_activities=acts.n.values).merge(
        projs[["iso3", "n"]].rename(columns={"n": "n_projects"}), on="iso3", how="left")


@callback(
    Output("infra-selection", "data", allow_duplicate=True),
    Input("infra-map-graph", "clickData"), Input("infra-coverage-graph", "clickData"),
    prevent_initial_call=True,
)
def select(map_click, cov_click):
    """A click on a map point, a matrix cell or a participation bar selects what it shows."""
    click = map_click if ctx.triggered_id == "infra-map-graph" else cov_click
    try:
        cd = click["points"][0]["customdata"]
    except (TypeError, KeyError, IndexError):
        return no_update
    if not isinstance(cd, str):
        return no_update
    if ctx.triggered_id == "infra-map-graph":
        return f"node:{cd}"
    iso, _, key = cd.partition("|")
    return f"{'part' if key in funding.SOURCES else 'cell'}:{iso}.{key}" if key else no_update


@callback(
    Output("infra-map-detail", "children"), Output("infra-coverage-detail", "children"),
    Output("infra-url-search", "data"),
    Input("infra-selection", "data"),
    *[Input(f"infra-{k}", "value") for k in FILTER_KEYS], Input("infra-sort", "value"),
)
def detail(sel, kind, parent, status, service, standard, sort):
    """Show the rows behind the selection, and write the view into the URL."""
    values = [kind, parent, status, service, standard]
    state, _ = spec().clean({**dict(zip(FILTER_KEYS, values)), "sort": sort,
                             "sel": sel if isinstance(sel, str) else ""})
    flt = _filters(values)
    what, _, arg = state["sel"].partition(":")
    iso, _, key = arg.partition(".")
    map_detail = cov_detail = no_update
    if what == "node":
        rows = infra.nodes(**flt)
        rows = rows[rows.infra_id == arg]
        map_detail = (evidence_list(node_evidence_rows(rows), empty="")
                      if len(rows) else _bad_selection(state))
    elif what == "cell" and key in infra.facets()["kinds"]:
        rows = infra.nodes(**{**flt, "kinds": [key]}, country=iso)
        cname = _country_name(iso)
        cov_detail = html.Div([html.H3(f"{cname} · {kind_label(key)}", className="h6"),
                               evidence_list(node_evidence_rows(rows), empty=(
                                   f"No {kind_label(key)} is recorded for {cname} in the data "
                                   "(with the current filters). That is not proof that none "
                                   "exists."))]) if cname else _bad_selection(state)
    elif what == "part" and key in ("activities", "projects"):
        links = funding.links()
        lk = links[(links.source == key) & (links.iso3 == iso)]
        cname = _country_name(iso)
        items = [{"label": r.item_label, "detail": f"role: {r.role}", "table": (
            "activities" if key == "activities" else "funded_projects"), "id": r.item_id,
            "source_urls": list(r.source_urls)} for r in lk.itertuples()]
        cov_detail = html.Div([html.H3(f"{cname} · {'funded activities' if key == 'activities' else 'research projects'}",
                                       className="h6"),
                               evidence_list(items, empty=f"None recorded for {cname}."),
                               html.P("Taking part is not money received.",
                                      className="small text-body-secondary mt-2 mb-0")]
                              ) if cname else _bad_selection(state)
    elif state["sel"]:
        cov_detail = _bad_selection(state)
    return map_detail, cov_detail, spec().to_search(state)


def _country_name(iso3: str) -> str | None:
    c = infra.matrix_countries()
    hit = c[c.iso3 == iso3]
    return None if hit.empty else str(hit.name.iloc[0])


def _bad_selection(state) -> html.P:
    return html.P("The selection in the link does not match anything with the current filters; "
                  "click a point, cell or bar to choose again.", className="small mb-0",
                  role="status")


@callback(Output("infra-standards-grid", "rowData"), Input("infra-url-in", "data"))
def standards(_raw):
    """The standards catalogue (independent of the filters)."""
    return standard_rows(infra.standards_catalogue())
