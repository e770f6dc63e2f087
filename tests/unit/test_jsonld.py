"""schema.org Dataset JSON-LD in the server's HTML of / and /data (not added by JavaScript), not
blocked or hashed by the CSP."""
from __future__ import annotations

import base64
import hashlib
import json
import re

import pytest

from data import db

BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture
def client(mini_data, monkeypatch):
    import app

    monkeypatch.delenv("ATLAS_PUBLIC_URL", raising=False)
    return app.server.test_client()


@pytest.mark.parametrize("path", ["/", "/data"])
def test_the_initial_html_carries_the_dataset(client, path):
    r = client.get(path)
    assert r.status_code == 200 and r.mimetype == "text/html"
    html = r.get_data(as_text=True)
    blocks = BLOCK.findall(html)
    assert len(blocks) == 1 and html.index(blocks[0]) < html.index("</head>")
    doc = json.loads(blocks[0])
    rid = db.release().release_id
    assert doc["@type"] == "Dataset" and doc["@context"] == "https://schema.org/"
    assert doc["version"] == rid and doc["dateModified"] == db.manifest()["built_at"]
    assert doc["license"].startswith("https://creativecommons.org/licenses/by/4.0")
    assert doc["publisher"]["name"] and doc["name"] and doc["description"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d/\d{4}-\d\d-\d\d", doc["temporalCoverage"])
    assert doc["spatialCoverage"] and all(p["@type"] == "Place" for p in doc["spatialCoverage"])
    urls = [d["contentUrl"] for d in doc["distribution"]]
    assert f"http://localhost/downloads/{rid}/bundle.zip" in urls
    for u in urls:
        assert client.get(u.removeprefix("http://localhost")).status_code == 200, u
    # a data block is not a script: the CSP does not hash (allow) it
    digest = base64.b64encode(hashlib.sha256(blocks[0].encode()).digest()).decode()
    assert digest not in r.headers["Content-Security-Policy"]


def test_other_pages_and_untrusted_hosts(client):
    assert not BLOCK.search(client.get("/cohorts").get_data(as_text=True))
    html = client.get("/", headers={"Host": "evil.example"}).get_data(as_text=True)
    doc = json.loads(BLOCK.findall(html)[0])
    assert "evil.example" not in json.dumps(doc)
    assert doc["distribution"][0]["contentUrl"].startswith("/downloads/")


def test_the_data_page_names_the_licence_catalogue_and_data_package():
    from pages._data_sections import open_data_block

    hrefs = []

    def walk(node):
        if hasattr(node, "href") and getattr(node, "href", None):
            hrefs.append(node.href)
        for child in getattr(node, "children", None) or []:
            if not isinstance(child, str):
                walk(child)

    walk(open_data_block("abc123"))
    assert hrefs == ["https://creativecommons.org/licenses/by/4.0/", "/catalog.ttl",
                     "/catalog.jsonld", "/downloads/abc123/datapackage.json"]
