"""The committed release holds release 2 of the sources, compared with release 1 as corrections.

What release 2 changed and why is told in data/sources/SOURCES-release2.md.
"""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILT = ROOT / "data" / "built"
RELEASE_1 = "c50f0c4bfa68"


@pytest.fixture(scope="module")
def served():
    rid = (BUILT / "CURRENT").read_text().strip()
    d = BUILT / "releases" / rid
    manifest = json.loads((d / "manifest.json").read_text())
    changes = pq.read_table(d / "release_changes.parquet").to_pylist()
    return manifest, {(r["table"], r["key"]): r for r in changes}


def _corr(changes, figure_id):
    r = changes[("genome_counts", figure_id)]
    assert r["change"] == "changed"
    return json.loads(r["before"]), json.loads(r["after"])


def test_release_2_is_compared_with_release_1(served):
    manifest, _ = served
    assert manifest["previous_release"] == RELEASE_1
    assert manifest["tables"]["genome_counts"]["rows"] == 121 - 4
    assert manifest["tables"]["initiatives"]["rows"] == 59


def test_audit_corrections_show_as_old_value_to_new_value(served):
    _, ch = served
    # France's 100,000 persons (paywalled teaser) is a proxy, not a running genome count
    before, after = _corr(ch, "bbc16548213c")
    assert (before["count_basis"], after["count_basis"]) == ("cumulative", "proxy")
    # Cyprus's 1,000 "DNA analyses" of unstated type
    before, after = _corr(ch, "f0dddf89b6c2")
    assert (before["count_basis"], after["count_basis"]) == ("cumulative", "proxy")
    # UK Biobank's 150,119 is one paper's analysis set, dated to its publication
    before, after = _corr(ch, "222650061d51")
    assert (before["count_basis"], after["count_basis"]) == ("cumulative", "subset")
    assert (before["as_of_date"], after["as_of_date"]) == ("2022", "2022-07-20")
    # FinnGen's 224,737 is a paper's analysis set too
    before, after = _corr(ch, "6b5100717aa5")
    assert (before["count_basis"], after["count_basis"]) == ("cumulative", "subset")
    # the UK 5,000,000 target and Ireland's GMI target got their exact dates
    assert _corr(ch, "a9f8fb951da0")[1]["as_of_date"] == "2018-10-02"
    assert _corr(ch, "574a5836ae3f")[1]["as_of_date"] == "2018-11-27"
    # a bare-IP mirror replaced by the publisher
    before, after = _corr(ch, "a9956f13ff54")
    assert before["source_urls"][0].startswith("http://47.251.13.51:8081/")
    assert after["source_urls"][0] == "http://www.nature.com/articles/s41431-019-0551-x"


def test_no_corrected_figure_shows_as_removed_and_added(served):
    _, ch = served
    removed = [k for k, r in ch.items() if k[0] == "genome_counts" and r["change"] == "removed"]
    added = [k for k, r in ch.items() if k[0] == "genome_counts" and r["change"] == "added"]
    # removed: Iceland's blog round number and its 2015 figure (audit), and the four rows withheld
    # because they rest only on secondary sources; added: nine newly sourced figures
    assert len(removed) == 6 and len(added) == 9
    gc = pq.read_table(BUILT / "releases" / RELEASE_1 / "genome_counts.parquet").to_pylist()
    old = {r["figure_id"]: r for r in gc}
    gone = {(old[k]["country_iso3"], old[k]["as_of_date"], old[k]["value"]) for _, k in removed}
    assert gone == {("ISL", "2014-02", 120000), ("ISL", "2015", 10000), ("ESP", "2025-09", 2000),
                    ("GBR", "2015-12", 6000), ("GBR", "2016-02-04", 5102),
                    ("GBR", "2016-02-04", 1286)}
