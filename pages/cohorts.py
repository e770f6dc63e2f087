"""/cohorts — the cohort explorer: facets with live counts, a results grid, a summary of the
selection (map, data types, totals), a detail panel and a CSV export; the full state is in the URL.

One cleaned state (``cohorts-state``, URL names) drives everything; every view reads it through
``data.queries.cohorts`` so the grid, facet counts, map and totals describe the same rows.
"""
from __future__ import annotations

import io
import json

import dash
import dash_bootstrap_components as dbc
import pandas as pd
import pycountry
from dash import ALL, Input, Output, State, callback, ctx, dcc, html, no_update

from components import cells
from components import cohort_facets as UI
from components.chart_card import chart_card, data_grid, notices, register, url_sync
from components.figures import cohorts as FIG
from components.url_state import Param, Spec
from data.queries import cohorts as Q
from data.queries.release import release_info

dash.register_page(__name__, path="/cohorts", name="Cohorts", order=2, nav=True,
                   title="Cohorts · 1+MG Atlas",
                   description="European genomic cohorts and biobanks: filter, compare, export.")

ISO3 = tuple(sorted({c.alpha_3 for c in pycountry.countries} | {"XKX"}))
REGIONS = {"nordic": ("Nordic countries", ("DNK", "FIN", "ISL", "NOR", "SWE")),
           "baltic": ("Baltic states", ("EST", "LVA", "LTU"))}
MULTI = {"country": "countries", "kind": "kinds", "disease": "disease", "data": "data",
         "access": "access", "recruit": "recruitment", "size": "size"}  # state key -> control suffix
SPEC = Spec((
    Param("q", "text", "", label="search text"),
    Param("country", "multi", [], choices=ISO3, label="country"),
    Param("kind", "multi", [], choices=Q.KINDS, label="kind"),
    Param("disease", "multi", [], choices=Q.DISEASE_FOCUS, label="disease focus"),
    Param("dmatch", "choice", "any", choices=Q.MATCH_MODES, label="disease-focus match"),
    Param("data", "multi", [], choices=Q.DATA_TYPES, label="data type"),
    Param("datamatch", "choice", "any", choices=Q.MATCH_MODES, label="data-type match"),
    Param("access", "multi", [], choices=Q.ACCESS_MODELS, label="access model"),
    Param("recruit", "multi", [], choices=Q.RECRUITMENT, label="recruitment status"),
    Param("size", "multi", [], choices=tuple(UI.SIZE), label="size band"),
    Param("sort", "choice", Q.DEFAULT_SORT, choices=Q.SORTS, label="sort order"),
    Param("map", "choice", "cohorts", choices=tuple(FIG.MAP_METRICS), label="map measure"),
    Param("gf", "text", "", max_len=800, label="table column filter"),
    Param("cohort", "text", "", max_len=80, label="cohort"),
))
# Clientside callbacks must exist before the server starts: register them at import, not in layout().
url_sync("cohorts")
register("cohorts-map", "cohorts-types")

QUERY_KEYS = ("q", "country", "kind", "disease", "dmatch", "data", "datamatch", "access", "recruit", "size",
              "sort")
CONTROLS = [Input("cohorts-q", "value"), *[Input(f"cohorts-{s}", "value") for s in MULTI.values()],
            Input("cohorts-disease-match", "value"), Input("cohorts-data-match", "value"),
            Input("cohorts-map-metric", "value")]


def _clean(st) -> dict:
    """A stored state back through the Spec (a forged request gets the same treatment as a URL)."""
    return SPEC.clean(st if isinstance(st, dict) else {})[0]


def filters_of(st: dict) -> Q.CohortFilters:
    return Q.CohortFilters(
        countries=tuple(st["country"]), kinds=tuple(st["kind"]), disease_focus=tuple(st["disease"]),
        disease_match=st["dmatch"], data_types=tuple(st["data"]), data_match=st["datamatch"],
        access_models=tuple(st["access"]), recruitment=tuple(st["recruit"]),
        size_bands=tuple(UI.SIZE[s][0] for s in st["size"]), text=st["q"])


