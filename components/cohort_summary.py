"""The cohort explorer's summary of a selection: the totals (KPI cards) and the detail panel of one
cohort (every field, its sources, where else the atlas names it).

Built from plain values handed in by the page; nothing queries data.
"""
from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from . import labels as L
from .chart_card import chart_card
from .cohort_facets import ACCESS_LABEL, DATA_LABEL, DISEASE_LABEL, KIND_LABEL, RECRUITMENT_LABEL, SIZE_LABEL
from .figures.cohorts import MAP_METRICS
from .fmt import NO_FIGURE, is_missing, number, source_links


def kpis(s: dict) -> html.Div:
    """Totals of the selection; the participant sum is labelled as overlapping, never a head count."""
    def card(value, label, note, id_):
        return dbc.Col(html.Div([html.Div(value, className="kpi-value"),
                                 html.Div(label, className="kpi-label small"),
                                 html.Div(note, className="small text-body-secondary")],
                                className="kpi-card border rounded bg-white p-2 h-100", id=id_),
                       xs=6, xl=3, className="mb-2")

    psum = s.get("participants_sum")
    return dbc.Row([
        card(f"{s['n_cohorts']:,}", "cohorts", f"{s['n_multi_country']:,} multi-country (counted once)"
             + (f"; {s['n_no_country']} with no country listed" if s.get("n_no_country") else ""),
             "cohorts-kpi-cohorts"),
        card(NO_FIGURE if psum is None else f"{psum:,}", "participants, summed as sourced",
             f"over {s['n_with_participants']:,} cohorts with a figure; rows overlap, so this is not a "
             "head count", "cohorts-kpi-participants"),
        card(f"{s['data_types'].get('wgs', 0):,}", "hold whole genomes (WGS)",
             f"{s['data_types'].get(L.EHR_LINKAGE, 0):,} link to health records", "cohorts-kpi-wgs"),
        card(f"{s.get('n_with_access_url', 0):,}", "with a recorded access route",
             "see “Where to apply” in the table", "cohorts-kpi-access"),
    ], className="g-2")


def _dd(v):
    return html.Span(NO_FIGURE, className="no-figure") if v in (None, "") else v


def detail_body(row: dict, mentions: list[dict], names: dict[str, str]) -> list:
    """Every field of one cohort, its sources, confidence, notes and where it also appears."""
    codes = row.get("countries_iso3") or []
    part = row.get("participants")
    part_txt = (f"{number(part)} (as of {row['participants_as_of']})"
                if not is_missing(part) and not is_missing(row.get("participants_as_of"))
                else (f"{number(part)} (year not stated)" if not is_missing(part) else None))
    url = row.get("access_url")
    fields = [
        ("Acronym", row.get("acronym") or "—"),
        ("Countries", ", ".join(f"{names.get(c, c)} ({c})" for c in codes) or "none listed (pan-European)"),
        ("Kind", KIND_LABEL.get(row["kind"], row["kind"])),
        ("Disease focus", ", ".join(DISEASE_LABEL.get(d, d) for d in row.get("disease_focus") or []) or "—"),
        ("Participants (as sourced)", part_txt),
        ("Size band", SIZE_LABEL.get(row.get("size_band"), SIZE_LABEL["unknown"])),
        ("Whole genomes (WGS)", None if is_missing(row.get("wgs_count")) else number(row["wgs_count"])),
        ("Exomes (WES)", None if is_missing(row.get("wes_count")) else number(row["wes_count"])),
        ("Genotyped (arrays)", None if is_missing(row.get("genotyped_count")) else number(row["genotyped_count"])),
        ("Data types", ", ".join(DATA_LABEL.get(t, t) for t in row.get("data_types") or []) or "—"),
        ("Start year", "not stated" if is_missing(row.get("start_year")) else str(row["start_year"])),
        ("Recruitment", RECRUITMENT_LABEL.get(row["recruitment_status"], row["recruitment_status"])),
        ("Access model", ACCESS_LABEL.get(row["access_model"], row["access_model"])),
        ("Where to apply", html.A(url, href=url, target="_blank", rel="noopener noreferrer",
                                  id="cohorts-detail-access") if url else "no access route recorded"),
        ("Website", html.A(row["website"], href=row["website"], target="_blank", rel="noopener noreferrer")
         if row.get("website") else "—"),
        ("Confidence", row.get("confidence")),
        ("Notes", row.get("notes") or "—"),
    ]
    dl = html.Dl(sum(([html.Dt(k, className="col-sm-4"), html.Dd(_dd(v), className="col-sm-8")]
                      for k, v in fields), []), className="row small")
    also = (html.Ul([html.Li([m["name"], html.Span(f" · {m['source_table']} ({m['kind']}; mentions it by "
                                                   f"{m['matched_on']})", className="text-body-secondary")])
                     for m in mentions], className="small")
            if mentions else html.P("No infrastructure or funded activity in the atlas names this cohort.",
                                    className="small text-body-secondary"))
    multi = (html.P(f"Multi-country: listed under {len(codes)} countries, counted once in totals.",
                    className="small") if len(codes) > 1 else None)
    return [
        html.P("Participant figures overlap between cohorts (e.g. EPIC contains E3N) and are not additive.",
               className="small text-body-secondary"),
        multi, dl,
        html.H3("Sources", className="h6"), html.P(source_links(row.get("source_urls") or []), className="small"),
        html.H3("Also appears in", className="h6"), also,
    ]


CHART_PREFIXES = ("cohorts-map", "cohorts-types")


def chart_row(map_metric: str) -> dbc.Row:
    """The map of the selection per country (with its measure switch) and the data-type bars."""
    switch = html.Div([  # a Div: a bare RadioItems is falsy (no children)
        html.Span("Show", id="cohorts-map-metric-label", className="small me-2"),
        html.Div(dbc.RadioItems(
            id="cohorts-map-metric", value=map_metric, inline=True, class_name="small",
            options=[{"label": v, "value": k} for k, v in MAP_METRICS.items()]),
            role="radiogroup", className="d-inline-block",
            **{"aria-labelledby": "cohorts-map-metric-label"})], className="mb-1")
    return dbc.Row([
        dbc.Col(chart_card("cohorts-map", "Cohorts per country", sentence=(
            "Each country shows the cohorts in the selection that name it; a multi-country "
            "cohort appears in each of its countries. Click a country to add or remove it."),
            extra_controls=switch, graph_height=440), xl=7),
        dbc.Col(chart_card("cohorts-types", "Data types held", sentence=(
            "How many cohorts in the selection hold each kind of data, as their sources "
            "describe them."), graph_height=440), xl=5),
    ])
