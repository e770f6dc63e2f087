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

#: A total's figure shrinks with a phone's width rather than leave its half-width card.
_KPI_VALUE = {"fontSize": "clamp(1.25rem, 6vw, 1.75rem)", "overflowWrap": "anywhere"}


def kpis(s: dict | None = None) -> dbc.Row:
    """Totals of the selection; the participant sum is labelled as overlapping, never a head count.
    Without ``s``: the same cards with "…" for every figure (the skeleton the page starts with)."""
    def card(value, label, note, id_):
        return dbc.Col(html.Div([html.Div(value, className="kpi-value", style=_KPI_VALUE),
                                 html.Div(label, className="kpi-label small"),
                                 html.Div(note, className="small text-body-secondary")],
                                className="card kpi-card bg-white p-2 h-100", id=id_),
                       xs=6, xl=3, className="mb-2")

    if s is None:
        return dbc.Row([card("…", label, "…", f"cohorts-kpi-{key}")
                        for key, label in KPI_LABELS.items()], className="g-2", id="cohorts-kpis-skeleton")
    psum = s.get("participants_sum")
    return dbc.Row([
        card(f"{s['n_cohorts']:,}", KPI_LABELS["cohorts"], f"{s['n_multi_country']:,} multi-country (counted once)"
             + (f"; {s['n_no_country']} with no country listed" if s.get("n_no_country") else ""),
             "cohorts-kpi-cohorts"),
        card(NO_FIGURE if psum is None else f"{psum:,}", KPI_LABELS["participants"],
             f"over {s['n_with_participants']:,} cohorts with a figure; rows overlap, so this is not a "
             "head count", "cohorts-kpi-participants"),
        card(f"{s['data_types'].get('wgs', 0):,}", KPI_LABELS["wgs"],
             f"{s['data_types'].get(L.EHR_LINKAGE, 0):,} link to health records", "cohorts-kpi-wgs"),
        card(f"{s.get('n_with_access_url', 0):,}", KPI_LABELS["access"],
             "see “Where to apply” in the table", "cohorts-kpi-access"),
    ], className="g-2")


def overlap_note(total: int | None = None) -> list:
    """Why participants are never added up (``total``: the rows the atlas lists; None: "…")."""
    n = "…" if total is None else f"{total:,}"
    return [html.Strong("Participants overlap and are not additive. "),
            f"The atlas lists {n} rows; several are repositories or consortia holding others "
            "(the Danish National Biobank holds other collections; EPIC contains E3N). "
            "Multi-country cohorts are counted once in totals and once per country on the map."]


#: The totals' cards, by id suffix: what each counts.
KPI_LABELS = {"cohorts": "cohorts", "participants": "participants, summed as sourced",
              "wgs": "hold whole genomes (WGS)", "access": "with a recorded access route"}


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

_COUNT = {"function": "params.value == null ? '' : d3.format(',')(params.value)"}
_FIGURE = {"function": f"params.value == null ? '{NO_FIGURE}' : d3.format(',')(params.value)"}
#: "Show as table" of the map: field -> (header, column options). Internal ids stay in the CSV only.
MAP_TABLE = {
    "country": ("Country", {"pinned": "left", "width": 150}),
    "iso3": ("ISO3", {"width": 90}),
    "n_cohorts": ("Cohorts", {"valueFormatter": _COUNT, "type": "numericColumn", "width": 110}),
    "n_multi_country": ("of them multi-country", {"valueFormatter": _COUNT, "type": "numericColumn",
                                                  "width": 140}),
    "participants_single_country_cohorts": (
        "Participants in single-country cohorts (overlapping)",
        {"valueFormatter": _FIGURE, "type": "numericColumn", "width": 200}),
    "single_country_cohorts_without_figure": (
        "Single-country cohorts without a figure",
        {"valueFormatter": _COUNT, "type": "numericColumn", "width": 160}),
    "on_map": ("On the map", {"valueFormatter": {"function": "params.value ? 'yes' : 'no'"},
                              "width": 100}),
    "cohorts": ("Cohorts in the selection", {"width": 360, "tooltipField": "cohorts"}),
    "cohort_ids": ("Cohort ids", {"hide": True}),
}
#: "Show as table" of the data-type bars.
TYPES_TABLE = {
    "label": ("Data type", {"pinned": "left", "width": 170}),
    "n_cohorts": ("Cohorts", {"valueFormatter": _COUNT, "type": "numericColumn", "width": 110}),
    "cohorts": ("Cohorts holding it", {"width": 420, "tooltipField": "cohorts"}),
    "data_type": ("Code", {"hide": True}),
    "cohort_ids": ("Cohort ids", {"hide": True}),
}


def table_columns(spec: dict) -> list[dict]:
    """AG Grid column definitions of a "show as table" grid: every column has a header, counts
    have thousands separators, internal ids are hidden (the CSV keeps them: see csv_params)."""
    return [{"field": f, "headerName": h, "wrapHeaderText": True, "autoHeaderHeight": True, **kw}
            for f, (h, kw) in spec.items()]


def csv_params(prefix: str) -> dict:
    """The table's CSV: every column, hidden ids included, under the card's file name."""
    return {"fileName": f"{prefix}.csv", "allColumns": True}


def cohort_names(ids, names: dict[str, str]) -> str:
    """The cohorts' names for a table cell, in the order given (an unknown id stays as it is)."""
    return "; ".join(names.get(i, i) for i in ids)


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
