"""The three challenges as facts per country, each resting on sourced rows."""
from __future__ import annotations

import pytest

from data.queries import challenges


def test_every_profiled_country_gets_every_fact(mini_data):
    facts = challenges.country_facts()
    assert set(facts.iso3) == {"FIN", "DNK", "GBR", "SWE", "FRA", "SVK", "MDA"}
    for key in challenges.FACTS:
        assert facts[key].notna().all() and facts[f"{key}_state"].notna().all()


def test_facts_say_what_the_data_records(mini_data):
    f = challenges.country_facts().set_index("iso3")
    assert f.loc["FIN", "fega_state"] == "operational"
    assert f.loc["FIN", "gdi_state"] == "in_development"
    assert "Crypt4GH" in f.loc["FIN", "standards"]
    assert f.loc["SVK", "signatory_state"] == "no"
    assert f.loc["MDA", "elixir"] == "no node in the data"
    assert f.loc["MDA", "standards_state"] == "none"


def test_evidence_lists_the_rows_with_their_sources(mini_data):
    rows = challenges.evidence("FIN", "fega")
    assert [r["id"] for r in rows] == ["fega-fi"]
    assert rows[0]["table"] == "infrastructures" and rows[0]["source_urls"]
    sig = challenges.evidence("SVK", "signatory")
    assert sig[0]["table"] == "countries" and "false" in sig[0]["detail"]


def test_training_evidence_comes_from_activities_with_that_topic(mini_data):
    rows = challenges.evidence("FIN", "training")
    assert rows and all(r["table"] == "activities" for r in rows)


def test_unknown_fact_is_refused_and_unknown_country_is_empty(mini_data):
    with pytest.raises(ValueError):
        challenges.evidence("FIN", "score")
    assert challenges.evidence("XXX", "fega") == []
