"""The DuckDB connection: one per process, opened lazily (after a server forks), a cursor per thread.

A *release* is loaded whole into an in-memory DuckDB database: every Parquet file named by the
release manifest is checked against its sha256 and copied into a table. The running app therefore
keeps serving what it loaded even if a file is deleted or corrupted underneath it, and a new release
(``CURRENT`` replaced by the pipeline) is picked up all at once or not at all. A process that
starts while the release CURRENT names is damaged serves the newest kept release that is intact and
says so (``Release.note``; ``/healthz`` answers 503 with it). Files are checked by
``data.release_files`` (plain Python, also used by gunicorn's master before it forks).

Hardening: extension auto-install/auto-load are off; file access is limited to the release
directory, then external access is switched off and the configuration locked, so no later query can
read another file or a URL.
"""
from __future__ import annotations

import contextlib
import contextvars
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
from .release_files import (  # TABLES and DataError: the app imports them from here
    FIX,
    RELEASE_RE,
    TABLES,  # noqa: F401
    DataError,
    current_id,
    kept_releases,
    signature,
    verify,
)
from .settings import SQL_DIR, data_dir

log = logging.getLogger(__name__)
#: What a query raises when the release cannot answer it (e.g. a kept release older than the
#: queries): web/ catches it by this name, never importing DuckDB itself.
QueryError = duckdb.Error

RELOAD_SECONDS = float(os.environ.get("ATLAS_RELOAD_SECONDS", "5"))
#: May a process serve an older intact release when CURRENT's is damaged? (app.py: in a worker of a
#: running server, yes; at a plain start, no: bad data must stop it.)
FALLBACK = False
_NAME_RE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")  # query names


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
    signature: tuple = ()  # the directory's files when loaded (see release_files.signature)
    note: str | None = None  # why this release is served instead of the one CURRENT names


def load_release(root: Path | None = None, release_id: str | None = None) -> Release:
    """Load a release (default: the one ``<root>/CURRENT`` names), verifying every file first.
    Raises DataError."""
    root = root or data_dir()
    release_id = release_id or current_id(root)
    directory = root / "releases" / release_id
    sig = signature(directory)
    manifest = verify(directory)
    con = hardened_connection(directory)
    for name, info in sorted(manifest["tables"].items()):
        path = directory / f"{name}.parquet"
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
        raise DataError(f"{directory}: the release lacks a table the queries need ({e}); {FIX}.") from None
    con.execute("SET lock_configuration = true")
    return Release(release_id, directory, manifest, con, signature=sig)


def load_intact(root: Path | None = None) -> Release:
    """The release CURRENT names or, when it cannot be loaded and ``FALLBACK`` is on, the newest
    kept release that can (its ``note`` says why; logged once). Raises the DataError about CURRENT
    when none can."""
    root = root or data_dir()
    try:
        return load_release(root)
    except DataError as e:
        if not FALLBACK:
            raise
        err = e
    for rid in kept_releases(root):
        try:
            rel = load_release(root, rid)
        except DataError:
            continue
        rel.note = f"{err} Serving release {rid}, the newest intact one, until then."
        _State.failed = _failure_key(root)
        log.error("data release not loaded: %s", rel.note)
        return rel
    raise err


def _failure_key(root: Path) -> tuple | None:
    try:
        rid = current_id(root)
    except DataError:
        return None
    return rid, signature(root / "releases" / rid)


class _State:
    lock = threading.Lock()
    release: Release | None = None
    pid: int | None = None
    checked_at: float = 0.0
    # (release id, files) that failed to load: not retried until CURRENT or its files change
    failed: tuple | None = None
    failure: str | None = None
    local = threading.local()


#: A request pinned to a kept release (``?release=<id>``, web/pinning.py) reads that one.
_PINNED: contextvars.ContextVar[Release | None] = contextvars.ContextVar("atlas_pinned",
                                                                        default=None)
_KEPT: dict[tuple[str, str], Release] = {}  # (data dir, release id) -> loaded, read-only
KEPT_LOADED = 2  # older releases held in memory at once


class UnknownRelease(LookupError):
    """The release id is well formed but names no release kept on this server."""


def kept(release_id: str) -> Release:
    """A kept release, loaded once (verified, read-only, its own connection). Raises ValueError
    for a malformed id, UnknownRelease for one not kept, DataError for one that is damaged."""
    if not RELEASE_RE.match(release_id):
        raise ValueError(f"{release_id[:40]!r} is not a release id")
    cur = release()
    if release_id == cur.release_id:
        return cur
    root = data_dir()
    key = (str(root), release_id)
    with _State.lock:
        if key in _KEPT:
            return _KEPT[key]
    if release_id not in kept_releases(root):
        raise UnknownRelease(f"release {release_id} is not available on this server")
    rel = load_release(root, release_id)
    with _State.lock:
        _KEPT[key] = rel
        while len(_KEPT) > KEPT_LOADED:
            _KEPT.pop(next(iter(_KEPT)))
    return rel


@contextlib.contextmanager
def pinned(release_id: str):
    """Within the block, :func:`release` (so every query and memo) is the kept release named."""
    token = _PINNED.set(kept(release_id))
    try:
        yield _PINNED.get()
    finally:
        _PINNED.reset(token)


def pin(release_id: str) -> contextvars.Token:
    """Pin the rest of this context (a request) to a kept release; undo with :func:`unpin`."""
    return _PINNED.set(kept(release_id))


def unpin(token: contextvars.Token) -> None:
    _PINNED.reset(token)


def release() -> Release:
    """The current release for this process (loaded on first use; reloaded when CURRENT changes),
    or the kept release this request is pinned to."""
    pinned_release = _PINNED.get()
    if pinned_release is not None:
        return pinned_release
    st = _State
    if st.release is None or st.pid != os.getpid():
        with st.lock:
            if st.release is None or st.pid != os.getpid():
                st.release, st.pid, st.checked_at = load_intact(), os.getpid(), time.time()
                st.failure = st.release.note
    elif time.time() - st.checked_at > RELOAD_SECONDS:
        _maybe_reload()
    return st.release


def refresh() -> None:
    """Look at CURRENT now (not only every ``ATLAS_RELOAD_SECONDS``)."""
    release()
    _maybe_reload(force=True)


def failure() -> str | None:
    """Why the release CURRENT names is not the one served (None when nothing failed)."""
    return _State.failure


def _maybe_reload(force: bool = False) -> None:
    st = _State
    with st.lock:
        if not force and time.time() - st.checked_at <= RELOAD_SECONDS:
            return
        st.checked_at = time.time()
        root = data_dir()
        key = _failure_key(root)
        if key is None or key[0] == st.release.release_id and not st.release.note or key == st.failed:
            return  # keep serving what is loaded
        try:
            st.release = load_release(root, key[0])
            st.failed = st.failure = None
            log.info("loaded data release %s", st.release.release_id)
        except DataError as e:
            st.failed, st.failure = key, str(e)
            log.error("new data release not loaded, still serving %s: %s", st.release.release_id, e)


def reset() -> None:
    """Forget the loaded release (tests, or after the data directory setting changes)."""
    with _State.lock:
        _State.release = None
        _State.pid = None
        _State.failed = _State.failure = None
        _State.local = threading.local()
        _KEPT.clear()
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
