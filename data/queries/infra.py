"""Research-infrastructure nodes: the filtered node list, the facets the filters offer, the
country × kind coverage matrix and the standards catalogue.

A node's ``status`` is what its sources say (see data/sources/SOURCES-infrastructures.md: for the
ERICs it reflects membership, not an audit of services). "none" in the coverage matrix means no
node of that kind is recorded in the data for the country — not proof that none exists.
"""
from __future__ import annotations

import pandas as pd

from .. import db
from .. import vocab as V
from ..memo import per_release
from .sources import ordered

NO_PARENT = "(none)"
#: Best-first order used to summarise several nodes of one kind in one country.
STATUS_RANK = {s: len(V.INFRA_STATUS) - i for i, s in enumerate(V.INFRA_STATUS)}


def name_missing_countries(df: pd.DataFrame, iso_col: str, name_col: str) -> pd.DataFrame:
    """Countries with neither a profile nor a boundary (e.g. Qatar) come back named by their code;
    give them their ISO 3166 name instead."""
    import pycountry

    def fix(iso, name):
        if isinstance(iso, str) and name == iso:
            hit = pycountry.countries.get(alpha_3=iso)
            return getattr(hit, "common_name", None) or getattr(hit, "name", iso) if hit else iso
        return name
    if len(df):
        df[name_col] = [fix(i, n) for i, n in zip(df[iso_col], df[name_col])]
    return df


def _lst(values) -> list[str] | None:
    """A filter value as a list for the SQL (None = no filter)."""
    if values is None:
        return None
    if isinstance(values, str):
        return [values]
    return [str(v) for v in values]


def nodes(kinds=None, parents=None, statuses=None, services=None, standards=None,
          country: str | None = None) -> pd.DataFrame:
    """Nodes matching the filters (any value within a filter, all filters together).

    Columns: infra_id, name, kind, parent, country_iso3, country_name, city, lat, lon,
    location_precision ('stated' | 'city_centroid' | 'none'), operator, services, standards,
    standard_ids, status, since_year, website, source_urls, notes.
    ``parents`` may name :data:`NO_PARENT` for nodes without a parent organisation.
    """
    df = db.query("infra_nodes", kinds=_lst(kinds), parents=_lst(parents),
                  statuses=_lst(statuses), services=_lst(services),
                  standards=_lst(standards), country=country)
    return name_missing_countries(df, "country_iso3", "country_name")


@per_release
def facets() -> dict[str, list[str]]:
    """The values each filter can take, from the whole node table and the standards catalogue.

    ``{"kinds", "parents", "statuses", "services", "standards", "countries"}``: sorted lists;
    ``standard_names``: ``{standard_id: name}``. Cached per data release.
    """
    df = nodes()
    cat = standards_catalogue()
    stated = sorted({s for lst in df.standard_ids for s in lst})
    return {
        "kinds": sorted(df.kind.unique()),
        "parents": sorted(df.parent.dropna().unique()) + [NO_PARENT],
        "statuses": [s for s in STATUS_RANK if s in set(df.status)],
        "services": sorted({s for lst in df.services for s in lst}),
        "standards": stated,
        "countries": sorted(df.country_iso3.dropna().unique()),
        "standard_names": dict(zip(cat.standard_id, cat.name)),
    }


def matrix_countries() -> pd.DataFrame:
    """Rows of the coverage matrix: iso3, name, has_profile (every profiled country + any other
    country that has a node)."""
    df = name_missing_countries(db.query("infra_countries"), "iso3", "name")
    return df.sort_values("name", ignore_index=True)


def coverage(node_rows: pd.DataFrame, countries: pd.DataFrame, kinds: list[str]) -> pd.DataFrame:
    """Country × kind coverage from a frame of nodes (pure; no query).

    One row per (country, kind) for every country in ``countries`` and kind in ``kinds``:
    iso3, country_name, kind, coverage (best status of the nodes: operational > in_development >
    planned > unknown; 'none' when no node is recorded), n_nodes, infra_ids, node_names,
    source_urls (union over the nodes, first-seen order).
    """
    rows = []
    located = node_rows[node_rows.country_iso3.notna()]
    groups = {k: g for k, g in located.groupby(["country_iso3", "kind"], sort=False)}
    for c in countries.itertuples():
        for kind in kinds:
            g = groups.get((c.iso3, kind))
            if g is None or g.empty:
                rows.append({"iso3": c.iso3, "country_name": c.name, "kind": kind, "coverage": "none",
                             "n_nodes": 0, "infra_ids": [], "node_names": [], "source_urls": []})
                continue
            best = max(g.status, key=lambda s: STATUS_RANK.get(s, 0))
            urls: list[str] = []
            for lst in g.source_urls:
                urls += [u for u in lst if u not in urls]
            rows.append({"iso3": c.iso3, "country_name": c.name, "kind": kind, "coverage": best,
                         "n_nodes": len(g), "infra_ids": list(g.infra_id),
                         "node_names": list(g.name), "source_urls": ordered(urls)})
    return pd.DataFrame(rows, columns=["iso3", "country_name", "kind", "coverage", "n_nodes",
                                       "infra_ids", "node_names", "source_urls"])


def standards_catalogue() -> pd.DataFrame:
    """Every standard: standard_id, name, body, purpose, category, url, source_urls, n_nodes,
    node_ids, node_names (nodes whose sources state support for it)."""
    return db.query("infra_standards")


def outline_countries() -> pd.DataFrame:
    """iso3, name of every country in the boundary layer (the grey outline of point maps)."""
    return db.query("infra_geo_countries")
