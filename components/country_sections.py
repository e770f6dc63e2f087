"""Sections of the country profile below its head: initiatives, key indicators, the genome
figures' status, cohorts, infrastructure nodes, funded activities and milestones.

Built from the frames the page's callbacks hand over; nothing here queries data. Missing figures
read :data:`components.fmt.NO_FIGURE`; every value shown carries its source links and as-of date.
"""
from __future__ import annotations

import datetime as dt

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from . import labels as L
from .country_sources import PRINT_COHORTS
from .figures.country import short_name
from .fmt import NO_FIGURE, aged, is_missing, number, partial_date, source_links
from .labels import BASIS as BASIS_LABEL
from .labels import INFRA_KIND as KIND_LABEL
from .labels import METRIC_SHORT


def code_label(v, labels: dict) -> str:
    """The label of code ``v`` (components/labels.py), or "unknown" when it is missing."""
    return L.label(labels, v) if not is_missing(v) else "unknown"


def _prov(urls, as_of=None, extra: str = "", outdated=None) -> html.Small:
    bits = [f"as of {aged(partial_date(as_of), outdated)} · "] if as_of else []
    return html.Small([*bits, extra, *source_links(urls, limit=2)],
                      className="text-body-secondary d-block provenance")


def _table(head: list[str], rows: list, id_: str, caption: str) -> dbc.Table:
    return dbc.Table([html.Caption(caption, className="visually-hidden"),
                      html.Thead(html.Tr([html.Th(h, scope="col") for h in head])),
                      html.Tbody(rows)], id=id_, size="sm", striped=True, responsive=True,
                     className="small align-middle mb-1")


def initiatives_table(inits: pd.DataFrame, latest: pd.DataFrame) -> html.Div:
    """Initiatives with target, years and each programme's latest reported figures."""
    if not len(inits):
        return html.P("No national genome initiative is recorded for this country.",
                      className="text-body-secondary")
    rows = []
    for r in inits.itertuples():
        figs = latest[(latest.initiative_id == r.initiative_id) & (latest.metric != "target")]
        fig_cells = [html.Div([f"{number(f.value)} {METRIC_SHORT[f.metric]}"
                               + ("" if f.count_basis == "cumulative" else f" ({BASIS_LABEL[f.count_basis]})"),
                               _prov(f.source_urls, f.as_of_date,
                                     outdated=getattr(f, "may_be_outdated", None))]) for f in figs.itertuples()]
        years = f"{'' if is_missing(r.start_year) else r.start_year}–" \
                f"{'' if is_missing(r.end_year_or_target_year) else r.end_year_or_target_year}"
        rows.append(html.Tr([
            html.Td([html.Strong(short_name(r.name)), html.Div(r.name, className="small text-body-secondary")
                     if short_name(r.name) != r.name else None]),
            html.Td(code_label(r.kind, L.INITIATIVE_KIND)), html.Td(years if years != "–" else "unknown"),
            html.Td([html.Div(number(r.target_genomes) if not is_missing(r.target_genomes)
                              else "no numeric target", className="fw-semibold"),
                     html.Div(r.target_description or "", className="small")]),
            html.Td(fig_cells or html.Span(NO_FIGURE, className="no-figure")),
            html.Td(source_links(r.source_urls, limit=2))]))
    return _table(["Initiative", "Kind", "Years", "Target", "Latest reported figure", "Sources"],
                  rows, "country-initiatives-table", "National initiatives")


def indicator_rows(row) -> dict:
    """``{key: (label, value text, as-of, urls)}`` for the key-indicator list of one country."""
    def fig(prefix):
        return (number(row[f"{prefix}_value"]), row.get(f"{prefix}_as_of"),
                row.get(f"{prefix}_source_urls", []))
    per_m = row["wgs_per_million"]
    return {
        "wgs": ("Whole genomes sequenced (sum of programmes' latest cumulative figures)", *fig("wgs")),
        "wgs_per_million": ("WGS per million inhabitants",
                            NO_FIGURE if is_missing(per_m) else f"{per_m:,.1f}", row["wgs_as_of"],
                            row["wgs_source_urls"]),
        "wes": ("Exomes sequenced", *fig("wes")),
        "genotyped": ("Participants genotyped", *fig("genotyped")),
        "accessible": ("Genomes made accessible by a programme", *fig("accessible")),
        "goe_planned": ("Genome of Europe planned samples", number(row["goe_planned_samples"]),
                        row["goe_planned_as_of"], row["goe_planned_source_urls"]),
        "cohorts": ("Cohorts and biobanks listed", number(row["n_cohorts"]), None, []),
        "nodes": ("Infrastructure nodes", number(row["n_infra_nodes"]), None, []),
        "activities": ("EU activities taken part in", number(row["n_activities"]), None, []),
        "funded_projects": ("Funded research projects (partial list)",
                            number(row["n_funded_projects"]), None, []),
        "initiatives": ("National initiatives", number(row["n_initiatives"]), None, []),
    }


