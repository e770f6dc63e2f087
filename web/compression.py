"""Compression of static assets, compressed once and kept in memory.

Dash serves ``/assets/*`` as streamed files, which flask-compress would re-compress on every request
(1.4 MB of plotly.js through brotli each time). Here asset responses are read into memory (they are
small and read-only) so flask-compress treats them as ordinary responses, and its cache hook keeps
one compressed copy per (algorithm, path + query) — the ``?m=`` fingerprint changes when a file does.
Every other response (callbacks, API) is compressed per request and never cached.
"""
from __future__ import annotations

import threading

from flask import Flask, Response, request

_NO_CACHE = "nocache"


class AssetCache:
    """A tiny thread-safe dict cache; refuses keys that are not asset keys."""

    def __init__(self, max_items: int = 256):
        self._d: dict[str, bytes] = {}
        self._lock = threading.Lock()
        self.max_items = max_items

    def get(self, key: str):
        if key.endswith(_NO_CACHE):
            return None
        with self._lock:
            return self._d.get(key)

    def set(self, key: str, value: bytes) -> None:
        if key.endswith(_NO_CACHE):
            return
        with self._lock:
            if len(self._d) < self.max_items:
                self._d[key] = value


def cache_key(req) -> str:
    if req.method == "GET" and req.path.startswith("/assets/"):
        return req.full_path
    return _NO_CACHE


def _compress_instance(server: Flask):
    from flask_compress import Compress

    for f in server.after_request_funcs.get(None, []):
        if isinstance(getattr(f, "__self__", None), Compress):
            return f.__self__
    return None


def install(server: Flask) -> None:
    """Configure the flask-compress instance Dash created (``Dash(compress=True)``)."""
    compress = _compress_instance(server)
    if compress is None:
        raise RuntimeError("flask-compress is not active: create the app with Dash(compress=True)")
    compress.cache = AssetCache()
    compress.cache_key = cache_key
    compress.compress_mimetypes_set |= {"application/geo+json", "font/woff"}

    @server.after_request
    def _buffer_assets(resp: Response) -> Response:
        # Runs before flask-compress's hook (after_request hooks run in reverse order).
        if request.path.startswith("/assets/") and resp.status_code == 200 and resp.is_streamed:
            resp.direct_passthrough = False
            resp.set_data(resp.get_data())
        return resp
