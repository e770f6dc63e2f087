"""The Frictionless Data Package (v2) of a release: every table as a CSV resource with its fields
and types (from the Parquet schema), primary and foreign keys, missing-value marker, licence,
sources and release id. The same document is served at ``/downloads/<release>/datapackage.json``
and at the root of the release's ZIP; resource paths are relative (``countries.csv`` beside the
downloads, ``atlas-<release>/countries.csv`` in the ZIP).
"""
from __future__ import annotations

import pyarrow as pa

from components.cells import LIST_SEP

from . import publication as pub

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
SCHEMA_PROFILE = "https://datapackage.org/profiles/2.0/tableschema.json"
RESOURCE_PROFILE = "https://datapackage.org/profiles/2.0/dataresource.json"
MISSING = [""]


def field(f: pa.Field) -> dict:
    t = f.type
    out: dict = {"name": f.name}
    if pa.types.is_boolean(t):
        out |= {"type": "boolean", "trueValues": ["true"], "falseValues": ["false"]}
    elif pa.types.is_integer(t):
        out["type"] = "integer"
    elif pa.types.is_floating(t):
        out["type"] = "number"
    elif pa.types.is_date(t) or pa.types.is_timestamp(t):
        out["type"] = "date"
    elif pa.types.is_list(t) or pa.types.is_large_list(t):
        out |= {"type": "list", "delimiter": LIST_SEP, "itemType": "string"}
    else:
        out["type"] = "string"
    return out


def table_schema(table: str, schema: pa.Schema, tables: set[str]) -> dict:
    names = set(schema.names)
    out = {"$schema": SCHEMA_PROFILE, "fields": [field(f) for f in schema],
           "missingValues": MISSING}
    key = pub.PRIMARY_KEYS.get(table)
    if key and set(key) <= names:
        out["primaryKey"] = list(key)
    fks = [{"fields": [col], "reference": {"resource": to, "fields": [to_col]}}
           for col, to, to_col in pub.FOREIGN_KEYS.get(table, ()) if col in names and to in tables]
    if fks:
        out["foreignKeys"] = fks
    return out


def package(manifest: dict, schemas: dict[str, pa.Schema], csv: dict[str, dict],
            sources: list[dict], folder: str = "") -> dict:
    """``schemas``: ``{table: arrow schema}``; ``csv``: ``{table: {"bytes", "sha256"}}``;
    ``sources``: ``[{"title", "path"}]`` (the notes naming the public sources); ``folder``: where
    the CSV files lie relative to the document (``atlas-<release>/`` in the ZIP)."""
    rid = manifest["release_id"]
    licence = {"name": pub.LICENCE["id"], "path": pub.LICENCE["url"],
               "title": pub.LICENCE["title"]}
    tables = set(schemas)
    return {
        "$schema": PROFILE,
        "name": "onemg-atlas",
        "title": pub.TITLE,
        "description": pub.DESCRIPTION + " " + pub.LICENCE_LINE,
        "version": rid,
        "release_id": rid,
        "created": manifest["built_at"],
        "keywords": list(pub.KEYWORDS),
        "licenses": [licence],
        "contributors": [{"title": pub.PUBLISHER, "roles": ["publisher"]}],
        "sources": sources,
        "resources": [{
            "$schema": RESOURCE_PROFILE,
            "name": table,
            "type": "table",
            "path": f"{folder}{table}.csv",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "title": pub.table_title(table),
            "description": pub.table_description(table),
            "bytes": csv[table]["bytes"],
            "hash": "sha256:" + csv[table]["sha256"],
            "licenses": [licence],
            "schema": table_schema(table, schemas[table], tables),
        } for table in sorted(schemas)],
    }
