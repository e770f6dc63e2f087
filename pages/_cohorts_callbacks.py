"""The cohort explorer's state callbacks: controls -> one cleaned state and the URL, facet options
with live counts, the results grid and its notes, and the buttons that set controls.

A private sibling of pages/cohorts.py; the map, data-type chart, detail panel and export are in
``_cohorts_views``. Callbacks with more than three outputs name them (``output=dict(...)``).
"""
from __future__ import annotations

from dash import ALL, Input, Output, State, callback, ctx, no_update

from components import cohort_facets as UI
from components import cohort_grid as GRID
from components import cohort_summary as SUMMARY
from components.chart_card import notices
from data.queries import cohorts as Q
from pages import _cohorts_state as S

#: The controls that make up the state, by state key (filters and the map measure).
CONTROLS = {**{k: Input(cid, "value") for k, cid in S.CONTROL.items()},
            "map": Input("cohorts-map-metric", "value")}


@callback(Output("cohorts-filters-collapse", "is_open"), Input("cohorts-filters-toggle", "n_clicks"),
          State("cohorts-filters-collapse", "is_open"), prevent_initial_call=True)
def toggle_filters(n, is_open):
    return not is_open


@callback(output=dict(state=Output("cohorts-state", "data"), url=Output("cohorts-url-search", "data"),
                      history=Output("cohorts-history", "data"),
                      notices=Output("cohorts-live-notices", "children"),
                      query=Output("cohorts-query", "data")),
          inputs=dict(controls=CONTROLS, column_state=Input("cohorts-grid", "columnState"),
                      filter_model=Input("cohorts-grid", "filterModel"),
                      cohort=Input("cohorts-detail-id", "data"), prev=State("cohorts-state", "data"),
                      history=State("cohorts-history", "data"),
                      prev_query=State("cohorts-query", "data")))
def update_state(controls, column_state, filter_model, cohort, prev, history, prev_query=None):
    """Controls (and grid sort/filters, open cohort) -> one cleaned state, the URL and the history.

    ``controls`` is ``{state key: control value}``. ``cohorts-query`` (filters + sort) changes only
    when rows could change, so resizing a column or opening a cohort does not recompute facets, grid
    and charts."""
    prev = S.clean(prev)
    raw = {**(controls if isinstance(controls, dict) else {}),
           "sort": S.sort_from(column_state, prev.get("sort", Q.DEFAULT_SORT)), "cohort": cohort or ""}
    gf, gf_note = GRID.clean_filter_model(filter_model)
    raw["gf"] = S.dump_json(gf)
    st, notes = S.SPEC.clean(raw)
    notes += [gf_note] if gf_note else []
    query = {k: st[k] for k in S.QUERY_KEYS}
    initial = ctx.triggered_id is None
    return {"state": st, "url": S.SPEC.to_search(st), "history": UI.update_history(history, prev, st),
            "notices": notices(notes, "cohorts-live-notices-list") if notes else None,
            "query": query if initial or query != prev_query else no_update}


#: facet (state key) -> (its counts in facet_counts(), its labels)
_FACET_COUNTS = {"country": ("countries", None), "kind": ("kinds", UI.KIND_LABEL),
                 "disease": ("disease_focus", UI.DISEASE_LABEL), "data_type": ("data_types", UI.DATA_LABEL),
                 "access": ("access_models", UI.ACCESS_LABEL),
                 "recruitment": ("recruitment", UI.RECRUITMENT_LABEL),
                 "size_band": ("size_bands", UI.SIZE_LABEL)}


@callback(output={k: Output(S.CONTROL[k], "options") for k in S.MULTI}, inputs=[Input("cohorts-query", "data")])
def update_facets(st):
    """Facet options with the number of cohorts each value would leave (zero -> disabled), by state key."""
    st = S.clean(st)
    fc = Q.facet_counts(S.filters_of(st))
    names = Q.country_names()
    # selected countries first, so they stay in view in the scrolling list
    order = {"country": sorted(fc["countries"], key=lambda c: (c not in st["country"], names.get(c, c))),
             "size_band": list(UI.SIZE_LABEL)}
    return {k: UI.facet_options(fc[facet], st[k], names if k == "country" else labels, order=order.get(k))
            for k, (facet, labels) in _FACET_COUNTS.items()}


@callback(output=dict(rows=Output("cohorts-grid", "rowData"), count=Output("cohorts-count", "children"),
                      kpis=Output("cohorts-kpis", "children"), overlap=Output("cohorts-overlap", "children"),
                      empty=Output("cohorts-empty", "is_open"), undo=Output("cohorts-undo", "children"),
                      toggle=Output("cohorts-filters-toggle-label", "children")),
          inputs=[Input("cohorts-query", "data"), State("cohorts-history", "data")])
def update_results(st, history):
    """The grid rows (in the chosen order), the totals and the empty state."""
    st = S.clean(st)
    f = S.filters_of(st)
    df = Q.search(f, st["sort"])
    total = Q.summary(Q.CohortFilters())["n_cohorts"]
    overlap = SUMMARY.overlap_note(total)
    history = UI.valid_history(history)
    last = history[-1] if history else None
    return {
        "rows": GRID.grid_rows(df),
        "count": f"{len(df):,} of {total:,} cohorts match." if len(df) != total else f"All {total:,} cohorts.",
        "kpis": SUMMARY.kpis(Q.summary(f)) if len(df) else None, "overlap": overlap, "empty": not len(df),
        "undo": f"Remove the last filter added ({UI.history_label(last)})" if last else "Clear all filters",
        "toggle": f"Filters ({len(history)} active)" if history else "Filters",
    }


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
        model, _ = GRID.clean_filter_model(pending)
        return model, None
    return no_update, no_update


def _cleared(key: str):
    return "" if key == "q" else "any" if key in S.MATCH else []


@callback(output={k: Output(cid, "value") for k, cid in S.CONTROL.items()},
          inputs=[Input("cohorts-map-graph", "clickData"),
                  Input({"type": "cohorts-region", "region": ALL}, "n_clicks"),
                  Input("cohorts-clear", "n_clicks"), Input("cohorts-undo", "n_clicks"),
                  State("cohorts-state", "data"), State("cohorts-history", "data")],
          prevent_initial_call=True)
def set_controls(click, _regions, _clear, _undo, st, history):
    """Map click toggles a country; region buttons add countries; "clear"; "remove the last filter".
    Returns the new control values by state key."""
    st = S.clean(st)
    out = {k: no_update for k in S.CONTROL}
    trig = ctx.triggered_id
    if trig == "cohorts-map-graph":
        pts = (click or {}).get("points") or []
        iso3 = (pts[0].get("customdata") or [None])[0] if pts and isinstance(pts[0], dict) else None
        if isinstance(iso3, str) and iso3 in Q.countries_in_cohorts():
            cur = list(st["country"])
            out["country"] = [c for c in cur if c != iso3] if iso3 in cur else cur + [iso3]
    elif isinstance(trig, dict) and trig.get("region") in S.REGIONS and ctx.triggered[0]["value"]:
        add = [c for c in S.REGIONS[trig["region"]][1] if c not in st["country"]]
        out["country"] = list(st["country"]) + add
    elif trig == "cohorts-clear" or (trig == "cohorts-undo" and not history):
        out = {k: _cleared(k) for k in S.CONTROL}
    elif trig == "cohorts-undo":
        key, value = history[-1]
        if key == "q" or key in S.MATCH:
            out[key] = _cleared(key)
        elif key in S.MULTI:
            out[key] = [v for v in st[key] if v != value]
    return out