def layout(**kwargs):
    st, notes = SPEC.parse(kwargs)
    gf, note = UI.clean_filter_model(_json(st["gf"]))
    st["gf"] = json.dumps(gf, separators=(",", ":")) if gf else ""
    notes += [note] if note else []
    sort_key, desc = Q.parse_sort(st["sort"])
    facets = [
        html.Div([html.Label("Search name, acronym or notes", htmlFor="cohorts-q", className="form-label small"),
                  dcc.Input(id="cohorts-q", type="search", value=st["q"], debounce=0.6, maxLength=100,
                            className="form-control form-control-sm", autoComplete="off")], className="mb-2"),
        UI.facet_block("countries", st["country"], extra=html.Div(
            [html.Span("Add: ", className="small me-1")]
            + [dbc.Button(label, id={"type": "cohorts-region", "region": key}, size="sm", color="link",
                          className="p-0 me-2 small") for key, (label, _) in REGIONS.items()],
            className="mb-1")),
        UI.facet_block("kinds", st["kind"], open_=False),
        UI.facet_block("disease", st["disease"], match_value=st["dmatch"], open_=False),
        UI.facet_block("data", st["data"], match_value=st["datamatch"]),
        UI.facet_block("access", st["access"]),
        UI.facet_block("recruitment", st["recruit"], open_=False),
        UI.facet_block("size", st["size"], open_=False),
        dbc.Button("Clear all filters", id="cohorts-clear", color="secondary", outline=True, size="sm",
                   className="mt-2"),
    ]
    results = dbc.Card([
        dbc.CardHeader(html.Div([
            html.H2("Matching cohorts", className="h5 m-0 me-auto"),
            dbc.Button([html.I(className="bi bi-download me-1", **{"aria-hidden": "true"}), "Download CSV"],
                       id="cohorts-export", color="primary", size="sm"),
        ], className="d-flex align-items-center flex-wrap gap-2")),
        dbc.CardBody([
            html.P(id="cohorts-count", className="mb-1", role="status", **{"aria-live": "polite"}),
            html.P("Click a row (or focus it and press Space) for every field, its sources and where to "
                   "apply. The CSV holds exactly the rows below, in this order, with source URLs.",
                   className="small text-body-secondary mb-2"),
            dbc.Alert([html.Span(id="cohorts-gridnote-text"),
                       dbc.Button("Clear column filters", id="cohorts-clear-grid", color="link", size="sm",
                                  className="p-0 align-baseline")],
                      id="cohorts-gridnote", is_open=False, color="secondary", className="small py-1"),
            dbc.Alert([html.P("No cohort matches all of these filters.", className="mb-2 fw-semibold"),
                       dbc.Button("Clear all filters", id="cohorts-undo", color="primary", size="sm")],
                      id="cohorts-empty", is_open=False, color="warning", className="py-2"),
            dcc.Loading(UI_grid(sort_key, desc, gf), type="default", delay_show=300),
        ]),
    ], className="mb-3")
    return html.Div([
        html.H1("Cohorts, biobanks and genomic collections", className="h3"),
        html.P("Filter Europe's cohorts by country, data held and access route; every number links to "
               "its source.", className="lead fs-6"),
        notices(notes, "cohorts-notices"), html.Div(id="cohorts-live-notices"),
        dcc.Store(id="cohorts-state", data=st), dcc.Store(id="cohorts-history", data=[]),
        dcc.Store(id="cohorts-query", data={k: st[k] for k in QUERY_KEYS}),
        dcc.Store(id="cohorts-grid-filter-init", data=gf or None),
        dcc.Store(id="cohorts-detail-id", data=st["cohort"]), *url_sync("cohorts"),
        dcc.Download(id="cohorts-download"),
        dbc.Row([
            dbc.Col(html.Section([
                html.H2("Filters", className="h5 d-none d-lg-block"),
                dbc.Button([html.I(className="bi bi-funnel me-1", **{"aria-hidden": "true"}),
                            html.Span("Filters", id="cohorts-filters-toggle-label")],
                           id="cohorts-filters-toggle", color="secondary", outline=True, size="sm",
                           className="d-lg-none mb-2 w-100"),
                # Always shown from lg up (d-lg-block beats .collapse); a toggle on small screens.
                dbc.Collapse(facets, id="cohorts-filters-collapse", is_open=False, className="d-lg-block"),
            ], className="facets", **{"aria-label": "Filters"}), lg=3, className="mb-3"),
            dbc.Col([
                html.Div(id="cohorts-kpis", className="mb-2"),
                dbc.Alert(id="cohorts-overlap", color="info", className="small py-2"),
                results,
                dbc.Row([
                    dbc.Col(chart_card("cohorts-map", "Cohorts per country", sentence=(
                        "Each country shows the cohorts in the selection that name it; a multi-country "
                        "cohort appears in each of its countries. Click a country to add or remove it."),
                        extra_controls=html.Div([  # a Div: a bare RadioItems is falsy (no children)
                            html.Span("Show", id="cohorts-map-metric-label", className="small me-2"),
                            html.Div(dbc.RadioItems(
                                id="cohorts-map-metric", value=st["map"], inline=True, class_name="small",
                                options=[{"label": v, "value": k} for k, v in FIG.MAP_METRICS.items()]),
                                role="radiogroup", className="d-inline-block",
                                **{"aria-labelledby": "cohorts-map-metric-label"})], className="mb-1"),
                        graph_height=440), xl=7),
                    dbc.Col(chart_card("cohorts-types", "Data types held", sentence=(
                        "How many cohorts in the selection hold each kind of data, as their sources "
                        "describe them."), graph_height=440), xl=5),
                ]),
            ], lg=9),
        ]),
        dbc.Offcanvas(id="cohorts-detail", title=html.Span("Cohort", id="cohorts-detail-title"),
                      labelledby="cohorts-detail-title", placement="end", is_open=False,
                      style={"width": "min(560px, 100vw)"}, children=html.Div(id="cohorts-detail-body")),
    ])


