"""Callbacks of /infrastructures: validate the URL and fill the filters (``init``), draw the map,
the coverage matrix and the node table (``render``), turn a click into a selection and show the
rows behind it (``detail``, which also writes the view into the URL), and fill the standards
catalogue."""
from __future__ import annotations

from dash import Input, Output, callback, ctx, html, no_update

from components.chart_card import card_outputs, card_values, notices
from components.figures.infra import coverage_figure, in_frame, kind_label, node_map
from components.infra_controls import (
    SORTS,
    label_service,
    label_status,
    node_evidence_rows,
    option_list,
    unplaced_block,
)
from components.infra_tables import evidence_list
from components.infra_views import coverage_list, coverage_table, map_table, node_rows, sources_line, standard_rows
from components.multi_filters import summary_text
from data.queries import funding, infra
from data.queries.release import release_info
from pages._infra_state import FILTER_KEYS, filters, spec

FILTER_INPUTS = [Input(f"infra-{k}", "value") for k in FILTER_KEYS]


@callback(
    output={**{f"{k}_options": Output(f"infra-{k}", "options") for k in FILTER_KEYS},
            **{k: Output(f"infra-{k}", "value") for k in FILTER_KEYS},
            "sort": Output("infra-sort", "value"), "selection": Output("infra-selection", "data"),
            "notices": Output("infra-notices", "children")},
    inputs={"raw": Input("infra-url-in", "data"), "_reset": Input("infra-reset", "n_clicks")},
)
def init(raw, _reset):
    """Validate the URL (or clear the filters) and fill the controls."""
    f = infra.facets()
    names = f["standard_names"]
    opts = {"kind_options": option_list(f["kinds"], kind_label),
            "parent_options": option_list(
                f["parents"], lambda p: "No parent organisation" if p == infra.NO_PARENT else p),
            "status_options": option_list(f["statuses"], label_status),
            "service_options": option_list(f["services"], label_service),
            "standard_options": option_list(f["standards"], lambda s: names.get(s, s))}
    if ctx.triggered_id == "infra-reset":
        return {**opts, **{k: [] for k in FILTER_KEYS}, "sort": no_update, "selection": no_update,
                "notices": no_update}
    state, notes = spec().parse(raw if isinstance(raw, dict) else {})
    return {**opts, **{k: state[k] for k in FILTER_KEYS}, "sort": state["sort"],
            "selection": state["sel"], "notices": notices(notes, "infra-notices-list")}


@callback(output={k: Output(f"infra-{k}-summary", "children") for k in FILTER_KEYS},
          inputs=FILTER_INPUTS)
def summaries(*values):
    """How many values each filter has chosen ("all" when none)."""
    state, _ = spec().clean(dict(zip(FILTER_KEYS, values)))
    return {k: summary_text(state[k]) for k in FILTER_KEYS}


@callback(
    output={**card_outputs("infra-map", name="map"), "unplaced": Output("infra-unplaced", "children"),
            **card_outputs("infra-coverage", name="coverage"),
            "coverage_list": Output("infra-coverage-list", "children"),
            "nodes": Output("infra-nodes-grid", "rowData"),
            "title": Output("infra-nodes-title", "children")},
    inputs=[*FILTER_INPUTS, Input("infra-sort", "value")],
)
def render(kind, parent, status, service, standard, sort):
    """Draw the map, the coverage matrix and the node table for the filters."""
    flt = filters([kind, parent, status, service, standard])
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
    return {**card_values(fig, mrows, mcols, msrc, name="map"), "unplaced": unplaced,
            **card_values(cfig, crows, ccols, csrc, name="coverage"),
            "coverage_list": coverage_list(cov, kinds, countries, part), "nodes": node_rows(nodes),
            "title": title}


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
    Input("infra-selection", "data"), *FILTER_INPUTS, Input("infra-sort", "value"),
)
def detail(sel, kind, parent, status, service, standard, sort):
    """Show the rows behind the selection, and write the view into the URL."""
    values = [kind, parent, status, service, standard]
    state, _ = spec().clean({**dict(zip(FILTER_KEYS, values)), "sort": sort,
                             "sel": sel if isinstance(sel, str) else ""})
    flt = filters(values)
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
        what = "funded activities" if key == "activities" else "research projects"
        cov_detail = html.Div([html.H3(f"{cname} · {what}",
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
