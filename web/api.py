"""Read-only JSON API under ``/api/v1/`` (Flask blueprint)."""
from __future__ import annotations

from flask import Blueprint, Flask, jsonify

from data.queries.release import release_info

bp = Blueprint("api_v1", __name__, url_prefix="/api/v1")


@bp.get("/release")
def release():
    return jsonify(release_info())


def install(server: Flask) -> None:
    server.register_blueprint(bp)
