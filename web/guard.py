"""Hostile requests to Dash's own endpoints get a short 4xx and one log line, never a traceback.

- Every request body is limited to ``MAX_BODY`` bytes (1 MiB; ``ATLAS_MAX_BODY``): 413 beyond.
- ``POST /_dash-update-component``: the body must be strict JSON (no NaN/Infinity, nesting at most
  ``MAX_DEPTH``) shaped like what Dash's renderer sends for a callback the app has, with its inputs
  and states in the declared order; otherwise 400. Whatever still fails inside Dash's dispatch
  (before a callback runs; the app's ``on_error`` handles callback faults) is answered 400 too.
- ``/_dash-component-suites/...``: a path Dash does not serve is 404.
- ``/_reload-hash`` (Dash's hot reload) answers only when the server runs in debug mode.
"""
from __future__ import annotations

import json
import logging
import os

from flask import Flask, request
from werkzeug.exceptions import HTTPException

from .api import json_error

log = logging.getLogger("atlas.guard")
MAX_BODY = int(os.environ.get("ATLAS_MAX_BODY", str(1 << 20)))
MAX_DEPTH = 100
CALLBACK = "/_dash-update-component"
SUITES = "/_dash-component-suites/"
DEV_ONLY = ("/_reload-hash",)


class Malformed(ValueError):
    pass


def _reject(status: int, reason: str):
    log.warning("%s %s %s: %s", status, request.method, request.path[:80],
                " ".join(str(reason).split())[:160])
    return json_error(status, {400: "malformed callback request", 404: "not found",
                               413: f"request body over {MAX_BODY} bytes"}[status])


def _no_constant(name: str):
    raise Malformed(f"{name} is not JSON")


def _depth_ok(value) -> bool:
    stack = [(value, 1)]
    while stack:
        v, d = stack.pop()
        if d > MAX_DEPTH:
            return False
        if isinstance(v, dict):
            stack.extend((x, d + 1) for x in v.values())
        elif isinstance(v, list):
            stack.extend((x, d + 1) for x in v)
    return True


def _prop(item, declared: dict | None, where: str) -> None:
    """One input/state/output entry: ``{"id", "property"[, "value"]}``, a list of them for a
    pattern-matching (ALL) dependency; matching its declaration when given (a pattern-matching
    id is declared as its JSON text, ``{"type": ..., "index": ["ALL"]}``)."""
    pattern = declared is None or isinstance(declared["id"], dict) or str(declared["id"])[:1] == "{"
    items = item if isinstance(item, list) and pattern else [item]
    for it in items:
        if not (isinstance(it, dict) and isinstance(it.get("property"), str)
                and isinstance(it.get("id"), (str, dict))):
            raise Malformed(f"{where} entry is not {{id, property}}")
        if declared is not None and (it["property"] != declared["property"] or (
                it["id"] != declared["id"] if not pattern else not isinstance(it["id"], dict))):
            raise Malformed(f"{where} entry does not match the callback's declaration")


def check_callback_body(raw: bytes, callbacks: dict) -> None:
    """Raise Malformed unless ``raw`` is a callback request for one of ``callbacks``."""
    try:
        body = json.loads(raw, parse_constant=_no_constant)
    except RecursionError:
        raise Malformed("nesting too deep") from None
    except (ValueError, UnicodeDecodeError) as e:
        raise Malformed(f"not JSON ({e.__class__.__name__})") from None
    if not isinstance(body, dict):
        raise Malformed(f"body is {type(body).__name__}, not an object")
    if not _depth_ok(body):
        raise Malformed("nesting too deep")
    cb = callbacks.get(body.get("output")) if isinstance(body.get("output"), str) else None
    if cb is None:
        raise Malformed(f"no callback for output {str(body.get('output'))[:80]!r}")
    outputs = body.get("outputs", [])
    for o in outputs if isinstance(outputs, list) else [outputs]:
        _prop(o, None, "outputs")
    for key in ("inputs", "state"):
        given, declared = body.get(key, []), cb.get(key, [])
        if not isinstance(given, list) or len(given) != len(declared):
            raise Malformed(f"{key} must be a list of {len(declared)}")
        for g, d in zip(given, declared):
            _prop(g, d, key)
    changed = body.get("changedPropIds", [])
    if not (isinstance(changed, list) and all(isinstance(c, str) for c in changed)):
        raise Malformed("changedPropIds must be a list of strings")


def install(server: Flask, callbacks) -> None:
    """``callbacks()`` returns the app's callback map (output id -> declaration)."""
    server.config["MAX_CONTENT_LENGTH"] = MAX_BODY

    @server.before_request
    def _guard():
        if (request.content_length or 0) > MAX_BODY:
            return _reject(413, f"Content-Length {request.content_length}")
        if request.path in DEV_ONLY and not server.debug:
            return _reject(404, "development route")
        if request.path == CALLBACK and request.method == "POST":
            try:
                check_callback_body(request.get_data(cache=True), callbacks())
            except Malformed as e:
                return _reject(400, e)
        return None

    @server.errorhandler(Exception)
    def _fault(e: Exception):
        if isinstance(e, HTTPException):
            if e.code == 413:
                return _reject(413, "body too large")
            return e
        where = e.__traceback__
        while where is not None and where.tb_next is not None:
            where = where.tb_next
        at = f" at {where.tb_frame.f_code.co_filename.rsplit('/', 1)[-1]}:{where.tb_lineno}" if where else ""
        if request.path == CALLBACK:
            return _reject(400, f"{e.__class__.__name__}: {e}{at}")
        if request.path.startswith(SUITES):
            return _reject(404, f"{e.__class__.__name__}{at}")
        raise e
