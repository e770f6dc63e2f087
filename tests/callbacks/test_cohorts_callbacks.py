"""The /cohorts callbacks called directly: cleaning, URL, facets, results, controls, detail, export."""
from __future__ import annotations

import json

import dash
import pytest

from data.queries import cohorts as Q
from tests.callbacks import harness

dash.Dash(__name__, use_pages=True, pages_folder="")  # a registry for register_page
from pages import _cohorts_callbacks as CB  # noqa: E402
from pages import _cohorts_state as S  # noqa: E402
from pages import _cohorts_views as V  # noqa: E402
from pages import cohorts as P  # noqa: E402

DEFAULT = S.SPEC.defaults()


def state(**kw) -> dict:
    return {**DEFAULT, **kw}


def call(fn, trigger: str, *args, value=1):
    """The harness's ``call`` with the trigger first (``"id.prop"``), as these tests write it."""
    return harness.call(fn, *args, trigger=trigger, value=value)


def controls(**kw):
    """update_state's ``controls`` argument (control values by state key), from URL-style keys."""
    st = state(**kw)
    return {k: st[k] for k in CB.CONTROLS}


def test_layout_is_cheap_and_restores_controls_from_the_link(monkeypatch):
    def boom(*a, **k):
        raise AssertionError("layout() must not query")
    monkeypatch.setattr("data.db.query", boom)
    tree = P.layout(country="DNK,FIN", data="wgs,ehr_linkage", datamatch="all", sort="name_asc")
    found = harness.ids_in(tree)
    assert found["cohorts-countries"].value == ["DNK", "FIN"]
    assert found["cohorts-data-match"].value == "all"
    name_col = next(c for c in found["cohorts-grid"].columnDefs if c["field"] == "name")
    assert name_col["sort"] == "asc"


def test_layout_reports_unusable_link_values(monkeypatch):
    tree = P.layout(country="DNK,ZZ9", sort="participants; drop", gf="{not json")
    text = str(tree)
    assert "ZZ9" in text and "sort order" in text and "column filters could not be read" in text


def test_state_is_cleaned_and_written_to_the_url(mini_data):
    out = call(CB.update_state, "cohorts-countries.value",
               controls(country=["DNK", "FORGED"], data_type=["wgs"], data_match="most"),
               None, None, "", state(), [])
    st, url, hist, note = out["state"], out["url"], out["history"], out["notices"]
    assert st["country"] == ["DNK"] and st["data_match"] == "any"
    assert url == "?country=DNK&data_type=wgs"
    assert hist == [["country", "DNK"], ["data_type", "wgs"]]
    assert "FORGED" in str(note) and "most" in str(note)


def test_view_only_changes_do_not_recompute_the_rows(mini_data):
    prev = state(country=["DNK"])
    query = {k: prev[k] for k in S.QUERY_KEYS}
    out = call(CB.update_state, "cohorts-detail-id.data", controls(country=["DNK"]), None, None, "epic",
               prev, [["country", "DNK"]], query)
    assert out["state"]["cohort"] == "epic" and "cohort=epic" in out["url"]
    assert out["query"] is dash.no_update
    out = call(CB.update_state, "cohorts-countries.value", controls(country=["DNK", "FIN"]), None, None, "",
               prev, [["country", "DNK"]], query)
    assert out["query"]["country"] == ["DNK", "FIN"]


def test_grid_sort_and_column_filters_reach_the_url(mini_data):
    col_state = [{"colId": "name", "sort": None}, {"colId": "wgs_count", "sort": "asc"}]
    model = {"name": {"filterType": "text", "type": "contains", "filter": "bio"},
             "notes": {"filterType": "text", "type": "contains", "filter": "x"}}
    out = call(CB.update_state, "cohorts-countries.value", controls(), col_state, model, "", state(), [])
    st, url, note = out["state"], out["url"], out["notices"]
    assert st["sort"] == "wgs_asc"
    assert json.loads(st["gf"]) == {"name": {"filterType": "text", "type": "contains", "filter": "bio"}}
    assert "sort=wgs_asc" in url and "gf=" in url
    assert "notes" in str(note)  # a filter on a column that is not filterable is dropped, visibly


def test_history_keeps_the_order_filters_were_added(mini_data):
    prev = state(data_type=["wgs"])
    hist = call(CB.update_state, "cohorts-countries.value",
                controls(data_type=["wgs", "ehr_linkage"], data_match="all", country=["SWE"]),
                None, None, "", prev, [["data_type", "wgs"]])["history"]
    assert hist[0] == ["data_type", "wgs"] and set(map(tuple, hist[1:])) == {
        ("data_type", "ehr_linkage"), ("data_match", "all"), ("country", "SWE")}


