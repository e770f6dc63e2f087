"""The catalogue of the release itself: its tables, its sources, what changed, and how to cite it.

Used by the Data & sources page, the downloads and the ``/api/v1/sources`` and ``/release``
endpoints.
"""
from __future__ import annotations

import pandas as pd

from .. import db
from ..vocab import CHANGE_KINDS, SOURCE_CLASSES  # noqa: F401  (CHANGE_KINDS: the API's change filter)

#: Tables that hold curated rows with their own ``source_urls`` (derived summaries excluded).
SOURCE_TABLES = ("countries", "initiatives", "genome_counts", "milestones", "cohorts",
                 "infrastructures", "activities", "funded_projects", "calls", "standards")
SOURCE_GROUPS = ("publisher", "domain", "url")
CHANGE_COLUMNS = ["table", "key", "key_columns", "change", "changed_columns", "before", "after"]
ATLAS_TITLE = "1+MG Atlas: where Europe stands on the 1+ Million Genomes goal"


def loaded_tables() -> list[str]:
    """Names of the tables in the served release (all of them in ``db.TABLES``), sorted."""
    return sorted(t for t in db.manifest()["tables"] if t in db.TABLES)


def table_frame(name: str) -> pd.DataFrame:
    """A whole loaded table. ``name`` must be a table of the served release (allow-list)."""
    if name not in db.TABLES or name not in db.manifest()["tables"]:
        raise KeyError(name)
    cur = db.release().con.cursor()
    try:
        # Relation API: the (allow-listed) table name never enters a SQL string.
        return cur.table(name).df()
    finally:
        cur.close()


def change_counts() -> dict | None:
    """``{table: {"added", "changed", "removed"}}`` from the manifest; None when not recorded."""
    return db.manifest().get("changes")


def release_changes(tables=(), changes=()) -> pd.DataFrame:
    """Change rows since the previous release (columns ``CHANGE_COLUMNS``), optionally filtered.

    Empty when the release has no ``release_changes`` table (built before changes were recorded).
    """
    if "release_changes" not in db.manifest()["tables"]:
        return pd.DataFrame(columns=CHANGE_COLUMNS)
    return db.query("catalog_release_changes", tables=list(tables), changes=list(changes))


def source_refs() -> pd.DataFrame:
    """One row per (source table, row key, URL): ``source_table, row_key, url, domain, publisher``."""
    return db.query("catalog_source_refs")


def sources(group: str = "publisher", tables=(), q: str = "") -> pd.DataFrame:
    """Sources grouped by ``publisher``, ``domain`` or ``url`` with the rows each one supports.

    Columns: ``name, publisher, domains (list), n_urls, n_rows, tables (list), rows_by_table
    (dict table -> rows), source_class`` (the best class among its URLs); ordered by ``n_rows``
    descending, then ``name``, with the secondary ones after all others (a secondary source is
    never listed before a better one). ``q`` keeps groups
    whose name, domain or a URL contains it (case-insensitive).
    """
    if group not in SOURCE_GROUPS:
        raise ValueError(f"group must be one of {SOURCE_GROUPS}")
    refs = source_refs()
    if tables:
        refs = refs[refs.source_table.isin(list(tables))]
    col = {"publisher": "publisher", "domain": "domain", "url": "url"}[group]
    if q:
        ql = q.lower()
        hit = (refs.url.str.lower().str.contains(ql, regex=False)
               | refs.domain.str.contains(ql, regex=False)
               | refs.publisher.str.contains(ql, regex=False))
        refs = refs[refs[col].isin(refs.loc[hit, col])]
    rows = []
    for name, g in refs.groupby(col, sort=True):
        per = g.drop_duplicates(["source_table", "row_key"]).groupby("source_table").size()
        rows.append({
            "name": name, "publisher": g.publisher.iloc[0],
            "domains": sorted(g.domain.unique()), "n_urls": int(g.url.nunique()),
            "n_rows": int(per.sum()), "tables": sorted(per.index),
            "rows_by_table": {t: int(n) for t, n in sorted(per.items())},
            "source_class": g.sort_values("class_rank").source_class.iloc[0],
            "secondary": bool((g.source_class == "secondary").all()),
        })
    cols = ["name", "publisher", "domains", "n_urls", "n_rows", "tables", "rows_by_table",
            "source_class", "secondary"]
    out = pd.DataFrame(rows, columns=cols)
    if out.empty:
        return out.drop(columns="secondary")
    return out.sort_values(["secondary", "n_rows", "name"], ascending=[True, False, True],
                           kind="stable").drop(columns="secondary").reset_index(drop=True)


def figures_by_source_class() -> dict[str, int]:
    """How many genome figures rest on each source class (a figure counts under its best class)."""
    refs = source_refs()
    refs = refs[refs.source_table == "genome_counts"]
    best = refs.groupby("row_key").class_rank.min().value_counts()
    return {c: int(best.get(i, 0)) for i, c in enumerate(SOURCE_CLASSES)}


def source_totals() -> dict:
    """``{"urls", "domains", "publishers", "references"}``: how many distinct sources back the rows."""
    refs = source_refs()
    return {"urls": int(refs.url.nunique()), "domains": int(refs.domain.nunique()),
            "publishers": int(refs.publisher.nunique()), "references": len(refs)}


def citation(info: dict, base_url: str = "") -> dict:
    """How to cite the atlas and this release: plain text and BibTeX.

    ``info`` is :func:`data.queries.release.release_info`; ``base_url`` the site's address (the
    atlas is self-hosted, so there is no one canonical URL).
    """
    rid, date = info["release_id"], info["built_date"]
    url = (base_url.rstrip("/") + "/data") if base_url else "/data"
    text = (f"1+MG Atlas (data release {rid}, built {date}). {ATLAS_TITLE}. "
            f"Compiled from public sources listed per value. {url}")
    bibtex = ("@misc{onemg_atlas_" + rid + ",\n"
              f"  title = {{{{{ATLAS_TITLE}}}}},\n"
              "  author = {{1+MG Atlas contributors}},\n"
              f"  year = {{{date[:4]}}},\n"
              f"  note = {{Data release {rid}, built {date}}},\n"
              f"  howpublished = {{\\url{{{url}}}}}\n}}")
    return {"text": text, "bibtex": bibtex, "release_id": rid, "built_date": date, "url": url}
