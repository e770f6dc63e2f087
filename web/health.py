"""``GET /healthz``: 200 with the served release id when data is loaded, 503 otherwise."""
from __future__ import annotations

from flask import Flask, jsonify

from data.db import DataError, release


def install(server: Flask) -> None:
    @server.get("/healthz")
    def healthz():
        try:
            rel = release()
        except DataError:
            return jsonify({"status": "error", "detail": "no data release loaded"}), 503
        return jsonify({"status": "ok", "release_id": rel.release_id})
