"""Run a harvest and write a dated snapshot; a failed node keeps its last good records.

Layout under the output directory::

    LATEST                         # one line: the directory name of the newest snapshot
    <YYYY-MM-DDTHHMMSSZ>/
        datasets.parquet           # one row per dataset record (columns: DATASET_SCHEMA)
        nodes.parquet              # one row per configured node (columns: NODE_SCHEMA)
        reports/<node id>.json     # status, counts, problems, duration, facts
        snapshot.json              # when, which nodes, duplicates, demo or not

A snapshot is written under a temporary name, renamed into place, then ``LATEST`` is replaced
with ``os.replace``. A node that fails (timeout, 5xx, malformed RDF, too large ...) is reported as
``failed`` and its rows are copied unchanged from the previous snapshot (with their original
``harvested_at``), so a failed harvest never replaces the node's last good records.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from . import fetch
from .records import validate
from .sources import READERS, NodeFailed

DATASET_SCHEMA = pa.schema([
    ("node", pa.string()), ("dataset_id", pa.string()), ("title", pa.string()),
    ("country_iso3", pa.string()), ("individuals", pa.int64()), ("records", pa.int64()),
    ("conforms_to", pa.list_(pa.string())), ("compliant_1mg", pa.bool_()), ("genomic", pa.bool_()),
    ("health_categories", pa.list_(pa.string())), ("access_rights", pa.string()),
    ("modified", pa.string()), ("harvested_at", pa.string()), ("source_url", pa.string()),
    ("counted", pa.bool_()), ("duplicate_of", pa.string()),
])
NODE_SCHEMA = pa.schema([
    ("node", pa.string()), ("country_iso3", pa.string()), ("kind", pa.string()), ("url", pa.string()),
    ("status", pa.string()), ("attempted_at", pa.string()), ("last_success_at", pa.string()),
    ("records_from", pa.string()), ("n_datasets", pa.int64()), ("n_problems", pa.int64()),
    ("error", pa.string()), ("alive", pa.bool_()), ("beacon_id", pa.string()),
    ("entry_types", pa.list_(pa.string())), ("demo", pa.bool_()),
])


def _stamp(now: dt.datetime) -> tuple[str, str]:
    now = now.astimezone(dt.UTC)
    return now.strftime("%Y-%m-%dT%H:%M:%SZ"), now.strftime("%Y-%m-%dT%H%M%SZ")


def latest(out: Path) -> Path | None:
    """The newest snapshot directory, or None when nothing was harvested there."""
    p = Path(out) / "LATEST"
    if not p.exists():
        return None
    d = Path(out) / p.read_text().strip()
    return d if (d / "snapshot.json").exists() else None


def _previous(out: Path) -> tuple[dict[str, list[dict]], dict[str, dict]]:
    snap = latest(out)
    if snap is None:
        return {}, {}
    rows: dict[str, list[dict]] = {}
    for r in pq.read_table(snap / "datasets.parquet").to_pylist():
        rows.setdefault(r["node"], []).append(r)
    reports = {p.stem: json.loads(p.read_text()) for p in (snap / "reports").glob("*.json")}
    return rows, reports


def _harvest_node(node, limits, harvested_at):
    t0 = time.monotonic()
    report = {"node": node.id, "country": node.country, "kind": node.kind, "url": node.url,
              "attempted_at": harvested_at, "status": "ok", "error": None, "problems": [],
              "facts": {}, "counts": {"records_seen": 0, "records_valid": 0, "records_skipped": 0}}
    rows: list[dict] = []
    try:
        raw, problems, facts = READERS[node.kind](node, limits)
        report["problems"] += problems
        report["facts"] = facts
        seen = set()
        for r in raw:
            rec = validate(node, r, harvested_at)
            if isinstance(rec, str):
                report["problems"].append(rec)
            elif rec.dataset_id in seen:
                report["problems"].append(f"{node.id}:{rec.dataset_id}: listed twice by this node; "
                                          "the first is kept")
            else:
                seen.add(rec.dataset_id)
                rows.append(rec.model_dump())
        report["counts"] = {"records_seen": len(raw), "records_valid": len(rows),
                            "records_skipped": len(raw) - len(rows)}
    except NodeFailed as e:
        report.update(status="failed", error=str(e))
    except Exception as e:  # noqa: BLE001 — one node's surprise never stops the others
        report.update(status="failed", error=f"{node.url}: unexpected {type(e).__name__}: {e}")
    report["duration_s"] = round(time.monotonic() - t0, 3)
    return rows, report


def _dedupe(rows: list[dict], reports: dict[str, dict]) -> list[dict]:
    """Mark the second and later listings of one dataset id as not counted, and report them."""
    first: dict[str, str] = {}
    dups = []
    for r in rows:
        owner = first.setdefault(r["dataset_id"], r["node"])
        r["counted"] = owner == r["node"]
        r["duplicate_of"] = None if r["counted"] else owner
        if not r["counted"]:
            msg = (f"{r['node']}:{r['dataset_id']}: also listed by {owner}; counted once "
                   f"(under {owner})")
            reports[r["node"]]["problems"].append(msg)
            reports[r["node"]].setdefault("counts", {}).setdefault("duplicates", 0)
            reports[r["node"]]["counts"]["duplicates"] += 1
            dups.append({"dataset_id": r["dataset_id"], "node": r["node"], "counted_under": owner})
    return dups


def harvest(nodes, out: Path, *, limits: fetch.Limits = fetch.DEFAULT,
            now: dt.datetime | None = None, demo: bool = False) -> dict:
    """Harvest every node into a new snapshot under ``out``; returns the snapshot summary."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    harvested_at, name = _stamp(now or dt.datetime.now(dt.UTC))
    prev_rows, prev_reports = _previous(out)
    rows, reports = [], {}
    for node in nodes:
        got, report = _harvest_node(node, limits, harvested_at)
        prev = prev_reports.get(node.id, {})
        if report["status"] == "ok":
            report["last_success_at"] = harvested_at
            report["records_from"] = harvested_at
        else:
            kept = [{k: v for k, v in r.items() if k not in ("counted", "duplicate_of")}
                    for r in prev_rows.get(node.id, [])]
            got = kept
            report["last_success_at"] = prev.get("last_success_at")
            report["records_from"] = prev.get("records_from")
            report["kept_previous"] = len(kept)
            if report["records_from"]:
                report["problems"].append(f"{node.id}: harvest failed; kept {len(kept)} record(s) "
                                          f"harvested at {report['records_from']}")
        if node.kind == "beacon" and report["status"] != "ok":
            report["facts"] = {"alive": False}
        reports[node.id] = report
        rows += got
    duplicates = _dedupe(rows, reports)
    for r in reports.values():
        r["n_datasets"] = sum(1 for x in rows if x["node"] == r["node"])
        r["n_problems"] = len(r["problems"])

    snap = {"harvested_at": harvested_at, "name": name, "demo": demo,
            "nodes": [{"node": n.id, "country": n.country, "kind": n.kind, "url": n.url,
                       "status": reports[n.id]["status"]} for n in nodes],
            "datasets": len(rows), "duplicates": duplicates}
    tmp = Path(tempfile.mkdtemp(prefix=".snapshot-", dir=out))
    try:
        (tmp / "reports").mkdir()
        pq.write_table(pa.Table.from_pylist(rows, schema=DATASET_SCHEMA), tmp / "datasets.parquet")
        node_rows = []
        for n in nodes:
            r, f = reports[n.id], reports[n.id]["facts"]
            node_rows.append({
                "node": n.id, "country_iso3": n.country, "kind": n.kind, "url": n.url,
                "status": r["status"], "attempted_at": harvested_at,
                "last_success_at": r.get("last_success_at"), "records_from": r.get("records_from"),
                "n_datasets": r["n_datasets"], "n_problems": r["n_problems"], "error": r["error"],
                "alive": f.get("alive") if n.kind == "beacon" else None,
                "beacon_id": f.get("beacon_id"), "entry_types": f.get("entry_types") or [],
                "demo": demo})
            (tmp / "reports" / f"{n.id}.json").write_text(
                json.dumps(r, indent=2, sort_keys=True, default=str) + "\n")
        pq.write_table(pa.Table.from_pylist(node_rows, schema=NODE_SCHEMA), tmp / "nodes.parquet")
        (tmp / "snapshot.json").write_text(json.dumps(snap, indent=2, sort_keys=True) + "\n")
        final, i = out / name, 1
        while final.exists():
            i += 1
            final = out / f"{name}-{i}"
        os.rename(tmp, final)
        snap["path"] = str(final)
        marker = out / ".LATEST.tmp"
        marker.write_text(final.name + "\n")
        os.replace(marker, out / "LATEST")
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)
    snap["reports"] = reports
    return snap
