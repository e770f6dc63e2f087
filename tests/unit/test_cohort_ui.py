"""Cohort explorer builders: figures, facet options, grid filters in the URL, filter history, URL
round trip."""
from __future__ import annotations

import json

import dash
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from components import cohort_facets as UI
from components import cohort_grid as GRID
from components.figures import cohorts as FIG
from components.theme import GEOJSON_URL
from data.queries import cohort_filters as CF
from data.queries import cohorts as Q

dash.Dash(__name__, use_pages=True, pages_folder="")
from pages import _cohorts_state as S  # noqa: E402

ALLOWED_TRACES = {"scatter", "bar", "choropleth", "scattergeo", "heatmap"}


def by_country():
    return pd.DataFrame({"iso3": ["DNK", "FIN", "SWE"], "name": ["Denmark", "Finland", "Sweden"],
                         "n_cohorts": [3, 1, 2], "n_multi_country": [1, 0, 0],
                         "participants_single": [1000.0, None, 250.0],
                         "n_single_without_figure": [1, 1, 0]})


def test_map_is_an_offline_choropleth_keyed_by_iso3():
    fig = FIG.country_map(by_country(), "cohorts", ["DNK", "FIN", "SWE", "NOR"], ["FIN"],
                          outside_iso3=["RUS", "NOR"])
    assert {t.type for t in fig.data} <= ALLOWED_TRACES
    for t in fig.data:
        assert t.geojson == GEOJSON_URL and t.featureidkey == "properties.iso3"
    outside, none, values = fig.data
    assert list(outside.locations) == ["RUS"] and outside.hoverinfo == "skip"
    assert list(none.locations) == ["NOR"]
    assert [c[0] for c in values.customdata] == list(values.locations) == ["DNK", "FIN", "SWE"]
    assert list(values.marker.line.width) == [0.5, 2.5, 0.5]  # the selected country is outlined


def test_participant_map_draws_only_countries_with_a_single_country_figure():
    fig = FIG.country_map(by_country(), "participants", ["DNK", "FIN", "SWE"])
    values = fig.data[-1]
    assert list(values.locations) == ["DNK", "SWE"] and list(values.z) == [1000.0, 250.0]
    assert "FIN" in list(fig.data[-2].locations)
    assert "overlapping" in values.text[0]


def test_data_type_bars_carry_the_type_code_and_read_as_n_of_total():
    df = pd.DataFrame({"data_type": ["wgs", "wes"], "label": ["WGS", "WES"], "n_cohorts": [4, 0]})
    fig = FIG.data_type_bars(df, 10)
    bar = fig.data[0]
    assert bar.type == "bar" and {c[0] for c in bar.customdata} == {"wgs", "wes"}
    assert "of 10" in bar.hovertemplate and fig.layout.xaxis.range[1] >= 10


def test_empty_figure_says_why():
    fig = FIG.empty_figure("No cohort matches these filters.")
    assert fig.layout.annotations[0].text == "No cohort matches these filters."


def test_facet_options_disable_zero_counts_but_never_a_selected_value():
    opts = UI.facet_options({"a": 2, "b": 0, "c": 0}, ["c"], {"a": "Alpha"})
    assert [(o["value"], o["disabled"]) for o in opts] == [("a", False), ("b", True), ("c", False)]
    assert "Alpha" in str(opts[0]["label"]) and "2" in str(opts[0]["label"])


def test_grid_filter_model_keeps_only_well_formed_filters_on_allowed_columns():
    good = {"name": {"filterType": "text", "type": "contains", "filter": "bio"},
            "participants": {"filterType": "number", "operator": "AND", "conditions": [
                {"filterType": "number", "type": "greaterThan", "filter": 1000},
                {"filterType": "number", "type": "lessThan", "filter": 5e5}]}}
    assert GRID.clean_filter_model(good) == (good, None)
    bad = {**good, "notes": {"filterType": "text", "type": "contains", "filter": "x"},
           "kind": {"filterType": "text", "type": "regex", "filter": ".*"},
           "wgs_count": {"filterType": "number", "type": "equals", "filter": "1; DROP"}}
    model, note = GRID.clean_filter_model(bad)
    assert model == good and all(c in note for c in ("notes", "kind", "wgs_count"))
    assert GRID.clean_filter_model("unreadable")[0] == {}


def test_history_appends_new_filters_and_forgets_removed_ones():
    old = {"country": ["DNK"], "data_type": ["wgs"]}
    new = {"country": ["DNK"], "data_type": ["wgs", "ehr_linkage"], "data_match": "all"}
    hist = UI.update_history([["data_type", "wgs"], ["country", "DNK"]], old, new)
    assert hist == [["data_type", "wgs"], ["country", "DNK"], ["data_type", "ehr_linkage"],
                    ["data_match", "all"]]
    assert UI.update_history(hist, new, {"country": ["DNK"]}) == [["country", "DNK"]]
    assert UI.history_label(["data_type", "ehr_linkage"]) == "Data types: EHR linkage"


def test_size_slugs_map_to_the_pipeline_bands():
    assert list(CF.SIZE_SLUGS.values()) == list(Q.SIZE_BANDS)  # the page's former URL values
    assert list(UI.SIZE_LABEL) == list(Q.SIZE_BANDS)


url_states = st.fixed_dictionaries({
    "q": st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=20).map(str.strip),
    "country": st.lists(st.sampled_from(["DNK", "FIN", "XKX", "GBR"]), unique=True, max_size=3),
    "kind": st.lists(st.sampled_from(Q.KINDS), unique=True, max_size=2),
    "disease": st.lists(st.sampled_from(Q.DISEASE_FOCUS), unique=True, max_size=2),
    "disease_match": st.sampled_from(Q.MATCH_MODES),
    "data_type": st.lists(st.sampled_from(Q.DATA_TYPES), unique=True, max_size=3),
    "data_match": st.sampled_from(Q.MATCH_MODES),
    "access": st.lists(st.sampled_from(Q.ACCESS_MODELS), unique=True, max_size=2),
    "recruitment": st.lists(st.sampled_from(Q.RECRUITMENT), unique=True, max_size=2),
    "size_band": st.lists(st.sampled_from(Q.SIZE_BANDS), unique=True, max_size=2),
    "sort": st.sampled_from(Q.SORTS),
    "map": st.sampled_from(list(FIG.MAP_METRICS)),
    "gf": st.sampled_from(["", json.dumps({"name": {"filterType": "text", "type": "contains",
                                                    "filter": "a&b=c?"}}, separators=(",", ":"))]),
    "cohort": st.sampled_from(["", "finngen"]),
})


@settings(max_examples=80, deadline=None)
@given(state=url_states)
def test_url_round_trip_restores_the_full_state(state):
    search = S.SPEC.to_search(state)
    back, notes = S.SPEC.parse(search)
    assert notes == [] and back == state
