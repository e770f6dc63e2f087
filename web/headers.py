"""Security and caching headers on every response; no server or framework name disclosed (gunicorn's
own ``Server`` line is dropped in gunicorn.conf.py). HTML pages: ``Cache-Control: no-cache``.

Content-Security-Policy: scripts only from this origin plus the exact inline scripts Dash writes into
its HTML page, allowed by their sha256 hashes (computed from the page being sent, so a new inline
script can never run unless the server itself wrote it). No 'unsafe-inline' and no 'unsafe-eval' for
scripts: the custom plotly.js bundle (no WebGL traces) runs without eval. Styles allow
'unsafe-inline' because plotly.js and React set inline styles. Embedding is allowed only on this
origin (``frame-ancestors 'self'``), except for the embeds (``/embed/…``, web/embed.py): any site
may frame those (``ATLAS_EMBED_ANCESTORS``, a space-separated source list, default ``*``), and
they carry no ``X-Frame-Options``.
"""
from __future__ import annotations

import base64
import hashlib
import os
import re

from flask import Flask, Response, request

from components.urls import EMBED_PREFIX

from .public_url import vary

_INLINE_SCRIPT = re.compile(  # data blocks (application/json, application/ld+json) never run
    rb"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>(.*?)</script>", re.S | re.I)
BASE_CSP = [
    "default-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
]
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "SAMEORIGIN",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
                          "interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
YEAR = 31536000


def embed_ancestors() -> str:
    return os.environ.get("ATLAS_EMBED_ANCESTORS", "").strip() or "*"


def is_embed(path: str) -> bool:
    return path.startswith(EMBED_PREFIX + "/")


def csp_for(body: bytes | None, *, embed: bool = False) -> str:
    hashes = []
    if body:
        for m in _INLINE_SCRIPT.finditer(body):
            digest = base64.b64encode(hashlib.sha256(m.group(1)).digest()).decode()
            hashes.append(f"'sha256-{digest}'")
    script = "script-src 'self'" + "".join(" " + h for h in dict.fromkeys(hashes))
    rest = BASE_CSP[1:]
    if embed:
        rest = [d for d in rest if not d.startswith("frame-ancestors")]
        rest.append("frame-ancestors " + embed_ancestors())
    return "; ".join([BASE_CSP[0], script, *rest])


def _cache_control(resp: Response) -> None:
    path = request.path
    if "Cache-Control" in resp.headers and path.startswith("/_dash-component-suites/"):
        return  # Dash fingerprints these itself
    if path.startswith("/assets/") and request.args.get("m"):
        resp.headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    elif path.startswith("/assets/"):
        resp.headers["Cache-Control"] = "public, max-age=86400"
    elif path.startswith(("/_dash-update-component", "/_dash-layout", "/_dash-dependencies")):
        resp.headers.setdefault("Cache-Control", "no-store")
    elif resp.mimetype == "text/html":
        resp.headers.setdefault("Cache-Control", "no-cache")  # pages name the served release


def install(server: Flask) -> None:
    @server.after_request
    def _secure(resp: Response) -> Response:
        embed = is_embed(request.path)
        for k, v in HEADERS.items():
            if not (embed and k == "X-Frame-Options"):
                resp.headers.setdefault(k, v)
        body = None
        if resp.mimetype == "text/html" and not resp.direct_passthrough:
            body = resp.get_data()
        resp.headers["Content-Security-Policy"] = csp_for(body, embed=embed)
        resp.headers.pop("Server", None)
        resp.headers.pop("X-Powered-By", None)
        _cache_control(resp)
        return vary(resp)