#: The key indicators that are a total over the country's programmes (they say what they sum).
SUMMED = ("wgs", "wes", "genotyped", "accessible")


def sums_what(row, key: str) -> str:
    """"sum of 3 programmes of Finland · " for a summed indicator with a figure, else ""."""
    n = row.get(f"{key}_n_programmes") if key in SUMMED else None
    if is_missing(n) or not n:
        return ""
    return f"sum of {int(n)} programme{'s' if int(n) != 1 else ''} of {row['name']} · "


def _cell(value, as_of, urls, extra: str = "") -> html.Td:
    cls = "no-figure" if value == NO_FIGURE else "fw-semibold"
    return html.Td([html.Span(value, className=cls),
                    _prov(urls, as_of, extra) if (as_of or len(urls)) and value != NO_FIGURE else None])


def indicators_table(row, compare_row=None, medians: dict | None = None,
                     compare_label: str = "") -> dbc.Table:
    """Key indicators of the country, with a comparison column (another country, or medians)."""
    mine = indicator_rows(row)
    other = indicator_rows(compare_row) if compare_row is not None else None
    head = ["Indicator", row["name"]] + ([compare_label] if compare_label else [])
    rows = []
    for key, (label, value, as_of, urls) in mine.items():
        cells = [html.Th(label, scope="row", className="fw-normal"),
                 _cell(value, as_of, urls, sums_what(row, key))]
        if other is not None:
            cells.append(_cell(*other[key][1:], sums_what(compare_row, key)))
        elif medians is not None:
            m = medians[key]
            txt = NO_FIGURE if m["value"] is None else (
                f"{m['value']:,.1f}" if key == "wgs_per_million" else number(m["value"]))
            cells.append(html.Td([html.Span(txt, className="fw-semibold"), html.Small(
                f" median of {m['n']} of {m['n_signatories']} signatories with a figure",
                className="text-body-secondary d-block")]))
        rows.append(html.Tr(cells))
    return _table(head, rows, "country-indicators-table", "Key indicators")


def figures_status(name: str, figures: pd.DataFrame) -> html.Div:
    """A plain statement of what is (not) public for the country."""
    achieved = figures[figures.metric != "target"] if len(figures) else figures
    if not len(figures):
        msg = (f"No public figure: no source gives a count of genomes sequenced, exomes or "
               f"genotyped participants for {name}, nor a target.")
    elif not len(achieved):
        msg = f"Only targets are public for {name}: no source gives an achieved count."
    elif ((achieved.metric == L.WGS_SEQUENCED) & (achieved.count_basis == "cumulative")).any():
        return html.Div(id="country-genomes-status-msg")
    else:
        shown = sorted({f"{METRIC_SHORT[m]} ({b})" for m, b in zip(achieved.metric,
                                                                  achieved.count_basis)})
        msg = (f"No public total of whole genomes sequenced for {name}. Shown: {', '.join(shown)}. "
               "Annual, proxy and subset figures keep their label and are never added up.")
    return dbc.Alert(msg, color="secondary", className="small py-2 mb-2",
                     id="country-genomes-status-msg")


