"""Table views and sentences of the funding page: the rows behind each chart (CSV of exactly what
is drawn, with source columns) and the statements of coverage a funder must read."""
from __future__ import annotations

import pandas as pd
from dash import html

from components.cells import joined
from components.chart_key import matrix_list
from components.figures.funding import KIND_LABEL, euro, short, topic_label
from components.fmt import NO_FIGURE, partial_date
from components.infra_tables import NUMBER_FORMATTER, evidence_list, hidden_cols, source_cells, sources_column


def _s(v) -> str:
    return v if isinstance(v, str) else ""


def _num(v):
    return None if v is None or pd.isna(v) else float(v)


def money_col(field: str, header: str) -> dict:
    return {"field": field, "headerName": header, "type": "numericColumn",
            "valueFormatter": NUMBER_FORMATTER, "minWidth": 150}


def timeline_table(rows: pd.DataFrame):
    out = [{"activity_id": r.activity_id, "name": r.name, "kind": KIND_LABEL.get(r.kind, r.kind),
            "programme": r.programme_label, "start_date": _s(r.start_date) or "not stated",
            "end_date": _s(r.end_date) or "not stated",
            "drawn": ("yes" if r.drawable else "no (start date not stated)")
            + (" — open-ended, drawn up to today" if r.drawable and r.open_ended else ""),
            "source_urls": joined(r.source_urls)} for r in rows.itertuples()]
    cols = [{"field": "name", "headerName": "Activity", "pinned": "left", "minWidth": 180},
            {"field": "kind", "headerName": "Kind"}, {"field": "programme", "headerName": "Programme"},
            {"field": "start_date", "headerName": "Start"}, {"field": "end_date", "headerName": "End"},
            {"field": "drawn", "headerName": "On the timeline", "minWidth": 200},
            {"field": "source_urls", "headerName": "Source URLs", "minWidth": 300}]
    return out, cols


def undrawn_note(rows: pd.DataFrame) -> html.P:
    und = rows[~rows.drawable]
    if rows.empty:
        return html.P("No activity matches these filters; clear a filter to see more.",
                      className="small mb-0")
    if und.empty:
        return html.P("Every activity shown has a start date.", className="small mb-0")
    names = "; ".join(und.label)
    return html.P([html.Strong(f"{len(und)} of {len(rows)} activities have no start date stated "
                               "and cannot be placed on the timeline: "), names, "."],
                  className="small mb-0", id="funding-timeline-undrawn")


def budget_table(groups: pd.DataFrame, group: str, money_label: str, names: dict | None = None):
    """One row per group; ``names`` (activity id -> name) puts the activities' names on screen
    (their ids stay in the rows)."""
    lab = topic_label if group == "topic" else str
    names = names or {}
    out = [{"group": lab(r.grp), "amount_eur": _num(r.amount_eur),
            "with_budget": int(r.n_with_budget), "activities": int(r.n_total),
            "without_budget": int(r.n_total - r.n_with_budget),
            "with_budget_ids": joined(r.with_budget_ids),
            "missing_budget_ids": joined(r.missing_budget_ids),
            "with_budget_names": joined(names.get(i, i) for i in r.with_budget_ids),
            "missing_budget_names": joined(names.get(i, i) for i in r.missing_budget_ids),
            "source_urls": joined(dict.fromkeys(r.source_urls))} for r in groups.itertuples()]
    cols = [{"field": "group", "headerName": group.capitalize(), "minWidth": 200},
            money_col("amount_eur", f"{money_label} (sum of published, €)"),
            {"field": "with_budget", "headerName": "With a published figure", "type": "numericColumn"},
            {"field": "activities", "headerName": "Activities", "type": "numericColumn"},
            {"field": "without_budget", "headerName": "Without (not summed)", "type": "numericColumn"},
            {"field": "with_budget_names", "headerName": "Activities with a published figure",
             "minWidth": 240},
            {"field": "missing_budget_names", "headerName": "Activities without", "minWidth": 240},
            {"field": "source_urls", "headerName": "Source URLs", "minWidth": 300}]
    return out, cols


