"""The data release: id, build date, row counts (from the manifest), and its files as published.

The downloads read a release only through here: :func:`resolve` names the served release or a
kept older one, :func:`table_bytes` gives a table's Parquet file (checked against its manifest
hash), :func:`table_frame` the same table as a DataFrame. Table names come from the allow-list
``data.db.TABLES`` and the manifest; nothing a caller passes reaches a path unchecked.
"""
from __future__ import annotations

import hashlib
import json
import re

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .. import db
from ..settings import data_dir
from . import catalog

_RID = re.compile(r"^[0-9a-f]{6,64}$")


class NotFound(LookupError):
    """The release or table named is not available on this server (the message says which)."""


def release_info() -> dict:
    """``{"release_id", "built_at", "built_date", "previous_release", "tables": {name: rows}}``."""
    m = db.manifest()
    return {
        "release_id": m["release_id"],
        "built_at": m["built_at"],
        "built_date": m["built_at"][:10],
        "previous_release": m.get("previous_release"),
        "schema_version": m["schema_version"],
        "tables": {k: v["rows"] for k, v in sorted(m["tables"].items())},
    }


def resolve(rel: str) -> tuple[str, dict, bool]:
    """``(release id, manifest, is_current)`` for ``latest``, the served release's id or the id of
    an older release still kept on disk. Raises NotFound."""
    cur = db.release()
    if rel in ("latest", cur.release_id):
        return cur.release_id, cur.manifest, True
    if not _RID.match(rel):
        raise NotFound(f"{rel[:40]!r} is not a release id")
    try:
        manifest = json.loads((data_dir() / "releases" / rel / "manifest.json").read_text())
    except (OSError, ValueError):
        raise NotFound(f"release {rel} is not available on this server") from None
    return rel, manifest, False


def table_bytes(rid: str, manifest: dict, table: str) -> bytes:
    """The Parquet file of ``table`` in release ``rid`` as built. Raises NotFound for a table the
    release does not have, DataError when the file no longer matches its manifest."""
    info = manifest.get("tables", {}).get(table)
    if table not in db.TABLES or info is None:
        raise NotFound(f"the release has no table {table!r}")
    path = data_dir() / "releases" / rid / f"{table}.parquet"
    data = path.read_bytes() if path.is_file() else b""
    if hashlib.sha256(data).hexdigest() != info["sha256"]:
        raise db.DataError(f"{path.name} no longer matches its manifest")
    return data


def table_schema(rid: str, manifest: dict, table: str) -> pa.Schema:
    """The column names and types of ``table`` as its (checked) Parquet file declares them."""
    return pq.read_schema(pa.BufferReader(table_bytes(rid, manifest, table)))


def table_frame(rid: str, manifest: dict, table: str, current: bool) -> pd.DataFrame:
    """The whole table: from the loaded DuckDB tables for the served release, from its (checked)
    Parquet file for an older one."""
    data = table_bytes(rid, manifest, table)
    if current and rid == db.release().release_id:
        return catalog.table_frame(table)
    return pq.read_table(pa.BufferReader(data)).to_pandas()
