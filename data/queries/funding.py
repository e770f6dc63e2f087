"""Funded activities, their sourced budgets, who takes part, the ERA PerMed / EP PerMed calls and
the funded research projects known so far.

Rules that reach the screen:
- A missing budget is counted as missing, never summed as zero; every sum says "n of N".
- Funding calls are never summed with the projects and partnerships: a call's money is part of the
  activities it funds (``scope``).
- ``budget_eur`` and ``eu_contribution_eur`` are different measures and are never added (``money``).
- Taking part in an activity is not money received.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

from .. import db
from .. import vocab as V
from ..memo import per_release

NO_PROGRAMME = "(no programme stated)"
#: Caller-chosen grouping -> the value ``funding_budget.sql`` switches on (allow-list).
BUDGET_GROUPS = {"programme": "programme", "topic": "topic"}
#: Caller-chosen money measure -> the value the SQL switches on (allow-list).
MONEY = {"budget": "budget", "eu_contribution": "eu_contribution"}
SCOPES = ("activities", "calls")
SOURCES = ("activities", "projects", "calls")
#: Call rows kept only to record that no source evidences the call (calls.csv notes say so):
#: never charted or counted as a call.
UNEVIDENCED_CALLS = frozenset({"era-permed-jtc2023"})
ROLES = ("any", "coordinator")


def _lst(values):
    if values is None:
        return None
    return [values] if isinstance(values, str) else [str(v) for v in values]


def _filters(programmes=None, kinds=None, topics=None) -> dict:
    return {"programmes": _lst(programmes), "kinds": _lst(kinds), "topics": _lst(topics)}


def activities(programmes=None, kinds=None, topics=None) -> pd.DataFrame:
    """Activities matching the filters (see data/sql/funding_activities.sql for the columns)."""
    return db.query("funding_activities", **_filters(programmes, kinds, topics))


def budget(group: str = "programme", money: str = "budget", scope: str = "activities",
           programmes=None, kinds=None, topics=None) -> tuple[pd.DataFrame, dict]:
    """Sourced budgets per group, and the total.

    Returns ``(groups, total)``. ``groups`` columns: grp, n_total, n_with_budget, amount_eur (NaN
    when no activity of the group has a published figure), with_budget_ids, missing_budget_ids,
    source_urls. ``total``: ``{"amount_eur", "n_with_budget", "n_total", "missing_ids"}`` — always
    computed per programme, which partitions the activities (topic groups overlap).
    Raises ValueError for a group, money or scope outside the allow-lists.
    """
    if group not in BUDGET_GROUPS or money not in MONEY or scope not in SCOPES:
        raise ValueError("unknown budget grouping, money measure or scope")
    params = dict(money=MONEY[money], scope=scope, funding_call=V.FUNDING_CALL,
                  **_filters(programmes, kinds, topics))
    by_prog = db.query("funding_budget", grouping=BUDGET_GROUPS["programme"], **params)
    groups = (by_prog if group == "programme"
              else db.query("funding_budget", grouping=BUDGET_GROUPS[group], **params))
    n_with = int(by_prog.n_with_budget.sum()) if len(by_prog) else 0
    total = {
        "amount_eur": float(by_prog.amount_eur.sum()) if n_with else None,
        "n_with_budget": n_with,
        "n_total": int(by_prog.n_total.sum()) if len(by_prog) else 0,
        "missing_ids": sorted(i for lst in by_prog.missing_budget_ids for i in lst),
    }
    return groups, total


def timeline_rows(acts: pd.DataFrame, today: dt.date) -> pd.DataFrame:
    """Rows of the activity timeline (pure; no query).

    Adds: bar_start (first day of the start period), bar_end (last day of the end period; ``today``
    when no end is stated and the start is not after today), open_ended (no end date stated),
    drawable (False when the start date is unknown: such rows cannot be placed and are listed).
    """
    out = acts.copy()
    starts = [pd.Timestamp(d) if d is not None and not pd.isna(d) else None
              for d in out.start_date_first]
    ends = [pd.Timestamp(d) if d is not None and not pd.isna(d) else None
            for d in out.end_date_last]
    t = pd.Timestamp(today)
    out["open_ended"] = pd.Series([e is None for e in ends], index=out.index, dtype=bool)
    out["drawable"] = pd.Series([s is not None for s in starts], index=out.index, dtype=bool)
    out["bar_start"] = starts
    out["bar_end"] = [e if e is not None else (max(t, s) if s is not None else None)
                      for s, e in zip(starts, ends)]
    return out


def links(programmes=None, kinds=None, topics=None) -> pd.DataFrame:
    """Who takes part in what: source ('activities' | 'projects' | 'calls'), item_id, item_label,
    iso3, country_name, role ('coordinator' | 'participant'), source_urls. Filters apply to
    activities only."""
    from .infra import name_missing_countries

    return name_missing_countries(db.query("funding_links", **_filters(programmes, kinds, topics)),
                                  "iso3", "country_name")


def items(programmes=None, kinds=None, topics=None) -> pd.DataFrame:
    """Every item a country can take part in: source, item_id, item_label, has_countries, source_urls."""
    return db.query("funding_items", **_filters(programmes, kinds, topics))


def participation(link_rows: pd.DataFrame, countries: pd.DataFrame, source: str,
                  role: str = "any") -> pd.DataFrame:
    """Per country: how many items of ``source`` it takes part in (``role='any'``) or coordinates
    (pure; no query). Every country of ``countries`` (iso3, name) gets a row (0 = none recorded);
    countries only named in the links are added. Columns: iso3, country_name, n, item_ids,
    item_labels, has_profile."""
    if source not in SOURCES or role not in ROLES:
        raise ValueError("unknown participation source or role")
    lk = link_rows[link_rows.source == source]
    if role == "coordinator":
        lk = lk[lk.role == "coordinator"]
    base = countries[["iso3", "name"]].rename(columns={"name": "country_name"}).assign(has_profile=True)
    extra = (lk[~lk.iso3.isin(base.iso3)][["iso3", "country_name"]].drop_duplicates("iso3")
             .assign(has_profile=False))
    allc = pd.concat([base, extra], ignore_index=True)
    grouped = {k: g for k, g in lk.groupby("iso3")}
    allc["n"] = [len(grouped[i]) if i in grouped else 0 for i in allc.iso3]
    allc["item_ids"] = [list(grouped[i].item_id) if i in grouped else [] for i in allc.iso3]
    allc["item_labels"] = [list(grouped[i].item_label) if i in grouped else [] for i in allc.iso3]
    return allc.sort_values("country_name", ignore_index=True)


def calls() -> pd.DataFrame:
    """The joint transnational calls with n_projects_in_data and project_ids_in_data
    (see data/sql/funding_calls.sql)."""
    return db.query("funding_calls")


def projects() -> pd.DataFrame:
    """Funded research projects with matched_call_id (see data/sql/funding_projects.sql)."""
    return db.query("funding_projects")


def project_coverage(call_rows: pd.DataFrame, project_rows: pd.DataFrame) -> dict:
    """How much of what the calls funded the project list covers (pure; no query).

    ``published_total``: the sum of ``projects_funded`` over the calls where it is published
    (``published_calls``: their ids and counts); ``in_data_from_published``: projects in the data
    matched to those calls; ``in_data``: all projects in the data; ``unknown_count_calls``: calls
    with projects in the data but no published count; ``unmatched``: projects not matched to a call
    (call not stated, or a support action outside the calls).
    """
    known = call_rows[call_rows.projects_funded.notna()]
    unknown = call_rows[call_rows.projects_funded.isna() & (call_rows.n_projects_in_data > 0)]
    return {
        "published_total": int(known.projects_funded.sum()),
        "published_calls": [(r.call_id, int(r.projects_funded)) for r in known.itertuples()],
        "in_data_from_published": int(known.n_projects_in_data.sum()),
        "in_data": len(project_rows),
        "unknown_count_calls": [(r.call_id, int(r.n_projects_in_data)) for r in unknown.itertuples()],
        "unmatched": list(project_rows[project_rows.matched_call_id.isna()].project_id),
    }


@per_release
def facets() -> dict[str, list[str]]:
    """Filter choices from the activity table: ``programmes`` (labels, incl. NO_PROGRAMME),
    ``kinds``, ``topics``; cached per data release."""
    a = activities()
    return {"programmes": sorted(a.programme_label.unique()),
            "kinds": sorted(a.kind.unique()),
            "topics": sorted({t for lst in a.topics for t in lst})}


#: Output columns of ``outputs`` a caller may plot (allow-list: key -> column).
OUTPUT_COLUMNS = {"nodes": "n_infra_nodes", "cohorts": "n_cohorts", "wgs": "wgs_value",
                  "genotyped": "genotyped_value"}
PARTICIPATION_COLUMNS = {"activities": "n_activities", "projects": "n_projects", "calls": "n_calls"}


def outputs(programmes=None, kinds=None, topics=None) -> pd.DataFrame:
    """Per profiled country: participation counts beside its genome figures, cohorts and nodes.

    Columns: iso3, name, n_activities, n_coordinated (activities it coordinates), n_projects,
    n_calls, wgs_value / wgs_as_of / wgs_source_urls, genotyped_value / _as_of / _source_urls
    (latest cumulative figures, NaN when there is no public figure), n_cohorts, n_infra_nodes.
    Participation counts are records in the data, not money received.
    """
    from . import countries as countries_q

    cs = countries_q.country_summary()
    lk = links(programmes, kinds, topics)
    base = cs[["iso3", "name"]]
    acts = participation(lk, base, "activities")
    coord = participation(lk, base, "activities", role="coordinator")
    projs = participation(lk, base, "projects")
    calls_ = participation(lk, base, "calls")
    out = cs[["iso3", "name", "wgs_value", "wgs_as_of", "wgs_source_urls", "genotyped_value",
              "genotyped_as_of", "genotyped_source_urls", "n_cohorts", "n_infra_nodes"]].copy()
    for col, frame in (("n_activities", acts), ("n_coordinated", coord), ("n_projects", projs),
                       ("n_calls", calls_)):
        out[col] = out.iso3.map(dict(zip(frame.iso3, frame.n))).fillna(0).astype(int)
    return out.sort_values("name", ignore_index=True)
