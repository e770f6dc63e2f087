"""/funding — funded activities over time, their sourced budgets, who takes part, the ERA PerMed /
EP PerMed calls and their projects, and money next to outputs per country.

As on /infrastructures, the URL's filter values are checked against the data by the first callback
(``layout`` only keeps the raw query in a Store).
"""
from __future__ import annotations

import datetime as dt

import dash
from dash import Input, Output, callback, ctx, dcc, html, no_update

from components.chart_card import notices, register, url_sync
from components.figures.funding import (KIND_LABEL, budget_figure, grouped_bars_with_gaps,
                                        outputs_scatter, participation_map, participation_matrix,
                                        timeline_figure, topic_label)
from components.funding_sections import (GROUPS, MONEY, ROLES, SCOPES, VIEWS, X_CHOICES, Y_CHOICES,
                                         budget_section, calls_section, filter_panel,
                                         outputs_section, participation_section, timeline_section)
from components.funding_views import (activity_items, budget_table, budget_total_label,
                                      calls_table, coverage_note, group_detail, outputs_columns,
                                      outputs_rows, participation_table, project_coverage_text,
                                      project_rows, timeline_table, undrawn_note)
from components.infra_controls import summary_text
from components.infra_tables import evidence_list, register_csv
from components.infra_views import sources_line
from components.url_state import Param, Spec
from data import vocab as V
from data.queries import funding, infra
from data.queries.release import release_info

dash.register_page(__name__, path="/funding", name="Funding", order=4, nav=True,
                   title="Funding — 1+MG Atlas",
                   description="Funded activities, sourced budgets, participation, PerMed calls.")

FILTER_KEYS = ("programme", "kind", "topic")
CHOICES = {"group": GROUPS, "money": MONEY, "scope": SCOPES, "view": VIEWS, "role": ROLES,
           "x": X_CHOICES, "y": Y_CHOICES}
VIEW_WORD = {"activities": "funded activities", "projects": "research projects",
             "calls": "PerMed calls"}
ROW_PX = 24


def spec() -> Spec:
    f = funding.facets()
    return Spec((
        Param("programme", "multi", [], choices=tuple(f["programmes"]), label="programme"),
        Param("kind", "multi", [], choices=tuple(f["kinds"]), label="kind of activity"),
        Param("topic", "multi", [], choices=tuple(f["topics"]), label="topic"),
        *[Param(k, "choice", next(iter(v)), choices=tuple(v), label=k) for k, v in CHOICES.items()],
        Param("sel", "text", "", max_len=80, label="selection"),
    ))


def layout(**kwargs):
    raw = {str(k)[:40]: v for k, v in list(kwargs.items())[:20] if isinstance(v, str)}
    return html.Div([
        *url_sync("funding"),
        dcc.Store(id="funding-url-in", data=raw), dcc.Store(id="funding-selection", data=""),
        html.H1("Funding", className="h3"),
        html.P("What is funded around the 1+MG goal, when, with how much published money, and which "
               "countries take part. Every figure is a published one with its source; a missing "
               "budget is counted as missing, never as zero. Taking part is not money received.",
               className="mb-2"),
        html.Div(id="funding-notices"),
        filter_panel(), timeline_section(), budget_section(), participation_section(),
        calls_section(), outputs_section(),
    ])



# Clientside wiring registered at import: callbacks created inside layout() may never reach
# the browser (Dash copies its callback list once, possibly before layouts are built).
register("funding-timeline", "funding-budget", "funding-map", "funding-matrix",
         "funding-calls-money", "funding-calls-counts", "funding-outputs")
url_sync("funding")
register_csv("funding-projects-csv", "funding-projects-grid")
register_csv("funding-outputs-table-csv", "funding-outputs-table")

@callback(
    *[Output(f"funding-{k}", "options") for k in FILTER_KEYS],
    *[Output(f"funding-{k}", "value") for k in FILTER_KEYS],
    *[Output(f"funding-{k}", "value") for k in CHOICES],
    Output("funding-selection", "data"), Output("funding-notices", "children"),
    Input("funding-url-in", "data"), Input("funding-reset", "n_clicks"),
)
def init(raw, _reset):
    """Validate the URL (or clear the filters) and fill the controls."""
    f = funding.facets()
    opts = [[{"label": p, "value": p} for p in f["programmes"]],
            [{"label": KIND_LABEL.get(k, k), "value": k} for k in f["kinds"]],
            [{"label": topic_label(t), "value": t} for t in f["topics"]]]
    if ctx.triggered_id == "funding-reset":
        return (*opts, [], [], [], *[no_update] * len(CHOICES), no_update, no_update)
    state, notes = spec().parse(raw if isinstance(raw, dict) else {})
    return (*opts, *[state[k] for k in FILTER_KEYS], *[state[k] for k in CHOICES], state["sel"],
            notices(notes, "funding-notices-list"))


