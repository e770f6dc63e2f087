"""The /cohorts callbacks called directly: cleaning, URL, facets, results, controls, detail, export."""
from __future__ import annotations

import json

import dash
import pytest

from data.queries import cohorts as Q
from tests.callbacks import harness

dash.Dash(__name__, use_pages=True, pages_folder="")  # a registry for register_page
from pages import cohorts as P  # noqa: E402

DEFAULT = P.SPEC.defaults()


def state(**kw) -> dict:
    return {**DEFAULT, **kw}


def call(fn, trigger: str, *args, value=1):
    """The harness's ``call`` with the trigger first (``"id.prop"``), as these tests write it."""
    return harness.call(fn, *args, trigger=trigger, value=value)


def controls(**kw):
    """update_state arguments in order, from URL-style keys."""
    st = state(**kw)
    return (st["q"], st["country"], st["kind"], st["disease"], st["data"], st["access"], st["recruit"],
            st["size"], st["dmatch"], st["datamatch"], st["map"])


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


def test_state_is_cleaned_and_written_to_the_url(real_data):
    st, url, hist, note, _ = call(P.update_state, "cohorts-countries.value",
                                  *controls(country=["DNK", "FORGED"], data=["wgs"], datamatch="most"),
                                         None, None, "", state(), [])
    assert st["country"] == ["DNK"] and st["datamatch"] == "any"
    assert url == "?country=DNK&data=wgs"
    assert hist == [["country", "DNK"], ["data", "wgs"]]
    assert "FORGED" in str(note) and "most" in str(note)


def test_view_only_changes_do_not_recompute_the_rows(real_data):
    prev = state(country=["DNK"])
    query = {k: prev[k] for k in P.QUERY_KEYS}
    out = call(P.update_state, "cohorts-detail-id.data", *controls(country=["DNK"]), None, None, "epic",
               prev, [["country", "DNK"]], query)
    assert out[0]["cohort"] == "epic" and "cohort=epic" in out[1]
    assert out[4] is dash.no_update
    out = call(P.update_state, "cohorts-countries.value", *controls(country=["DNK", "FIN"]), None, None, "",
               prev, [["country", "DNK"]], query)
    assert out[4]["country"] == ["DNK", "FIN"]


def test_grid_sort_and_column_filters_reach_the_url(real_data):
    col_state = [{"colId": "name", "sort": None}, {"colId": "wgs_count", "sort": "asc"}]
    model = {"name": {"filterType": "text", "type": "contains", "filter": "bio"},
             "notes": {"filterType": "text", "type": "contains", "filter": "x"}}
    st, url, _, note, _ = call(P.update_state, "cohorts-countries.value", *controls(), col_state, model, "",
                               state(), [])
    assert st["sort"] == "wgs_asc"
    assert json.loads(st["gf"]) == {"name": {"filterType": "text", "type": "contains", "filter": "bio"}}
    assert "sort=wgs_asc" in url and "gf=" in url
    assert "notes" in str(note)  # a filter on a column that is not filterable is dropped, visibly


def test_history_keeps_the_order_filters_were_added(real_data):
    prev = state(data=["wgs"])
    st, _, hist, _, _ = call(P.update_state, "cohorts-countries.value",
                             *controls(data=["wgs", "ehr_linkage"], datamatch="all", country=["SWE"]),
                                    None, None, "", prev, [["data", "wgs"]])
    assert hist[0] == ["data", "wgs"] and set(map(tuple, hist[1:])) == {
        ("data", "ehr_linkage"), ("datamatch", "all"), ("country", "SWE")}


def test_facet_options_show_counts_and_disable_values_that_leave_nothing(real_data):
    opts = P.update_facets(state(country=["ISL"]))
    countries, kinds, _, data, access = opts[:5]
    isl = next(o for o in countries if o["value"] == "ISL")
    assert not isl["disabled"] and countries[0]["value"] == "ISL"  # selected first, never disabled
    twin = next(o for o in kinds if o["value"] == "twin")
    assert twin["disabled"]  # Iceland has no twin registry in the atlas
    registered = next(o for o in access if o["value"] == "registered")
    assert registered["disabled"]


def test_results_match_search_and_empty_state_offers_undo(real_data):
    rows, count, kpis, overlap, empty, undo, _ = P.update_results(state(country=["DNK"]), [["country", "DNK"]])
    assert [r["cohort_id"] for r in rows] == list(Q.search(Q.CohortFilters(countries=("DNK",))).cohort_id)
    assert count.startswith("12 of 131") and not empty
    assert "not additive" in str(overlap)
    rows, count, kpis, _, empty, undo, _ = P.update_results(
        state(country=["ISL"], kind=["twin"]), [["country", "ISL"], ["kind", "twin"]])
    assert rows == [] and empty and "Twin registry" in undo and kpis is None


def test_missing_counts_are_null_in_rows_and_no_public_figure_on_screen(real_data):
    rows = P.update_results(state(q="Generation Study"), [])[0]
    gen = next(r for r in rows if r["cohort_id"] == "generation_study")
    assert gen["participants"] is None and gen["size_band"] == "no public figure"
    assert "no public figure" in P.UI.grid_columns("participants", True)[4]["valueFormatter"]["function"]


