"""``GET /healthz``: 200 with the served release id (and a live query) when data is loaded, else 503."""
from __future__ import annotations

from flask import Flask, jsonify

from data.db import DataError, release
from data.queries.countries import country_codes


def install(server: Flask) -> None:
    @server.get("/healthz")
    def healthz():
        try:
            rel = release()
        except DataError:
            return jsonify({"status": "error", "detail": "no data release loaded"}), 503
        return jsonify({"status": "ok", "release_id": rel.release_id,
                        "countries": len(country_codes())})