@callback(Output("cohorts-filters-collapse", "is_open"), Input("cohorts-filters-toggle", "n_clicks"),
          State("cohorts-filters-collapse", "is_open"), prevent_initial_call=True)
def toggle_filters(n, is_open):
    return not is_open


def UI_grid(sort_key, desc, gf):
    return data_grid("cohorts-grid", csv_name="cohorts.csv", height=480,
                     columnDefs=UI.grid_columns(sort_key, desc), getRowId="params.data.cohort_id",
                     filterModel=gf, dashGridOptions={
                         "suppressMultiSort": True, "tooltipShowDelay": 400,
                         "rowSelection": {"mode": "singleRow", "checkboxes": False,
                                          "enableClickSelection": True},
                         "localeText": {"noRowsToShow": "No cohort matches these filters."}})


def _json(text):
    try:
        return json.loads(text) if text else {}
    except ValueError:
        return "unreadable"


def _sort_from(column_state, current: str) -> str:
    """The grid's single sorted column -> a public sort key (current one if nothing usable)."""
    if not isinstance(column_state, list):
        return current
    if not isinstance(column_state, list):
        return current
    for c in column_state:
        if isinstance(c, dict) and c.get("sort") in ("asc", "desc") and c.get("colId") in UI.COL_SORT:
            return f"{UI.COL_SORT[c['colId']]}_{c['sort']}"
    return Q.DEFAULT_SORT if column_state else current


@callback(Output("cohorts-state", "data"), Output("cohorts-url-search", "data"),
          Output("cohorts-history", "data"), Output("cohorts-live-notices", "children"),
          Output("cohorts-query", "data"),
          *CONTROLS, Input("cohorts-grid", "columnState"), Input("cohorts-grid", "filterModel"),
          Input("cohorts-detail-id", "data"),
          State("cohorts-state", "data"), State("cohorts-history", "data"), State("cohorts-query", "data"))
def update_state(q, countries, kinds, disease, data, access, recruit, size, dmatch, datamatch, map_metric,
                 column_state, filter_model, cohort, prev, history, prev_query=None):
    """Controls (and grid sort/filters, open cohort) -> one cleaned state, the URL and the history.

    ``cohorts-query`` (filters + sort) changes only when rows could change, so resizing a column or
    opening a cohort does not recompute facets, grid and charts."""
    prev = _clean(prev)
    raw = {"q": q, "country": countries, "kind": kinds, "disease": disease, "dmatch": dmatch,
           "data": data, "datamatch": datamatch, "access": access, "recruit": recruit, "size": size,
           "map": map_metric, "sort": _sort_from(column_state, prev.get("sort", Q.DEFAULT_SORT)),
           "cohort": cohort or ""}
    gf, gf_note = UI.clean_filter_model(filter_model)
    raw["gf"] = json.dumps(gf, separators=(",", ":")) if gf else ""
    st, notes = SPEC.clean(raw)
    notes += [gf_note] if gf_note else []
    hist = UI.update_history(history, prev, st)
    query = {k: st[k] for k in QUERY_KEYS}
    initial = ctx.triggered_id is None
    return (st, SPEC.to_search(st), hist, (notices(notes, "cohorts-live-notices-list") if notes else None),
            query if initial or query != prev_query else no_update)