def test_facet_options_show_counts_and_disable_values_that_leave_nothing(mini_data):
    # the fixture's Slovakia: one cohort (a reference panel, access unknown); it sorts after Denmark
    svk_rows = Q.search(Q.CohortFilters(countries=("SVK",)))
    assert list(svk_rows.kind) == ["reference_panel"] and list(svk_rows.access_model) == ["unknown"]
    opts = CB.update_facets(state(country=["SVK"]))
    countries, kinds, access = opts["country"], opts["kind"], opts["access"]
    svk = next(o for o in countries if o["value"] == "SVK")
    assert not svk["disabled"] and countries[0]["value"] == "SVK"  # selected first, never disabled
    twin = next(o for o in kinds if o["value"] == "twin")
    assert twin["disabled"]  # Slovakia has no twin registry in the fixture
    registered = next(o for o in access if o["value"] == "registered")
    assert registered["disabled"]


def test_results_match_search_and_empty_state_offers_undo(mini_data):
    out = CB.update_results(state(country=["DNK"]), [["country", "DNK"]])
    assert [r["cohort_id"] for r in out["rows"]] == list(Q.search(Q.CohortFilters(countries=("DNK",))).cohort_id)
    n_dnk, n_all = len(out["rows"]), len(Q.search(Q.CohortFilters()))
    assert 0 < n_dnk < n_all  # the fixture: 10 of 47 (the real release: golden test_cohort_counts…)
    assert out["count"].startswith(f"{n_dnk} of {n_all}") and not out["empty"]
    assert "not additive" in str(out["overlap"])
    out = CB.update_results(state(country=["SVK"], kind=["twin"]), [["country", "SVK"], ["kind", "twin"]])
    assert out["rows"] == [] and out["empty"] and "Twin registry" in out["undo"] and out["kpis"] is None


def test_missing_counts_are_null_in_rows_and_no_public_figure_on_screen(mini_data):
    rows = CB.update_results(state(q="Generation Study"), [])["rows"]
    gen = next(r for r in rows if r["cohort_id"] == "generation_study")
    assert gen["participants"] is None and gen["size_band"] == "no public figure"
    assert "no public figure" in CB.GRID.grid_columns("participants", True)[4]["valueFormatter"]["function"]


def test_map_click_toggles_a_country_and_ignores_other_clicks(mini_data):
    click = {"points": [{"customdata": ["FIN"], "location": "FIN"}]}
    out = call(CB.set_controls, "cohorts-map-graph.clickData", click, [None], None, None,
               state(country=["DNK"]), [])
    assert out["country"] == ["DNK", "FIN"]
    out = call(CB.set_controls, "cohorts-map-graph.clickData", click, [None], None, None,
               state(country=["DNK", "FIN"]), [])
    assert out["country"] == ["DNK"]
    forged = {"points": [{"customdata": ["RUS"]}]}
    out = call(CB.set_controls, "cohorts-map-graph.clickData", forged, [None], None, None, state(), [])
    assert out["country"] is dash.no_update


def test_region_button_adds_the_nordic_countries(mini_data):
    out = call(CB.set_controls, '{"region":"nordic","type":"cohorts-region"}.n_clicks', None, [1, None],
               None, None, state(country=["FIN", "EST"]), [])
    assert out["country"] == ["FIN", "EST", "DNK", "ISL", "NOR", "SWE"]


def test_undo_removes_the_last_filter_added_and_clear_resets(mini_data):
    st = state(country=["ISL"], kind=["twin"], data_match="all")
    hist = [["country", "ISL"], ["data_match", "all"], ["kind", "twin"]]
    out = call(CB.set_controls, "cohorts-undo.n_clicks", None, [None], None, 1, st, hist)
    assert out["kind"] == [] and out["country"] is dash.no_update
    out = call(CB.set_controls, "cohorts-undo.n_clicks", None, [None], None, 1, st, hist[:2])
    assert out["data_match"] == "any"
    out = call(CB.set_controls, "cohorts-clear.n_clicks", None, [None], 1, None, st, hist)
    assert out["q"] == "" and out["country"] == [] and out["data_match"] == "any"


def test_detail_opens_for_a_clicked_row_and_says_when_a_cohort_is_unknown(mini_data):
    cell = {"rowId": "finngen", "colId": "name"}
    out = call(V.show_detail, "cohorts-grid.cellClicked", cell, None, False, "")
    is_open, title, body, cid = out["is_open"], out["title"], out["body"], out["cohort_id"]
    assert is_open and title.startswith("FinnGen") and cid == "finngen"
    text = str(body)
    assert "finngen.fi" in text and "Sources" in text and "Where to apply" in text
    out = call(V.show_detail, "cohorts-detail-id.data", None, None, False, "nope'--")
    is_open, title, body, cid = out["is_open"], out["title"], out["body"], out["cohort_id"]
    assert is_open and title == "Cohort not found" and cid == ""
    # clicking the access-link cell follows the link instead of opening the panel
    out = call(V.show_detail, "cohorts-grid.cellClicked", {"rowId": "finngen", "colId": "access_route"},
               None, False, "")
    assert out["is_open"] is dash.no_update


