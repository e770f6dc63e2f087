"""The harvester against real loopback HTTP nodes: formats, validation, isolation, snapshots.

One harvest of every good and every faulty node runs once per module (``run``); each fault case
is its own test and checks that the other nodes' data stayed intact.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import SH

from data.harvest import records, snapshot, sources
from data.harvest.config import Node

from .conftest import FAST, FAULTY, GOOD, STANDARDS, make_nodes

NOW = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def run(loopback, tmp_path_factory):
    out = tmp_path_factory.mktemp("harvest")
    snap = snapshot.harvest(make_nodes(loopback.base, GOOD + FAULTY), out, limits=FAST, now=NOW)
    rows = pq.read_table(f"{snap['path']}/datasets.parquet").to_pylist()
    return {"snap": snap, "out": out, "rows": rows, "reports": snap["reports"],
            "by_node": lambda n: [r for r in rows if r["node"] == n]}


def _intact(run):
    """Every good node harvested as expected, whatever the faulty ones did."""
    rep = run["reports"]
    assert all(rep[n]["status"] == "ok" for n, *_ in GOOD)
    assert len(run["by_node"]("fin-dcat")) == 3 and len(run["by_node"]("nld-ckan")) == 4
    assert [r["individuals"] for r in run["by_node"]("nld-ttl")] == [7654321]
    assert rep["swe-beacon"]["facts"]["alive"] is True


# --- formats and fields -------------------------------------------------------------------------

@pytest.mark.parametrize("node", ["nld-ttl", "nld-jsonld", "nld-rdfxml"])
def test_a_healthdcat_record_reads_the_same_from_turtle_json_ld_and_rdf_xml(run, node):
    [r] = run["by_node"](node)
    assert r["dataset_id"] == "http://example.com/dataset/1234567890"
    assert r["title"] == "HealthDCAT-AP test dataset"
    assert (r["individuals"], r["records"]) == (7654321, 123456789)
    assert r["country_iso3"] == "NLD"  # not a GDI identifier: the node's country
    assert r["access_rights"].endswith("/access-right/NON_PUBLIC")
    assert r["modified"] == "2024-12-31T23:59:59Z"
    assert (r["compliant_1mg"], r["genomic"]) == (False, False)
    assert r["harvested_at"] == "2026-12-01T09:30:00Z"
    assert r["source_url"].startswith("http://127.0.0.1:") and "/hri/catalog." in r["source_url"]


def test_gdi_identifiers_give_the_country_and_conforms_to_gives_1mg_compliance(run):
    fin = {r["dataset_id"]: r for r in run["by_node"]("fin-dcat")}
    assert fin["GDI-FI-DEMO-001"]["country_iso3"] == "FIN"
    assert fin["GDI-NL-DEMO-007"]["country_iso3"] == "NLD"  # listed by the Finnish node
    assert fin["GDI-FI-DEMO-001"]["compliant_1mg"] and fin["GDI-FI-DEMO-001"]["genomic"]
    assert not fin["GDI-NL-DEMO-007"]["compliant_1mg"] and fin["GDI-NL-DEMO-007"]["genomic"]
    assert fin["GDI-FI-DEMO-002"]["modified"] == "2026-09-15"


def test_the_recorded_ckan_answer_is_harvested_with_missing_counts_left_missing(run):
    hri = run["by_node"]("nld-hri-ckan")
    assert sorted(r["dataset_id"] for r in hri) == ["27866022694497975", "cp-tavi", "euc_kauno_uc6"]
    assert all(r["individuals"] is None for r in hri)  # never 0 for "not published"
    assert all(r["modified"].startswith("2024-03-19T13:37") for r in hri)


def test_ckan_is_paged_with_rows_and_start(loopback):
    node = Node("nld-ckan", "NLD", "ckan", loopback.url("/nl/api/3/action"))
    before = len(loopback.requests)
    raw, problems, facts = sources.read_ckan(node, FAST, rows=3)
    asked = [q for q in loopback.requests[before:] if q.startswith("/nl/")]
    assert [re.search(r"start=(\d+)", q).group(1) for q in asked] == ["0", "3"]
    assert len(raw) == 4 and facts == {"count": 4, "pages": 2} and problems == []


def test_a_beacon_gives_liveness_and_what_info_and_map_say_not_counts(run):
    r = run["reports"]["swe-beacon"]
    assert r["facts"]["beacon_id"] == "org.ga4gh.beacon"
    assert r["facts"]["entry_types"] == ["dataset", "exampleEntry"]
    assert run["by_node"]("swe-beacon") == []
    nodes = {n["node"]: n for n in pq.read_table(f"{run['snap']['path']}/nodes.parquet").to_pylist()}
    assert nodes["swe-beacon"]["alive"] is True and nodes["deadbeacon"]["alive"] is False


def test_the_gdi_profile_defines_the_terms_the_harvester_looks_for():
    g = Graph().parse(STANDARDS / "gdi-metadata" / "Dataset.ttl", format="turtle")
    terms = {str(o) for o in g.all_nodes() if isinstance(o, URIRef)}
    assert records.COMPLIANT_1MG in terms
    assert records.GENOMIC_CATEGORIES <= terms
    [pattern] = [str(p) for p in g.objects(None, SH.pattern)]
    assert re.match(pattern, "GDI-FI-THL-001") and records.GDI_ID.match("GDI-FI-THL-001")


# --- faults: each node fails alone --------------------------------------------------------------

NODE_FAULTS = [  # (node, what its error says); the node is served a recorded fault (conftest)
    pytest.param("slow", r"timeout.*after 2 attempts", id="timeout"),
    pytest.param("e500", r"HTTP 500 \(after 2 attempts\)", id="http-500-retried"),
    pytest.param("e404", r"HTTP 404", id="http-404"),
    pytest.param("malformed", r"malformed RDF \(turtle\)", id="malformed-turtle"),
    pytest.param("notckan", r"not a CKAN package_search answer", id="json-not-ckan"),
    pytest.param("huge", r"over the size limit", id="over-size-limit"),
    pytest.param("loop", r"redirect loop", id="redirect-loop"),
    pytest.param("tofile", r"redirect to 'file:///etc/passwd', which is not an http\(s\) URL",
                 id="redirect-off-the-web"),
    pytest.param("html", r"content type 'text/html'", id="wrong-content-type"),
    pytest.param("deadbeacon", r"timeout", id="beacon-not-answering"),
]


@pytest.mark.parametrize(("node", "error"), NODE_FAULTS)
def test_a_failing_node_is_reported_and_the_other_nodes_are_intact(run, node, error):
    r = run["reports"][node]
    assert r["status"] == "failed", r
    assert re.search(error, r["error"]), r["error"]
    assert run["by_node"](node) == []
    _intact(run)


def test_a_beacon_that_does_not_answer_is_not_live(run):
    assert run["reports"]["deadbeacon"]["facts"] == {"alive": False}


# --- faults: bad records are skipped, the rest of the node kept ---------------------------------

def _problem(run, node, pattern):
    hits = [p for p in run["reports"][node]["problems"] if re.search(pattern, p)]
    assert hits, run["reports"][node]["problems"]
    return hits[0]


def test_a_record_without_identifier_is_reported_and_skipped(run):
    assert _problem(run, "swe-bad", "no identifier") == \
        "swe-bad:https://bad.example/dataset/no-id: record has no identifier; skipped"
    assert [r["dataset_id"] for r in run["by_node"]("swe-bad")] == ["GDI-SE-DEMO-100"]
    _intact(run)


def test_negative_and_non_numeric_individuals_are_reported_and_skipped(run):
    assert _problem(run, "swe-bad", "GDI-SE-DEMO-101").startswith(
        "swe-bad:GDI-SE-DEMO-101: individuals: Input should be greater than or equal to 0")
    assert "'about a thousand' is not a whole number" in _problem(run, "swe-bad", "GDI-SE-DEMO-102")
    assert run["reports"]["swe-bad"]["counts"] == {"records_seen": 6, "records_valid": 1,
                                                   "records_skipped": 5}


def test_an_unknown_country_code_in_an_identifier_is_reported_and_skipped(run):
    assert "unknown country code 'XX'" in _problem(run, "swe-bad", "GDI-XX-DEMO-103")


def test_an_unparseable_date_is_reported_and_skipped(run):
    assert "'last Tuesday' is not a date" in _problem(run, "swe-bad", "GDI-SE-DEMO-104")


def test_the_same_dataset_in_two_nodes_is_counted_once_and_reported(run):
    both = [r for r in run["rows"] if r["dataset_id"] == "GDI-NL-DEMO-007"]
    assert [(r["node"], r["counted"], r["duplicate_of"]) for r in both] == \
        [("fin-dcat", True, None), ("nld-ckan", False, "fin-dcat")]
    assert _problem(run, "nld-ckan", "GDI-NL-DEMO-007") == \
        "nld-ckan:GDI-NL-DEMO-007: also listed by fin-dcat; counted once (under fin-dcat)"
    dups = [d for d in run["snap"]["duplicates"] if d["dataset_id"] == "GDI-NL-DEMO-007"]
    assert dups == [{"dataset_id": "GDI-NL-DEMO-007", "node": "nld-ckan", "counted_under": "fin-dcat"}]
    # the Health-RI record served in three formats is one dataset, counted under the first node
    hri = [r for r in run["rows"] if r["dataset_id"] == "http://example.com/dataset/1234567890"]
    assert [r["counted"] for r in hri] == [True, False, False]


# --- snapshots ----------------------------------------------------------------------------------

def test_a_snapshot_has_the_table_and_a_report_per_node(run):
    path = run["snap"]["path"]
    assert path.endswith("2026-12-01T093000Z") and snapshot.latest(run["out"]).name == path[-18:]
    cols = pq.read_schema(f"{path}/datasets.parquet").names
    assert {"node", "dataset_id", "title", "country_iso3", "individuals", "records", "conforms_to",
            "genomic", "access_rights", "modified", "harvested_at", "source_url"} <= set(cols)
    rep = json.loads(Path(path, "reports", "e500.json").read_text())
    assert rep["status"] == "failed" and rep["duration_s"] >= 0 and "problems" in rep
    assert rep["counts"] == {"records_seen": 0, "records_valid": 0, "records_skipped": 0}
    ok = json.loads(Path(path, "reports", "fin-dcat.json").read_text())
    assert ok["counts"]["records_valid"] == 3 and ok["last_success_at"] == "2026-12-01T09:30:00Z"


def test_a_failed_harvest_keeps_the_nodes_previous_records(loopback, tmp_path):
    first = snapshot.harvest(make_nodes(loopback.base, GOOD[:2]), tmp_path, limits=FAST, now=NOW)
    broken = [("fin-dcat", "FIN", "dcat", "/e500/catalog.ttl"), GOOD[1]]
    later = NOW + dt.timedelta(days=1)
    second = snapshot.harvest(make_nodes(loopback.base, broken), tmp_path, limits=FAST, now=later)
    assert second["path"] != first["path"]
    rows = pq.read_table(f"{second['path']}/datasets.parquet").to_pylist()
    fin = [r for r in rows if r["node"] == "fin-dcat"]
    assert len(fin) == 3 and {r["harvested_at"] for r in fin} == {"2026-12-01T09:30:00Z"}
    nld = [r for r in rows if r["node"] == "nld-ckan"]
    assert {r["harvested_at"] for r in nld} == {"2026-12-02T09:30:00Z"}
    rep = second["reports"]["fin-dcat"]
    assert rep["status"] == "failed" and rep["last_success_at"] == "2026-12-01T09:30:00Z"
    assert rep["kept_previous"] == 3
    # the earlier snapshot is untouched
    assert len(pq.read_table(f"{first['path']}/datasets.parquet")) == 7