@callback(*[Output(f"funding-{k}-summary", "children") for k in FILTER_KEYS],
          *[Input(f"funding-{k}", "value") for k in FILTER_KEYS])
def summaries(*values):
    """How many values each filter has chosen ("all" when none)."""
    return tuple(summary_text(v) for v in values)


def _clean(**values) -> dict:
    return spec().clean(values)[0]


def _flt(state) -> dict:
    return {"programmes": state["programme"], "kinds": state["kind"], "topics": state["topic"]}


FILTER_INPUTS = [Input(f"funding-{k}", "value") for k in FILTER_KEYS]


@callback(
    Output("funding-timeline-graph", "figure"), Output("funding-timeline-graph", "style"),
    Output("funding-timeline-grid", "rowData"), Output("funding-timeline-grid", "columnDefs"),
    Output("funding-timeline-sources", "children"), Output("funding-timeline-note", "children"),
    *FILTER_INPUTS,
)
def timeline(programme, kind, topic, today: dt.date | None = None):
    """The activity timeline with today marked; activities without a start date are listed."""
    st = _clean(programme=programme, kind=kind, topic=topic)
    rows = funding.timeline_rows(funding.activities(**_flt(st)), today or dt.date.today())
    fig = timeline_figure(rows, today or dt.date.today())
    height = max(260, ROW_PX * (int(rows.drawable.sum()) + rows[rows.drawable].programme_label.nunique()) + 120)
    fig.update_layout(height=height)
    grid, cols = timeline_table(rows)
    src = sources_line(rows.source_urls, what=f"the {len(rows)} activities", release=release_info())
    return fig, {"height": f"{height}px"}, grid, cols, src, undrawn_note(rows)


@callback(
    Output("funding-budget-graph", "figure"), Output("funding-budget-graph", "style"),
    Output("funding-budget-grid", "rowData"), Output("funding-budget-grid", "columnDefs"),
    Output("funding-budget-sources", "children"), Output("funding-budget-total", "children"),
    Output("funding-budget-note", "children"),
    *FILTER_INPUTS, Input("funding-group", "value"), Input("funding-money", "value"),
    Input("funding-scope", "value"),
)
def budget(programme, kind, topic, group, money, scope):
    """Sourced budgets per programme or topic, with the "n of N" total."""
    st = _clean(programme=programme, kind=kind, topic=topic, group=group, money=money, scope=scope)
    groups, total = funding.budget(st["group"], st["money"], st["scope"], **_flt(st))
    label = MONEY[st["money"]]
    fig = budget_figure(groups, topic_label if st["group"] == "topic" else str)
    height = max(240, 34 * len(groups) + 90)
    fig.update_layout(height=height)
    grid, cols = budget_table(groups, st["group"], label)
    src = sources_line([u for u in groups.source_urls], what="the activities with a budget",
                       release=release_info())
    note = ("Funding calls are summed separately: their money is part of the projects and "
            "partnerships they fund, so the two are never added. ")
    if st["group"] == "topic":
        note += "An activity with several topics counts under each, so topic bars do not add up to the total."
    return (fig, {"height": f"{height}px"}, grid, cols, src,
            budget_total_label(total, label, st["scope"]), note)