@callback(*[Output(f"cohorts-{s}", "options") for s in MULTI.values()], Input("cohorts-query", "data"))
def update_facets(st):
    """Facet options with the number of cohorts each value would leave (zero -> disabled)."""
    st = _clean(st)
    fc = Q.facet_counts(filters_of(st))
    names = Q.country_names()
    size_counts = {UI.BAND_SLUG[b]: n for b, n in fc["size_bands"].items()}
    # selected countries first, so they stay in view in the scrolling list
    countries = sorted(fc["countries"], key=lambda c: (c not in st["country"], names.get(c, c)))
    return (
        UI.facet_options(fc["countries"], st["country"], names, order=countries),
        UI.facet_options(fc["kinds"], st["kind"], UI.KIND_LABEL),
        UI.facet_options(fc["disease_focus"], st["disease"], UI.DISEASE_LABEL),
        UI.facet_options(fc["data_types"], st["data"], UI.DATA_LABEL),
        UI.facet_options(fc["access_models"], st["access"], UI.ACCESS_LABEL),
        UI.facet_options(fc["recruitment"], st["recruit"], UI.RECRUITMENT_LABEL),
        UI.facet_options(size_counts, st["size"], UI.SIZE_LABEL, order=list(UI.SIZE)),
    )


@callback(Output("cohorts-grid", "rowData"), Output("cohorts-count", "children"),
          Output("cohorts-kpis", "children"), Output("cohorts-overlap", "children"),
          Output("cohorts-empty", "is_open"), Output("cohorts-undo", "children"),
          Output("cohorts-filters-toggle-label", "children"), Input("cohorts-query", "data"),
          State("cohorts-history", "data"))
def update_results(st, history):
    """The grid rows (in the chosen order), the totals and the empty state."""
    st = _clean(st)
    f = filters_of(st)
    df = Q.search(f, st["sort"])
    s = Q.summary(f)
    total = Q.summary(Q.CohortFilters())["n_cohorts"]
    count = f"{len(df):,} of {total:,} cohorts match." if len(df) != total else f"All {total:,} cohorts."
    kpis = UI.kpis(s) if len(df) else None
    overlap = [html.Strong("Participants overlap and are not additive. "),
               f"The atlas lists {total:,} rows; several are repositories or consortia holding others "
               "(the Danish National Biobank holds other collections; EPIC contains E3N). "
               "Multi-country cohorts are counted once in totals and once per country on the map."]
    history = UI.valid_history(history)
    last = history[-1] if history else None
    undo = f"Remove the last filter added ({UI.history_label(last)})" if last else "Clear all filters"
    n_active = len(history or [])
    toggle = f"Filters ({n_active} active)" if n_active else "Filters"
    return UI.grid_rows(df), count, kpis, overlap, not len(df), undo, toggle


@callback(Output("cohorts-gridnote", "is_open"), Output("cohorts-gridnote-text", "children"),
          Input("cohorts-grid", "virtualRowData"), Input("cohorts-grid", "filterModel"),
          State("cohorts-grid", "rowData"))
def grid_note(virtual, model, rows):
    """Say when the grid's own column filters hide rows that the totals and charts still count."""
    if not model or not isinstance(rows, list) or not isinstance(virtual, list) \
            or len(virtual) == len(rows):
        return False, ""
    return True, (f"Table column filters show {len(virtual):,} of the {len(rows):,} matching cohorts; "
                  "the totals and charts cover all of them. ")


@callback(Output("cohorts-grid", "filterModel"), Output("cohorts-grid-filter-init", "data"),
          Input("cohorts-clear-grid", "n_clicks"), Input("cohorts-grid", "rowData"),
          State("cohorts-grid-filter-init", "data"), prevent_initial_call=True)
def grid_filters(n, rows, pending):
    """Clear the column filters; or apply the ones from the link once the first rows are in (the
    grid drops a filterModel given before it has rows — it reports back an empty model on ready)."""
    if ctx.triggered_id == "cohorts-clear-grid":
        return ({}, None) if n else (no_update, no_update)
    if pending and rows:
        model, _ = UI.clean_filter_model(pending)
        return model, None
    return no_update, no_update


def _provenance(s: dict) -> list:
    rel = release_info()
    years = s.get("participants_as_of")
    span = (f"participant figures as of {years[0]}–{years[1]}" if years and years[0] != years[1]
            else f"participant figures as of {years[0]}" if years else "no participant figures")
    return [f"Source: the cohort rows of data release {rel['release_id']} (built {rel['built_date']}); "
            f"{span}. Each row cites its own sources: open a cohort, or download the table CSV, which "
            "lists every source URL."]


