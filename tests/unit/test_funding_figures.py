"""Figure builders of the funding page: no zero bars for missing figures, today marked, keys."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from components.figures import funding as F
from data.queries import funding


def test_timeline_marks_today_and_hatches_open_ended_bars(mini_data):
    today = dt.date(2026, 11, 24)
    rows = funding.timeline_rows(funding.activities(), today)
    fig = F.timeline_figure(rows, today)
    assert any(s.x0 == "2026-11-24" for s in fig.layout.shapes)
    bars = [t for t in fig.data if t.type == "bar"]
    drawn = [i for t in bars for i in t.customdata]
    assert sorted(drawn) == sorted(rows[rows.drawable].activity_id)
    open_ids = set(rows[rows.open_ended & rows.drawable].activity_id)
    for t in bars:
        for aid, shape in zip(t.customdata, t.marker.pattern.shape):
            assert (shape == "/") == (aid in open_ids)


def test_timeline_groups_rows_under_programme_headers(mini_data):
    rows = funding.timeline_rows(funding.activities(), dt.date(2026, 1, 1))
    fig = F.timeline_figure(rows, dt.date(2026, 1, 1))
    order = list(fig.layout.yaxis.categoryarray)
    headers = [o for o in order if o.startswith("<b>")]
    assert len(headers) == rows[rows.drawable].programme_label.nunique()
    assert len(order) == len(headers) + int(rows.drawable.sum())


def test_budget_figure_labels_missing_groups_instead_of_drawing_zero():
    groups = pd.DataFrame({"grp": ["A", "B"], "n_total": [3, 2], "n_with_budget": [2, 0],
                           "amount_eur": [5e6, None]})
    fig = F.budget_figure(groups)
    bar = fig.data[0]
    values = dict(zip(bar.customdata, bar.x))
    assert values["A"] == 5e6 and values["B"] is None
    assert any("no published budget (0 of 2)" in a.text for a in fig.layout.annotations)
    assert "(2 of 3)" in " ".join(bar.text)


def test_grouped_bars_put_a_mark_not_a_zero_where_a_figure_is_missing():
    fig = F.grouped_bars_with_gaps(["c1", "c2"], ["k1", "k2"],
                                   [("announced", [1e6, None], "#000")], money=True)
    bar = next(t for t in fig.data if t.type == "bar")
    assert list(bar.x) == [1e6, None] and list(bar.customdata) == ["k1", "k2"]
    gap = next(t for t in fig.data if t.type == "scatter")
    assert list(gap.y) == ["c2"] and list(gap.text) == ["no public figure"]
    assert "no public figure" in gap.hovertemplate


def test_call_bars_are_horizontal_never_say_n_a_and_their_axis_spans_the_data():
    """One row of bars per call (labels never run together on a phone); "n/a" is never written
    as a bar label; the value axis ends just past the largest value."""
    fig = F.grouped_bars_with_gaps(["ERA PerMed 2018", "EP PerMed 2024"], ["a", "b"],
                                   [("announced", [None, 45e6], "#000"),
                                    ("awarded", [25e6, None], "#111")], money=True)
    assert {t.orientation for t in fig.data} == {"h"}
    labels = [x for t in fig.data for x in (t.text or [])]
    assert "n/a" not in labels and labels.count("no public figure") == 2
    lo, hi = fig.layout.xaxis.range
    assert lo == 0 and 45e6 < hi <= 45e6 * 1.5


def test_timeline_axis_spans_the_data_not_rounded_out_decades(mini_data):
    today = dt.date(2026, 11, 24)
    rows = funding.timeline_rows(funding.activities(), today)
    fig = F.timeline_figure(rows, today)
    lo, hi = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    drawn = rows[rows.drawable]
    last = max(drawn.bar_end.max(), pd.Timestamp(today))
    assert lo <= drawn.bar_start.min() and hi >= last
    assert hi - last < pd.Timedelta(days=366) and drawn.bar_start.min() - lo < pd.Timedelta(days=366)


def test_budget_labels_take_at_most_two_lines_and_hover_names_the_group_in_full():
    name = "EU Health Programme; Connecting Europe Facility; Horizon 2020"
    groups = pd.DataFrame({"grp": [name, "B"], "n_total": [1, 2], "n_with_budget": [0, 1],
                           "amount_eur": [None, 5e6]})
    fig = F.budget_figure(groups)
    bar = fig.data[0]
    assert all(y.count("<br>") <= 1 for y in bar.y)
    assert any(name in h for h in bar.hovertext)


def test_outputs_scatter_skips_missing_and_shares_labels_of_coincident_points():
    df = pd.DataFrame({"iso3": ["AAA", "BBB", "CCC", "DDD"], "name": ["A", "B", "C", "D"],
                       "x": [1, 1, 2, 3], "y": [5, 5, 7, None]})
    fig = F.outputs_scatter(df, "x", "y", "X", "Y", log_y=False)
    t = fig.data[0]
    assert list(t.customdata) == ["AAA", "BBB", "CCC"]
    assert list(t.text) == ["AAA, BBB", "", "CCC"]


def test_participation_map_is_an_offline_choropleth_keyed_by_iso3():
    counts = pd.DataFrame({"iso3": ["FIN", "CAN"], "country_name": ["Finland", "Canada"], "n": [2, 1]})
    fig = F.participation_map(counts, ["FIN", "SWE"], what="activities")
    data = fig.data[1]
    assert list(data.locations) == ["FIN"] and list(data.customdata) == ["FIN"]
    assert all(t.geojson == "/assets/geo/europe_50m.geojson" for t in fig.data)


def test_euro_formatting_never_turns_missing_into_zero():
    assert F.euro(None) == "no public figure" and F.euro(float("nan")) == "no public figure"
    assert F.euro(375e6) == "€375.0M" and F.euro(950e3) == "€950k"


def test_participation_list_names_what_each_country_coordinates_and_joins(mini_data):
    """On a narrow screen the country × item matrix is a list: per country, the items it
    coordinates (C) and those it takes part in (P), by label."""
    from components.funding_views import participation_list
    links = pd.DataFrame({"iso3": ["FIN", "FIN", "SWE"], "item_id": ["a", "b", "a"],
                          "role": ["coordinator", "participant", "participant"]})
    countries = pd.DataFrame({"iso3": ["FIN", "SWE", "MDA"],
                              "country_name": ["Finland", "Sweden", "Moldova"]})
    items = pd.DataFrame({"item_id": ["a", "b"], "item_label": ["Alpha project", "Beta"]})
    rows = participation_list(links, countries, items).children
    fin, swe, mda = (str(r.to_plotly_json()) for r in rows)
    assert "coordinates (1): Alpha project" in fin and "takes part in (1): Beta" in fin
    assert "takes part in (1): Alpha project" in swe and "coordinates" not in swe
    assert "not recorded as taking part" in mda