def budget_total_label(total: dict, money_label: str, scope: str) -> str:
    what = "funding calls" if scope == "calls" else "activities"
    n, N = total["n_with_budget"], total["n_total"]
    if N == 0:
        return f"No {what} match these filters, so there is nothing to sum."
    amount = euro(total["amount_eur"]) if n else NO_FIGURE
    return (f"{amount} in total — {money_label} of {what} with a published budget "
            f"({n} of {N}); the other {N - n} have no published figure and are not counted as zero.")


def participation_table(links: pd.DataFrame, counts: pd.DataFrame, what: str):
    rows = []
    for c in counts.itertuples():
        lk = links[links.iso3 == c.iso3]
        urls = list(dict.fromkeys(u for lst in lk.source_urls for u in lst))
        rows.append({"country": c.country_name, "iso3": c.iso3, "n": int(c.n),
                     "coordinates": int((lk.role == "coordinator").sum()),
                     "items": joined(lk.item_label), "item_ids": joined(lk.item_id),
                     "source_urls": joined(urls)})
    cols = [{"field": "country", "headerName": "Country", "pinned": "left", "minWidth": 130},
            {"field": "iso3", "headerName": "ISO3", "maxWidth": 90},
            {"field": "n", "headerName": f"{what.capitalize()} recorded", "type": "numericColumn",
             "valueFormatter": NUMBER_FORMATTER},
            {"field": "coordinates", "headerName": "Of which coordinated", "type": "numericColumn",
             "valueFormatter": NUMBER_FORMATTER},
            {"field": "items", "headerName": what.capitalize(), "minWidth": 260},
            {"field": "source_urls", "headerName": "Source URLs", "minWidth": 300}]
    return rows, cols


def participation_list(links: pd.DataFrame, countries: pd.DataFrame, items: pd.DataFrame) -> html.Ul:
    """The country × item matrix as a list for narrow screens: per country (``countries``: iso3,
    country_name, in order) the items it coordinates (C) or takes part in (P)."""
    label = {i: short(t, 32) for i, t in zip(items.item_id, items.item_label)}
    rows = []
    for c in countries.itertuples():
        lk = links[(links.iso3 == c.iso3) & links.item_id.isin(set(label))]
        coord = sorted(label[i] for i, r in zip(lk.item_id, lk.role) if r == "coordinator")
        part = sorted(label[i] for i, r in zip(lk.item_id, lk.role) if r != "coordinator")
        entries = [(g, f"{what} ({len(v)}): " + "; ".join(v))
                   for g, what, v in (("C", "coordinates", coord), ("P", "takes part in", part)) if v]
        rows.append((c.country_name, entries, ""))
    return matrix_list(rows, empty="not recorded as taking part")


def coverage_note(items: pd.DataFrame, what: str) -> str:
    n, N = int(items.has_countries.sum()), len(items)
    if N == 0:
        return f"No {what} match these filters."
    return (f"Countries are recorded for {n} of {N} {what}; the other {N - n} name none, so a "
            "country's count is what the sources list, not necessarily all it takes part in.")


