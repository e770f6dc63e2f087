"""Country profile: /country/<ISO3> — every layer of the atlas for one country, with sources.

``layout`` only stores the raw code and query; the callbacks resolve the code (ISO3 or ISO2, any
case; the address bar is then rewritten to the canonical /country/<ISO3>), show a not-found page
with suggestions for an unknown code, and fill each section. The "compare with" control (another
country, or the median of signatories) overlays the genome chart and adds a column to the key
indicators; it lives in the URL (``?compare=SWE``, ``?scale=log``).
"""
from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, callback, clientside_callback, dcc, html
from dash.exceptions import PreventUpdate

from components import country_profile as cp
from components import urls
from components.catalogue_views import country_section
from components.chart_card import chart_card, notices, register, url_sync
from components.figures.country import compare_metrics, genome_figure, genome_table, infra_map
from components.url_state import Param, Spec
from data.db import release as current_release
from data.memo import per_release
from data.queries import catalogues
from data.queries import country_profile as q
from data.queries.release import release_info


def _title(iso3=None):
    res = q.resolve(iso3)
    return f"{q.codes().set_index('iso3').name[res.iso3]} — country profile — 1+MG Atlas" \
        if res.found else "Country not found — 1+MG Atlas"


dash.register_page(__name__, path_template="/country/<iso3>", name="Country profile",
                   title=_title, description="One country's genome figures, targets, cohorts, "
                   "infrastructures and funded activities, with sources.")

MEDIAN = "median"
NONE = "none"  # "no comparison" (dbc.Select keeps "" for its hidden placeholder option)

# Clientside wiring is registered at import (callbacks made while a layout runs come too late).
url_sync("country")
register("country-genomes", "country-infra")


@per_release
def spec() -> Spec:
    """The page's URL parameters; compare choices are the countries of the loaded release."""
    return Spec((
        Param("compare", "choice", NONE, choices=(NONE, MEDIAN, *q.codes().iso3),
              label="comparison"),
        Param("scale", "choice", "linear", choices=("linear", "log"), label="scale")))


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
                         "never added together; a figure dated by year or month sits at the end of "
                         "that period. A comparison adds grey carried-forward totals for the same "
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


# Rewrite /country/fin or /country/FI to the canonical /country/FIN without a reload or a new
# history entry (a redirect the back button cannot loop on).
clientside_callback(
    """function (c) {
        if (c && c.path && window.location.pathname !== c.path) {
            window.history.replaceState(window.history.state, "", c.path + window.location.search);
        }
        return window.dash_clientside.no_update;
    }""",
    Output("country-canonical", "clear_data"), Input("country-canonical", "data"),
    prevent_initial_call=True)


LOAD_KEYS = ("canonical", "options", "compare", "scale", "notices", "loading", "missing",
             "notfound", "found", "header", "initiatives", "map", "map_rows", "map_cols",
             "map_csv", "map_sources", "infra", "cohorts", "cohorts_link", "activities",
             "milestones")
INFRA_COLS = [("name", "Node", "wide"), ("kind", "Kind", ""), ("status", "Status", ""),
              ("city", "City", ""), ("location", "Location", ""), ("lat", "Latitude", ""),
              ("lon", "Longitude", ""), ("source_urls", "Sources", "wide"), ("infra_id", "Id", "")]
GENOME_COLS = [("series", "Series", ""), ("programme", "Programme", "wide"), ("metric", "Metric", ""),
               ("count_basis", "Basis", ""), ("value", "Value", "int"), ("as_of", "As of", ""),
               ("confidence", "Confidence", ""), ("source_urls", "Sources", "wide"),
               ("quote_or_basis", "Basis in the source", "wide"), ("figure_id", "Figure id", ""),
               ("release", "Data release", "")]


