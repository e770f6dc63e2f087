"""The projection of one million reported sequenced genomes (data/projection.py): fixture series
with a known answer, the guard against a single jump, and the backtest's arithmetic."""
from __future__ import annotations

import pytest

from data import projection


def line(start=2018, end=2025, a=100_000, b=50_000):
    return [(y, a + b * (y - start)) for y in range(start, end + 1)]


def test_a_straight_line_gives_back_its_crossing_year():
    # 100k in 2018 rising 50k a year: one million in 2018 + 900k / 50k = 2036.
    out = projection.project(line())
    assert out["ok"] and out["crossing"] == pytest.approx(2036.0)
    assert out["pace"] == pytest.approx(50_000)
    # No residuals: the bands collapse onto the line's crossing (monthly steps from the last year).
    for early, late in out["bands"].values():
        assert early == pytest.approx(2036.0, abs=1 / 12) and late == pytest.approx(2036.0, abs=1 / 12)


def test_noisy_line_has_nested_bands_around_the_crossing():
    noise = [0, 8_000, -6_000, 5_000, -7_000, 4_000, -3_000, 2_000]
    series = [(y, v + e) for (y, v), e in zip(line(), noise)]
    out = projection.project(series)
    assert out["ok"]
    (e50, l50), (e80, l80) = out["bands"][0.5], out["bands"][0.8]
    assert e80 <= e50 <= out["crossing"] <= l50 <= l80


def test_a_single_jump_by_one_contributor_reports_no_projection():
    series = [(2021, 300_000), (2022, 301_000), (2023, 600_000), (2024, 601_000), (2025, 602_000)]
    out = projection.project(series, contributors={2023: ("United Kingdom", 0.97)})
    assert not out["ok"]
    assert "one jump" in out["reason"] and "United Kingdom" in out["reason"]
    assert "crossing" not in out


def test_a_jump_spread_over_many_contributors_is_projected():
    series = [(2021, 300_000), (2022, 301_000), (2023, 600_000), (2024, 601_000), (2025, 602_000)]
    out = projection.project(series, contributors={2023: ("United Kingdom", 0.4)})
    assert out["ok"] and out["crossing"] > 2025


def test_too_few_points_and_no_growth_say_so_in_words():
    short = projection.project([(2024, 10), (2025, 20), (2023, 5)])
    assert not short["ok"] and "too few" in short["reason"]
    flat = projection.project([(y, 5_000) for y in range(2020, 2026)])
    assert not flat["ok"] and "not grown" in flat["reason"]


def test_a_goal_already_reached_is_not_projected():
    out = projection.project([(2022, 900_000), (2023, 1_000_500), (2024, 1_100_000)])
    assert out["ok"] and out["reached"] == 2023


def test_backtest_arithmetic():
    # Known at the end of 2021: a line 100k + 50k/yr from 2017; later reported values 10k above it.
    series = line(2017, 2021) + [(2022, 360_000), (2023, 410_000)]
    rows = projection.backtest(series, cutoffs=(2021,))
    assert [(r["year"], r["projected"], r["reported"], r["error"]) for r in rows] == [
        (2022, 350_000, 360_000, -10_000), (2023, 400_000, 410_000, -10_000)]
    assert rows[0]["error_share"] == pytest.approx(-10_000 / 360_000)
    # Each cutoff uses only what was known by then: the 2022 cutoff's window includes 2022.
    rows = projection.backtest(series, cutoffs=(2021, 2022))
    assert {r["cutoff"] for r in rows} == {2021, 2022}
    assert [r["year"] for r in rows if r["cutoff"] == 2022] == [2023]


def test_the_release_series_is_year_end_values():
    from data.queries import projection as q
    s = q.year_end_series("signatories")
    assert s and [y for y, _ in s] == sorted({y for y, _ in s})
    assert all(b >= 0 for _, b in s)
    verdict = q.projection_for("signatories")
    assert verdict["ok"] or verdict["reason"]