def calls_table(calls: pd.DataFrame, project_names: dict | None = None):
    """One row per call; ``project_names`` (project id -> label) names its projects in the data."""
    project_names = project_names or {}
    rows = [{"call": f"{r.programme} {r.year}", "call_id": r.call_id, "topic": _s(r.topic),
             "budget_announced_eur": _num(r.budget_announced_eur),
             "budget_awarded_eur": _num(r.budget_awarded_eur),
             "preproposals_eligible": _num(r.preproposals_eligible),
             "full_proposals_invited": _num(r.full_proposals_invited),
             "projects_funded": _num(r.projects_funded), "projects_in_data": int(r.n_projects_in_data),
             "project_ids_in_data": joined(r.project_ids_in_data),
             "projects_in_data_names": joined(project_names.get(i, i) for i in r.project_ids_in_data),
             "notes": _s(r.notes),
             "source_urls": joined(r.source_urls)} for r in calls.itertuples()]
    cols = [{"field": "call", "headerName": "Call", "pinned": "left", "minWidth": 140},
            {"field": "topic", "headerName": "Topic", "minWidth": 260},
            money_col("budget_announced_eur", "Budget announced (€)"),
            money_col("budget_awarded_eur", "Budget awarded (€)"),
            {"field": "preproposals_eligible", "headerName": "Pre-proposals eligible",
             "valueFormatter": NUMBER_FORMATTER, "type": "numericColumn"},
            {"field": "full_proposals_invited", "headerName": "Full proposals invited",
             "valueFormatter": NUMBER_FORMATTER, "type": "numericColumn"},
            {"field": "projects_funded", "headerName": "Projects funded",
             "valueFormatter": NUMBER_FORMATTER, "type": "numericColumn"},
            {"field": "projects_in_data", "headerName": "Projects in this atlas's data",
             "valueFormatter": NUMBER_FORMATTER, "type": "numericColumn"},
            {"field": "projects_in_data_names", "headerName": "Which projects", "minWidth": 200},
            {"field": "notes", "headerName": "Notes", "minWidth": 320},
            {"field": "source_urls", "headerName": "Source URLs", "minWidth": 300}]
    return rows, cols


def project_coverage_text(cov: dict) -> str:
    parts = ", ".join(f"{c.split('-')[-1].upper()} {n}" for c, n in cov["published_calls"])
    unknown = ", ".join(f"{c.split('-')[-1].upper()} ({n} in the data)"
                        for c, n in cov["unknown_count_calls"])
    return (f"{cov['in_data']} funded research projects are in the data. The calls that publish how "
            f"many projects they funded report {cov['published_total']} in total (sum of "
            f"the published counts of {len(cov['published_calls'])} calls: {parts}); "
            f"{cov['in_data_from_published']} of those are in the data. "
            + (f"Calls without a published count: {unknown}. " if unknown else "")
            + f"{len(cov['unmatched'])} projects are not matched to a listed call (call not stated, "
            "or a Horizon 2020 / Horizon Europe support action).")


PROJECT_EXPORT = ["label", "title", "call", "programme", "start_date", "end_date",
                  "total_funding_eur", "coordinator", "partners", "topics", "confidence",
                  "project_id", "source_urls", "notes"]


def project_rows(p: pd.DataFrame) -> list[dict]:
    return [{"project_id": r.project_id, "label": r.label, "title": _s(r.title),
             "call": _s(r.call) or "not stated", "programme": r.programme,
             "start_date": partial_date(r.start_date) if _s(r.start_date) else "not stated",
             "end_date": partial_date(r.end_date) if _s(r.end_date) else "not stated",
             "total_funding_eur": _num(r.total_funding_eur),
             "coordinator": _s(r.coordinator_country_iso3) or "not stated",
             "partners": joined(r.partner_countries_iso3), "topics": joined(r.topics),
             "confidence": r.confidence, "notes": _s(r.notes),
             **source_cells(r.source_urls)} for r in p.itertuples()]


def project_columns() -> list[dict]:
    return [{"field": "label", "headerName": "Project", "pinned": "left", "minWidth": 150},
            {"field": "title", "headerName": "Title", "minWidth": 260},
            {"field": "call", "headerName": "Call", "minWidth": 160},
            {"field": "programme", "headerName": "Programme"},
            {"field": "start_date", "headerName": "Start"}, {"field": "end_date", "headerName": "End"},
            money_col("total_funding_eur", "Total funding (€)"),
            {"field": "coordinator", "headerName": "Coordinator (ISO3)"},
            {"field": "partners", "headerName": "Partners (ISO3)"},
            {"field": "topics", "headerName": "Topics"},
            {"field": "confidence", "headerName": "Confidence"},
            sources_column(220), *hidden_cols(["project_id", "source_urls", "notes"])]


