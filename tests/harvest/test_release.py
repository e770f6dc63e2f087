"""A harvest snapshot through the pipeline into a release: tables, evidence, provenance, the diff."""
from __future__ import annotations

import datetime as dt

import pyarrow.parquet as pq
import pytest

from data import vocab
from data.db import load_release
from data.harvest import snapshot
from data.pipeline.__main__ import main as pipeline_main
from data.pipeline.build import build

from .conftest import FAST, GOOD, make_nodes

NOW = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def releases(loopback, release_factory, tmp_path_factory):
    """The mini sources built without a harvest, then again with one (into the same directory)."""
    harvest_dir = tmp_path_factory.mktemp("harvest")
    snapshot.harvest(make_nodes(loopback.base, GOOD), harvest_dir, limits=FAST, now=NOW)
    src = release_factory("catalogue", build=False).sources
    out = tmp_path_factory.mktemp("catalogue-built")
    plain = build(src, out)
    harvested = build(src, out, harvest=harvest_dir)
    return {"out": out, "plain": plain, "harvested": harvested, "harvest_dir": harvest_dir}


def _table(releases, name):
    return pq.read_table(releases["out"] / "releases" / releases["harvested"]["release_id"]
                         / f"{name}.parquet").to_pandas()


def test_without_a_harvest_the_release_says_no_catalogue_harvested(releases):
    plain = releases["plain"]
    assert plain["catalogue"] is None
    assert not any(t.startswith("catalogue_") for t in plain["tables"])


def test_the_indicator_sums_counted_1mg_compliant_genomic_datasets_per_country(releases):
    by = _table(releases, "catalogue_by_country").set_index("country_iso3")
    assert by.loc["FIN", "individuals_1mg_genomic"] == 1200 + 300
    # NLD: 800 (compliant genomic); not the non-compliant 2,500, the epigenomic 400, nor the
    # dataset both nodes list (externally governed, counted once under the Finnish node)
    assert by.loc["NLD", "individuals_1mg_genomic"] == 800
    assert by.loc["SWE", "individuals_1mg_genomic"] == 10
    assert set(by.evidence) == {"catalogued"}
    assert by.loc["FIN", "oldest_harvested_at"] == "2026-12-01T09:30:00Z"
    assert all(u.startswith("http://127.0.0.1:") for u in by.loc["FIN", "source_urls"])


def test_catalogued_rows_carry_provenance_and_beacons_are_live(releases):
    ds = _table(releases, "catalogue_datasets")
    assert ds.node_url.str.startswith("http://127.0.0.1:").all()
    assert (ds.harvested_at == "2026-12-01T09:30:00Z").all() and set(ds.evidence) == {"catalogued"}
    nodes = _table(releases, "catalogue_nodes").set_index("node")
    assert nodes.loc["swe-beacon", "evidence"] == "live" and nodes.loc["fin-dcat", "evidence"] == "catalogued"
    assert set(ds.evidence) | set(nodes.evidence) <= set(vocab.EVIDENCE_LEVELS)
    cat = releases["harvested"]["catalogue"]
    assert cat["harvested_at"] == "2026-12-01T09:30:00Z" and cat["demo"] is False
    assert {n["node"] for n in cat["nodes"]} == {n for n, *_ in GOOD}


def test_harvested_data_is_listed_in_the_release_diff(releases):
    m = releases["harvested"]
    assert m["previous_release"] == releases["plain"]["release_id"]
    assert m["changes"]["catalogue_datasets"]["added"] == len(_table(releases, "catalogue_datasets"))
    assert m["changes"]["catalogue_nodes"]["added"] == len(GOOD)
    changes = _table(releases, "release_changes")
    assert "fin-dcat|GDI-FI-DEMO-001" in set(changes[changes.table == "catalogue_datasets"].key)


def test_the_app_loads_a_release_with_catalogue_tables(releases):
    rel = load_release(releases["out"])
    assert rel.con.table("catalogue_by_country").shape[0] == 3


def test_a_configured_harvest_directory_without_a_snapshot_writes_nothing(tmp_path, capsys,
                                                                          mini_sources):
    code = pipeline_main(["--sources", str(mini_sources), "--out", str(tmp_path / "out"),
                          "--harvest", str(tmp_path / "empty")])
    assert code == 1 and "no harvest snapshot" in capsys.readouterr().err
    assert not (tmp_path / "out" / "CURRENT").exists()
