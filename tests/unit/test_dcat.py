"""The DCAT-AP catalogue: valid against the DCAT-AP 3.0.1 SHACL shapes, one dataset per table with
CSV and Parquet distributions that match the downloads, EU authority URIs, a trusted base URL."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, RDF
from rdflib.namespace import DCTERMS as DCT

from data.dcat import SPDX

SHAPES = Path(__file__).resolve().parents[1] / "fixtures" / "standards" / "dcat-ap-3.0.1"
BASE = "http://localhost"


@pytest.fixture
def client(mini_data, monkeypatch):
    import app

    monkeypatch.delenv("ATLAS_PUBLIC_URL", raising=False)
    return app.server.test_client()


def _graph(client, path="/catalog.ttl", fmt="turtle") -> Graph:
    r = client.get(path)
    assert r.status_code == 200, r.get_data(as_text=True)
    return Graph().parse(data=r.get_data(as_text=True), format=fmt)


def _shapes() -> Graph:
    g = Graph()
    for name in ("shapes.ttl", "range.ttl"):
        g.parse(SHAPES / name, format="turtle")
    return g


@pytest.mark.parametrize("path,fmt", [("/catalog.ttl", "turtle"), ("/catalog.jsonld", "json-ld")])
def test_the_catalogue_has_zero_shacl_violations(client, path, fmt):
    conforms, _, text = validate(_graph(client, path, fmt), shacl_graph=_shapes(),
                                 inference="none", allow_warnings=True)
    assert conforms, text


def test_real_release_catalogue_conforms_too(real_data, monkeypatch):
    import app

    monkeypatch.delenv("ATLAS_PUBLIC_URL", raising=False)
    g = _graph(app.server.test_client())
    conforms, _, text = validate(g, shacl_graph=_shapes(), inference="none")
    assert conforms, text


def test_one_dataset_per_table_with_csv_and_parquet_matching_the_downloads(client):
    from data.queries import catalog

    g = _graph(client)
    datasets = set(g.subjects(RDF.type, DCAT.Dataset))
    assert len(datasets) == len(catalog.loaded_tables())
    cat = next(g.subjects(RDF.type, DCAT.Catalog))
    assert set(g.objects(cat, DCAT.dataset)) == datasets
    for ds in datasets:
        ident = str(g.value(ds, DCT.identifier))
        assert ident.startswith(BASE + "/") and str(ds) == ident
        assert g.value(ds, DCT.accessRights) == URIRef(
            "http://publications.europa.eu/resource/authority/access-right/PUBLIC")
        spatial = set(g.objects(ds, DCT.spatial))
        assert spatial and all(str(s).startswith(
            "http://publications.europa.eu/resource/authority/country/") for s in spatial)
        dists = list(g.objects(ds, DCAT.distribution))
        assert len(dists) == 2
        for d in dists:
            url = str(g.value(d, DCAT.downloadURL))
            assert url.startswith(BASE + "/downloads/")
            body = client.get(url.removeprefix(BASE)).get_data()
            assert g.value(d, DCAT.byteSize) == Literal(len(body), datatype=g.value(
                d, DCAT.byteSize).datatype)
            chk = g.value(d, SPDX.checksum)
            assert str(g.value(chk, SPDX.checksumValue)) == hashlib.sha256(body).hexdigest()
            assert str(g.value(d, DCAT.mediaType)).startswith(
                "https://www.iana.org/assignments/media-types/")


def test_content_negotiation_and_unsupported_accept_is_406(client):
    r = client.get("/catalog", headers={"Accept": "application/ld+json"})
    assert r.status_code == 200 and r.mimetype == "application/ld+json"
    json.loads(r.get_data(as_text=True))
    assert client.get("/catalog", headers={"Accept": "text/turtle"}).mimetype == "text/turtle"
    r = client.get("/catalog", headers={"Accept": "application/pdf"})
    assert r.status_code == 406 and "error" in r.get_json()
    assert client.get("/catalog.pdf").status_code == 404


def test_the_base_url_never_comes_from_an_untrusted_host(client, monkeypatch):
    r = client.get("/catalog.ttl", headers={"Host": "evil.example"})
    assert r.status_code == 503 and "ATLAS_PUBLIC_URL" in r.get_data(as_text=True)
    monkeypatch.setenv("ATLAS_PUBLIC_URL", "https://atlas.example.org/")
    r = client.get("/catalog.ttl", headers={"Host": "evil.example"})
    assert r.status_code == 200
    text = r.get_data(as_text=True)
    assert "https://atlas.example.org/downloads/" in text and "evil.example" not in text