@callback(Output("cohorts-map-graph", "figure"), Output("cohorts-map-grid", "rowData"),
          Output("cohorts-map-grid", "columnDefs"), Output("cohorts-map-sources", "children"),
          Output("cohorts-types-graph", "figure"), Output("cohorts-types-grid", "rowData"),
          Output("cohorts-types-grid", "columnDefs"), Output("cohorts-types-sources", "children"),
          Input("cohorts-query", "data"), Input("cohorts-map-metric", "value"))
def update_charts(st, map_metric="cohorts"):
    """Map of the selection per country and data-type bars, each with the table of what is drawn."""
    st = _clean({**(st if isinstance(st, dict) else {}), "map": map_metric})
    s = Q.summary(filters_of(st))
    names = Q.country_names()
    drawn = set(Q.map_countries())
    bc = s["by_country"].copy()
    bc["name"] = [names.get(c, c) for c in bc.iso3]
    off_map = bc[~bc.iso3.isin(drawn)]
    if s["n_cohorts"]:
        fig = FIG.country_map(bc[bc.iso3.isin(drawn)], st["map"], [c for c in names if c in drawn],
                              st["country"], outside_iso3=sorted(drawn - {"GRL"}))  # GRL clips badly
    else:
        fig = FIG.empty_figure("No cohort matches these filters.")
    map_rows = [{"iso3": r.iso3, "country": r.name, "n_cohorts": int(r.n_cohorts),
                 "n_multi_country": int(r.n_multi_country),
                 "participants_single_country_cohorts": None if pd.isna(r.participants_single)
                 else int(r.participants_single),
                 "single_country_cohorts_without_figure": int(r.n_single_without_figure),
                 "on_map": r.iso3 in drawn, "cohort_ids": ";".join(r.cohort_ids)} for r in bc.itertuples()]
    map_cols = [{"field": k} for k in (map_rows[0] if map_rows else {"iso3": 0, "country": 0})]
    src = _provenance(s)
    map_src = list(src)
    if len(off_map):
        map_src.insert(0, "Not on the map: " + ", ".join(f"{r.name} ({int(r.n_cohorts)} cohorts)"
                                                        for r in off_map.itertuples()) + ". ")
    if s["n_no_country"]:
        map_src.insert(0, f"{s['n_no_country']} pan-European cohort(s) list no country and are not mapped. ")
    if st["map"] == "participants":
        map_src.insert(0, "Participants: sums of sourced figures of single-country cohorts only "
                          "(a multi-country figure cannot be split); overlapping, not a head count. ")
    types = [{"data_type": t, "label": UI.DATA_LABEL.get(t, t), "n_cohorts": n,
              "cohort_ids": ";".join(s["data_type_ids"].get(t, []))} for t, n in s["data_types"].items()]
    tfig = (FIG.data_type_bars(pd.DataFrame(types), s["n_cohorts"]) if s["n_cohorts"]
            else FIG.empty_figure("No cohort matches these filters."))
    type_cols = [{"field": k} for k in ("data_type", "label", "n_cohorts", "cohort_ids")]
    return fig, map_rows, map_cols, map_src, tfig, types, type_cols, src


@callback(Output("cohorts-q", "value"), *[Output(f"cohorts-{s}", "value") for s in MULTI.values()],
          Output("cohorts-disease-match", "value"), Output("cohorts-data-match", "value"),
          Input("cohorts-map-graph", "clickData"), Input({"type": "cohorts-region", "region": ALL}, "n_clicks"),
          Input("cohorts-clear", "n_clicks"), Input("cohorts-undo", "n_clicks"),
          State("cohorts-state", "data"), State("cohorts-history", "data"), prevent_initial_call=True)
def set_controls(click, _regions, _clear, _undo, st, history):
    """Map click toggles a country; region buttons add countries; "clear"; "remove the last filter"."""
    st = _clean(st)
    keys = ["q", *MULTI, "dmatch", "datamatch"]
    out = {k: no_update for k in keys}
    trig = ctx.triggered_id
    if trig == "cohorts-map-graph":
        pts = (click or {}).get("points") or []
        iso3 = (pts[0].get("customdata") or [None])[0] if pts and isinstance(pts[0], dict) else None
        if isinstance(iso3, str) and iso3 in Q.countries_in_cohorts():
            cur = list(st["country"])
            out["country"] = [c for c in cur if c != iso3] if iso3 in cur else cur + [iso3]
    elif isinstance(trig, dict) and trig.get("region") in REGIONS and ctx.triggered[0]["value"]:
        add = [c for c in REGIONS[trig["region"]][1] if c not in st["country"]]
        out["country"] = list(st["country"]) + add
    elif trig == "cohorts-clear" or (trig == "cohorts-undo" and not history):
        out = {k: ("" if k == "q" else "any" if "match" in k else []) for k in keys}
    elif trig == "cohorts-undo":
        key, value = history[-1]
        if key == "q":
            out["q"] = ""
        elif key in ("dmatch", "datamatch"):
            out[key] = "any"
        elif key in MULTI:
            out[key] = [v for v in st[key] if v != value]
    return tuple(out[k] for k in keys)


