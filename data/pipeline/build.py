"""Turn validated source rows into normalised Parquet tables, summaries and a manifest.

Output layout (``data/built/`` by default)::

    CURRENT                      # one line: the directory name of the served release
    releases/<release_id>/       # *.parquet + manifest.json; the newest ATLAS_KEEP_RELEASES (5)
                                 # are kept, so their download URLs keep answering (see prune())

A build writes a new release directory under a temporary name, renames it into place, then replaces
``CURRENT`` with ``os.replace`` — readers see the old release or the new one, never a mix. If any
validation problem is found nothing under ``data/built/`` is touched.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import tempfile
import typing
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .. import vocab as V
from ..hashing import sha256_file
from . import ages as A
from . import groups as G
from . import provenance as P
from . import summaries as S
from .aliases import STANDARD_ALIASES
from .fields import parse_partial_date
from .releases import KEEP_RELEASES, keep_releases, prune, read_current  # noqa: F401  (build's API)
from .schemas import TABLES
from .validate import validate_sources

SCHEMA_VERSION = 1
EEA_NON_EU = {"ISL", "LIE", "NOR"}
DATE_COLUMNS = {
    "countries": ["onemg_signed_date"], "genome_counts": ["as_of_date"], "milestones": ["date"],
    "activities": ["start_date", "end_date"], "funded_projects": ["start_date", "end_date"],
    "calls": ["opening_date", "preproposal_deadline", "fullproposal_deadline"],
}
#: The key naming a row of each table in ``source_refs`` (derived ids where the build makes one).
REF_KEYS = {spec.name: spec.key[0] for spec in TABLES if spec.name != "source_domains"} | {
    "milestones": "milestone_id"}
#: Column renames that make provenance uniform: every table carries ``source_urls`` (a list).
RENAMES = {"genome_counts": {"source_url": "source_urls"}, "milestones": {"source_url": "source_urls"}}


def _add_date_parts(df: pd.DataFrame, col: str, prefix: str | None = None) -> None:
    prefix = prefix or col
    prec, first, last = [], [], []
    for v in df[col]:
        if v is None or pd.isna(v):
            prec.append(None)
            first.append(None)
            last.append(None)
        else:
            p, a, b = parse_partial_date(v)
            prec.append(p)
            first.append(a)
            last.append(b)
    df[f"{prefix}_precision"] = prec
    df[f"{prefix}_first"] = first
    df[f"{prefix}_last"] = last


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def _milestone_countries(text: str, countries: pd.DataFrame) -> list[str]:
    """Countries a milestone names: by English name, or by 2-letter codes such as '(CZ, CY, EE)'."""
    found = [r.iso3 for r in countries.itertuples() if re.search(rf"\b{re.escape(r.name)}\b", text)]
    iso2 = dict(zip(countries.iso2, countries.iso3)) | {"UK": "GBR", "EL": "GRC"}
    for group in re.findall(r"\(([A-Z]{2}(?:,\s*[A-Z]{2})+)\)", text):
        found += [iso2[c] for c in re.split(r",\s*", group) if c in iso2]
    if re.search(r"\bUK\b|United Kingdom", text):
        found.append("GBR")
    return sorted(set(found))


def normalise(parsed) -> dict[str, pd.DataFrame]:
    """Validated rows -> typed frames with derived columns (date precision, ids, lists)."""
    frames: dict[str, pd.DataFrame] = {}
    for name, p in parsed.items():
        df = pd.DataFrame([r.model_dump() for r in p.rows], columns=p.spec.columns)
        for col, fld in p.spec.model.model_fields.items():
            if int in (fld.annotation, *typing.get_args(fld.annotation)) and fld.annotation is not bool:
                df[col] = pd.array(df[col].tolist(), dtype="Int64")
        df.insert(0, "row_order", p.lines)
        df = df.rename(columns=RENAMES.get(name, {}))
        for col in DATE_COLUMNS.get(name, []):
            _add_date_parts(df, col, "as_of" if col == "as_of_date" else None)
        frames[name] = df
    c = frames["countries"]
    c["eea_member"] = c.eu_member | c.iso3.isin(EEA_NON_EU)
    gc = frames["genome_counts"]
    gc["programme"] = gc.initiative_id.fillna("(unattributed)")
    gc.insert(len(gc.columns) - 1, "figure_id", gc.pop("figure_id"))  # stored id, after programme
    m = frames["milestones"]
    m.insert(0, "milestone_id", [f"{d}-{_slug(t)}" for d, t in zip(m.date, m.title)])
    # Countries named in the title; only when the title names none, those in the description
    # (a description may mention others in passing, e.g. earlier signatories' counts).
    m["countries_iso3"] = [_milestone_countries(t, c) or _milestone_countries(d, c)
                           for t, d in zip(m.title, m.description)]
    co = frames["cohorts"]
    co["size_band"] = [S.size_band(n) for n in co.participants]
    co["multi_country"] = co.countries_iso3.map(len) > 1
    inf = frames["infrastructures"]
    inf["standard_ids"] = inf.standards.map(lambda ids: [STANDARD_ALIASES.get(s, s) for s in ids])
    notes = inf.notes.fillna("").str.lower()
    inf["location_precision"] = [
        V.NO_LOCATION if pd.isna(lat) else (V.CITY_CENTROID if "city centroid" in n else V.STATED)
        for lat, n in zip(inf.lat, notes)]
    return frames


def geo_table(geo_path: Path) -> pd.DataFrame:
    """Country label points and bounding boxes from the Natural Earth GeoParquet (pipeline only)."""
    import geopandas as gpd

    g = gpd.read_parquet(geo_path)
    pts = g.geometry.representative_point()
    b = g.geometry.bounds
    return pd.DataFrame({
        "iso3": g.iso3, "name": g["name"], "label_lon": pts.x.round(4), "label_lat": pts.y.round(4),
        "min_lon": b.minx.round(4), "min_lat": b.miny.round(4),
        "max_lon": b.maxx.round(4), "max_lat": b.maxy.round(4),
    }).dropna(subset=["iso3"]).sort_values("iso3")


def _arrow(df: pd.DataFrame) -> pa.Table:
    fields = []
    for col in df.columns:
        vals = [v for v in df[col] if v is not None and not (not isinstance(v, list) and pd.isna(v))]
        sample = vals[0] if vals else None
        if isinstance(sample, list):
            t = pa.list_(pa.string())
        elif isinstance(sample, (bool,)) or str(df[col].dtype) == "bool":
            t = pa.bool_()
        elif isinstance(sample, dt.date):
            t = pa.date32()
        elif str(df[col].dtype) in ("Int64", "int64") or isinstance(sample, int):
            t = pa.int64()
        elif str(df[col].dtype) in ("Float64", "float64") or isinstance(sample, float):
            t = pa.float64()
        else:
            t = pa.string()
        fields.append(pa.field(col, t))
    schema = pa.schema(fields)
    records = df.astype(object).where(df.notna(), None).to_dict("records") if len(df) else []
    for r in records:
        for k, v in r.items():
            if isinstance(v, float) and schema.field(k).type == pa.int64():
                r[k] = int(v)
    return pa.Table.from_pylist(records, schema=schema)


def compute(sources: Path, harvest: Path | None = None) -> dict[str, pd.DataFrame]:
    """Validate and compute every output table (nothing is written).

    With ``harvest`` (a directory of ``python -m data.harvest`` snapshots) the latest snapshot's
    tables are added (data/pipeline/catalogue.py); without it the release has none of them.
    """
    parsed = validate_sources(sources)
    f = normalise(parsed)
    classes = P.domain_classes(parsed)
    P.order_sources(f, classes)
    gc = f["genome_counts"]
    pbc = S.progress_by_country(gc)
    out = dict(f)
    out["progress_by_country"] = pbc
    out["progress_series"] = S.progress_series(pbc)
    out["country_figures_latest"] = S.country_figures_latest(gc)
    out["country_summary"] = S.country_summary(
        f["countries"], gc, pbc, f["cohorts"], f["infrastructures"], f["activities"],
        f["funded_projects"], f["initiatives"], f["calls"])
    out["country_infra_counts"] = S.country_infra_counts(f["infrastructures"])
    release_date = release_date_of(f)
    for name in ("genome_counts", "country_figures_latest"):
        A.add_ages(out[name], release_date)
    out["falling_series"] = A.falling_series(gc)
    out["group_members"] = G.group_members(f["countries"], release_date)
    out["groups"] = G.groups_table(out["group_members"])
    out["group_progress"] = G.group_progress(out["group_members"], pbc, f["countries"])
    P.order_sources(out, classes)  # unions of sorted lists are sorted again
    out["source_refs"] = P.source_refs(out, REF_KEYS, classes)
    geo = sources / "geo" / "europe_50m.parquet"
    if geo.exists():
        out["country_geo"] = geo_table(geo)
    if harvest is not None:
        from .catalogue import load

        tables, _ = load(harvest)
        out.update(tables)
    return out


def _source_files(sources: Path) -> list[Path]:
    return sorted(p for p in sources.rglob("*") if p.is_file() and p.suffix in (".csv", ".parquet", ".md"))


def build(sources: Path, out_dir: Path, *, now: dt.datetime | None = None,
          harvest: Path | None = None) -> dict:
    """Validate, compute and publish a release. Returns the manifest of the served release.

    ``harvest``: the catalogue harvest directory, or None ("no catalogue harvested": the manifest's
    ``catalogue`` is null and the release has no catalogue tables).
    """
    if harvest is not None:  # fix the snapshot once: a harvest may replace LATEST meanwhile
        from .catalogue import resolve

        harvest = resolve(harvest)
    tables = compute(sources, harvest)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "releases").mkdir(exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=out_dir))
    try:
        info = {}
        for name in sorted(tables):
            path = tmp / f"{name}.parquet"
            pq.write_table(_arrow(tables[name].reset_index(drop=True)), path)
            info[name] = {"file": path.name, "rows": len(tables[name]), "sha256": sha256_file(path)}
        release_id = hashlib.sha256(
            json.dumps({k: v["sha256"] for k, v in info.items()}, sort_keys=True).encode()
        ).hexdigest()[:12]
        current = read_current(out_dir)
        if current == release_id and (out_dir / "releases" / release_id / "manifest.json").exists():
            return json.loads((out_dir / "releases" / release_id / "manifest.json").read_text())
        # Release diff (data/pipeline/diff.py): rows added/changed/removed since the served
        # release. Written after the release id is fixed, so the id still names the data alone.
        from .diff import write_changes
        chg_path, changes = write_changes(tmp, out_dir / "releases" / current if current else None)
        info["release_changes"] = {"file": chg_path.name, "rows": pq.read_metadata(chg_path).num_rows,
                                   "sha256": sha256_file(chg_path)}
        manifest = {
            "schema_version": SCHEMA_VERSION,
            "release_id": release_id,
            "built_at": (now or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "previous_release": current,
            "changes": changes,
            "catalogue": _catalogue_entry(harvest),
            "release_date": str(release_date_of(tables)),
            # Reported, not refused: cumulative series that fall over time (data/pipeline/ages.py).
            "falling_series": tables["falling_series"].astype(object).where(
                tables["falling_series"].notna(), None).to_dict("records"),
            "tables": info,
            "sources": {str(p.relative_to(sources)): sha256_file(p) for p in _source_files(sources)},
        }
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        final = out_dir / "releases" / release_id
        if final.exists():
            shutil.rmtree(final)
        os.rename(tmp, final)
        tmp_current = out_dir / ".CURRENT.tmp"
        tmp_current.write_text(release_id + "\n")
        os.replace(tmp_current, out_dir / "CURRENT")
        prune(out_dir)
        return manifest
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)


def _catalogue_entry(harvest: Path | None) -> dict | None:
    if harvest is None:
        return None
    from .catalogue import load

    return load(harvest)[1]


def release_date_of(tables: dict[str, pd.DataFrame]) -> dt.date:
    return parse_partial_date(tables["data_release"].release_date.iloc[0])[2]


def sources_changed(sources: Path, out_dir: Path) -> list[str]:
    """Source files whose hash differs from the current release's manifest (empty: up to date)."""
    cur = read_current(out_dir)
    if not cur:
        return ["(no release built)"]
    manifest = json.loads((out_dir / "releases" / cur / "manifest.json").read_text())
    now = {str(p.relative_to(sources)): sha256_file(p) for p in _source_files(sources)}
    recorded = manifest["sources"]
    return sorted(k for k in set(now) | set(recorded) if now.get(k) != recorded.get(k))
