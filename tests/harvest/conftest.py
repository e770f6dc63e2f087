"""Loopback catalogue nodes for the harvester tests: real HTTP servers on 127.0.0.1, free ports."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph

from data.harvest import fetch
from data.harvest.config import Node
from data.harvest.loopback import (
    Reply,
    ckan_search,
    file_reply,
    redirect_loop,
    serve,
    wiremock,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
STANDARDS = FIXTURES / "standards"
OWN = FIXTURES / "harvest"
RECORDED = STANDARDS / "gdi-discovery" / "recorded"
HEALTH_RI = STANDARDS / "healthdcat-ap" / "dataset_health.ttl"
#: Short limits keep the fault cases fast: a timeout costs 2 x 0.3 s.
FAST = fetch.Limits(timeout=0.3, retries=1, backoff=0.01, max_bytes=256 * 1024, max_redirects=3)


def own_ckan() -> list[dict]:
    return json.loads((OWN / "gdi_node_nl_ckan.json").read_text())["results"]


def recorded_ckan() -> list[dict]:
    doc = json.loads((RECORDED / "package_search_datasets_when_query_ckan_only.json").read_text())
    return doc["response"]["jsonBody"]["result"]["results"]


def health_ri_as(fmt: str) -> bytes:
    return Graph().parse(HEALTH_RI, format="turtle").serialize(format=fmt).encode()


def routes() -> dict:
    beacon_info = STANDARDS / "beacon-v2" / "beaconInfo-MAX-example.json"
    return {
        # good nodes
        "/fi/catalog.ttl": file_reply(OWN / "gdi_node_fi.ttl", "text/turtle"),
        "/nl/api/3/action/package_search": ckan_search(own_ckan()),
        "/hri/catalog.ttl": file_reply(HEALTH_RI, "text/turtle"),
        "/hri/catalog.jsonld": Reply(body=health_ri_as("json-ld"), content_type="application/ld+json"),
        "/hri/catalog.rdf": Reply(body=health_ri_as("xml"), content_type="application/rdf+xml"),
        "/hri-ckan/api/3/action/package_search": ckan_search(recorded_ckan()),
        "/beacon/info": file_reply(beacon_info, "application/json"),
        "/beacon/map": file_reply(STANDARDS / "beacon-v2" / "beaconMapResponse-example.json",
                                  "application/json"),
        "/bad/catalog.ttl": file_reply(OWN / "bad_records.ttl", "text/turtle"),
        # recorded faults
        "/slow/catalog.ttl": Reply(hang=True),
        "/e500/api/3/action/package_search": wiremock(RECORDED / "package_show_with_error.json"),
        "/e404/api/3/action/package_search": wiremock(RECORDED / "package_show_not_found.json"),
        "/malformed/catalog.ttl": file_reply(OWN / "malformed.ttl", "text/turtle"),
        "/notckan/api/3/action/package_search": file_reply(beacon_info, "application/json"),
        "/huge/catalog.ttl": Reply(content_type="text/turtle", stream_bytes=4 * 1024 * 1024),
        "/loop/catalog.ttl": redirect_loop("/loop/catalog.ttl"),
        "/tofile/catalog.ttl": redirect_loop("file:///etc/passwd"),
        "/html/catalog.ttl": Reply(body=b"<html>login</html>", content_type="text/html"),
        "/deadbeacon/info": Reply(hang=True),
    }


#: (node id, country, kind, path): the good nodes, then one node per recorded fault.
NODES = """
fin-dcat FIN dcat /fi/catalog.ttl | nld-ckan NLD ckan /nl/api/3/action
nld-ttl NLD dcat /hri/catalog.ttl | nld-jsonld NLD dcat /hri/catalog.jsonld
nld-rdfxml NLD dcat /hri/catalog.rdf | nld-hri-ckan NLD ckan /hri-ckan/api/3/action
swe-beacon SWE beacon /beacon | swe-bad SWE dcat /bad/catalog.ttl
--
slow DNK dcat /slow/catalog.ttl | e500 DNK ckan /e500/api/3/action
e404 DNK ckan /e404/api/3/action | malformed DNK dcat /malformed/catalog.ttl
notckan DNK ckan /notckan/api/3/action | huge DNK dcat /huge/catalog.ttl
loop DNK dcat /loop/catalog.ttl | html DNK dcat /html/catalog.ttl
tofile DNK dcat /tofile/catalog.ttl
deadbeacon DNK beacon /deadbeacon
"""
GOOD, FAULTY = ([tuple(n.split()) for line in part.strip().splitlines() for n in line.split("|")]
                for part in NODES.split("--"))


def make_nodes(base: str, spec) -> list[Node]:
    return [Node(i, c, k, base + p) for i, c, k, p in spec]


@pytest.fixture(scope="session")
def loopback():
    server = serve(routes())
    yield server
    server.close()


def harvested_release(sources: Path, root: Path, *, demo: bool) -> Path:
    """Harvest the good loopback nodes into ``root/harvest`` and build ``sources`` with it into
    ``root/built`` (returned: an ``ATLAS_DATA_DIR``)."""
    from data.harvest import snapshot
    from data.pipeline.build import build

    with serve(routes()) as server:
        snapshot.harvest(make_nodes(server.base, GOOD), root / "harvest", limits=FAST, demo=demo)
    build(sources, root / "built", harvest=root / "harvest")
    return root / "built"


@pytest.fixture(scope="session")
def demo_release(release_factory, tmp_path_factory) -> Path:
    """The mini sources built with a demonstration harvest of the good loopback nodes."""
    src = release_factory("demo-catalogue", build=False).sources
    return harvested_release(src, tmp_path_factory.mktemp("demo-catalogue"), demo=True)
