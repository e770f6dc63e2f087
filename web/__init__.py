"""Server-side plumbing around the Dash app: request guard, security headers, health check, API,
downloads and the DCAT catalogue.

``install(server)`` is called once by app.py on the Flask server.
"""
from __future__ import annotations

from dash import get_app
from flask import Flask

from . import api, catalog, compression, downloads, embed, first_paint, guard, headers, health, jsonld, pinning, status


def install(server: Flask) -> None:
    guard.install(server, lambda: get_app().callback_map)
    pinning.install(server)
    from . import callback_memo, fast_json

    callback_memo.install(server)  # Dash's callback view: answers kept per release
    fast_json.install()  # Dash's answers encoded by orjson in one pass
    from . import precompress  # (not at the top: `python -m web.precompress` imports the app)

    precompress.install(server)  # before compression: runs after its buffering, before flask-compress
    compression.install(server)
    headers.install(server)
    health.install(server)
    api.install(server)
    downloads.install(server)
    embed.install(server)
    status.install(server)
    catalog.install(server)
    jsonld.install(server)  # after headers: runs before them, so the CSP sees the final page
    first_paint.install(server)  # likewise
