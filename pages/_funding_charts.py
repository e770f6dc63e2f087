"""Callbacks of /funding that fill its charts and their tables: the activity timeline, sourced
budgets, participation (map and matrix), the PerMed calls and projects, and money next to
outputs. Each draws from the cleaned filters (``_funding_state``)."""
from __future__ import annotations

import datetime as dt

from dash import Input, Output, callback, html

from components.chart_card import card_outputs, card_values
from components.figures.funding import (
    budget_figure,
    grouped_bars_with_gaps,
    outputs_scatter,
    participation_map,
    participation_matrix,
    timeline_figure,
    topic_label,
)
from components.funding_sections import MONEY, X_CHOICES, Y_CHOICES
from components.funding_views import (
    budget_table,
    budget_total_label,
    calls_table,
    coverage_note,
    outputs_columns,
    outputs_rows,
    participation_list,
    participation_table,
    project_coverage_text,
    project_rows,
    timeline_table,
    undrawn_note,
)
from components.infra_views import sources_line
from data.queries import funding, infra
from data.queries.release import release_info
from pages._funding_state import FILTER_INPUTS, VIEW_WORD, clean, flt

ROW_PX = 24


@callback(output={**card_outputs("funding-timeline", "style"),
                  "note": Output("funding-timeline-note", "children")},
          inputs=FILTER_INPUTS)
def timeline(programme, kind, topic, today: dt.date | None = None):
    """The activity timeline with today marked; activities without a start date are listed."""
    st = clean(programme=programme, kind=kind, topic=topic)
    rows = funding.timeline_rows(funding.activities(**flt(st)), today or dt.date.today())
    fig = timeline_figure(rows, today or dt.date.today())
    height = max(260, ROW_PX * (int(rows.drawable.sum()) + rows[rows.drawable].programme_label.nunique()) + 120)
    fig.update_layout(height=height)
    grid, cols = timeline_table(rows)
    src = sources_line(rows.source_urls, what=f"the {len(rows)} activities", release=release_info())
    return {**card_values(fig, grid, cols, src, style={"height": f"{height}px"}),
            "note": undrawn_note(rows)}


@callback(output={**card_outputs("funding-budget", "style"),
                  "total": Output("funding-budget-total", "children"),
                  "note": Output("funding-budget-note", "children")},
          inputs=[*FILTER_INPUTS, Input("funding-group", "value"), Input("funding-money", "value"),
                  Input("funding-scope", "value")])
def budget(programme, kind, topic, group, money, scope):
    """Sourced budgets per programme or topic, with the "n of N" total."""
    st = clean(programme=programme, kind=kind, topic=topic, group=group, money=money, scope=scope)
    groups, total = funding.budget(st["group"], st["money"], st["scope"], **flt(st))
    label = MONEY[st["money"]]
    fig = budget_figure(groups, topic_label if st["group"] == "topic" else str)
    height = max(240, 40 * len(groups) + 90)  # two-line labels need 40 px a row
    fig.update_layout(height=height)
    acts = funding.activities()
    grid, cols = budget_table(groups, st["group"], label, dict(zip(acts.activity_id, acts.name)))
    src = sources_line([u for u in groups.source_urls], what="the activities with a budget",
                       release=release_info())
    note = ("Funding calls are summed separately: their money is part of the projects and "
            "partnerships they fund, so the two are never added. ")
    if st["group"] == "topic":
        note += "An activity with several topics counts under each, so topic bars do not add up to the total."
    return {**card_values(fig, grid, cols, src, style={"height": f"{height}px"}),
            "total": budget_total_label(total, label, st["scope"]), "note": note}


@callback(output={**card_outputs("funding-map", name="map"),
                  **card_outputs("funding-matrix", "style", name="matrix"),
                  "note": Output("funding-part-note", "children"),
                  "matrix_list": Output("funding-matrix-list", "children")},
          inputs=[*FILTER_INPUTS, Input("funding-view", "value"), Input("funding-role", "value")])
