"""schema.org ``Dataset`` JSON-LD in the server's HTML of ``/`` and ``/data`` (not added by
JavaScript): a ``<script type="application/ld+json">`` data block before ``</head>``. A data block
is not executed, so the Content-Security-Policy (web/headers.py) neither hashes nor blocks it."""
from __future__ import annotations

import json

from flask import Flask, Response, request

from components import urls
from data import publication, schema_org
from data.db import DataError
from data.queries import release

from .public_url import base_url

PATHS = ("/", urls.DATA_PAGE)


def block() -> bytes:
    _, manifest, _ = release.resolve("latest")
    doc = schema_org.dataset(base_url() or "", manifest, publication.coverage())
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/ld+json">{text}</script>'.encode()


def install(server: Flask) -> None:
    @server.after_request
    def _jsonld(resp: Response) -> Response:
        if (request.path not in PATHS or resp.mimetype != "text/html" or resp.direct_passthrough
                or resp.status_code != 200):
            return resp
        body = resp.get_data()
        if b"</head>" not in body:
            return resp
        try:
            data = block()
        except DataError:
            return resp
        resp.set_data(body.replace(b"</head>", data + b"\n</head>", 1))
        return resp
