"""Named groups (EU-27, signatories, every country), their totals, figure ages and falling series."""
from __future__ import annotations

import datetime as dt

import pyarrow.parquet as pq
import pytest

from data.pipeline import ages
from data.pipeline.build import read_current
from tests.pipeline.test_build import BUILT


def _t(d, name):
    return pq.read_table(d / f"{name}.parquet").to_pandas()


@pytest.fixture(scope="module")
def served():
    return BUILT / "releases" / read_current(BUILT)


def test_groups_and_their_members(served):
    groups, members, countries = (_t(served, n) for n in ("groups", "group_members", "countries"))
    assert list(groups.group_id) == ["eu27", "signatories", "atlas"]
    by = members.groupby("group_id").iso3.apply(set)
    assert by["eu27"] == set(countries[countries.eu_member].iso3) and len(by["eu27"]) == 27
    assert by["atlas"] == set(countries.iso3)
    assert by["signatories"] == set(countries[countries.onemg_signatory].iso3)
    assert "ISL" not in by["signatories"] and "GBR" in by["signatories"]
    sig = members[members.group_id == "signatories"].set_index("iso3")
    # a partial date counts from its first day; an unknown day from the release date
    assert sig.loc["AUT", "member_from"] == dt.date(2018, 9, 1)
    assert sig.loc["NOR", "member_from"] == dt.date(2019, 6, 14)
    release_date = _t(served, "data_release").release_date.iloc[0]
    assert str(sig.loc["FRA", "member_from"]) == release_date
    assert members[members.group_id != "signatories"].member_from.isna().all()


def test_every_group_total_equals_the_sum_of_its_members_values_at_every_date(served):
    gp, members, pbc = (_t(served, n) for n in ("group_progress", "group_members",
                                                 "progress_by_country"))
    assert len(gp)
    for r in gp.itertuples():
        mem = members[members.group_id == r.group_id]
        active = set(mem[mem.member_from.isna() | (mem.member_from <= r.date)].iso3)
        known = pbc[(pbc.metric == r.metric) & (pbc.date <= r.date) & pbc.country_iso3.isin(active)]
        latest = known.sort_values("date").groupby("country_iso3").tail(1)
        assert r.value == latest.value.sum(), (r.group_id, r.metric, r.date)
        assert sorted(r.countries) == sorted(latest.country_iso3)
        top = latest.value.max()
        assert r.largest_value == top and r.largest_share == round(top / r.value, 4)


def test_every_country_in_the_atlas_is_the_progress_series(served):
    gp, ps = _t(served, "group_progress"), _t(served, "progress_series")
    atlas = gp[gp.group_id == "atlas"]
    for r in ps.itertuples():
        assert atlas[(atlas.metric == r.metric) & (atlas.date == r.date)].value.tolist() == [r.value]


def test_figure_ages_at_the_release_date(served):
    gc = _t(served, "genome_counts")
    rd = dt.date.fromisoformat(_t(served, "data_release").release_date.iloc[0])
    for r in gc.itertuples():
        assert r.age_months == ages.months_between(r.as_of_last, rd)
        assert r.may_be_outdated == (r.age_months > 24)
    assert ages.months_between(dt.date(2024, 12, 31), dt.date(2026, 12, 4)) == 23
    assert ages.months_between(dt.date(2024, 12, 4), dt.date(2026, 12, 4)) == 24
    latest = _t(served, "country_figures_latest")
    assert {"age_months", "may_be_outdated"} <= set(latest.columns)


def test_release_2_has_no_falling_series_and_says_so(served):
    import json

    m = json.loads((served / "manifest.json").read_text())
    assert m["falling_series"] == [] and _t(served, "falling_series").empty


def test_a_falling_series_is_reported_not_refused(release_factory, capsys):
    from data.pipeline.__main__ import main

    rel = release_factory("falling", build=False, edits={"genome_counts": lambda rows: [
        {**r, "value": "1000"} if r["value"] == "500348" else r for r in rows]})
    assert main(["--sources", str(rel.sources), "--out", str(rel.out)]) == 0
    out = capsys.readouterr().out
    assert "falling series FIN fin_finngen genotyped" in out
    falls = _t(rel.release_dir, "falling_series")
    assert len(falls) == 1 and falls.to_value.iloc[0] == 1000
