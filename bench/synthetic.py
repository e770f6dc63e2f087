"""Seeded synthetic source sets for benchmarks only: the real sources scaled ×k.

Written only under bench/synthetic/ (git-ignored) and never shown by the app. Each copy of a row gets
a suffixed id and small seeded perturbations (counts ±20 %, dates shifted back by up to 3 years), so
the pipeline validates it like real data and the summaries have k times as many programmes.

    python -m bench.synthetic --scale 10      # -> bench/synthetic/x10/sources, built/
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from pathlib import Path

from tests.fixtures.mini import read_rows as _rows  # the same strict CSV reading and writing
from tests.fixtures.mini import write_rows as _write

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "data" / "sources"
OUT = ROOT / "bench" / "synthetic"
ID_COLUMNS = {"initiatives": "initiative_id", "cohorts": "cohort_id", "infrastructures": "infra_id",
              "activities": "activity_id", "funded_projects": "project_id"}


def _jitter(value: str, rng: random.Random) -> str:
    if not value or not value.isdigit():
        return value
    return str(max(0, int(int(value) * rng.uniform(0.8, 1.2))))


def _shift_date(value: str, rng: random.Random) -> str:
    years = rng.randint(0, 3)
    parts = value.split("-")
    parts[0] = str(int(parts[0]) - years)
    if len(parts) == 3 and parts[1] == "02" and parts[2] == "29":
        parts[2] = "28"
    return "-".join(parts)


def make(scale: int, seed: int = 42) -> Path:
    """Write bench/synthetic/x<scale>/sources and return that directory."""
    rng = random.Random(seed)
    dst = OUT / f"x{scale}" / "sources"
    if dst.exists():
        shutil.rmtree(dst)
    dst.mkdir(parents=True)
    for name in ("countries", "milestones", "calls", "standards"):
        shutil.copy(SOURCES / f"{name}.csv", dst / f"{name}.csv")
    shutil.copytree(SOURCES / "geo", dst / "geo")
    for name, idcol in ID_COLUMNS.items():
        header, rows = _rows(SOURCES / f"{name}.csv")
        out = []
        for k in range(scale):
            for r in rows:
                r = dict(r)
                if k:
                    r[idcol] = f"{r[idcol]}_syn{k}"
                    for col in ("participants", "wgs_count", "wes_count", "genotyped_count",
                                "target_genomes"):
                        if col in r:
                            r[col] = _jitter(r[col], rng)
                out.append(r)
        _write(dst / f"{name}.csv", header, out)
    header, rows = _rows(SOURCES / "genome_counts.csv")
    out = []
    today = dt.date.today().isoformat()
    for k in range(scale):
        for r in rows:
            r = dict(r)
            if k:
                if not r["initiative_id"]:
                    continue  # unattributed rows have no id to suffix; keep one copy
                r["initiative_id"] = f"{r['initiative_id']}_syn{k}"
                r["value"] = _jitter(r["value"], rng)
                shifted = _shift_date(r["as_of_date"], rng)
                r["as_of_date"] = shifted if shifted <= today else r["as_of_date"]
            out.append(r)
    _write(dst / "genome_counts.csv", header, out)
    return dst


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=int, default=10)
    args = ap.parse_args()
    src = make(args.scale)
    from data.pipeline.build import build

    m = build(src, src.parent / "built")
    print(f"x{args.scale}: " + ", ".join(f"{k} {v['rows']}" for k, v in sorted(m["tables"].items())))
