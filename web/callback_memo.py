"""Callback answers memoised per data release (issue 15, item 5: cheaper interactions).

Every server callback of the atlas is a function of its inputs and the release (the tests fuzz them
for that; what they read beside is the request's host, for absolute links, and today's date, for
"as of" lines). So ``POST /_dash-update-component`` with the same body, for the same release, host
and day, gets the same answer: it is kept in :mod:`data.memo` (the app's one cache policy, keyed on
the release id; ``ATLAS_QUERY_CACHE=0`` turns it off with the rest) and sent again without running
Dash's dispatch, the callback or the JSON encoding. Everything after the view still runs on it
(pinned-release URLs, security headers, compression).

Not kept: an answer that is not a 200 JSON body (204 PreventUpdate, errors), one that sets a cookie,
one that changes other components through ``set_props`` (``sideUpdate``: the app's error handler
answers that way), and one over ``MAX_BYTES``. At most ``ATLAS_CALLBACK_MEMO`` answers (default
256, keyed on a digest of the body) are kept per worker, least recently used dropped first; ``0``
turns only this memo off.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os

from flask import Flask, Response, request

from data import db, memo

ENDPOINT = "/_dash-update-component"
SIZE = int(os.environ.get("ATLAS_CALLBACK_MEMO", "256"))
MAX_BYTES = 512 * 1024
_STORE = memo.store(SIZE)


def keep(answer: tuple[int, str, bytes]) -> bool:
    """Whether an answer may be sent again to the next identical request."""
    status, mimetype, body = answer
    return (status == 200 and mimetype == "application/json" and len(body) <= MAX_BYTES
            and b'"sideUpdate"' not in body)


def install(server: Flask) -> None:
    """Wrap Dash's callback view (created with the app, before ``web.install`` runs)."""
    dispatch = server.view_functions[ENDPOINT]

    def memoised_dispatch():
        if SIZE <= 0:
            return dispatch()
        fresh = []

        def compute():
            fresh.append(server.make_response(dispatch()))
            resp = fresh[0]
            if resp.headers.get("Set-Cookie") or resp.direct_passthrough:
                return 0, "", b""  # never kept (see keep); this response is sent as it is
            return resp.status_code, resp.mimetype, resp.get_data()

        body = hashlib.blake2b(request.get_data(cache=True), digest_size=20).digest()
        key = (request.host, dt.date.today().isoformat(), body)
        status, mimetype, body = memo.memoised(db.release().release_id, ENDPOINT, key, compute,
                                               _STORE, keep=keep)
        if fresh:
            return fresh[0]
        return Response(body, status=status, mimetype=mimetype)

    memoised_dispatch.__name__ = getattr(dispatch, "__name__", "dispatch")
    server.view_functions[ENDPOINT] = memoised_dispatch
