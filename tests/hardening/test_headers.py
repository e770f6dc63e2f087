"""Security headers on HTML, JSON and asset responses; no versions disclosed; debug off."""
from __future__ import annotations

import re

import pytest


@pytest.fixture(scope="module")
def client():
    import app

    return app.server.test_client()


def _check(resp):
    h = resp.headers
    csp = h["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]*)", csp).group(1)
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert "frame-ancestors 'self'" in csp and "object-src 'none'" in csp
    assert h["X-Content-Type-Options"] == "nosniff"
    assert h["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in h["Permissions-Policy"]
    assert "Server" not in h and "X-Powered-By" not in h
    for value in h.values():
        assert not re.search(r"(werkzeug|flask|dash|python)/?\s*\d", value, re.I)


def test_html_page_headers_and_inline_scripts_are_hashed(client):
    r = client.get("/")
    assert r.status_code == 200 and r.mimetype == "text/html"
    _check(r)
    assert "'sha256-" in r.headers["Content-Security-Policy"]


def test_json_headers(client):
    r = client.get("/healthz")
    assert r.is_json
    _check(r)


def test_asset_headers_and_long_cache_for_fingerprinted_assets(client):
    r = client.get("/assets/atlas.css?m=123")
    assert r.status_code == 200
    _check(r)
    assert "immutable" in r.headers["Cache-Control"]


def test_callback_responses_are_not_cached(client):
    r = client.get("/_dash-layout")
    _check(r)
    assert r.headers["Cache-Control"] == "no-store"


def test_debug_is_off_by_default():
    import app

    assert not app.server.debug


def test_assets_are_compressed_and_the_compressed_copy_is_reused(client):
    a = client.get("/assets/geo/europe_50m.geojson", headers={"Accept-Encoding": "gzip"})
    b = client.get("/assets/geo/europe_50m.geojson", headers={"Accept-Encoding": "gzip"})
    assert a.headers["Content-Encoding"] == "gzip"
    assert len(a.data) < 300_000 and a.data == b.data


def test_callback_answers_are_never_served_from_the_asset_cache():
    from web.compression import AssetCache, cache_key

    class Req:
        method, path, full_path = "POST", "/_dash-update-component", "/_dash-update-component?"

    cache = AssetCache()
    key = "gzip;" + cache_key(Req)
    cache.set(key, b"x")
    assert cache.get(key) is None