@callback(Output("cohorts-detail", "is_open"), Output("cohorts-detail-title", "children"),
          Output("cohorts-detail-body", "children"), Output("cohorts-detail-id", "data"),
          Output("cohorts-grid", "deselectAll"),
          Input("cohorts-grid", "cellClicked"), Input("cohorts-grid", "selectedRows"),
          Input("cohorts-detail", "is_open"), State("cohorts-detail-id", "data"))
def show_detail(cell, selected, is_open, current):
    """Open the detail panel for the clicked/selected row (or the cohort named in the URL)."""
    trig = ctx.triggered_id and ctx.triggered[0]["prop_id"].split(".")[1]
    cid = current or ""
    if trig == "is_open" and not is_open:
        return False, no_update, no_update, "", True
    if trig == "cellClicked" and isinstance(cell, dict) and cell.get("colId") != "access_route":
        cid = cell.get("rowId") or ""
    elif trig == "selectedRows":
        if not (isinstance(selected, list) and selected and isinstance(selected[0], dict)):
            return no_update, no_update, no_update, no_update, no_update
        cid = selected[0].get("cohort_id") or ""
    elif trig in ("cellClicked", "is_open"):
        return no_update, no_update, no_update, no_update, no_update
    if not isinstance(cid, str) or not cid:
        return False, "Cohort", None, "", no_update
    row = Q.cohort(cid)
    if row is None:
        return True, "Cohort not found", dbc.Alert(
            f"No cohort with the id “{cid[:40]}” is in this data release.", color="warning"), "", no_update
    mentions = Q.mentions(cid).to_dict("records")
    title = row["name"] + (f" ({row['acronym']})" if row.get("acronym") else "")
    return True, title, UI.detail_body(row, mentions, Q.country_names()), cid, no_update


EXPORT_COLUMNS = ["cohort_id", "name", "acronym", "countries_iso3", "multi_country", "kind", "disease_focus",
                  "participants", "participants_as_of", "size_band", "wgs_count", "wes_count",
                  "genotyped_count", "data_types", "access_model", "access_url", "recruitment_status",
                  "start_year", "website", "confidence", "source_urls", "notes"]


def export_frame(st: dict, grid_rows) -> pd.DataFrame:
    """The rows the grid shows, in its order: search() with the same filters and sort, narrowed to and
    ordered by the grid's own rows (its column filters and client-side sort), plus the release."""
    st = _clean(st)
    df = Q.search(filters_of(st), st["sort"])
    order = [r.get("cohort_id") for r in (grid_rows if isinstance(grid_rows, list) else [])
             if isinstance(r, dict) and isinstance(r.get("cohort_id"), str)]
    if order:
        pos = {cid: i for i, cid in enumerate(order)}
        keep = df.cohort_id.isin(pos) if st["gf"] else df.cohort_id.notna()
        df = df[keep].assign(_pos=[pos.get(c, len(pos) + i) for i, c in enumerate(df.cohort_id[keep])])
        df = df.sort_values("_pos", kind="stable").drop(columns="_pos")
    out = df[EXPORT_COLUMNS].copy()
    for c in ("countries_iso3", "disease_focus", "data_types", "source_urls"):
        out[c] = [cells.text(v) for v in out[c]]
    rel = release_info()
    out["data_release"] = rel["release_id"]
    out["data_release_date"] = rel["built_date"]
    return out


@callback(Output("cohorts-download", "data"), Input("cohorts-export", "n_clicks"),
          State("cohorts-state", "data"), State("cohorts-grid", "virtualRowData"), prevent_initial_call=True)
def export_csv(n, st, grid_rows):
    if not n:
        return no_update
    out = export_frame(st, grid_rows)
    buf = io.StringIO()
    out.to_csv(buf, index=False)
    return {"content": buf.getvalue(), "filename": f"1mg-atlas-cohorts-{release_info()['release_id']}.csv",
            "type": "text/csv"}
