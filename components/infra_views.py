"""Table views of the infrastructures page: rows and column definitions for the grids behind each
chart ("show as table" / CSV of exactly what is drawn) and the sources line under a chart."""
from __future__ import annotations

from collections import Counter

import pandas as pd
from dash import html

from components.cells import joined
from components.chart_key import matrix_list
from components.figures.infra import COVERAGE, LOCATION_LABEL, STATUS_LABEL, kind_label
from components.fmt import domain, source_links
from components.infra_tables import (
    NUMBER_FORMATTER,
    YEAR_FORMATTER,
    hidden_cols,
    source_cells,
    sources_column,
)

#: Coordinates to four decimals (about 10 m), as the sources give them at most.
DEGREES = {"function": "params.value == null ? '' : d3.format('.4~f')(params.value)"}


def sources_line(url_lists, *, what: str, release: dict | None) -> html.Small:
    """'Sources: the 84 nodes drawn each cite their own (most cited: a.org ×12, …) · release X.'"""
    counts = Counter(domain(u) for lst in url_lists for u in dict.fromkeys(lst))
    first = {}
    for lst in url_lists:
        for u in lst:
            first.setdefault(domain(u), u)
    top = [first[d] for d, _n in counts.most_common(4)]
    bits: list = [f"Sources: {what}, each citing its own (in the table and CSV)"]
    if top:
        bits += ["; most cited: "] + source_links(top)
    if release:
        bits.append(f". Data release {release['release_id']}, built {release['built_date']}.")
    return html.Small(bits, className="provenance")


def map_table(located: pd.DataFrame) -> tuple[list[dict], list[dict]]:
    """The nodes drawn on the map, at their true coordinates."""
    rows = [{"infra_id": r.infra_id, "name": r.name, "kind": kind_label(r.kind),
             "status": STATUS_LABEL.get(r.status, r.status),
             "country": r.country_name if isinstance(r.country_name, str) else "",
             "city": r.city if isinstance(r.city, str) else "", "lat": r.lat, "lon": r.lon,
             "location": LOCATION_LABEL.get(r.location_precision, ""),
             "source_urls": joined(r.source_urls)} for r in located.itertuples()]
    # the node id stays in the row (selection, tests) but is not a column: labels, not internal ids
    cols = [{"field": "name", "headerName": "Node", "pinned": "left", "minWidth": 160},
            {"field": "kind", "headerName": "Kind"}, {"field": "status", "headerName": "Status"},
            {"field": "country", "headerName": "Country"}, {"field": "city", "headerName": "City"},
            {"field": "lat", "headerName": "Latitude", "type": "numericColumn", "valueFormatter": DEGREES},
            {"field": "lon", "headerName": "Longitude", "type": "numericColumn", "valueFormatter": DEGREES},
            {"field": "location", "headerName": "Location precision", "minWidth": 200},
            {"field": "source_urls", "headerName": "Source URLs", "minWidth": 300}]
    return rows, cols


def coverage_table(cov: pd.DataFrame, kinds: list[str], countries: pd.DataFrame,
                   part: pd.DataFrame) -> tuple[list[dict], list[dict]]:
    """One row per country: the coverage of each kind, the participation counts, node ids, sources."""
    p = part.set_index("iso3")
    rows = []
    for c in countries.itertuples():
        sub = cov[cov.iso3 == c.iso3].set_index("kind")
        row = {"country": c.name, "iso3": c.iso3}
        ids, names, urls = [], [], []
        for k in kinds:
            r = sub.loc[k] if k in sub.index else None
            if r is None or r.coverage == "none":
                row[k] = STATUS_LABEL["none"]
                continue
            row[k] = f"{STATUS_LABEL[r.coverage]} ({int(r.n_nodes)})"
            ids += list(r.infra_ids)
            names += [n for n in r.node_names if n not in names]
            urls += [u for u in r.source_urls if u not in urls]
        row["funded_activities"] = int(p.loc[c.iso3, "n_activities"]) if c.iso3 in p.index else 0
        row["research_projects"] = int(p.loc[c.iso3, "n_projects"]) if c.iso3 in p.index else 0
        row["infra_ids"] = joined(ids)
        row["nodes"] = joined(names)
        row["source_urls"] = joined(urls)
        rows.append(row)
    cols = ([{"field": "country", "headerName": "Country", "pinned": "left", "minWidth": 130},
             {"field": "iso3", "headerName": "ISO3", "maxWidth": 90}]
            + [{"field": k, "headerName": kind_label(k), "minWidth": 140} for k in kinds]
            + [{"field": "funded_activities", "headerName": "Funded activities (recorded)",
                "type": "numericColumn", "valueFormatter": NUMBER_FORMATTER},
               {"field": "research_projects", "headerName": "Research projects (recorded)",
                "type": "numericColumn", "valueFormatter": NUMBER_FORMATTER},
               {"field": "nodes", "headerName": "Nodes", "minWidth": 260},
               {"field": "source_urls", "headerName": "Source URLs", "minWidth": 320}])
    return rows, cols


