"""Server-side plumbing around the Dash app: security headers, health check, API and downloads.

``install(server)`` is called once by app.py on the Flask server.
"""
from __future__ import annotations

from flask import Flask

from . import api, compression, downloads, headers, health


def install(server: Flask) -> None:
    compression.install(server)
    headers.install(server)
    health.install(server)
    api.install(server)
    downloads.install(server)
