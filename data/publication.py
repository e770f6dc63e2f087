"""How the atlas publishes its data, stated once: licence, publisher, contact, themes, keywords,
what each table is (from the data dictionary, ``data/README.md``) and what a release covers.

The DCAT-AP catalogue (``web/catalog.py``), the Frictionless data package, the schema.org JSON-LD
and the licence line of every CSV, API answer and download all read these declarations.
"""
from __future__ import annotations

import re

from . import db
from .memo import per_release
from .settings import PACKAGE_DIR

TITLE = "1+MG Atlas"
DESCRIPTION = ("Where Europe stands on the 1+ Million Genomes goal: sourced figures, cohorts, "
               "infrastructures and funding, per country. Every row names the public source(s) "
               "it rests on; where no source gives a figure the atlas says \"no public figure\".")
PUBLISHER = "1+MG Atlas contributors"
#: The compilation's licence (the facts themselves come from the public sources each row cites).
LICENCE = {"id": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International",
           "url": "https://creativecommons.org/licenses/by/4.0/",
           "eu": "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0"}
LICENCE_LINE = (f"Licence: {LICENCE['id']} ({LICENCE['url']}); the facts come from the public "
                "sources each row cites (source_urls).")
ACCESS_RIGHTS = "http://publications.europa.eu/resource/authority/access-right/PUBLIC"
#: EU data themes (http://publications.europa.eu/resource/authority/data-theme/...).
THEMES = ("HEAL", "TECH")
THEME_BASE = "http://publications.europa.eu/resource/authority/data-theme/"
COUNTRY_BASE = "http://publications.europa.eu/resource/authority/country/"
LANGUAGE = "http://publications.europa.eu/resource/authority/language/ENG"
KEYWORDS = ("genomics", "1+ Million Genomes", "Genome of Europe", "European Health Data Space",
            "cohorts", "research infrastructures", "funding")
MEDIA = {"csv": "https://www.iana.org/assignments/media-types/text/csv",
         "parquet": "https://www.iana.org/assignments/media-types/application/vnd.apache.parquet",
         "zip": "https://www.iana.org/assignments/media-types/application/zip"}
DICTIONARY = PACKAGE_DIR / "README.md"
#: Row keys of every table (the data package's primary keys; checked unique by `frictionless
#: validate` in tests/unit/test_datapackage.py).
PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "countries": ("iso3",), "initiatives": ("initiative_id",), "genome_counts": ("figure_id",),
    "milestones": ("milestone_id",), "cohorts": ("cohort_id",), "infrastructures": ("infra_id",),
    "activities": ("activity_id",), "funded_projects": ("project_id",), "calls": ("call_id",),
    "standards": ("standard_id",), "progress_by_country": ("country_iso3", "metric", "date"),
    "progress_series": ("metric", "date"),
    "country_figures_latest": ("country_iso3", "programme", "metric", "count_basis"),
    "country_summary": ("iso3",), "country_infra_counts": ("country_iso3", "kind", "status"),
    "country_geo": ("iso3",), "release_changes": ("table", "key"),
    "catalogue_datasets": ("node", "dataset_id"), "catalogue_nodes": ("node",),
    "catalogue_by_country": ("country_iso3",),
    "source_domains": ("domain",), "source_refs": ("source_table", "row_key", "column", "position"),
    "data_release": ("release",), "falling_series": ("country_iso3", "programme", "metric",
                                                     "to_figure_id"),
    "groups": ("group_id",), "group_members": ("group_id", "iso3"),
    "group_progress": ("group_id", "metric", "date"),
}
#: References that always hold (columns that may name ``EU`` or hold lists are left out).
FOREIGN_KEYS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "genome_counts": (("initiative_id", "initiatives", "initiative_id"),),
    "country_summary": (("iso3", "countries", "iso3"),),
}
_ROW = re.compile(r"^\|\s*`([a-z_]+)`(\*|†)?\s*\|\s*([^|]+?)\s*\|\s*(.+?)\s*\|\s*$")


def table_docs() -> dict[str, dict]:
    """``{table: {"grain", "columns", "derived"}}`` from the "Tables in a release" section of the
    data dictionary (the one place the tables are described)."""
    text = DICTIONARY.read_text(encoding="utf-8") if DICTIONARY.is_file() else ""
    section = text.split("## Tables in a release", 1)[-1].split("\n## ", 1)[0]
    out = {}
    for line in section.splitlines():
        m = _ROW.match(line)
        if m:
            name, mark, grain, cols = m.groups()
            out[name] = {"grain": grain.strip(), "columns": cols.replace("`", ""),
                         "derived": mark == "*", "harvested": mark == "†"}
    return out


def table_title(table: str) -> str:
    return f"{TITLE}: {table.replace('_', ' ')}"


def table_description(table: str) -> str:
    doc = table_docs().get(table)
    if doc is None:
        return f"The {table} table of the {TITLE} data release."
    kind = ("Derived by the pipeline from the curated tables" if doc["derived"] else
            "Harvested from national catalogues" if doc["harvested"] else
            "Curated from public sources")
    return (f"One row per {doc['grain']}. {kind}. Columns: {doc['columns']}; every row carries "
            "source_urls.")


@per_release
def coverage() -> dict:
    """``{"start", "end" (ISO dates or None), "countries" (ISO 3166-1 alpha-3, sorted), "names"
    ({code: English name})}`` of the served release."""
    row = db.query("publication_coverage").iloc[0]

    def day(v):
        return None if v is None or str(v) in ("NaT", "None") else str(v)[:10]

    names = dict(zip(list(row["countries"]), list(row["country_names"])))
    return {"start": day(row["start_date"]), "end": day(row["end_date"]),
            "countries": [c for c in names if len(c) == 3],
            "names": {c: n for c, n in names.items() if len(c) == 3}}