def cohorts_table(cohorts: pd.DataFrame) -> html.Div:
    if not len(cohorts):
        return html.P("No cohort or biobank in this country is listed.", className="text-body-secondary")
    rows = []
    for r in cohorts.itertuples():
        size = (html.Span(NO_FIGURE, className="no-figure") if is_missing(r.participants) else
                [number(r.participants), html.Small(
                    f" ({r.participants_as_of})" if not is_missing(r.participants_as_of)
                    else " (year not given)")])
        multi = f" · {len(r.countries_iso3)} countries" if r.multi_country else ""
        access = (html.A("access page", href=r.access_url, target="_blank", rel="noopener noreferrer")
                  if isinstance(r.access_url, str) and r.access_url else "no access page public")
        rows.append(html.Tr([html.Td([r.name, html.Small(multi, className="text-body-secondary")]),
                             html.Td(code_label(r.kind, L.COHORT_KIND)), html.Td(size),
                             html.Td(", ".join(code_label(t, L.DATA_TYPE) for t in r.data_types) or "unknown"),
                             html.Td(code_label(r.access_model, L.ACCESS_MODEL)), html.Td(access),
                             html.Td(source_links(r.source_urls, limit=2))]))
    return html.Div([
        _table(["Cohort", "Kind", "Participants", "Data types", "Access model", "Access",
                "Sources"], rows, "country-cohorts-table", "Cohorts in this country"),
        html.P("Cohorts overlap (a biobank may hold other collections): participants are not "
               "added up.", className="small text-body-secondary mb-0"),
        html.P(f"This printed brief lists the {PRINT_COHORTS} largest of {len(cohorts)} cohorts; "
               "the full list is online.", className="small d-none d-print-block mb-0")
        if len(cohorts) > PRINT_COHORTS else None])


def infra_list(nodes: pd.DataFrame) -> html.Div:
    """Nodes grouped by kind, then status; nodes without a public location are marked."""
    if not len(nodes):
        return html.P("No research-infrastructure node is listed in this country.",
                      className="text-body-secondary")
    kinds = []
    for kind, g in nodes.groupby("kind", sort=True):
        items = []
        for status, gs in g.groupby("status", sort=True):
            names = []
            for r in gs.itertuples():
                where = L.LOCATION_NOTE.get(r.location_precision, "")
                names.append(html.Li([r.name, f" ({r.city})" if isinstance(r.city, str) else "",
                                      html.Small(where, className="text-body-secondary"), " ",
                                      *source_links(r.source_urls, limit=1)]))
            items.append(html.Li([html.Span(code_label(status, L.INFRA_STATUS), className="fw-semibold"),
                                  html.Ul(names, className="mb-1")]))
        kinds.append(html.Li([html.Strong(f"{code_label(kind, KIND_LABEL)} ({len(g)})"),
                              html.Ul(items, className="list-unstyled ms-2")]))
    return html.Ul(kinds, className="small mb-0", id="country-infra-list")


def activities_table(acts: pd.DataFrame) -> html.Div:
    if not len(acts):
        return html.P("This country takes part in none of the listed funded activities.",
                      className="text-body-secondary")
    rows = []
    for r in acts.itertuples():
        title = r.acronym if isinstance(r.acronym, str) and r.acronym else short_name(r.name)
        when = f"{partial_date(r.start_date)} – " + (partial_date(r.end_date) if isinstance(
            r.end_date, str) else "")
        prog = " · ".join(x for x in (r.programme, r.call) if isinstance(x, str) and x)
        rows.append(html.Tr([html.Td([html.Strong(title), html.Div(r.name, className="small")
                                      if title != r.name else None]),
                             html.Td(code_label(r.kind, L.ACTIVITY_KIND)), html.Td(prog or "—"), html.Td(when),
                             html.Td(r.role), html.Td(source_links(r.source_urls, limit=2))]))
    return _table(["Activity", "Kind", "Programme / call", "Dates", "Role", "Sources"], rows,
                  "country-activities-table", "Funded activities")


def milestones_list(ms: pd.DataFrame, today: dt.date | None = None) -> html.Div:
    if not len(ms):
        return html.P("No milestone of the initiative names this country.",
                      className="text-body-secondary")
    today = today or dt.date.today()
    items = [html.Li([html.Strong(partial_date(r.date)),
                      " (planned) " if pd.Timestamp(r.date_last).date() > today else " ",
                      f"— {r.title}. ", *source_links(r.source_urls, limit=2)])
             for r in ms.itertuples()]
    return html.Ul(items, className="small mb-0", id="country-milestones-list")