def coverage_list(cov: pd.DataFrame, kinds: list[str], countries: pd.DataFrame,
                  part: pd.DataFrame) -> html.Ul:
    """The coverage matrix as a list for narrow screens: per country (in ``countries`` order) the
    kinds it has, each with its best status and node count, and its participation counts."""
    glyph = {name: g for name, _c, g in COVERAGE}
    p = part.set_index("iso3")
    rows = []
    for c in countries.itertuples():
        sub = cov[(cov.iso3 == c.iso3) & (cov.coverage != "none")].set_index("kind")
        entries = [(glyph[sub.loc[k].coverage],
                    f"{kind_label(k)} ({STATUS_LABEL[sub.loc[k].coverage].lower()}, "
                    f"{int(sub.loc[k].n_nodes)})") for k in kinds if k in sub.index]
        acts = int(p.loc[c.iso3, "n_activities"]) if c.iso3 in p.index else 0
        projs = p.loc[c.iso3, "n_projects"] if c.iso3 in p.index else 0
        projs = 0 if pd.isna(projs) else int(projs)
        rows.append((c.name, entries, f"{len(entries)} of {len(kinds)} kinds; funded activities "
                                      f"{acts:,}, research projects {projs:,} (recorded)"))
    return matrix_list(rows, empty="no node of these kinds in the data")


NODE_EXPORT = ["name", "kind", "parent", "country", "city", "status", "since_year", "location",
               "services", "standards", "operator", "website", "infra_id", "source_urls", "notes"]


def node_rows(nodes: pd.DataFrame) -> list[dict]:
    def s(v):
        return v if isinstance(v, str) else ""
    return [{"infra_id": r.infra_id, "name": r.name, "kind": kind_label(r.kind), "parent": s(r.parent),
             "country": s(r.country_name), "city": s(r.city),
             "status": STATUS_LABEL.get(r.status, r.status),
             "since_year": None if pd.isna(r.since_year) else int(r.since_year),
             "location": LOCATION_LABEL.get(r.location_precision, LOCATION_LABEL["none"]),
             "services": joined(r.services), "standards": joined(r.standards),
             "operator": s(r.operator), "website": s(r.website), "notes": s(r.notes),
             **source_cells(r.source_urls)}
            for r in nodes.itertuples()]


def node_columns() -> list[dict]:
    return [
        {"field": "name", "headerName": "Node", "pinned": "left", "minWidth": 160},
        {"field": "kind", "headerName": "Kind", "minWidth": 150},
        {"field": "parent", "headerName": "Parent organisation", "minWidth": 130},
        {"field": "country", "headerName": "Country"}, {"field": "city", "headerName": "City"},
        {"field": "status", "headerName": "Status", "minWidth": 120},
        {"field": "since_year", "headerName": "Since", "valueFormatter": YEAR_FORMATTER,
         "maxWidth": 160},
        {"field": "location", "headerName": "Location precision", "minWidth": 180},
        {"field": "services", "headerName": "Services", "minWidth": 140},
        {"field": "standards", "headerName": "Standards", "minWidth": 140},
        sources_column(260),
        *hidden_cols(["operator", "website", "infra_id", "source_urls", "notes"]),
    ]


STANDARD_EXPORT = ["name", "body", "category", "purpose", "n_nodes", "nodes", "url", "standard_id",
                   "source_urls"]


def standard_rows(cat: pd.DataFrame) -> list[dict]:
    return [{"standard_id": r.standard_id, "name": r.name,
             "body": r.body if isinstance(r.body, str) else "",
             "category": r.category.replace("_", " "), "purpose": r.purpose,
             "n_nodes": int(r.n_nodes), "nodes": joined(r.node_names) or "none stated in the data",
             "url": r.url if isinstance(r.url, str) else "",
             **source_cells(r.source_urls)}
            for r in cat.itertuples()]


def standard_columns() -> list[dict]:
    return [
        {"field": "name", "headerName": "Standard", "pinned": "left", "minWidth": 150},
        {"field": "category", "headerName": "Category", "minWidth": 120},
        {"field": "body", "headerName": "Maintained by", "minWidth": 180},
        {"field": "purpose", "headerName": "Purpose", "minWidth": 360},
        {"field": "n_nodes", "headerName": "Nodes stating support", "type": "numericColumn",
         "maxWidth": 150},
        {"field": "nodes", "headerName": "Which nodes", "minWidth": 220},
        sources_column(220), *hidden_cols(["url", "standard_id", "source_urls"]),
    ]