def test_export_follows_the_grid_order_and_its_column_filters(mini_data):
    st = state(country=["SWE"])
    ids = list(Q.search(Q.CohortFilters(countries=("SWE",))).cohort_id)
    grid = [{"cohort_id": c} for c in reversed(ids)]
    out = V.export_frame(st, grid)
    assert list(out.cohort_id) == list(reversed(ids))
    assert {"source_urls", "access_url", "data_release", "data_release_date"} <= set(out.columns)
    # a forged grid row outside the selection is never exported
    out = V.export_frame(state(country=["SWE"], gf='{"name":{"filterType":"text","type":"contains","filter":"a"}}'),
                         grid[:2] + [{"cohort_id": "uk_biobank"}])
    assert list(out.cohort_id) == list(reversed(ids))[:2]


def test_charts_carry_keys_and_tables_of_what_is_drawn(mini_data):
    out = V.update_charts(state(country=["DNK"]))
    fig, map_rows = out["map"]["figure"], out["map"]["rows"]
    tfig, types, src = out["types"]["figure"], out["types"]["rows"], out["types"]["sources"]
    data_trace = fig.data[-1]
    assert data_trace.geojson == V.FIG.GEOJSON_URL and data_trace.featureidkey == "properties.iso3"
    assert ["DNK"] in [list(c) for c in data_trace.customdata]
    dnk = next(r for r in map_rows if r["iso3"] == "DNK")
    dnk_rows = Q.search(Q.CohortFilters(countries=("DNK",)))
    assert dnk["n_cohorts"] == len(dnk_rows) > 0 and "danish_national_biobank" in dnk["cohort_ids"]
    assert set(dnk["cohort_ids"].split(";")) == set(dnk_rows.cohort_id)
    n_wgs = sum("wgs" in list(d) for d in dnk_rows.data_types)
    assert n_wgs > 0  # the fixture: 1 (the Danish National Genome Center); the real release: golden
    assert sum(t["n_cohorts"] for t in types if t["data_type"] == "wgs") == n_wgs
    assert set(c[0] for c in tfig.data[0].customdata) == set(Q.DATA_TYPES)
    assert "daee10f299b1" in str(src) or "data release" in str(src)


def test_participant_map_says_what_it_sums(mini_data):
    map_src = V.update_charts(state(country=["DNK"]), "participants")["map"]["sources"]
    assert "not a head count" in str(map_src) and "single-country" in str(map_src)


@pytest.mark.parametrize("bad", [None, "x", 5, ["a"], {"q": ["list"], "country": "DNK"}])
def test_forged_state_never_raises(mini_data, bad):
    CB.update_facets(bad)
    CB.update_results(bad, None)
    V.update_charts(bad, bad)


def test_old_links_read_the_same_under_the_shared_filter_names():
    """The page took the API's names (data/queries/cohort_filters.py); links written before still work."""
    new, notes = S.SPEC.parse("?disease=cancer&disease_match=all&data_type=wgs&data_match=all"
                              "&recruitment=ongoing&size_band=%3C1k,unknown")
    old, old_notes = S.SPEC.parse("?disease=cancer&dmatch=all&data=wgs&datamatch=all&recruit=ongoing"
                                  "&size=lt1k,unknown")
    assert notes == old_notes == [] and old == new
    assert new["size_band"] == ["<1k", "unknown"] and new["data_match"] == "all"
    assert S.SPEC.to_search(old) == ("?disease=cancer&disease_match=all&data_type=wgs&data_match=all"
                                     "&recruitment=ongoing&size_band=%3C1k,unknown")
    # when both are given the current name wins
    assert S.SPEC.parse("?data=wes&data_type=wgs")[0]["data_type"] == ["wgs"]


def test_layout_restores_controls_from_an_api_style_link(monkeypatch):
    def boom(*a, **k):
        raise AssertionError("layout() must not query")
    monkeypatch.setattr("data.db.query", boom)
    tree = P.layout(country="dnk", data_type="wgs,ehr_linkage", data_match="all", size_band="≥1M")
    assert "Ignored" not in str(tree)
    found = harness.ids_in(tree)
    assert found["cohorts-countries"].value == ["DNK"] and found["cohorts-size"].value == ["≥1M"]
    assert found["cohorts-data"].value == ["wgs", "ehr_linkage"] and found["cohorts-data-match"].value == "all"
