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


def test_chart_tables_head_every_column_and_show_names_not_ids(mini_data):
    """'Show as table' under the timeline, budgets, participation and calls: every column has a
    header and no column shows an internal id (ids stay in the rows for the selection)."""
    from components import funding_views as V
    today = dt.date(2026, 11, 24)
    acts = funding.activities()
    names = dict(zip(acts.activity_id, acts.name))
    groups, _ = funding.budget()
    tables = [V.timeline_table(funding.timeline_rows(acts, today))[1],
              V.budget_table(groups, "programme", "Total budget", names)[1],
              V.calls_table(funding.calls())[1], V.outputs_columns(), V.project_columns()]
    links = funding.links()
    counts = funding.participation(links, funding.links()[["iso3"]].drop_duplicates()
                                   .assign(name="x"), "activities")
    tables.append(V.participation_table(links, counts, "funded activities")[1])
    for cols in tables:
        assert all(c.get("headerName") for c in cols if not c.get("hide")), cols
        assert not [c["field"] for c in cols if c["field"].endswith(("_id", "_ids"))
                    and not c.get("hide")]
    rows, _ = V.budget_table(groups, "programme", "Total budget", names)
    shown = " ".join(r["with_budget_names"] + r["missing_budget_names"] for r in rows)
    assert any(n in shown for n in names.values())


def test_scatter_labels_of_crowded_points_never_sit_on_each_other():
    """Neighbouring points get their labels on different sides, or lose the label (the hover keeps
    every name): on a phone "CZE, PRT" and "NOR" had run into one another."""
    df = pd.DataFrame({"iso3": ["CZE", "PRT", "NOR", "LUX", "ESP"], "name": list("ABCDE"),
                       "x": [4, 4, 5, 6, 5], "y": [6, 6, 6, 6, 12]})
    t = F.outputs_scatter(df, "x", "y", "X", "Y", log_y=False).data[0]
    shown = [(p, i) for i, (txt, p) in enumerate(zip(t.text, t.textposition)) if txt]
    assert ("top center", 4) in shown  # a point alone keeps its label above it
    side = {i: p for p, i in shown}
    for a, b in ((0, 2), (2, 3)):  # neighbours one unit apart: never both labelled on one side
        assert a not in side or b not in side or side[a] != side[b]
    assert all(n in " ".join(t.hovertext) for n in "ABCDE")
