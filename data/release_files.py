"""A data release on disk, checked with plain Python (json, hashlib; no DuckDB, no pyarrow).

Safe to run in a server's master process before it forks its workers (gunicorn.conf.py does), and
used by ``data.db`` before it loads a release. Layout: ``<root>/CURRENT`` names the served release,
``<root>/releases/<id>/`` holds its ``*.parquet`` files and ``manifest.json``.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from .hashing import sha256_file
from .settings import data_dir

FIX = "rebuild it with `python -m data.pipeline` (or restore data/built from git)"
RELEASE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")  # release ids (hex hashes)
_PARQUET_MAGIC = b"PAR1"
#: Tables the app may load; a manifest naming anything else is refused.
TABLES = frozenset({
    "countries", "initiatives", "genome_counts", "milestones", "cohorts", "infrastructures",
    "activities", "funded_projects", "calls", "standards", "progress_by_country", "progress_series",
    "country_figures_latest", "country_summary", "country_infra_counts", "country_geo",
    "release_changes", "catalogue_datasets", "catalogue_nodes", "catalogue_by_country",
    "source_domains", "source_refs", "data_release", "falling_series", "groups", "group_members",
    "group_progress",
})


class DataError(RuntimeError):
    """The data directory is missing, incomplete or corrupt; the message names the file and the fix."""


def current_id(root: Path | None = None) -> str:
    """The release id named by ``<root>/CURRENT``. Raises DataError."""
    current = (root or data_dir()) / "CURRENT"
    try:
        release_id = current.read_text().strip()
    except FileNotFoundError:
        raise DataError(f"{current} is missing: no data release is built; {FIX}.") from None
    except OSError as e:
        raise DataError(f"{current} cannot be read ({e.__class__.__name__}); {FIX}.") from None
    if not RELEASE_RE.match(release_id):
        raise DataError(f"{current} names {release_id[:80]!r}, which is not a release id; {FIX}.")
    return release_id


def read_manifest(directory: Path) -> dict:
    """The release's manifest, its shape checked (every table allowed, with a hash and a row count)."""
    mpath = directory / "manifest.json"
    try:
        manifest = json.loads(mpath.read_text())
    except (OSError, ValueError) as e:
        raise DataError(f"{mpath} cannot be read ({e.__class__.__name__}); {FIX}.") from None
    entries = manifest.get("tables") if isinstance(manifest, dict) else None
    if not isinstance(entries, dict) or not entries:
        raise DataError(f"{mpath} lists no tables; {FIX}.")
    for name, info in entries.items():
        if name not in TABLES:
            raise DataError(f"{mpath} names an unknown table {name[:64]!r}; {FIX}.")
        if not (isinstance(info, dict) and isinstance(info.get("sha256"), str)
                and isinstance(info.get("rows"), int)):
            raise DataError(f"{mpath} has no hash or row count for {name}; {FIX}.")
    return manifest


def verify(directory: Path) -> dict:
    """Check every file of a release against its manifest; return the manifest. Raises DataError."""
    manifest = read_manifest(directory)
    for name, info in sorted(manifest["tables"].items()):
        path = directory / f"{name}.parquet"
        if not path.is_file():
            raise DataError(f"{path} is missing; {FIX}.")
        if sha256_file(path) != info["sha256"]:
            raise DataError(f"{path} does not match its manifest hash (corrupt or edited); {FIX}.")
        with open(path, "rb") as f:
            head = f.read(4)
            f.seek(-4, 2)
            tail = f.read(4)
        if head != _PARQUET_MAGIC or tail != _PARQUET_MAGIC:
            raise DataError(f"{path} is not a Parquet file; {FIX}.")
    return manifest


def verify_current(root: Path | None = None) -> str:
    """Check the release ``CURRENT`` names, file by file; return its id. Raises DataError."""
    root = root or data_dir()
    release_id = current_id(root)
    verify(root / "releases" / release_id)
    return release_id


def kept_releases(root: Path | None = None) -> list[str]:
    """Ids of the releases on disk with a readable manifest, newest build first."""
    found = []
    for d in sorted(((root or data_dir()) / "releases").glob("*")):
        try:
            built = json.loads((d / "manifest.json").read_text()).get("built_at", "")
        except (OSError, ValueError, AttributeError):
            continue
        if RELEASE_RE.match(d.name) and isinstance(built, str):
            found.append((built, d.name))
    return [rid for _, rid in sorted(found, reverse=True)]


def signature(directory: Path) -> tuple:
    """Name, size and modification time of every file of a release directory (cheap to compare)."""
    try:
        return tuple(sorted((p.name, st.st_size, st.st_mtime_ns)
                            for p in directory.iterdir() for st in [p.stat()]))
    except OSError:
        return ()
