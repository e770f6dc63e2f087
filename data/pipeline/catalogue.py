"""The latest catalogue harvest (``python -m data.harvest``) as source tables of a release.

Only when a harvest directory is configured (``python -m data.pipeline --harvest DIR`` or
``ATLAS_HARVEST_DIR``). Without one the release has none of these tables and the manifest says
``"catalogue": null`` — "no catalogue harvested", which is not the same as zero datasets.

Tables (every row carries ``evidence`` from ``data.vocab.EVIDENCE_LEVELS`` and its provenance):

* ``catalogue_datasets`` — one row per harvested dataset record: node, node URL, dataset id,
  country, individuals, records, 1+MG compliance, genomic or not, access rights, modified,
  ``harvested_at``, ``source_urls``, ``counted`` (false for the second listing of one dataset).
  Evidence ``catalogued``.
* ``catalogue_nodes`` — one row per configured node: status, last harvest attempt, last success,
  when its records were harvested (a failed node keeps older ones), counts; Beacons ``alive``.
  Evidence ``live`` for a Beacon that answered, else ``catalogued``.
* ``catalogue_by_country`` — per country: the indicator *individuals in catalogued 1+MG-compliant
  genomic datasets* (sum of ``individuals`` over counted, compliant, genomic records that publish a
  count; missing when none does), how many such datasets, how many without a count, all datasets,
  nodes, the oldest ``harvested_at`` behind the figure. Evidence ``catalogued``.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from ..harvest.snapshot import latest
from ..vocab import CATALOGUED, LIVE

TABLES = ("catalogue_datasets", "catalogue_nodes", "catalogue_by_country")


class NoSnapshot(Exception):
    """A harvest directory was configured but holds no snapshot."""


def _int(values) -> pd.arrays.IntegerArray:
    return pd.array([None if v is None or pd.isna(v) else int(v) for v in values], dtype="Int64")


def resolve(harvest_dir: Path) -> Path:
    """The snapshot to use: ``harvest_dir`` itself if it is one, else its latest. Raises NoSnapshot."""
    harvest_dir = Path(harvest_dir)
    snap = harvest_dir if (harvest_dir / "snapshot.json").exists() else latest(harvest_dir)
    if snap is None:
        raise NoSnapshot(f"{harvest_dir}: no harvest snapshot (LATEST is missing); "
                         "run `python -m data.harvest --config FILE --out DIR` first")
    return snap


def load(harvest_dir: Path) -> tuple[dict[str, pd.DataFrame], dict]:
    """The tables and the manifest entry (``snapshot``, ``harvested_at``, ``demo``, ``nodes``)."""
    snap = resolve(harvest_dir)
    meta = json.loads((snap / "snapshot.json").read_text())
    nodes = pq.read_table(snap / "nodes.parquet").to_pandas()
    ds = pq.read_table(snap / "datasets.parquet").to_pandas()
    url = dict(zip(nodes.node, nodes.url))

    d = pd.DataFrame({
        "node": ds.node, "node_url": ds.node.map(url), "dataset_id": ds.dataset_id,
        "title": ds.title, "country_iso3": ds.country_iso3,
        "individuals": _int(ds.individuals), "records": _int(ds.records),
        "compliant_1mg": ds.compliant_1mg.astype(bool), "genomic": ds.genomic.astype(bool),
        "conforms_to": ds.conforms_to.map(list), "access_rights": ds.access_rights,
        "modified": ds.modified, "harvested_at": ds.harvested_at,
        "counted": ds.counted.astype(bool), "duplicate_of": ds.duplicate_of,
        "source_urls": ds.source_url.map(lambda u: [u]), "evidence": CATALOGUED,
    }).sort_values(["node", "dataset_id"]).reset_index(drop=True)

    n = nodes[["node", "country_iso3", "kind", "url", "status", "attempted_at", "last_success_at",
               "records_from", "error", "beacon_id", "demo"]].copy()
    n["n_datasets"] = _int(nodes.n_datasets)
    n["n_problems"] = _int(nodes.n_problems)
    n["alive"] = [None if k != "beacon" else bool(a) for k, a in zip(nodes.kind, nodes.alive)]
    n["entry_types"] = nodes.entry_types.map(list)
    n["source_urls"] = nodes.url.map(lambda u: [u])
    n["evidence"] = [LIVE if a else CATALOGUED for a in n.alive]
    n = n.sort_values("node").reset_index(drop=True)

    rows = []
    for iso3, g in d.groupby("country_iso3", sort=True):
        c = g[g.counted]
        hit = c[c.compliant_1mg & c.genomic]
        known = hit[hit.individuals.notna()]
        rows.append({
            "country_iso3": iso3,
            "individuals_1mg_genomic": int(known.individuals.sum()) if len(known) else None,
            "n_datasets_1mg_genomic": len(hit), "n_without_count": len(hit) - len(known),
            "n_datasets": len(c), "nodes": sorted(set(g.node)),
            "oldest_harvested_at": min(hit.harvested_at) if len(hit) else None,
            "source_urls": sorted({u for urls in hit.source_urls for u in urls}),
            "evidence": CATALOGUED,
        })
    by = pd.DataFrame(rows, columns=["country_iso3", "individuals_1mg_genomic",
                                     "n_datasets_1mg_genomic", "n_without_count", "n_datasets",
                                     "nodes", "oldest_harvested_at", "source_urls", "evidence"])
    for col in ("individuals_1mg_genomic", "n_datasets_1mg_genomic", "n_without_count", "n_datasets"):
        by[col] = _int(by[col])
    entry = {"snapshot": snap.name, "harvested_at": meta["harvested_at"], "demo": bool(meta["demo"]),
             "nodes": [{k: r[k] for k in ("node", "url", "status", "records_from")}
                       for r in n.to_dict("records")]}
    return {"catalogue_datasets": d, "catalogue_nodes": n, "catalogue_by_country": by}, entry
