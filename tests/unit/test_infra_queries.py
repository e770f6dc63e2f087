"""Infrastructure queries: filters, facets, the coverage matrix and the standards catalogue."""
from __future__ import annotations

import pandas as pd

from data.queries import infra


def test_parent_filter_keeps_only_that_parents_nodes(mini_data):
    df = infra.nodes(parents=["Federated EGA"])
    assert set(df.infra_id) == {"fega-fi", "fega-se", "fega-central-embl-ebi"}
    assert set(df.kind) == {"fega_node"}


def test_filters_combine_any_within_and_all_across(mini_data):
    both = infra.nodes(kinds=["elixir_node", "fega_node"], statuses=["operational"])
    assert set(both.kind) == {"elixir_node", "fega_node"}
    assert set(both.status) == {"operational"}
    assert "elixir-sk" not in set(both.infra_id)  # status unknown


def test_nodes_without_parent_match_the_none_choice(mini_data):
    df = infra.nodes(parents=[infra.NO_PARENT])
    assert len(df) > 0 and df.parent.isna().all()


def test_standard_filter_matches_stated_support(mini_data):
    df = infra.nodes(standards=["ga4gh-duo"])
    assert list(df.infra_id) == ["fega-central-embl-ebi"]


def test_filter_values_are_bound_not_spliced(mini_data):
    assert infra.nodes(kinds=["elixir_node' OR '1'='1"]).empty
    assert infra.nodes(country="FIN' OR 1=1 --").empty


def test_facets_list_every_filter_value_in_the_data(mini_data):
    f = infra.facets()
    assert infra.NO_PARENT in f["parents"] and "Federated EGA" in f["parents"]
    assert f["statuses"] == ["operational", "in_development", "planned", "unknown"]
    assert "ga4gh-crypt4gh" in f["standards"]


def test_coverage_has_a_cell_for_every_country_and_kind(mini_data):
    nodes, countries = infra.nodes(), infra.matrix_countries()
    kinds = ["elixir_node", "fega_node", "gdi_node"]
    cov = infra.coverage(nodes, countries, kinds)
    assert len(cov) == len(countries) * len(kinds)
    assert set(cov[cov.iso3 == "MDA"].coverage) == {"none"}
    assert set(cov[cov.iso3 == "MDA"].n_nodes) == {0}


def test_coverage_takes_the_best_status_and_keeps_the_rows_and_sources(mini_data):
    cov = infra.coverage(infra.nodes(), infra.matrix_countries(),
                         ["elixir_node", "gdi_node", "national_data_hub"]).set_index(["iso3", "kind"])
    assert cov.loc[("FIN", "gdi_node")].coverage == "in_development"
    # elixir-sk is withheld in release 2 (its only source was Wikipedia): no Slovak ELIXIR node
    assert cov.loc[("SVK", "elixir_node")].coverage == "none"
    assert cov.loc[("FIN", "national_data_hub")].coverage == "planned"
    gbr = cov.loc[("GBR", "elixir_node")]
    assert gbr.coverage == "operational" and gbr.n_nodes == 2
    assert set(gbr.infra_ids) == {"elixir-embl-ebi", "elixir-uk"}
    assert len(gbr.source_urls) >= 1 and len(set(gbr.source_urls)) == len(gbr.source_urls)


def test_coverage_rank_on_a_synthetic_frame():
    nodes = pd.DataFrame({
        "infra_id": ["a", "b", "c"], "name": ["A", "B", "C"], "kind": ["k", "k", "k"],
        "country_iso3": ["X", "X", "Y"], "status": ["planned", "operational", "unknown"],
        "source_urls": [["u1"], ["u2", "u1"], []]})
    countries = pd.DataFrame({"iso3": ["X", "Y", "Z"], "name": ["Ex", "Why", "Zed"]})
    cov = infra.coverage(nodes, countries, ["k"]).set_index("iso3")
    assert cov.loc["X"].coverage == "operational" and cov.loc["X"].source_urls == ["u1", "u2"]
    assert cov.loc["Y"].coverage == "unknown"
    assert cov.loc["Z"].coverage == "none" and cov.loc["Z"].n_nodes == 0


def test_filtered_coverage_only_counts_matching_nodes(mini_data):
    nodes = infra.nodes(statuses=["operational"])
    cov = infra.coverage(nodes, infra.matrix_countries(), ["gdi_node"])
    assert set(cov.coverage) == {"none"}  # every GDI node is in development


def test_standards_catalogue_lists_the_nodes_that_state_support(mini_data):
    cat = infra.standards_catalogue().set_index("standard_id")
    assert set(cat.loc["ga4gh-crypt4gh"].node_ids) == {"fega-fi", "fega-se", "fega-central-embl-ebi"}
    assert cat.loc["ga4gh-crypt4gh"].n_nodes == 3
    assert cat.loc["gdpr"].n_nodes == 0 and list(cat.loc["gdpr"].node_ids) == []
