"""Callbacks of the country profile (/country/<ISO3>): resolve the code and fill the sections
(``load_profile``), then draw what depends on the comparison (``update_comparison``). The two
clientside callbacks (canonical address, print size) are functions of ``assets/atlas.js``."""
from __future__ import annotations

import dash
from dash import ClientsideFunction, Input, Output, callback, clientside_callback
from dash.exceptions import PreventUpdate

from components import country_profile as cp
from components import country_sections as cs
from components import urls
from components.catalogue_views import country_section
from components.chart_card import card_outputs, card_values, notices
from components.country_grids import GENOME_COLS, INFRA_COLS, column_defs, infra_rows
from components.country_sources import page_entries, sources_list, sources_note
from components.figures.country import compare_metrics, genome_figure, genome_table, infra_map
from data.db import release as current_release
from data.queries import catalogues
from data.queries import country_profile as q
from data.queries.release import release_info
from pages._country_state import MEDIAN, NONE, spec

clientside_callback(ClientsideFunction("atlas", "canonicalPath"),
                    Output("country-canonical", "clear_data"), Input("country-canonical", "data"),
                    prevent_initial_call=True)
clientside_callback(ClientsideFunction("atlas", "printSize"),
                    Output("country-print", "data"), Input("country-canonical", "data"),
                    prevent_initial_call=True)

@callback(Output("country-catalogue", "children"), Input("country-canonical", "data"))
def load_catalogue(canonical):
    """The country's catalogued figure, its nodes' freshness and datasets (or none harvested)."""
    iso3 = canonical.get("iso3") if isinstance(canonical, dict) else None
    if not iso3:
        return dash.no_update
    return country_section(catalogues.by_country(iso3), catalogues.nodes(iso3),
                           catalogues.country_datasets(iso3), catalogues.harvest(),
                           "country-catalogue-body")


LOAD_OUTPUTS = {
    "canonical": Output("country-canonical", "data"),
    "options": Output("country-compare", "options"),
    "compare": Output("country-compare", "value"), "scale": Output("country-scale", "value"),
    "notices": Output("country-notices", "children"),
    "loading": Output("country-loading", "hidden"),
    "missing": Output("country-notfound", "hidden"),
    "notfound": Output("country-notfound", "children"),
    "found": Output("country-profile", "hidden"),
    "header": Output("country-header", "children"),
    "initiatives": Output("country-initiatives", "children"),
    **card_outputs("country-infra", "csv", name="map"),
    "infra": Output("country-infra-list", "children"),
    "cohorts": Output("country-cohorts", "children"),
    "cohorts_link": Output("country-cohorts-link", "href"),
    "activities": Output("country-activities", "children"),
    "milestones": Output("country-milestones", "children")}
LOAD_KEYS = tuple(LOAD_OUTPUTS)


@callback(output=LOAD_OUTPUTS, inputs={"route": Input("country-route", "data")})
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
        initiatives=cs.initiatives_table(q.initiatives(iso3), q.latest_figures(iso3)),
        **card_values(infra_map(iso3, nodes, q.geo_frame(iso3)), infra_rows(nodes),
                      column_defs(INFRA_COLS),
                      sources_note(nodes.source_urls, "node locations and status"), name="map",
                      csv={"fileName": f"{iso3}-infrastructure-nodes.csv"}),
        infra=cs.infra_list(nodes), cohorts=cs.cohorts_table(q.cohorts(iso3)),
        cohorts_link=urls.cohorts({"country": iso3}), activities=cs.activities_table(q.activities(iso3)),
        milestones=cs.milestones_list(q.milestones(iso3)))
    return out


@callback(
    output={**card_outputs("country-genomes", "style", "csv"),
            "status": Output("country-genomes-status", "children"),
            "indicators": Output("country-indicators", "children"),
            "page_sources": Output("country-sources", "children"),
            "search": Output("country-url-search", "data"),
            "notices": Output("country-control-notices", "children")},
    inputs={"canonical": Input("country-canonical", "data"),
            "compare": Input("country-compare", "value"), "scale": Input("country-scale", "value")})
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
    cmp, label, cmp_row, medians, cmp_figs = None, "", None, None, None
    if other == MEDIAN:
        cmp, label, medians = q.signatory_median_progress(), "Median of signatories", q.signatory_medians(idx)
    elif other != NONE:
        cmp, cmp_row = q.progress(other), idx[idx.iso3 == other].iloc[0]
        cmp_figs = q.genome_counts(other)
        label = cmp_row["name"]
    if cmp is not None:
        cmp = cmp[cmp.metric.isin(compare_metrics(figs))]
    own = q.progress(iso3)
    fig = genome_figure(iso3, row["name"], figs, cmp, label, log=state["scale"] == "log",
                        own_total=own, compare_figures=cmp_figs)
    table = genome_table(figs, cmp, label, own, row["name"]).assign(
        release=current_release().release_id)
    sections = {"initiatives": q.initiatives(iso3), "figures": figs, "cohorts": q.cohorts(iso3),
                "nodes": q.infrastructures(iso3), "activities": q.activities(iso3),
                "milestones": q.milestones(iso3)}
    entries = page_entries(row, sections)
    urls = [list(figs.source_urls)]
    if cmp is not None:
        entries += [(u, f"comparison: {label} (carried-forward totals)", "comparison")
                    for lst in cmp.source_urls for u in lst]
        urls.append(list(cmp.source_urls))
    return {
        **card_values(fig, table.to_dict("records"), column_defs(GENOME_COLS),
                      sources_note([u for part in urls for u in part], "figures and targets"),
                      csv={"fileName": f"{iso3}-genome-figures.csv"},
                      # nothing drawn: a short message box
                      style={"height": f"{fig.layout.height or 420}px" if fig.data else "140px"}),
        "status": cs.figures_status(row["name"], figs),
        "indicators": cs.indicators_table(row, cmp_row, medians, label),
        "page_sources": sources_list(entries),
        "search": spec().to_search({**state, "compare": other}),
        "notices": notices(notes, "country-control-notices-list") if notes else None}
