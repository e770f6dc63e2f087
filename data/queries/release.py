"""The data release: id, build date, row counts (from the manifest)."""
from __future__ import annotations

from .. import db


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
