"""The Frictionless Data Package (v2): in the download ZIP (``frictionless validate`` passes) and at
``/downloads/<release>/datapackage.json``; licence and citation travel with every download."""
from __future__ import annotations

import io
import json
import subprocess
import zipfile

import pytest

from data import db


@pytest.fixture
def client(mini_data):
    import app

    return app.server.test_client()


def test_frictionless_validate_passes_on_the_zip(client, tmp_path):
    r = client.get("/downloads/latest/bundle.zip")
    assert r.status_code == 200
    (tmp_path / "atlas.zip").write_bytes(r.data)
    out = subprocess.run(["frictionless", "validate", "--type", "package", "--json", "atlas.zip"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=300)
    report = json.loads(out.stdout)
    assert report["valid"], json.dumps(report["tasks"], indent=1)[:4000]
    assert out.returncode == 0
    rid = db.release().release_id
    assert {t["name"] for t in report["tasks"]} == {
        n.removeprefix(f"atlas-{rid}/").removesuffix(".csv")
        for n in zipfile.ZipFile(io.BytesIO(r.data)).namelist()
        if n.endswith(".csv")}


def test_the_package_describes_every_table_with_keys_missing_values_licence_and_release(client):
    rid = db.release().release_id
    r = client.get(f"/downloads/{rid}/datapackage.json")
    assert r.status_code == 200 and r.mimetype == "application/json"
    pkg = r.get_json()
    assert pkg["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert pkg["version"] == pkg["release_id"] == rid
    assert pkg["licenses"][0]["name"] == "CC-BY-4.0" and pkg["sources"]
    res = {x["name"]: x for x in pkg["resources"]}
    assert set(res) == set(db.manifest()["tables"])
    for name, x in res.items():
        assert x["path"] == f"{name}.csv"  # beside the downloads
        body = client.get(f"/downloads/{rid}/{x['path']}").data
        assert x["bytes"] == len(body)
        schema = x["schema"]
        assert schema["missingValues"] == [""] and schema["primaryKey"]
        assert body.decode().splitlines()[0].split(",") == [f["name"] for f in schema["fields"]]
    assert res["genome_counts"]["schema"]["foreignKeys"] == [
        {"fields": ["initiative_id"], "reference": {"resource": "initiatives",
                                                   "fields": ["initiative_id"]}}]
    types = {f["name"]: f["type"] for f in res["cohorts"]["schema"]["fields"]}
    assert types["countries_iso3"] == "list" and types["participants"] == "integer"
    assert client.get("/downloads/ffffffffffff/datapackage.json").status_code == 404


def test_licence_and_citation_travel_with_every_download(client):
    r = client.get("/downloads/latest/cohorts.csv")
    assert 'rel="license"' in r.headers["Link"] and "datapackage.json" in r.headers["Link"]
    assert "creativecommons.org/licenses/by/4.0" in r.headers["Link"]
    z = zipfile.ZipFile(io.BytesIO(client.get("/downloads/latest/bundle.zip").data))
    rid = db.release().release_id
    assert "CC-BY-4.0" in z.read(f"atlas-{rid}/LICENSE.txt").decode()
    assert rid in z.read(f"atlas-{rid}/CITATION.txt").decode()
    meta = client.get("/api/v1/countries").get_json()["meta"]
    assert meta["licence"]["id"] == "CC-BY-4.0" and rid in meta["citation"]