def participation(programme, kind, topic, view, role):
    """Country participation: a map of counts and the country × item matrix."""
    st = clean(programme=programme, kind=kind, topic=topic, view=view, role=role)
    links = funding.links(**flt(st))
    items = funding.items(**flt(st))
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
    src = sources_line(lk.source_urls, what=f"the {what} counted", release=release_info())
    shown_items = items[items.has_countries]
    mx = participation_matrix(lk, counts[["iso3", "country_name"]], shown_items)
    height = max(300, 22 * len(counts) + 200)
    mx.update_layout(height=height)
    off_map = counts[(counts.n > 0) & ~counts.iso3.isin(set(outline))]
    note = coverage_note(items, what)
    if len(off_map):
        note += " Outside the map: " + "; ".join(f"{r.country_name} ({r.n})"
                                                for r in off_map.itertuples()) + "."
    return {**card_values(mfig, mrows, mcols, src, name="map"),
            **card_values(mx, mrows, mcols, src, name="matrix", style={"height": f"{height}px"}),
            "note": note,
            "matrix_list": participation_list(lk, counts[["iso3", "country_name"]], shown_items)}


@callback(output={**card_outputs("funding-calls-money", name="money"),
                  **card_outputs("funding-calls-counts", name="counts"),
                  "note": Output("funding-calls-note", "children"),
                  "coverage": Output("funding-projects-coverage", "children"),
                  "projects": Output("funding-projects-grid", "rowData")},
          inputs={"_raw": Input("funding-url-in", "data")})
def calls(_raw):
    """The PerMed calls (never charting a call no source evidences) and the known projects."""
    c = funding.calls()
    gap = c[c.call_id.isin(funding.UNEVIDENCED_CALLS)]
    c = c[~c.call_id.isin(funding.UNEVIDENCED_CALLS)]
    cats = [f"{r.programme} {r.year}" for r in c.itertuples()]
    keys = list(c.call_id)
    money = grouped_bars_with_gaps(cats, keys, [
        ("Budget announced", list(c.budget_announced_eur), "#56B4E9"),
        ("Budget awarded", list(c.budget_awarded_eur), "#0072B2")], money=True)
    counts = grouped_bars_with_gaps(cats, keys, [
        ("Pre-proposals eligible", list(c.preproposals_eligible), "#E69F00"),
        ("Full proposals invited", list(c.full_proposals_invited), "#CC79A7"),
        ("Projects funded", list(c.projects_funded), "#009E73"),
        ("Projects in this atlas's data", list(c.n_projects_in_data), "#000000")], money=False)
    proj = funding.projects()
    rows, cols = calls_table(c, dict(zip(proj.project_id, proj.label)))
    src = sources_line(c.source_urls, what=f"the {len(c)} calls", release=release_info())
    note = [f"{len(c)} calls are charted. "]
    if len(gap):
        note.append("ERA PerMed 2023 is not charted: no source evidences that such a call existed "
                    "(the data keeps a row only to record the gap). ")
    note.append("Several calls have conflicting figures in their sources; the notes column of the "
                "table says which.")
    cov = project_coverage_text(funding.project_coverage(funding.calls(), proj))
    return {**card_values(money, rows, cols, src, name="money"),
            **card_values(counts, rows, cols, src, name="counts"),
            "note": note, "coverage": cov, "projects": project_rows(proj)}


@callback(output={**card_outputs("funding-outputs"),
                  "missing": Output("funding-outputs-missing", "children"),
                  "table_rows": Output("funding-outputs-table", "rowData"),
                  "table_cols": Output("funding-outputs-table", "columnDefs")},
          inputs=[*FILTER_INPUTS, Input("funding-x", "value"), Input("funding-y", "value")])
def outputs(programme, kind, topic, x, y):
    """Participation beside genome figures, cohorts and nodes: a scatter and a table."""
    st = clean(programme=programme, kind=kind, topic=topic, x=x, y=y)
    o = funding.outputs(**flt(st))
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
    return {**card_values(fig, grid, cols, src), "missing": miss, "table_rows": rows,
            "table_cols": cols}
