"""Overview queries: map values by year (carried forward), metrics kept apart, targets, KPIs."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from data.queries import overview as q

EU27 = {"AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN",
        "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP",
        "SWE"}


def by_iso(df: pd.DataFrame) -> pd.DataFrame:
    return df.set_index("iso3")


def test_wgs_at_a_year_is_the_latest_cumulative_figure_dated_by_its_end(mini_data):
    m = by_iso(q.map_indicator("wgs", 2020))
    assert m.loc["GBR", "value"] == 100_000 and m.loc["GBR", "as_of"] == "2018-12-05"
    assert m.loc["DNK", "value"] == 150 and m.loc["DNK", "as_of"] == "2017-08-03"
    assert m.loc["SWE", "value"] == 1000


def test_figures_dated_after_the_year_are_not_shown_yet(mini_data):
    m = by_iso(q.map_indicator("wgs", 2020))
    assert math.isnan(m.loc["FRA", "value"])  # France's only cumulative figure is from 2025


def test_carry_forward_keeps_a_value_until_a_newer_figure(mini_data):
    values = {y: by_iso(q.map_indicator("wgs", y)).loc["DNK", "value"] for y in range(2018, 2026)}
    assert values == {2018: 150, 2019: 150, 2020: 150, 2021: 150, 2022: 150, 2023: 8821,
                      2024: 35279, 2025: 35279}


def test_year_none_means_the_latest_year(mini_data):
    latest = q.map_indicator("wgs")
    at_last = q.map_indicator("wgs", q.last_year())
    pd.testing.assert_series_equal(latest.value, at_last.value)


def test_missing_figures_are_nan_never_zero(mini_data):
    for ind in ("wgs", "wgs_per_million", "genotyped", "goe"):
        m = by_iso(q.map_indicator(ind))
        assert math.isnan(m.loc["SVK", "value"]), ind
        assert (m.value.dropna() > 0).all(), ind


def test_metrics_are_never_mixed(mini_data):
    wgs, gen = by_iso(q.map_indicator("wgs")), by_iso(q.map_indicator("genotyped"))
    assert gen.loc["FIN", "value"] == 500_348
    assert math.isnan(wgs.loc["FIN", "value"])  # FinnGen genotyping is not sequencing
    assert wgs.loc["FIN", "other_bases"] == ["subset"]  # SISu subsets are named, not drawn
    assert gen.loc["GBR", "value"] == 330_069  # Our Future Health, release 7 (added in release 2)


def test_proxy_figures_never_enter_map_values_or_sums(mini_data):
    wgs = by_iso(q.map_indicator("wgs"))
    # France's 100,000 persons is a proxy since release 2: France has no WGS value on the map
    assert math.isnan(wgs.loc["FRA", "value"])
    proxies = q.proxies("wgs")
    assert set(proxies.iso3) == {"FRA", "GBR"}
    k = q.kpis()["wgs"]
    assert k["total"] == int(wgs.value.sum()) == k["sum_of_latest"]


def test_per_million_divides_by_population(mini_data):
    pm = by_iso(q.map_indicator("wgs_per_million"))
    row = pm.loc["DNK"]
    assert row.value == pytest.approx(row.raw_value / row.population * 1e6, abs=0.05)


def test_signature_status_follows_the_year(real_data):
    s2019 = by_iso(q.map_indicator("signatory", 2019))
    s2023 = by_iso(q.map_indicator("signatory", 2023))
    assert s2019.loc["ROU", "category"] == "not_yet" and math.isnan(s2019.loc["ROU", "value"])
    assert s2023.loc["ROU", "category"] == "signed" and s2023.loc["ROU", "value"] == 2023
    assert s2019.loc["BGR", "category"] == "signed_date_unknown"
    assert s2019.loc["POL", "category"] == "not_signatory"


def test_catalogue_counts_are_counts_and_zero_is_a_count(mini_data):
    c = by_iso(q.map_indicator("cohorts"))
    assert c.loc["MDA", "value"] == 0 and c.loc["MDA", "basis"] == "catalogue count"


def test_unknown_indicator_or_metric_is_refused(mini_data):
    with pytest.raises(ValueError):
        q.map_indicator("wgs; DROP TABLE countries")
    with pytest.raises(ValueError):
        q.progress_series("target")  # targets are not a progress metric


def test_a_restated_target_counts_once_and_eu_rows_stay_out(mini_data):
    t = q.committed_targets()
    assert not t.duplicated(["iso3", "programme"]).any()
    assert "EU" not in set(t.iso3)
    assert t[(t.iso3 == "DNK") & (t.programme == "dnk_ngc")].value.tolist() == [60_000]


def test_committed_path_adds_only_dated_targets_at_their_year(mini_data):
    t = q.committed_targets()
    path = q.committed_path(t)
    assert path.value.iloc[-1] == int(t[t.in_path].value.sum())
    assert path.value.is_monotonic_increasing
    assert [d.year for d in path.date] == sorted({int(y) for y in t[t.in_path].target_year})


def test_eu_targets_take_the_latest_restatement(mini_data):
    eu = q.eu_targets().set_index("programme")
    assert eu.loc["goe", "value"] == 100_000 and eu.loc["goe", "target_year"] == 2028
    assert eu.loc["onemg", "value"] == 1_000_000 and eu.loc["onemg", "target_year"] == 2022


def test_kpis_on_the_committed_release(real_data):
    k = q.kpis()
    s = k["signatories"]
    assert (s["n"], s["n_eu"], s["n_non_eu"]) == (27, 25, 2)
    assert k["wgs"]["total"] == int(q.progress_series("wgs").value.iloc[-1])
    assert k["wgs"]["total"] == int(q.map_indicator("wgs").value.sum())
    assert k["n_cohorts"] == 131


def test_every_eu_member_is_drawable_and_context_excludes_atlas_countries(real_data):
    c = q.countries()
    assert EU27 <= set(c[c.on_map].iso3)
    ctx = set(q.context_codes())
    assert not ctx & set(c.iso3)
    assert "RUS" not in ctx and "GRL" not in ctx  # would stretch the fitted map


def test_colour_range_spans_every_year(mini_data):
    lo, hi = q.indicator_range("wgs")
    assert lo == 150 and hi == 620_640
    assert q.indicator_range("signatory") is None


def test_signatories_are_ordered_by_date_then_undated_then_others(mini_data):
    s = q.signatories()
    groups = [0 if a and pd.notna(d) else (1 if a else 2)
              for a, d in zip(s.onemg_signatory, s.signed_first)]
    assert groups == sorted(groups)
    dated = s[s.signed_first.notna()]
    assert dated.signed_first.is_monotonic_increasing


def test_kpi_totals_name_their_group_and_largest_contributor(mini_data):
    from components.kpi import overview_kpis

    k = q.kpis()
    w = k["wgs"]
    assert (w["group"]["group_id"], w["group"]["value"]) == ("atlas", w["total"])
    assert w["group"]["largest_iso3"] == "GBR"
    assert w["eu_total"]["value"] < w["total"]
    card = next(c for c in overview_kpis(k, "2026-12-04") if c.key == "wgs")
    share = round(w["group"]["largest_share"] * 100)
    assert (f"Sums: every country in the atlas; largest contributor United Kingdom: {share} %."
            in card.counts)
