"""Static files precompressed at build time (brotli 11, gzip 9) are served as they are when the
browser accepts the encoding; a file with no copy falls back to the server's own compression;
fingerprinted component-library files are cached for a year, immutable."""
from __future__ import annotations

import gzip

import brotli
import pytest

from web import precompress

ROOT = precompress.ROOT


@pytest.fixture
def built(mini_data, tmp_path, monkeypatch):
    import app

    monkeypatch.setenv("ATLAS_PRECOMPRESSED", str(tmp_path))
    monkeypatch.setattr(precompress, "sources", lambda: [ROOT / "assets" / "atlas.js"])
    assert precompress.build(workers=1) == 1
    return app.server.test_client()


def test_the_strongest_copies_are_served_to_browsers_that_accept_them(built):
    raw = (ROOT / "assets" / "atlas.js").read_bytes()
    r = built.get("/assets/atlas.js?m=1", headers={"Accept-Encoding": "gzip, deflate, br, zstd"})
    assert r.headers["Content-Encoding"] == "br" and "Accept-Encoding" in r.headers["Vary"]
    assert brotli.decompress(r.get_data()) == raw
    assert r.get_data() == brotli.compress(raw, quality=11)
    assert r.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    g = built.get("/assets/atlas.js?m=1", headers={"Accept-Encoding": "gzip"})
    assert g.headers["Content-Encoding"] == "gzip" and gzip.decompress(g.get_data()) == raw
    assert len(g.get_data()) == len(gzip.compress(raw, compresslevel=9, mtime=0))
    plain = built.get("/assets/atlas.js?m=1", headers={"Accept-Encoding": "br;q=0, identity"})
    assert "Content-Encoding" not in plain.headers and plain.get_data() == raw


def test_a_file_without_a_copy_is_compressed_by_the_server(built):
    r = built.get("/assets/atlas.css?m=1", headers={"Accept-Encoding": "br"})
    assert r.status_code == 200 and r.headers.get("Content-Encoding") == "br"
    assert brotli.decompress(r.get_data()) == (ROOT / "assets" / "atlas.css").read_bytes()


def test_fingerprinted_component_files_are_immutable(built):
    html = built.get("/").get_data(as_text=True)
    src = next(p for p in html.split('"') if p.startswith("/_dash-component-suites/dash/deps/react@"))
    r = built.get(src, headers={"Accept-Encoding": "gzip"})
    assert r.status_code == 200
    assert r.headers["Cache-Control"] == "public, max-age=31536000, immutable"


def test_accept_encoding_is_read_with_its_weights():
    assert precompress.accepted("gzip, deflate, br, zstd") == ["br", "gzip"]
    assert precompress.accepted("br;q=0, gzip;q=0.5") == ["gzip"]
    assert precompress.accepted("") == []
