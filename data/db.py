"""The DuckDB connection: one per process, opened lazily (after a server forks), a cursor per thread.

A *release* is loaded whole into an in-memory DuckDB database: every Parquet file named by the
release manifest is checked against its sha256 and copied into a table. The running app therefore
keeps serving what it loaded even if a file is deleted or corrupted underneath it, and a new release
(``CURRENT`` replaced by the pipeline) is picked up all at once or not at all.

Hardening: extension auto-install/auto-load are off; file access is limited to the release
directory, then external access is switched off and the configuration locked, so no later query can
read another file or a URL.
"""
from __future__ import annotations

import json
import logging
import os
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from . import memo
from .hashing import sha256_file
from .settings import SQL_DIR, data_dir

log = logging.getLogger(__name__)

#: Tables the app may load; a manifest naming anything else is refused.
TABLES = frozenset({
    "countries", "initiatives", "genome_counts", "milestones", "cohorts", "infrastructures",
    "activities", "funded_projects", "calls", "standards", "progress_by_country", "progress_series",
    "country_figures_latest", "country_summary", "country_infra_counts", "country_geo",
    "release_changes", "catalogue_datasets", "catalogue_nodes", "catalogue_by_country",
})
RELOAD_SECONDS = float(os.environ.get("ATLAS_RELOAD_SECONDS", "5"))
_NAME_RE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")  # query names
_RELEASE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")  # release ids (hex hashes)


class DataError(RuntimeError):
    """The data directory is missing, incomplete or corrupt; the message names the file and the fix."""


FIX = "rebuild it with `python -m data.pipeline` (or restore data/built from git)"


def hardened_connection(allowed_dir: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory connection that can read files only below ``allowed_dir`` (and no URLs)."""
    con = duckdb.connect(":memory:", config={
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
    })
    con.execute("SET allowed_directories = $dirs", {"dirs": [str(allowed_dir)]})
    con.execute("SET enable_external_access = false")
    return con


@dataclass
class Release:
    release_id: str
    directory: Path
    manifest: dict
    con: duckdb.DuckDBPyConnection
    loaded_at: float = field(default_factory=time.time)


def load_release(root: Path | None = None) -> Release:
    """Load the release named by ``<root>/CURRENT``, verifying every file. Raises DataError."""
    root = root or data_dir()
    current = root / "CURRENT"
    if not current.exists():
        raise DataError(f"{current} is missing: no data release is built; {FIX}.")
    release_id = current.read_text().strip()
    if not _RELEASE_RE.match(release_id):
        raise DataError(f"{current} names {release_id!r}, which is not a release id; {FIX}.")
    directory = root / "releases" / release_id
    mpath = directory / "manifest.json"
    try:
        manifest = json.loads(mpath.read_text())
    except (OSError, ValueError) as e:
        raise DataError(f"{mpath} cannot be read ({e.__class__.__name__}); {FIX}.") from None
    con = hardened_connection(directory)
    for name, info in sorted(manifest.get("tables", {}).items()):
        if name not in TABLES:
            raise DataError(f"{mpath} names an unknown table {name!r}; {FIX}.")
        path = directory / f"{name}.parquet"
        if not path.exists():
            raise DataError(f"{path} is missing; {FIX}.")
        if sha256_file(path) != info["sha256"]:
            raise DataError(f"{path} does not match its manifest hash (corrupt or edited); {FIX}.")
        try:
            # Relation API: the table name (from the allow-list) never enters a SQL string.
            con.read_parquet(str(path)).create(name)
        except duckdb.Error as e:
            raise DataError(f"{path} cannot be read as Parquet ({e.__class__.__name__}); {FIX}.") from None
        if con.table(name).shape[0] != info["rows"]:
            raise DataError(f"{path} has a different row count than its manifest; {FIX}.")
    try:
        con.execute(sql_text("release_macros"))  # definitions the queries share
    except duckdb.Error as e:
        raise DataError(f"{mpath}: the release lacks a table the queries need ({e}); {FIX}.") from None
    con.execute("SET lock_configuration = true")
    return Release(release_id, directory, manifest, con)


class _State:
    lock = threading.Lock()
    release: Release | None = None
    pid: int | None = None
    checked_at: float = 0.0
    failed: str | None = None  # a release id that failed to load (not retried until CURRENT changes)
    local = threading.local()


def release() -> Release:
    """The current release for this process (loaded on first use; reloaded when CURRENT changes)."""
    st = _State
    if st.release is None or st.pid != os.getpid():
        with st.lock:
            if st.release is None or st.pid != os.getpid():
                st.release, st.pid, st.checked_at = load_release(), os.getpid(), time.time()
    elif time.time() - st.checked_at > RELOAD_SECONDS:
        _maybe_reload()
    return st.release


def _maybe_reload() -> None:
    st = _State
    with st.lock:
        if time.time() - st.checked_at <= RELOAD_SECONDS:
            return
        st.checked_at = time.time()
        try:
            current = (data_dir() / "CURRENT").read_text().strip()
        except OSError:
            return  # keep serving what is loaded
        if current in (st.release.release_id, st.failed):
            return
        try:
            st.release = load_release()
            log.info("loaded data release %s", st.release.release_id)
        except DataError as e:
            st.failed = current
            log.error("new data release not loaded, still serving %s: %s", st.release.release_id, e)


def reset() -> None:
    """Forget the loaded release (tests, or after the data directory setting changes)."""
    with _State.lock:
        _State.release = None
        _State.pid = None
        _State.local = threading.local()
    memo.clear()


def _cursor() -> duckdb.DuckDBPyConnection:
    rel = release()
    loc = _State.local
    if getattr(loc, "release_id", None) != rel.release_id or getattr(loc, "pid", None) != os.getpid():
        loc.cursor, loc.release_id, loc.pid = rel.con.cursor(), rel.release_id, os.getpid()
    return loc.cursor


_SQL_CACHE: dict[str, str] = {}


def sql_text(name: str) -> str:
    """The text of ``data/sql/<name>.sql``; ``name`` must be a plain identifier naming a file."""
    if name not in _SQL_CACHE:
        if not _NAME_RE.match(name):
            raise ValueError(f"invalid query name {name!r}")
        path = SQL_DIR / f"{name}.sql"
        if not path.is_file():
            raise ValueError(f"unknown query {name!r}")
        _SQL_CACHE[name] = path.read_text()
    return _SQL_CACHE[name]


def query(name: str, **params) -> pd.DataFrame:
    """Run the named query with bound ``$name`` parameters; return a DataFrame (a private copy).

    Results are memoised per data release (:mod:`data.memo`, ``ATLAS_QUERY_CACHE``)."""
    sql = sql_text(name)
    used = {k: v for k, v in params.items() if f"${k}" in sql}
    return memo.memoised(release().release_id, f"sql:{name}", used,
                         lambda: _cursor().execute(sql, used).df())


def manifest() -> dict:
    return release().manifest
