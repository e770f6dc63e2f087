"""Callbacks of /infrastructures and /challenges, called directly."""
from __future__ import annotations

import pytest

import app  # noqa: F401  (registers the pages)
from pages import _infra_callbacks as page
from pages import _infra_state as state
from pages import challenges
from tests.callbacks.harness import call, text_of


def test_bad_url_values_fall_back_with_a_visible_notice(mini_data):
    out = call(page.init, {"kind": "fega_node,warp_drive", "sort": "sideways", "bogus": "1"}, None)
    assert out["kind"] == ["fega_node"]
    assert out["sort"] == "name"
    msg = text_of(out["notices"])
    assert "warp_drive" in msg and "sideways" in msg and "bogus" in msg


def test_clear_filters_empties_every_filter(mini_data):
    out = call(page.init, {"kind": "fega_node"}, None, trigger="infra-reset.n_clicks")
    assert tuple(out[k] for k in state.FILTER_KEYS) == ([], [], [], [], [])


def test_render_draws_located_nodes_and_counts_the_rest(mini_data):
    out = page.render(["fega_node"], [], [], [], [], "name")
    fig, mrows, unplaced = out["map_figure"], out["map_rows"], out["unplaced"]
    cfig, crows = out["coverage_figure"], out["coverage_rows"]
    nrows, title = out["nodes"], out["title"]
    drawn = [i for t in fig.data if t.type == "scattergeo" and t.customdata is not None
             for i in t.customdata]
    assert sorted(drawn) == ["fega-fi", "fega-se"] == sorted(r["infra_id"] for r in mrows)
    assert "1 of 3 nodes have no coordinates" in text_of(unplaced)
    assert title.endswith("(3)") and len(nrows) == 3
    heat = next(t for t in cfig.data if t.type == "heatmap")
    assert list(heat.x) == ["Federated EGA node"]
    fin = next(r for r in crows if r["iso3"] == "FIN")
    assert fin["fega_node"].startswith("Operational") and "fega-fi" in fin["infra_ids"]


def test_gaps_order_puts_countries_with_fewest_kinds_first(mini_data):
    crows = page.render([], [], [], [], [], "gaps")["coverage_rows"]
    assert crows[0]["iso3"] == "MDA"


def test_clicks_become_selections(mini_data):
    cell = {"points": [{"customdata": "FIN|fega_node"}]}
    assert call(page.select, None, cell, trigger="infra-coverage-graph.clickData") == "cell:FIN.fega_node"
    bar = {"points": [{"customdata": "FIN|activities"}]}
    assert call(page.select, None, bar, trigger="infra-coverage-graph.clickData") == "part:FIN.activities"
    node = {"points": [{"customdata": "fega-fi"}]}
    assert call(page.select, node, None, trigger="infra-map-graph.clickData") == "node:fega-fi"


def test_cell_selection_lists_its_nodes_with_sources_and_goes_into_the_url(mini_data):
    _m, cov, search = page.detail("cell:FIN.fega_node", [], [], [], [], [], "name")
    txt = text_of(cov)
    assert "Finland" in txt and "fega-fi" in txt and "source" in txt
    assert search == "?sel=cell%3AFIN.fega_node"


def test_empty_cell_says_none_is_recorded_not_that_none_exists(mini_data):
    _m, cov, _s = page.detail("cell:MDA.fega_node", [], [], [], [], [], "name")
    assert "not proof that none exists" in text_of(cov)


def test_forged_selection_gets_a_clear_answer(mini_data):
    _m, cov, _s = page.detail("cell:'; DROP TABLE x.elixir_node", [], [], [], [], [], "name")
    assert "does not match" in text_of(cov)


def test_url_keeps_only_non_default_state(mini_data):
    _m, _c, search = page.detail("", ["fega_node"], [], [], [], [], "gaps")
    assert search == "?kind=fega_node&sort=gaps"
    parsed, notes = state.spec().parse(search)
    assert parsed["kind"] == ["fega_node"] and notes == []


def test_standards_catalogue_rows(mini_data):
    rows = page.standards(None)
    crypt = next(r for r in rows if r["standard_id"] == "ga4gh-crypt4gh")
    assert crypt["n_nodes"] == 3 and "](https://" in crypt["sources"]


@pytest.mark.parametrize("group,expected", [("all", 7), ("eu", 5)])
def test_challenges_grid_groups(mini_data, group, expected):
    rows, opts, count = challenges.grid(group)
    assert len(rows) == expected == len(opts) and count == f"{expected} countries"


def test_challenges_cell_click_picks_country_and_fact(mini_data):
    assert challenges.pick({"colId": "fega", "rowId": "FIN"}) == ("FIN", "fega")


def test_challenges_detail_rests_on_rows_and_writes_the_url(mini_data):
    body, search = challenges.detail("FIN", "fega", "all")
    assert "fega-fi" in text_of(body) and "Finland" in text_of(body)
    assert search == "?country=FIN&fact=fega"
    body, _ = challenges.detail("ZZZ", "fega", "all")
    assert "not a country with a profile" in text_of(body)


def test_filters_matching_nothing_say_so(mini_data):
    out = page.render(["hpc_centre"], [], ["planned"], [], [], "name")
    assert "No node matches these filters" in text_of(out["unplaced"])
    assert out["title"].endswith("(0)")
