"""What changed between two data releases: rows added, changed and removed, per source table.

The build calls :func:`write_changes` with the directory of the release it is writing and the
directory of the release it replaces. Every source table (``schemas.TABLES``) is compared row by
row on its key; the result is written into the new release as ``release_changes.parquet``
(``table, key, key_columns, change, changed_columns, before, after``; ``before``/``after`` hold the
changed columns' old and new values as JSON objects, so a correction reads "old value -> new
value") and per-table counts are returned for the manifest (``manifest["changes"]``).

Why these keys: source tables are keyed by their ``TableSpec.key``; ``genome_counts`` by its stored
``figure_id`` (assigned once when a figure is first recorded, never derived from its value, so a
corrected value, date or basis shows as a change of that figure) and ``milestones`` by
``milestone_id`` (date + title slug). Derived summary tables are left out: they
change whenever a source row does and would only repeat the same news. Harvested tables
(``catalogue_datasets`` by node and dataset id, ``catalogue_nodes`` by node) are compared and counted
only when either release has them, so harvested data never enters a release silently.

``row_order`` (the line number in the CSV) is ignored: inserting a line above a row moves it
without changing it. Only the columns both releases have are compared: a column a new release
adds (or drops) is a change of the table, not of each row.

Command line, to record the changes of an already built release against its ``previous_release``
(e.g. one built before this module existed)::

    python -m data.pipeline.diff [--out data/built]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..vocab import CHANGE_KINDS
from .schemas import TABLES

FILE = "release_changes.parquet"
IGNORED_COLUMNS = frozenset({"row_order"})
#: Harvested tables (data/pipeline/catalogue.py): compared only when a release has them; the times
#: of a harvest are not news by themselves (what was harvested is).
CATALOGUE_KEYS: dict[str, tuple[str, ...]] = {
    "catalogue_datasets": ("node", "dataset_id"), "catalogue_nodes": ("node",)}
IGNORED_BY_TABLE = {"catalogue_datasets": frozenset({"harvested_at"}),
                    "catalogue_nodes": frozenset({"attempted_at", "last_success_at", "records_from"})}
#: Key columns per compared table (derived ids where the build makes one).
KEYS: dict[str, tuple[str, ...]] = {
    spec.name: spec.key for spec in TABLES
} | {"genome_counts": ("figure_id",), "milestones": ("milestone_id",)}
ALL_KEYS = KEYS | CATALOGUE_KEYS
CHANGE_ORDER = CHANGE_KINDS
SCHEMA = pa.schema([
    pa.field("table", pa.string(), nullable=False),
    pa.field("key", pa.string(), nullable=False),
    pa.field("key_columns", pa.string(), nullable=False),
    pa.field("change", pa.string(), nullable=False),
    pa.field("changed_columns", pa.list_(pa.string()), nullable=False),
    pa.field("before", pa.string(), nullable=False),
    pa.field("after", pa.string(), nullable=False),
])


def _norm(v):
    """A comparable form of a Parquet value (NaN == NaN, lists compared element-wise)."""
    if isinstance(v, float) and math.isnan(v):
        return None
    if isinstance(v, list):
        return tuple(_norm(x) for x in v)
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    return v


def _rows(path: Path, key: tuple[str, ...]) -> tuple[dict[str, dict], list[str]]:
    """``{key string: row}`` and the column list of one Parquet table (empty when missing)."""
    if not path.exists():
        return {}, []
    table = pq.read_table(path)
    ignored = IGNORED_COLUMNS | IGNORED_BY_TABLE.get(path.stem, frozenset())
    cols = [c for c in table.column_names if c not in ignored]
    out: dict[str, dict] = {}
    for r in table.to_pylist():
        k = "|".join("" if r.get(c) is None else str(r.get(c)) for c in key)
        out.setdefault(k, {c: _norm(r.get(c)) for c in cols})  # keys are unique (validated)
    return out, cols


def diff_table(name: str, new_dir: Path, old_dir: Path) -> list[dict]:
    """Change rows for one table between two release directories."""
    key = ALL_KEYS[name]
    new, new_cols = _rows(new_dir / f"{name}.parquet", key)
    old, old_cols = _rows(old_dir / f"{name}.parquet", key)
    # A column only one release has (a new derived column) is not a change of every row.
    cols = [c for c in new_cols if c in old_cols]
    kc = ",".join(key)
    none = {"changed_columns": [], "before": "{}", "after": "{}"}
    out = [{"table": name, "key": k, "key_columns": kc, "change": "added", **none}
           for k in new.keys() - old.keys()]
    out += [{"table": name, "key": k, "key_columns": kc, "change": "removed", **none}
            for k in old.keys() - new.keys()]
    for k in new.keys() & old.keys():
        changed = [c for c in cols if new[k].get(c) != old[k].get(c)]
        if changed:
            out.append({"table": name, "key": k, "key_columns": kc, "change": "changed",
                        "changed_columns": changed,
                        "before": _json({c: old[k].get(c) for c in changed}),
                        "after": _json({c: new[k].get(c) for c in changed})})
    return out


def _json(values: dict) -> str:
    return json.dumps({c: list(v) if isinstance(v, tuple) else v for c, v in values.items()},
                      ensure_ascii=False, sort_keys=True, default=str)


def diff_releases(new_dir: Path, old_dir: Path) -> list[dict]:
    """Change rows for every compared table, ordered by table, change kind and key."""
    rows: list[dict] = []
    for name in sorted(ALL_KEYS):
        rows += diff_table(name, new_dir, old_dir)
    return sorted(rows, key=lambda r: (r["table"], CHANGE_ORDER.index(r["change"]), r["key"]))


def counts(rows: list[dict], *, tables=None) -> dict[str, dict[str, int]]:
    """``{table: {"added": n, "changed": n, "removed": n}}`` for every compared table."""
    out = {t: dict.fromkeys(CHANGE_ORDER, 0) for t in sorted(tables or KEYS)}
    for r in rows:
        out[r["table"]][r["change"]] += 1
    return out


def write_changes(new_dir: Path, old_dir: Path | None) -> tuple[Path, dict | None]:
    """Write ``release_changes.parquet`` into ``new_dir``; return (path, counts or None).

    With no previous release (first build, or its directory is gone) the file is written empty and
    the counts are ``None``: nothing is known to have changed, which is not the same as zero.
    """
    has_old = old_dir is not None and (old_dir / "manifest.json").exists()
    rows = diff_releases(new_dir, old_dir) if has_old else []
    path = new_dir / FILE
    pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMA), path)
    harvested = [t for t in CATALOGUE_KEYS if (new_dir / f"{t}.parquet").exists()
                 or (has_old and (old_dir / f"{t}.parquet").exists())]
    return path, (counts(rows, tables=[*KEYS, *harvested]) if has_old else None)


def backfill(out_dir: Path) -> dict:
    """Record the changes of the served release against its ``previous_release``, in place.

    Adds ``release_changes`` to the manifest's tables and ``changes`` to the manifest; the data
    tables (and so the release id) are untouched.
    """
    from ..hashing import sha256_file
    from .build import read_current

    rid = read_current(out_dir)
    if not rid:
        raise SystemExit(f"no release is built under {out_dir}")
    rdir = out_dir / "releases" / rid
    mpath = rdir / "manifest.json"
    manifest = json.loads(mpath.read_text())
    prev = manifest.get("previous_release")
    path, chg = write_changes(rdir, out_dir / "releases" / prev if prev else None)
    manifest["tables"]["release_changes"] = {
        "file": path.name, "rows": pq.read_metadata(path).num_rows, "sha256": sha256_file(path)}
    manifest["changes"] = chg
    tmp = mpath.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    tmp.replace(mpath)
    return manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m data.pipeline.diff", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "built")
    args = ap.parse_args(argv)
    m = backfill(args.out)
    if m["changes"] is None:
        print(f"release {m['release_id']}: no previous release to compare with")
    else:
        for t, c in m["changes"].items():
            print(f"{t}: +{c['added']} ~{c['changed']} -{c['removed']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
