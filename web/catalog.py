"""The DCAT-AP catalogue: ``/catalog.ttl`` (Turtle), ``/catalog.jsonld`` (JSON-LD) and ``/catalog``
(content negotiation on ``Accept``: Turtle, JSON-LD or RDF/XML; anything else is a 406).

Absolute URLs come from :func:`web.public_url.base_url`; without a trusted base URL the catalogue
answers 503 naming ``ATLAS_PUBLIC_URL``.
"""
from __future__ import annotations

import hashlib

from flask import Blueprint, Flask, Response, request

from components import urls
from data import dcat, publication
from data.db import DataError
from data.memo import per_release
from data.queries import catalog, release

from .api import json_error
from .downloads import csv_bytes
from .public_url import base_url

bp = Blueprint("catalog", __name__)
FORMATS = {"text/turtle": "turtle", "application/ld+json": "json-ld",
           "application/rdf+xml": "xml"}
EXT = {"ttl": "text/turtle", "jsonld": "application/ld+json"}


def files(rid: str, manifest: dict) -> dict[str, dict[str, dict]]:
    """``{table: {"csv"|"parquet": {"bytes", "sha256"}}}`` of the release's published tables."""
    out = {}
    for table in catalog.loaded_tables():
        parquet = release.table_bytes(rid, manifest, table)
        csv = csv_bytes(rid, table)
        out[table] = {ext: {"bytes": len(b), "sha256": hashlib.sha256(b).hexdigest()}
                      for ext, b in (("csv", csv), ("parquet", parquet))}
    return out


@per_release(size=8)
def serialised(base: str, mime: str) -> bytes:
    rid, manifest, _ = release.resolve("latest")
    g = dcat.graph(base, manifest, files(rid, manifest), publication.coverage())
    return g.serialize(format=FORMATS[mime], encoding="utf-8")


def _answer(mime: str) -> Response:
    base = base_url()
    if base is None:
        return json_error(503, "the catalogue needs the site's public address",
                          "set ATLAS_PUBLIC_URL (e.g. https://atlas.example.org)")
    try:
        data = serialised(base, mime)
    except DataError:
        return json_error(503, "no data release is loaded; try again later", None)
    resp = Response(data, mimetype=mime)
    resp.headers["Cache-Control"] = "public, max-age=300"
    resp.headers["Access-Control-Allow-Origin"] = "*"
    resp.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
    resp.headers["Vary"] = "Accept"
    return resp


@bp.get(urls.CATALOG + ".<ext>")
def by_extension(ext: str):
    if ext not in EXT:
        return json_error(404, f"no catalogue format {ext[:20]!r}",
                          f"{urls.CATALOG_TTL} or {urls.CATALOG_JSONLD}")
    return _answer(EXT[ext])


@bp.get(urls.CATALOG)
def negotiated():
    offered = list(FORMATS)
    if not request.accept_mimetypes:  # no Accept header: Turtle
        return _answer(offered[0])
    best = request.accept_mimetypes.best_match(offered)
    if best is None:
        return json_error(406, "the catalogue is not available in the requested format",
                          "Accept: " + ", ".join(offered))
    return _answer(best)


def install(server: Flask) -> None:
    server.register_blueprint(bp)
