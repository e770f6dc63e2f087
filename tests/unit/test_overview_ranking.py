"""The Overview's ranked chart (components/figures/overview/ranking.py): sorted bars, "no public
figure" countries listed and not drawn, ISO3 in customdata, the map's colours, and a table holding
exactly the bars drawn."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from components import fmt
from components.figures.overview import ranking as R
from components.figures.overview.choropleth import map_traces

NAN = float("nan")


def frame():
    rows = [("AAA", "Alpha", 1000, 1_000_000), ("BBB", "Beta", 50_000, 5_000_000),
            ("CCC", "Gamma", NAN, 2_000_000), ("DDD", "Delta", 200, 100_000)]
    return pd.DataFrame({
        "iso3": [r[0] for r in rows], "name": [r[1] for r in rows],
        "eu_member": True, "on_map": True,
        "value": [r[2] for r in rows], "raw_value": [r[2] for r in rows],
        "population": [r[3] for r in rows], "population_year": 2024, "category": None,
        "as_of": ["2024", "2025-03", None, "2023-12-31"], "basis": "cumulative",
        "confidence": "high", "n_programmes": pd.array([1, 2, None, 1], dtype="Int64"),
        "source_urls": [["https://a.example/x"], ["https://b.example/y"], [], ["https://d.example"]],
        "programmes": [["a"], ["b", "b2"], [], ["d"]], "other_bases": [[], [], [], []],
        "signed_date": None})


TARGETS = {"AAA": 2000, "BBB": 500_000, "CCC": 10}


@pytest.mark.parametrize("measure,order", [
    ("total", ["Beta", "Alpha", "Delta"]),
    ("per_million", ["Beta", "Delta", "Alpha"]),       # 10000, 2000, 1000 per million
    ("pct_target", ["Alpha", "Beta"]),                  # 50 %, 10 %; Delta has no target
])
def test_bars_sorted_and_missing_listed_not_drawn(measure, order):
    ranked, missing = R.ranking_rows(frame(), TARGETS, measure)
    assert list(ranked.name) == order
    assert "Gamma" in missing and 0 not in list(ranked.measure_value)
    fig = R.ranking_figure(ranked, "wgs", measure, year=2025)
    bar = fig.data[0]
    assert list(bar.y) == order and list(bar.customdata) == list(ranked.iso3)
    assert list(bar.x) == sorted(bar.x, reverse=True)
    assert R.missing_text(missing).startswith(fmt.NO_FIGURE.capitalize())
    assert all("Gamma" not in t for t in bar.hovertext)


def test_per_million_and_pct_arithmetic():
    ranked, _ = R.ranking_rows(frame(), TARGETS, "per_million")
    assert dict(zip(ranked.iso3, ranked.measure_value)) == {"DDD": 2000.0, "BBB": 10000.0,
                                                            "AAA": 1000.0}
    ranked, missing = R.ranking_rows(frame(), TARGETS, "pct_target")
    assert dict(zip(ranked.iso3, ranked.pct_target)) == {"AAA": 50.0, "BBB": 10.0}
    assert missing == ["Delta", "Gamma"]


def test_colours_and_hover_match_the_map():
    f = frame()
    ranked, _ = R.ranking_rows(f, TARGETS, "total")
    bar = R.ranking_figure(ranked, "wgs", "total", year=2025).data[0]
    val = map_traces(f, "wgs", year=2025, context=[])[2]
    by_iso = dict(zip(val["locations"], val["z"]))
    assert [pytest.approx(by_iso[i]) for i in bar.customdata] == list(bar.marker.color)
    assert (bar.marker.cmin, bar.marker.cmax) == (pytest.approx(val["zmin"]),
                                                  pytest.approx(val["zmax"]))
    hov = dict(zip(val["locations"], val["hovertext"]))
    for iso, text in zip(bar.customdata, bar.hovertext):
        head = hov[iso].partition("<br><i>")[0]
        assert text.startswith(head)


def test_table_holds_exactly_the_bars_drawn():
    for measure in R.MEASURES:
        ranked, _ = R.ranking_rows(frame(), TARGETS, measure)
        bar = R.ranking_figure(ranked, "wgs", measure, year=2025).data[0]
        rows, cols = R.ranking_table(ranked, measure, year=2025)
        assert [r["iso3"] for r in rows] == list(bar.customdata)
        assert [r["value"] for r in rows] == pytest.approx(list(bar.x))
        fields = {c["field"] for c in cols}
        assert {"value", "target", "pct_target", "as_of", "sources"} <= fields
        for r in rows:
            assert r["sources"] and r["as_of"]
            if r["target"]:
                assert r["pct_target"] == pytest.approx(round(r["reported"] / r["target"] * 100, 1))
            assert not any(isinstance(v, float) and math.isnan(v) for v in r.values())


def test_unknown_measure_refused():
    with pytest.raises(ValueError):
        R.ranking_rows(frame(), TARGETS, "median")


def test_the_release_ranking_lists_every_country_once():
    from data.queries import overview as o
    f = o.map_indicator("wgs")
    ranked, missing = R.ranking_rows(f, R.national_targets(o.committed_targets()), "total")
    assert len(ranked) + len(missing) == len(f)
    assert ranked.iso3.is_unique
