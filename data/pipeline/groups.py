"""Named groups of countries, their membership with dates, and every total computed per group.

A total always sums a named group (data/README.md, "Groups"):

- **EU-27**: the 27 member states (``countries.eu_member``), today's composition applied
  to every date (as Eurostat's EU27_2020 aggregates are).
- **Signatories of the 1+MG declaration** (``countries.onemg_signatory``): a country
  counts from the day it signed (``onemg_signed_date``); a partial date counts from its first day
  (``2018-09`` from 2018-09-01). A signatory whose signing date no source gives is counted from the
  release date (the first day the atlas knows it to have signed).
- **Every country in the atlas**: every row of ``countries.csv``, at every date.

Group totals carry each member's carried-forward cumulative value (``progress_by_country``) at
each date; the pipeline checks that every total equals the sum of its members' values.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

from .. import vocab as V

#: Group id -> what it sums (its name is the label of the code: components/labels.py GROUP).
DEFINITIONS = {
    V.EU27: "The 27 member states of the European Union (today's composition, at every date).",
    V.SIGNATORIES: "Countries that signed the 1+ Million Genomes declaration, each counted from "
                   "the day it signed (a month or year counts from its first day; an unknown day "
                   "from the release date).",
    V.ATLAS: "Every country the atlas covers, at every date.",
}
MEMBER_COLUMNS = ["group_id", "iso3", "name", "member_from", "member_from_basis"]
TOTAL_COLUMNS = ["group_id", "metric", "date", "value", "n_countries", "countries", "largest_iso3",
                 "largest_name", "largest_value", "largest_share"]


def groups_table(members: pd.DataFrame) -> pd.DataFrame:
    n = members.groupby("group_id").size()
    return pd.DataFrame([{"group_id": g, "definition": DEFINITIONS[g], "order": i,
                          "n_members": int(n.get(g, 0))} for i, g in enumerate(V.GROUPS)])


def group_members(countries: pd.DataFrame, release_date: dt.date) -> pd.DataFrame:
    """One row per (group, member country) with the first date it counts (None: every date)."""
    rows = []
    for c in countries.sort_values("iso3").itertuples():
        rows.append((V.ATLAS, c.iso3, c.name, None, "a country of the atlas"))
        if c.eu_member:
            rows.append((V.EU27, c.iso3, c.name, None, "EU member state"))
        if c.onemg_signatory:
            if c.onemg_signed_date_first is not None and not pd.isna(c.onemg_signed_date_first):
                rows.append((V.SIGNATORIES, c.iso3, c.name, c.onemg_signed_date_first,
                             f"signed {c.onemg_signed_date}"))
            else:
                rows.append((V.SIGNATORIES, c.iso3, c.name, release_date,
                             "signing date unknown: counted from the release date"))
    return pd.DataFrame(rows, columns=MEMBER_COLUMNS)


def _active(members: pd.DataFrame, d) -> pd.DataFrame:
    return members[members.member_from.isna() | (members.member_from <= d)]


def group_progress(members: pd.DataFrame, pbc: pd.DataFrame, countries: pd.DataFrame
                   ) -> pd.DataFrame:
    """Per (group, metric, date): the sum of the members' carried-forward values and its largest
    contributor. Dates: every date a member's value changes or a member joins."""
    names = dict(zip(countries.iso3, countries.name))
    rows = []
    for gid, metric in [(g, m) for g in V.GROUPS for m in sorted(pbc.metric.unique())]:
        mem = members[members.group_id == gid]
        grp = pbc[(pbc.metric == metric) & pbc.country_iso3.isin(mem.iso3)]
        if grp.empty:
            continue
        joins = [d for d in mem.member_from.dropna().unique() if d >= grp.date.min()]
        for d in sorted(set(grp.date.unique()) | set(joins)):
            active = set(_active(mem, d).iso3)
            known = grp[(grp.date <= d) & grp.country_iso3.isin(active)]
            latest = known.sort_values("date").groupby("country_iso3").tail(1)
            if latest.empty:
                continue
            latest = latest.sort_values(["value", "country_iso3"], ascending=[False, True])
            total = int(latest.value.sum())
            top = latest.iloc[0]
            rows.append({
                "group_id": gid, "metric": metric, "date": d, "value": total,
                "n_countries": len(latest), "countries": list(latest.country_iso3),
                "largest_iso3": top.country_iso3, "largest_name": names.get(top.country_iso3),
                "largest_value": int(top.value),
                "largest_share": round(int(top.value) / total, 4) if total else None,
            })
    return pd.DataFrame(rows, columns=TOTAL_COLUMNS)