def test_map_click_toggles_a_country_and_ignores_other_clicks(real_data):
    click = {"points": [{"customdata": ["FIN"], "location": "FIN"}]}
    out = call(P.set_controls, "cohorts-map-graph.clickData", click, [None], None, None,
               state(country=["DNK"]), [])
    assert out[1] == ["DNK", "FIN"]
    out = call(P.set_controls, "cohorts-map-graph.clickData", click, [None], None, None,
               state(country=["DNK", "FIN"]), [])
    assert out[1] == ["DNK"]
    forged = {"points": [{"customdata": ["RUS"]}]}
    out = call(P.set_controls, "cohorts-map-graph.clickData", forged, [None], None, None, state(), [])
    assert out[1] is dash.no_update


def test_region_button_adds_the_nordic_countries(real_data):
    out = call(P.set_controls, '{"region":"nordic","type":"cohorts-region"}.n_clicks', None, [1, None],
               None, None, state(country=["FIN", "EST"]), [])
    assert out[1] == ["FIN", "EST", "DNK", "ISL", "NOR", "SWE"]


def test_undo_removes_the_last_filter_added_and_clear_resets(real_data):
    st = state(country=["ISL"], kind=["twin"], datamatch="all")
    hist = [["country", "ISL"], ["datamatch", "all"], ["kind", "twin"]]
    out = call(P.set_controls, "cohorts-undo.n_clicks", None, [None], None, 1, st, hist)
    assert out[2] == [] and out[1] is dash.no_update
    out = call(P.set_controls, "cohorts-undo.n_clicks", None, [None], None, 1, st, hist[:2])
    assert out[-1] == "any"
    out = call(P.set_controls, "cohorts-clear.n_clicks", None, [None], 1, None, st, hist)
    assert out[0] == "" and out[1] == [] and out[-1] == "any"


def test_detail_opens_for_a_clicked_row_and_says_when_a_cohort_is_unknown(real_data):
    cell = {"rowId": "finngen", "colId": "name"}
    is_open, title, body, cid, _ = call(P.show_detail, "cohorts-grid.cellClicked", cell, None, False, "")
    assert is_open and title.startswith("FinnGen") and cid == "finngen"
    text = str(body)
    assert "finngen.fi" in text and "Sources" in text and "Where to apply" in text
    is_open, title, body, cid, _ = call(P.show_detail, "cohorts-detail-id.data", None, None, False, "nope'--")
    assert is_open and title == "Cohort not found" and cid == ""
    # clicking the access-link cell follows the link instead of opening the panel
    out = call(P.show_detail, "cohorts-grid.cellClicked", {"rowId": "finngen", "colId": "access_route"},
               None, False, "")
    assert out[0] is dash.no_update


def test_export_follows_the_grid_order_and_its_column_filters(real_data):
    st = state(country=["SWE"])
    ids = list(Q.search(Q.CohortFilters(countries=("SWE",))).cohort_id)
    grid = [{"cohort_id": c} for c in reversed(ids)]
    out = P.export_frame(st, grid)
    assert list(out.cohort_id) == list(reversed(ids))
    assert {"source_urls", "access_url", "data_release", "data_release_date"} <= set(out.columns)
    # a forged grid row outside the selection is never exported
    out = P.export_frame(state(country=["SWE"], gf='{"name":{"filterType":"text","type":"contains","filter":"a"}}'),
                         grid[:2] + [{"cohort_id": "uk_biobank"}])
    assert list(out.cohort_id) == list(reversed(ids))[:2]


def test_charts_carry_keys_and_tables_of_what_is_drawn(real_data):
    fig, map_rows, _, map_src, tfig, types, _, src = P.update_charts(state(country=["DNK"]))
    data_trace = fig.data[-1]
    assert data_trace.geojson == P.FIG.GEOJSON_URL and data_trace.featureidkey == "properties.iso3"
    assert ["DNK"] in [list(c) for c in data_trace.customdata]
    dnk = next(r for r in map_rows if r["iso3"] == "DNK")
    assert dnk["n_cohorts"] == 12 and "epic" in dnk["cohort_ids"]
    assert sum(t["n_cohorts"] for t in types if t["data_type"] == "wgs") == 2
    assert set(c[0] for c in tfig.data[0].customdata) == set(Q.DATA_TYPES)
    assert "daee10f299b1" in str(src) or "data release" in str(src)


def test_participant_map_says_what_it_sums(real_data):
    _, _, _, map_src, *_ = P.update_charts(state(country=["DNK"]), "participants")
    assert "not a head count" in str(map_src) and "single-country" in str(map_src)


@pytest.mark.parametrize("bad", [None, "x", 5, ["a"], {"q": ["list"], "country": "DNK"}])
def test_forged_state_never_raises(real_data, bad):
    P.update_facets(bad)
    P.update_results(bad, None)
    P.update_charts(bad, bad)
