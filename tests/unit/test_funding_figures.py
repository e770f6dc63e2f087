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
    assert list(bar.y) == [1e6, None] and list(bar.customdata) == ["k1", "k2"]
    gap = next(t for t in fig.data if t.type == "scatter")
    assert list(gap.x) == ["c2"] and list(gap.text) == ["n/a"]


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