def outputs_rows(o: pd.DataFrame) -> list[dict]:
    return [{"country": r.name, "iso3": r.iso3, "n_activities": int(r.n_activities),
             "n_coordinated": int(r.n_coordinated), "n_projects": int(r.n_projects),
             "n_calls": int(r.n_calls), "wgs_value": _num(r.wgs_value),
             "wgs_as_of": _s(r.wgs_as_of), "wgs_source_urls": joined(r.wgs_source_urls),
             "genotyped_value": _num(r.genotyped_value), "genotyped_as_of": _s(r.genotyped_as_of),
             "genotyped_source_urls": joined(r.genotyped_source_urls),
             "n_cohorts": int(r.n_cohorts), "n_infra_nodes": int(r.n_infra_nodes)}
            for r in o.itertuples()]


def outputs_columns() -> list[dict]:
    n = {"type": "numericColumn", "maxWidth": 150}
    return [{"field": "country", "headerName": "Country", "pinned": "left", "minWidth": 130},
            {"field": "iso3", "headerName": "ISO3", "maxWidth": 90},
            {"field": "n_activities", "headerName": "Funded activities", **n},
            {"field": "n_coordinated", "headerName": "Coordinates", **n},
            {"field": "n_projects", "headerName": "Research projects", **n},
            {"field": "n_calls", "headerName": "Calls joined", **n},
            {"field": "wgs_value", "headerName": "Whole genomes sequenced", "type": "numericColumn",
             "valueFormatter": NUMBER_FORMATTER, "minWidth": 150},
            {"field": "wgs_as_of", "headerName": "WGS as of"},
            {"field": "genotyped_value", "headerName": "Participants genotyped",
             "type": "numericColumn", "valueFormatter": NUMBER_FORMATTER, "minWidth": 150},
            {"field": "genotyped_as_of", "headerName": "Genotyped as of"},
            {"field": "n_cohorts", "headerName": "Cohorts", **n},
            {"field": "n_infra_nodes", "headerName": "Infrastructure nodes", **n},
            {"field": "wgs_source_urls", "headerName": "WGS source URLs", "minWidth": 260},
            {"field": "genotyped_source_urls", "headerName": "Genotyped source URLs", "minWidth": 260}]


def _date(v, missing: str) -> str:
    return partial_date(v) if isinstance(v, str) and v else missing


def activity_items(a: pd.DataFrame) -> list[dict]:
    """Activity rows as evidence items (components.infra_tables.evidence_list), budgets included,
    a missing one said to be missing."""
    out = []
    for r in a.itertuples():
        bits = [KIND_LABEL.get(r.kind, r.kind), r.programme_label,
                f"{_date(r.start_date, 'start not stated')} to {_date(r.end_date, 'end not stated')}",
                "budget: " + (euro(r.budget_eur) if r.budget_eur == r.budget_eur
                              else "no published figure"),
                "EU contribution: " + (euro(r.eu_contribution_eur)
                                       if r.eu_contribution_eur == r.eu_contribution_eur
                                       else "no published figure")]
        out.append({"label": r.name, "detail": "; ".join(str(b) for b in bits),
                    "table": "activities", "id": r.activity_id, "source_urls": list(r.source_urls)})
    return out


def group_detail(title: str, have: pd.DataFrame, miss: pd.DataFrame) -> html.Div:
    """The activities of a budget group: those with a published figure, then those without."""
    n = len(have) + len(miss)
    parts = [html.H3(f"{title}: {len(have)} of {n} with a published figure", className="h6"),
             evidence_list(activity_items(have), empty="None has a published figure.")]
    if len(miss):
        parts += [html.H3(f"Without a published figure ({len(miss)}, not counted as zero)",
                          className="h6 mt-2"),
                  evidence_list(activity_items(miss), empty="")]
    return html.Div(parts)
