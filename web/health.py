"""``GET /healthz``: what this process serves, and whether that is healthy.

200 ``{"status": "ok", "release_id", "countries"}`` (a live query) only when the served release is
the one ``CURRENT`` names and its files on disk still match its manifest (downloads read them).
Otherwise 503 ``{"status": "degraded", "release_id", "current_release", "countries", "detail"}``
naming the reason (an older release served because the current one is damaged, a new release that
failed to load, a served file deleted or changed), or ``{"status": "error"}`` when nothing is loaded.
"""
from __future__ import annotations

from flask import Flask, jsonify

from data import db
from data.db import DataError, Release
from data.queries.countries import country_codes
from data.release_files import current_id, signature, verify
from data.settings import data_dir

_checked: dict = {}  # (release id, files on disk) -> problem with them (None: intact)


def _disk_problem(rel: Release) -> str | None:
    """Why the served release's files no longer match its manifest (hashed only when they changed)."""
    sig = signature(rel.directory)
    if sig == rel.signature:
        return None
    key = (rel.release_id, sig)
    if key not in _checked:
        try:
            verify(rel.directory)
            _checked.clear()
            _checked[key] = None
        except DataError as e:
            _checked.clear()
            _checked[key] = f"the served release's files changed on disk: {e}"
    return _checked[key]


def status() -> tuple[int, dict]:
    try:
        db.refresh()  # look at CURRENT now: a new release is picked up before answering
        rel = db.release()
    except DataError:
        return 503, {"status": "error", "detail": "no data release loaded"}
    problems = []
    try:
        current = current_id()
    except DataError as e:
        current = None
        problems.append(str(e))
    if rel.note:
        problems.append(rel.note)
    elif current not in (None, rel.release_id):
        problems.append(f"the current release {current} is not loaded: {db.failure()}")
    if disk := _disk_problem(rel):
        problems.append(disk)
    body = {"status": "ok", "release_id": rel.release_id, "countries": len(country_codes())}
    if not problems:
        return 200, body
    detail = " ".join(problems).replace(f"{data_dir()}/", "")  # no server paths in the answer
    return 503, {**body, "status": "degraded", "current_release": current, "detail": detail}


def install(server: Flask) -> None:
    @server.get("/healthz")
    def healthz():
        code, body = status()
        return jsonify(body), code