@callback(
    Output("funding-map-graph", "figure"), Output("funding-map-grid", "rowData"),
    Output("funding-map-grid", "columnDefs"), Output("funding-map-sources", "children"),
    Output("funding-matrix-graph", "figure"), Output("funding-matrix-graph", "style"),
    Output("funding-matrix-grid", "rowData"), Output("funding-matrix-grid", "columnDefs"),
    Output("funding-matrix-sources", "children"), Output("funding-part-note", "children"),
    *FILTER_INPUTS, Input("funding-view", "value"), Input("funding-role", "value"),
)
def participation(programme, kind, topic, view, role):
    """Country participation: a map of counts and the country × item matrix."""
    st = _clean(programme=programme, kind=kind, topic=topic, view=view, role=role)
    links = funding.links(**_flt(st))
    items = funding.items(**_flt(st))
    items = items[(items.source == st["view"]) & ~items.item_id.isin(funding.UNEVIDENCED_CALLS)]
    countries = infra.matrix_countries()
    counts = funding.participation(links, countries, st["view"], st["role"])
    lk = links[links.source == st["view"]]
    if st["role"] == "coordinator":
        lk = lk[lk.role == "coordinator"]
    what = VIEW_WORD[st["view"]]
    outline = list(infra.outline_countries().iso3)
    mfig = participation_map(counts, outline, what=what)
    mrows, mcols = participation_table(lk, counts, what)
    rel = release_info()
    src = sources_line(lk.source_urls, what=f"the {what} counted", release=rel)
    shown_items = items[items.has_countries]
    mx = participation_matrix(lk, counts[["iso3", "country_name"]], shown_items)
    height = max(300, 22 * len(counts) + 200)
    mx.update_layout(height=height)
    off_map = counts[(counts.n > 0) & ~counts.iso3.isin(set(outline))]
    note = coverage_note(items, what)
    if len(off_map):
        note += " Outside the map: " + "; ".join(f"{r.country_name} ({r.n})"
                                                for r in off_map.itertuples()) + "."
    return (mfig, mrows, mcols, src, mx, {"height": f"{height}px"}, mrows, mcols, src, note)


@callback(
    Output("funding-selection", "data", allow_duplicate=True),
    Input("funding-timeline-graph", "clickData"), Input("funding-budget-graph", "clickData"),
    Input("funding-map-graph", "clickData"), Input("funding-matrix-graph", "clickData"),
    prevent_initial_call=True,
)
def select(t_click, b_click, m_click, x_click):
    """A click on a bar, a country or a cell selects what it shows."""
    prefix = {"funding-timeline-graph": ("act", t_click), "funding-budget-graph": ("grp", b_click),
              "funding-map-graph": ("country", m_click), "funding-matrix-graph": ("cell", x_click)}
    what, click = prefix.get(ctx.triggered_id, (None, None))
    try:
        cd = click["points"][0]["customdata"]
    except (TypeError, KeyError, IndexError):
        return no_update
    return f"{what}:{cd}" if isinstance(cd, str) else no_update


@callback(
    Output("funding-act-detail", "children"), Output("funding-part-detail", "children"),
    Output("funding-url-search", "data"),
    Input("funding-selection", "data"), *FILTER_INPUTS,
    *[Input(f"funding-{k}", "value") for k in CHOICES],
)
def detail(sel, programme, kind, topic, *choices):
    """The rows behind the selection, with sources; and the view written into the URL."""
    st = _clean(programme=programme, kind=kind, topic=topic, **dict(zip(CHOICES, choices)),
                sel=sel if isinstance(sel, str) else "")
    what, _, arg = st["sel"].partition(":")
    act = part = no_update
    if what == "act":
        a = funding.activities()
        a = a[a.activity_id == arg]
        act = evidence_list(activity_items(a), empty="") if len(a) else _bad()
    elif what == "grp":
        act = _group_detail(st, arg)
    elif what in ("country", "cell"):
        iso, _, item = arg.partition("|")
        lk = funding.links(**_flt(st))
        lk = lk[(lk.source == st["view"]) & (lk.iso3 == iso)]
        if st["role"] == "coordinator":
            lk = lk[lk.role == "coordinator"]
        if what == "cell":
            lk = lk[lk.item_id == item]
        items = [{"label": r.item_label, "detail": f"{r.country_name}: {r.role}", "id": r.item_id,
                  "table": {"activities": "activities", "projects": "funded_projects",
                            "calls": "calls"}[st["view"]], "source_urls": list(r.source_urls)}
                 for r in lk.itertuples()]
        part = html.Div([evidence_list(items, empty=f"No {VIEW_WORD[st['view']]} recorded for "
                                                    f"{iso} with the current choices."),
                         html.P("Taking part is not money received.",
                                className="small text-body-secondary mt-2 mb-0")])
    elif st["sel"]:
        part = _bad()
    return act, part, spec().to_search(st)


def _group_detail(st, grp) -> html.Div:
    a = funding.activities(**_flt(st))
    a = a[(a.kind == V.FUNDING_CALL) == (st["scope"] == "calls")]
    a = a[a.topics.map(lambda t: grp in t)] if st["group"] == "topic" else a[a.programme_label == grp]
    if a.empty:
        return _bad()
    col = "eu_contribution_eur" if st["money"] == "eu_contribution" else "budget_eur"
    title = topic_label(grp) if st["group"] == "topic" else grp
    return group_detail(title, a[a[col].notna()], a[a[col].isna()])


