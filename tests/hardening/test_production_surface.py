"""What production shows: no server product name, short caching of HTML, no development routes,
and kept releases (their immutable download URLs keep answering after new builds)."""
from __future__ import annotations

import re
import urllib.request

import pytest

from data.pipeline.build import build
from tests.waiting import wait_until

from .conftest import gunicorn, stop

PAGES = ["/", "/countries", "/data", "/no-such-page"]


@pytest.fixture(scope="module")
def client():
    import app

    return app.server.test_client()


def test_gunicorn_sends_no_server_header(mini_built, tmp_path):
    proc, base = gunicorn(mini_built, tmp_path / "gunicorn.log", ATLAS_WORKERS="1")
    try:
        wait_until(lambda: urllib.request.urlopen(base + "/healthz", timeout=2).status == 200,
                   timeout=60, what="a healthy server")
        for path in ["/healthz", "/", "/api/v1/release", "/assets/atlas.css", "/nope/../x"]:
            try:
                r = urllib.request.urlopen(base + path, timeout=10)
            except urllib.error.HTTPError as e:
                r = e
            assert r.headers.get("Server") is None, (path, r.headers.get("Server"))
            for value in r.headers.values():
                assert not re.search(r"gunicorn|werkzeug|flask", value, re.IGNORECASE), (path, value)
    finally:
        stop(proc)


@pytest.mark.parametrize("path", PAGES)
def test_html_answers_carry_a_short_cache_control(path, client):
    r = client.get(path)
    assert r.mimetype == "text/html"
    cc = r.headers.get("Cache-Control", "")
    m = re.search(r"max-age=(\d+)", cc)
    assert "no-cache" in cc or "no-store" in cc or (m and int(m.group(1)) <= 300), cc


@pytest.mark.parametrize("path", ["/_reload-hash"])
def test_development_routes_are_off_in_production(path, client):
    assert client.get(path).status_code == 404


def _new_release(src, out, n: int) -> str:
    """Edit the sources (Moldova's name gets a suffix) and build; return the new release id."""
    f = src / "countries.csv"
    f.write_text(f.read_text(encoding="utf-8").replace("Republic of Moldova",
                                                       f"Republic of Moldova {n}", 1), encoding="utf-8")
    return build(src, out)["release_id"]


def test_building_again_keeps_the_earlier_releases_download_urls(data_copy, client, monkeypatch):
    from data import db

    src, out = data_copy
    ids = [(out / "CURRENT").read_text().strip()]
    ids += [_new_release(src, out, n) for n in (1, 2)]
    assert len(set(ids)) == 3
    monkeypatch.setenv("ATLAS_DATA_DIR", str(out))
    db.reset()
    try:
        for rid in ids:
            for name in ("countries.parquet", "countries.csv", "bundle.zip"):
                r = client.get(f"/downloads/{rid}/{name}")
                assert r.status_code == 200, (rid, name, r.data[:200])
    finally:
        db.reset()


def test_the_number_of_kept_releases_is_configurable(data_copy, monkeypatch):
    src, out = data_copy
    monkeypatch.setenv("ATLAS_KEEP_RELEASES", "2")
    first = (out / "CURRENT").read_text().strip()
    kept = [_new_release(src, out, n) for n in (1, 2)]
    assert sorted(p.name for p in (out / "releases").iterdir()) == sorted(kept)
    assert first not in kept
