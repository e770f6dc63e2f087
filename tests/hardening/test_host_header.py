"""Finding 5 of issue 19: the ``Host`` header is never trusted.

The probe sent ``Host: evil.com`` and found it in the API's next-page links and citations, in
``CITATION.txt`` inside the download ZIP and in the page's ``twitter:url``, on answers publicly
cacheable without ``Vary: Host``. Absolute URLs now come from ``ATLAS_PUBLIC_URL``, or from the
request only for loopback hosts or hosts named in ``ATLAS_TRUSTED_HOSTS``
(components/public_url.py); otherwise links are relative.
"""
from __future__ import annotations

import io
import zipfile

import dash
import pytest

from components import urls
from data import db
from data.api_endpoints import ENDPOINTS

EVIL = "evil.com"


@pytest.fixture
def client(mini_data, monkeypatch):
    monkeypatch.delenv("ATLAS_PUBLIC_URL", raising=False)
    monkeypatch.delenv("ATLAS_TRUSTED_HOSTS", raising=False)
    import app

    return app.server.test_client()


def _pages() -> list[str]:
    return [p["path_template"].replace("<iso3>", "FIN") if p.get("path_template") else p["path"]
            for p in dash.page_registry.values()] + ["/_dash-layout"]


def _api() -> list[str]:
    out = ["/api/v1/openapi.json"]
    for ep in ENDPOINTS:
        url = "/api/v1" + ep.rule.replace("<iso3>", "FIN")
        out.append(url)
        if ep.shape == "list":
            out += [url + "?limit=1", url + "?limit=1&format=csv"]
    return out


def _downloads() -> list[str]:
    tables = db.manifest()["tables"]
    out = []
    for rel in ("latest", db.release().release_id):
        d = urls.downloads(rel, tables)
        out += [d["bundle"], urls.datapackage(rel)]
        out += [u for t in d["tables"].values() for u in t.values()]
    return out + [urls.CATALOG, urls.CATALOG_TTL, urls.CATALOG_JSONLD]


def _texts(r) -> list[bytes]:
    """The answer's headers and body, and every file inside a ZIP."""
    out = [str(r.headers).encode(), r.data]
    if r.mimetype == "application/zip":
        z = zipfile.ZipFile(io.BytesIO(r.data))
        out += [z.read(n) for n in z.namelist()]
    return out


@pytest.mark.parametrize("kind", ["pages", "api", "downloads"])
def test_a_hostile_host_header_is_never_reflected(client, kind):
    urls_ = {"pages": _pages, "api": _api, "downloads": _downloads}[kind]()
    for url in urls_:
        r = client.get(url, headers={"Host": EVIL, "Accept-Encoding": "identity"})
        # the DCAT catalogue refuses (503 naming ATLAS_PUBLIC_URL) rather than guess its address
        assert r.status_code < 500 or (url.startswith(urls.CATALOG) and r.status_code == 503), (
            url, r.status_code)
        for text in _texts(r):
            assert EVIL.encode() not in text.lower(), (url, text[:300])


def test_next_page_links_are_relative_without_a_trusted_base(client):
    body = client.get("/api/v1/sources?limit=1", headers={"Host": EVIL}).get_json()
    assert body["meta"]["next"].startswith("/api/v1/sources?")
    assert "/data" in body["meta"]["citation"] and "http" not in body["meta"]["citation"].split(
        "Available at")[-1][:12]


def test_the_data_page_citation_ignores_the_host(client):
    import app
    from pages import data as page

    with app.server.test_request_context("/data", headers={"Host": EVIL}):
        shown = str(page.fill(None))
    assert EVIL not in shown


def test_the_configured_public_url_is_used_whatever_the_host(client, monkeypatch):
    monkeypatch.setenv("ATLAS_PUBLIC_URL", "https://atlas.example.org/")
    r = client.get("/api/v1/sources?limit=1", headers={"Host": EVIL})
    body = r.get_json()
    assert body["meta"]["next"].startswith("https://atlas.example.org/api/v1/sources?")
    assert "https://atlas.example.org/data" in body["meta"]["citation"]
    assert "Host" not in r.headers.get("Vary", "")  # the answer no longer depends on the host


@pytest.mark.parametrize("host", ["127.0.0.1:8050", "localhost", "[::1]:8050", "127.1.2.3"])
def test_loopback_hosts_are_used_and_the_answer_varies_on_host(client, host):
    r = client.get("/api/v1/sources?limit=1", headers={"Host": host})
    assert r.get_json()["meta"]["next"].startswith(f"http://{host}/api/v1/sources?")
    assert "Host" in r.headers["Vary"]
    assert "Host" in client.get("/", headers={"Host": EVIL}).headers["Vary"]


def test_trusted_hosts_are_used(client, monkeypatch):
    monkeypatch.setenv("ATLAS_TRUSTED_HOSTS", "atlas.internal, atlas.example.org")
    r = client.get("/api/v1/sources?limit=1", headers={"Host": "atlas.internal:8080"})
    assert r.get_json()["meta"]["next"].startswith("http://atlas.internal:8080/api/v1/")
    r = client.get("/api/v1/sources?limit=1", headers={"Host": EVIL})
    assert EVIL not in r.get_json()["meta"]["next"]