def _bad() -> html.P:
    return html.P("The selection in the link does not match anything with the current choices; "
                  "click a bar, country or cell to choose again.", className="small mb-0")


@callback(
    Output("funding-calls-money-graph", "figure"), Output("funding-calls-money-grid", "rowData"),
    Output("funding-calls-money-grid", "columnDefs"), Output("funding-calls-money-sources", "children"),
    Output("funding-calls-counts-graph", "figure"), Output("funding-calls-counts-grid", "rowData"),
    Output("funding-calls-counts-grid", "columnDefs"),
    Output("funding-calls-counts-sources", "children"), Output("funding-calls-note", "children"),
    Output("funding-projects-coverage", "children"), Output("funding-projects-grid", "rowData"),
    Input("funding-url-in", "data"),
)
def calls(_raw):
    """The PerMed calls (never charting a call no source evidences) and the known projects."""
    c = funding.calls()
    gap = c[c.call_id.isin(funding.UNEVIDENCED_CALLS)]
    c = c[~c.call_id.isin(funding.UNEVIDENCED_CALLS)]
    cats = [f"{r.programme}<br>{r.year}" for r in c.itertuples()]
    keys = list(c.call_id)
    money = grouped_bars_with_gaps(cats, keys, [
        ("Budget announced", list(c.budget_announced_eur), "#56B4E9"),
        ("Budget awarded", list(c.budget_awarded_eur), "#0072B2")], money=True)
    counts = grouped_bars_with_gaps(cats, keys, [
        ("Pre-proposals eligible", list(c.preproposals_eligible), "#E69F00"),
        ("Full proposals invited", list(c.full_proposals_invited), "#CC79A7"),
        ("Projects funded", list(c.projects_funded), "#009E73"),
        ("Projects in this atlas's data", list(c.n_projects_in_data), "#000000")], money=False)
    rows, cols = calls_table(c)
    src = sources_line(c.source_urls, what=f"the {len(c)} calls", release=release_info())
    note = [f"{len(c)} calls are charted. "]
    if len(gap):
        note.append("ERA PerMed 2023 is not charted: no source evidences that such a call existed "
                    "(the data keeps a row only to record the gap). ")
    note.append("Several calls have conflicting figures in their sources; the notes column of the "
                "table says which.")
    proj = funding.projects()
    cov = project_coverage_text(funding.project_coverage(funding.calls(), proj))
    return (money, rows, cols, src, counts, rows, cols, src, note, cov, project_rows(proj))


@callback(
    Output("funding-outputs-graph", "figure"), Output("funding-outputs-grid", "rowData"),
    Output("funding-outputs-grid", "columnDefs"), Output("funding-outputs-sources", "children"),
    Output("funding-outputs-missing", "children"), Output("funding-outputs-table", "rowData"),
    Output("funding-outputs-table", "columnDefs"),
    *FILTER_INPUTS, Input("funding-x", "value"), Input("funding-y", "value"),
)
def outputs(programme, kind, topic, x, y):
    """Participation beside genome figures, cohorts and nodes: a scatter and a table."""
    st = _clean(programme=programme, kind=kind, topic=topic, x=x, y=y)
    o = funding.outputs(**_flt(st))
    xc, yc = funding.PARTICIPATION_COLUMNS[st["x"]], funding.OUTPUT_COLUMNS[st["y"]]
    log_y = st["y"] in ("wgs", "genotyped")
    fig = outputs_scatter(o, xc, yc, X_CHOICES[st["x"]], Y_CHOICES[st["y"]], log_y=log_y)
    rows = outputs_rows(o)
    drawn = o[o[yc].notna()]
    grid = [r for r in rows if r["iso3"] in set(drawn.iso3)]
    cols = outputs_columns()
    missing = o[o[yc].isna()]
    miss = (html.P([html.Strong(f"{len(missing)} countries have no public figure for this output "
                                "and are not drawn: "), ", ".join(missing.name), "."])
            if len(missing) else "")
    urls = list(drawn.wgs_source_urls) if st["y"] == "wgs" else (
        list(drawn.genotyped_source_urls) if st["y"] == "genotyped" else [])
    src = (sources_line(urls, what="the genome figures drawn", release=release_info()) if urls
           else html.Small(["Counts of records in this atlas's data; every record cites its own "
                            "sources (nodes: ", html.A("infrastructures table", href="/infrastructures"),
                            "; activities, projects and calls: above on this page)."]))
    return fig, grid, cols, src, miss, rows, cols