# Printing: redraw the genome chart at the A4 content width (print.css hides the rest of the
# controls), and give it back its screen size afterwards. Registered once per browser tab.
clientside_callback(
    """function (c) {
        if (!window.atlasCountryPrint) {
            window.atlasCountryPrint = true;
            var gd = function () {
                return document.querySelector("#country-genomes-graph .js-plotly-plot");
            };
            var box = function () { return document.getElementById("country-genomes-graph"); };
            var screenHeight = null;
            window.addEventListener("beforeprint", function () {
                var g = gd(), b = box();
                if (!g || !b || !window.Plotly || !(g.data || []).length) { return; }
                var h = Math.min(240 + 17 * Math.ceil((g.data || []).length / 2), 480);
                screenHeight = b.style.height;
                b.style.height = h + "px";
                window.Plotly.relayout(g, {width: 700, height: h, "legend.font.size": 9,
                                           "legend.entrywidth": 0.5,
                                           "legend.entrywidthmode": "fraction"});
            });
            window.addEventListener("afterprint", function () {
                var g = gd(), b = box();
                if (!g || !b || !window.Plotly || screenHeight === null) { return; }
                b.style.height = screenHeight;
                screenHeight = null;
                window.Plotly.relayout(g, {width: null, height: null, autosize: true,
                                           "legend.font.size": 11, "legend.entrywidth": null,
                                           "legend.entrywidthmode": null});
            });
        }
        return window.dash_clientside.no_update;
    }""",
    Output("country-print", "data"), Input("country-canonical", "data"), prevent_initial_call=True)


@callback(Output("country-catalogue", "children"), Input("country-canonical", "data"))
def load_catalogue(canonical):
    """The country's catalogued figure, its nodes' freshness and datasets (or none harvested)."""
    iso3 = canonical.get("iso3") if isinstance(canonical, dict) else None
    if not iso3:
        return dash.no_update
    return country_section(catalogues.by_country(iso3), catalogues.nodes(iso3),
                           catalogues.country_datasets(iso3), catalogues.harvest(),
                           "country-catalogue-body")


@callback(
    output={"canonical": Output("country-canonical", "data"),
            "options": Output("country-compare", "options"),
            "compare": Output("country-compare", "value"), "scale": Output("country-scale", "value"),
            "notices": Output("country-notices", "children"),
            "loading": Output("country-loading", "hidden"),
            "missing": Output("country-notfound", "hidden"),
            "notfound": Output("country-notfound", "children"),
            "found": Output("country-profile", "hidden"),
            "header": Output("country-header", "children"),
            "initiatives": Output("country-initiatives", "children"),
            "map": Output("country-infra-graph", "figure"),
            "map_rows": Output("country-infra-grid", "rowData"),
            "map_cols": Output("country-infra-grid", "columnDefs"),
            "map_csv": Output("country-infra-grid", "csvExportParams"),
            "map_sources": Output("country-infra-sources", "children"),
            "infra": Output("country-infra-list", "children"),
            "cohorts": Output("country-cohorts", "children"),
            "cohorts_link": Output("country-cohorts-link", "href"),
            "activities": Output("country-activities", "children"),
            "milestones": Output("country-milestones", "children")},
    inputs={"route": Input("country-route", "data")})
