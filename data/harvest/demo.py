"""``python -m data.harvest --demo``: the harvester end to end against built-in loopback nodes.

Starts real HTTP servers on 127.0.0.1 that serve the fixture files (the real samples copied into
``tests/fixtures/standards/`` and the invented catalogues in ``tests/fixtures/harvest/``), including
one node that answers HTTP 500, harvests them into ``data/demo-harvest/`` (git-ignored) and marks
the snapshot as a demonstration. Then it builds a release from the real sources plus that snapshot
into ``data/demo-harvest/built/``, which the app serves only when pointed at it
(``ATLAS_DATA_DIR=data/demo-harvest/built python app.py``). Nothing leaves the machine.
"""
from __future__ import annotations

import json
from pathlib import Path

from rdflib import Graph

from .config import Node
from .loopback import Reply, ckan_search, file_reply, serve, wiremock

ROOT = Path(__file__).resolve().parents[2]
STANDARDS = ROOT / "tests" / "fixtures" / "standards"
OWN = ROOT / "tests" / "fixtures" / "harvest"
DEFAULT_OUT = ROOT / "data" / "demo-harvest"


def routes() -> dict:
    health_ri = STANDARDS / "healthdcat-ap" / "dataset_health.ttl"
    jsonld = Graph().parse(health_ri, format="turtle").serialize(format="json-ld").encode()
    recorded = json.loads((STANDARDS / "gdi-discovery" / "recorded" /
                           "package_search_datasets_when_query_ckan_only.json").read_text())
    own_ckan = json.loads((OWN / "gdi_node_nl_ckan.json").read_text())["results"]
    return {
        "/fi/catalog.ttl": file_reply(OWN / "gdi_node_fi.ttl", "text/turtle"),
        "/health-ri/catalog.jsonld": Reply(body=jsonld, content_type="application/ld+json"),
        "/nl/api/3/action/package_search": ckan_search(own_ckan),
        "/health-ri-ckan/api/3/action/package_search":
            ckan_search(recorded["response"]["jsonBody"]["result"]["results"]),
        "/beacon/info": file_reply(STANDARDS / "beacon-v2" / "beaconInfo-MAX-example.json",
                                   "application/json"),
        "/beacon/map": file_reply(STANDARDS / "beacon-v2" / "beaconMapResponse-example.json",
                                  "application/json"),
        "/broken/api/3/action/package_search":
            wiremock(STANDARDS / "gdi-discovery" / "recorded" / "package_show_with_error.json"),
    }


def nodes(base: str) -> list[Node]:
    return [
        Node("fin-dcat", "FIN", "dcat", f"{base}/fi/catalog.ttl"),
        Node("nld-ckan", "NLD", "ckan", f"{base}/nl/api/3/action"),
        Node("nld-dcat", "NLD", "dcat", f"{base}/health-ri/catalog.jsonld"),
        Node("nld-ckan-2", "NLD", "ckan", f"{base}/health-ri-ckan/api/3/action"),
        Node("swe-beacon", "SWE", "beacon", f"{base}/beacon"),
        Node("dnk-ckan", "DNK", "ckan", f"{base}/broken/api/3/action"),
    ]


def run(out: Path = DEFAULT_OUT, *, limits=None, release: bool = True):
    """Harvest the demo nodes into ``out``; with ``release``, build ``out/built`` from it."""
    from . import fetch
    from .snapshot import harvest

    with serve(routes()) as server:
        snap = harvest(nodes(server.base), out, demo=True,
                       limits=limits or fetch.Limits(timeout=5, retries=1, backoff=0.05))
    if release:
        from ..pipeline.build import build

        snap["release"] = build(ROOT / "data" / "sources", Path(out) / "built", harvest=out)
        snap["release_dir"] = str(Path(out) / "built")
    return snap
