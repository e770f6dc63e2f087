"""The Data page's account of the release's changes and of what its figures rest on: the diff
since the previous release (corrections shown as old -> new), figures per source class, group
membership and series that fall over time."""
from __future__ import annotations

import json

import pandas as pd
from dash import html

from components import urls
from components.fmt import counted
from components.labels import CHANGE
from components.labels import GROUP as GROUP_LABELS
from pages._data_sections import _md_list, md_escape, scroll_box


def changes_block(counts: dict | None, previous: str | None, rows: list[dict]) -> list:
    """Per-table counts of rows added/changed/removed and the changed rows themselves."""
    if counts is None:
        msg = ("This is the first release: there is nothing to compare it with."
               if not previous else
               f"Changes against {previous} were not recorded for this release.")
        return [html.P(msg, id="data-changes-none")]
    head = html.Thead(html.Tr([html.Th(c, scope="col") for c in ("Table", *CHANGE.values())]))
    body = html.Tbody([html.Tr([html.Th(html.Code(t), scope="row"),
                                *[html.Td(f"{c[k]:,}", className="text-end")
                                  for k in CHANGE]])
                       for t, c in counts.items()])
    total = sum(sum(c.values()) for c in counts.values())
    out = [html.P(f"Compared with release {previous}: {counted(total, 'row')} differ in the curated "
                  "tables. Derived tables follow from these and are not listed.",
                  id="data-changes-summary"),
           scroll_box(html.Table([head, body], className="table table-sm w-auto small",
                                 id="data-changes-table"), "Changes per table")]
    by_table: dict[str, list[dict]] = {}
    for r in rows:
        by_table.setdefault(r["table"], []).append(r)
    for t, items in by_table.items():
        lines = [f"{r['change']} `{r['key']}`"
                 + (f" ({md_escape(', '.join(r['changed_columns']))})" if r["changed_columns"]
                    else "") + _correction(r) for r in items[:100]]
        if len(items) > 100:
            lines.append(f"… and {len(items) - 100} more in release\\_changes.csv")
        out.append(html.Details([html.Summary(f"{t}: {counted(len(items), 'row')}"), _md_list(lines)],
                                className="mb-1"))
    changes = urls.api("/release/changes")
    out.append(html.P(["All of them: ",
                       html.A("release_changes.csv",
                              href=urls.table_download("latest", "release_changes", "csv")),
                       " or ", html.A(changes, href=changes, target="_blank"), "."],
                      className="small mt-2"))
    return out


def _correction(r: dict) -> str:
    """' — value: old → new; …' for the changed single values of a row (lists left out)."""
    try:
        before, after = json.loads(r.get("before") or "{}"), json.loads(r.get("after") or "{}")
    except ValueError:
        return ""
    parts = [f"{md_escape(c)}: {md_escape(str(before.get(c)))} → {md_escape(str(after.get(c)))}"
             for c in r["changed_columns"]
             if not isinstance(after.get(c), list) and not isinstance(before.get(c), list)
             and not c.startswith("as_of_") and c != "quote_or_basis"]
    return (" — " + "; ".join(parts)) if parts else ""


def quality_block(by_class: dict[str, int], labels: dict[str, str], members, falling) -> list:
    """Figures per source class, the groups' membership with dates, and falling series."""
    n = sum(by_class.values())
    out = [html.P(f"The {n:,} genome figures by the best class of source each rests on: "
                  + "; ".join(f"{labels[c]}: {k:,}" for c, k in by_class.items()) + ".",
                  id="data-source-classes")]
    lines = []
    for gid, g in members.groupby("group_id", sort=False):
        names = ", ".join(r.name + (f" (from {str(r.member_from)[:10]})"
                                    if pd.notna(r.member_from) else "") for r in g.itertuples())
        lines.append(f"**{md_escape(GROUP_LABELS.get(gid, gid))}** ({len(g)}): {md_escape(names)}")
    out += [html.H3("Groups every total sums", className="h6 mt-3"),
            html.Details([html.Summary(f"{len(lines):,} groups and their member countries — show"),
                          _md_list(lines)], id="data-groups")]
    if falling is None or falling.empty:
        out.append(html.P("No programme's cumulative figures fall over time in this release.",
                          id="data-falling-none"))
    else:
        out.append(_md_list([f"{r.country_iso3} {md_escape(r.programme)} {md_escape(r.metric)}: "
                             f"{r.from_value:,} ({r.from_as_of}) then {r.to_value:,} "
                             f"({r.to_as_of})" for r in falling.itertuples()]))
    return out