def load_profile(route):
    """Resolve the code and fill every section that does not depend on the comparison."""
    route = route if isinstance(route, dict) else {}
    res = q.resolve(route.get("code"))
    out = dict.fromkeys(LOAD_KEYS, dash.no_update)
    out["loading"] = True
    if not res.found:
        out.update(missing=False, notfound=cp.not_found(res))
        return out
    iso3 = res.iso3
    raw = route.get("query") if isinstance(route.get("query"), dict) else {}
    state, notes = spec().parse(raw)
    if state["compare"] == iso3:
        state["compare"] = NONE
    names = q.codes()
    idx = q.country_index()
    nodes = q.infrastructures(iso3)
    out.update(
        canonical={"iso3": iso3, "path": dash.get_relative_path(urls.country(iso3))},
        options=[{"label": "no comparison", "value": NONE},
                 {"label": "Median of 1+MG signatories", "value": MEDIAN}]
        + [{"label": f"{n} ({c})", "value": c} for c, n in zip(names.iso3, names.name) if c != iso3],
        compare=state["compare"], scale=state["scale"],
        notices=notices(notes, "country-notices-list"), missing=True, notfound=None, found=False,
        header=cp.header(idx[idx.iso3 == iso3].iloc[0], q.signature_position(iso3), release_info()),
        initiatives=cp.initiatives_table(q.initiatives(iso3), q.latest_figures(iso3)),
        map=infra_map(iso3, nodes, q.geo_frame(iso3)), map_rows=cp.infra_rows(nodes),
        map_cols=cp.column_defs(INFRA_COLS), map_csv={"fileName": f"{iso3}-infrastructure-nodes.csv"},
        map_sources=cp.sources_note(nodes.source_urls, "node locations and status"),
        infra=cp.infra_list(nodes), cohorts=cp.cohorts_table(q.cohorts(iso3)),
        cohorts_link=urls.cohorts({"country": iso3}), activities=cp.activities_table(q.activities(iso3)),
        milestones=cp.milestones_list(q.milestones(iso3)))
    return out


@callback(
    Output("country-genomes-graph", "figure"), Output("country-genomes-grid", "rowData"),
    Output("country-genomes-grid", "columnDefs"), Output("country-genomes-grid", "csvExportParams"),
    Output("country-genomes-sources", "children"), Output("country-genomes-status", "children"),
    Output("country-indicators", "children"), Output("country-sources", "children"),
    Output("country-url-search", "data"), Output("country-control-notices", "children"),
    Output("country-genomes-graph", "style"),
    Input("country-canonical", "data"), Input("country-compare", "value"),
    Input("country-scale", "value"))
def update_comparison(canonical, compare, scale):
    """The parts that depend on the comparison: chart, its table, indicators, page sources."""
    iso3 = canonical.get("iso3") if isinstance(canonical, dict) else None
    if not isinstance(iso3, str) or not q.resolve(iso3).found:
        raise PreventUpdate
    state, notes = spec().clean({"compare": compare, "scale": scale})
    other = NONE if state["compare"] == iso3 else state["compare"]
    idx = q.country_index()
    row = idx[idx.iso3 == iso3].iloc[0]
    figs = q.genome_counts(iso3)
    cmp, label, cmp_row, medians = None, "", None, None
    if other == MEDIAN:
        cmp, label, medians = q.signatory_median_progress(), "Median of signatories", q.signatory_medians(idx)
    elif other != NONE:
        cmp, cmp_row = q.progress(other), idx[idx.iso3 == other].iloc[0]
        label = cmp_row["name"]
    if cmp is not None:
        cmp = cmp[cmp.metric.isin(compare_metrics(figs))]
    own = q.progress(iso3)
    fig = genome_figure(iso3, row["name"], figs, cmp, label, log=state["scale"] == "log",
                        own_total=own)
    table = genome_table(figs, cmp, label, own, row["name"]).assign(
        release=current_release().release_id)
    sections = {"initiatives": q.initiatives(iso3), "figures": figs, "cohorts": q.cohorts(iso3),
                "nodes": q.infrastructures(iso3), "activities": q.activities(iso3),
                "milestones": q.milestones(iso3)}
    entries = cp.page_entries(row, sections)
    urls = [list(figs.source_urls)]
    if cmp is not None:
        entries += [(u, f"comparison: {label} (carried-forward totals)", "comparison")
                    for lst in cmp.source_urls for u in lst]
        urls.append(list(cmp.source_urls))
    return (fig, table.to_dict("records"), cp.column_defs(GENOME_COLS),
            {"fileName": f"{iso3}-genome-figures.csv"},
            cp.sources_note([u for part in urls for u in part], "figures and targets"),
            cp.figures_status(row["name"], figs),
            cp.indicators_table(row, cmp_row, medians, label), cp.sources_list(entries),
            spec().to_search({**state, "compare": other}),
            notices(notes, "country-control-notices-list") if notes else None,
            {"height": "420px" if fig.data else "140px"})  # nothing drawn: a short message box
