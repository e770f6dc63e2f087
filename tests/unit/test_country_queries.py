"""Queries behind the country index and profiles, on the mini release (the committed release's facts
are in tests/test_golden_release.py)."""
from __future__ import annotations

import statistics

import pytest

from data.queries import country_profile as q


@pytest.mark.parametrize("raw, iso3", [("FIN", "FIN"), ("fin", "FIN"), ("Fi", "FIN"), ("fi", "FIN"),
                                       ("uk", "GBR"), ("GB", "GBR"), ("sweden", "SWE"),
                                       ("%46IN", "FIN")])
def test_resolve_accepts_iso3_iso2_and_names_in_any_case(mini_data, raw, iso3):
    assert q.resolve(raw).iso3 == iso3


@pytest.mark.parametrize("raw", ["XXX", "", None, "<script>alert(1)</script>", "DE", 42, "F" * 500])
def test_resolve_reports_unknown_codes_without_failing(mini_data, raw):
    res = q.resolve(raw)
    assert not res.found and res.iso3 is None
    assert len(res.raw) <= q.MAX_CODE_LEN


def test_resolve_suggests_close_names_and_codes(mini_data):
    assert ("FIN", "Finland") in q.resolve("Finlnd").suggestions
    assert ("SWE", "Sweden") in q.resolve("SWEE").suggestions
    assert len(q.resolve("Finlnd").suggestions) <= 5


def test_country_index_has_one_row_per_country_with_missing_figures_as_none(mini_data):
    df = q.country_index()
    assert sorted(df.iso3) == ["DNK", "FIN", "FRA", "GBR", "MDA", "SVK", "SWE"]
    svk = df[df.iso3 == "SVK"].iloc[0]
    assert svk.wgs_value is None and svk.genotyped_value is None  # not 0, not pd.NA
    fin = df[df.iso3 == "FIN"].iloc[0]
    assert fin.genotyped_value == 500348
    assert isinstance(fin.genotyped_source_urls, list) and any(
        "finngen.fi" in u for u in fin.genotyped_source_urls)


def test_signature_position_of_first_signatories_and_of_unknown_dates(mini_data):
    fin = q.signature_position("FIN")
    assert (fin["first"], fin["last"], fin["same_date"], fin["precision"]) == (1, 3, 3, "day")
    dnk = q.signature_position("DNK")  # a signatory whose date is not public
    assert dnk["signatory"] and dnk["date"] is None and dnk["first"] is None
    assert not q.signature_position("SVK")["signatory"]
    assert fin["n_signatories"] == 5 and fin["n_with_date"] == 3


def test_genome_counts_of_finland_include_finngen_with_its_source(mini_data):
    df = q.genome_counts("FIN")
    row = df[(df.metric == "genotyped") & (df.value == 500348)].iloc[0]
    assert row.programme == "fin_finngen" and row.programme_name == "FinnGen"
    assert any("finngen.fi" in u for u in row.source_urls)
    assert row.as_of_date == "2024" and row.confidence == "high"


@pytest.mark.parametrize("iso3", ["SVK", "MDA"])
def test_countries_without_figures_have_empty_frames_not_zeros(mini_data, iso3):
    assert len(q.genome_counts(iso3)) == 0
    assert len(q.progress(iso3)) == 0
    assert len(q.latest_figures(iso3)) == 0


def test_moldova_has_only_a_country_row(mini_data):
    for fn in (q.initiatives, q.cohorts, q.infrastructures, q.milestones):
        assert len(fn("MDA")) == 0


def test_denmark_initiatives_carry_the_genome_centre_target_and_latest_figure(mini_data):
    inits = q.initiatives("DNK")
    ngc = inits[inits.initiative_id == "dnk_ngc"].iloc[0]
    assert ngc.target_genomes == 60000
    latest = q.latest_figures("DNK")
    wgs = latest[(latest.initiative_id == "dnk_ngc") & (latest.metric == "wgs_sequenced")]
    assert list(wgs.value) == [26458]


def test_median_of_signatories_uses_carried_forward_totals_of_signatories_only(mini_data):
    med = q.signatory_median_progress()
    wgs = med[med.metric == "wgs_sequenced"].set_index("date")
    first = wgs.iloc[0]
    # GenomeDenmark's 150 (3 Aug 2017) comes first since release 2 withheld 100kGP's 6,000
    # (Dec 2015), whose only source was a forum repost
    assert first.countries == ["DNK"] and first.value == 150
    # 23 Aug 2017: DNK (150, GenomeDenmark) and SWE (1,000, SweGen) have figures
    two = wgs[wgs.n_countries == 2].iloc[0]
    assert two.countries == ["DNK", "SWE"] and two.value == statistics.median([150, 1000])
    assert "SVK" not in {c for cs in med.countries for c in cs}  # not a signatory
    assert all(len(u) > 0 for u in med.source_urls)


def test_signatory_medians_ignore_missing_figures_and_say_how_many(mini_data):
    m = q.signatory_medians()
    # FinnGen's 500,348 and Our Future Health's 330,069 (added in release 2)
    assert m["genotyped"] == {"value": statistics.median([500348, 330069]), "n": 2,
                              "n_signatories": 5}
    assert m["wgs"]["n"] == 3  # France's 100,000 is a proxy since release 2


def test_cohorts_infrastructures_and_activities_of_a_country(mini_data):
    cohorts = q.cohorts("FIN")
    assert "finngen" in set(cohorts.cohort_id)
    assert cohorts.participants.iloc[0] >= cohorts.participants.dropna().max()  # largest first
    nodes = q.infrastructures("FIN")
    assert {"stated", "city_centroid", "none"} <= set(nodes.location_precision)
    assert nodes[nodes.location_precision == "none"].lat.isna().all()
    acts = q.activities("FIN")
    assert acts.set_index("id").role["tehdas"] == "coordinator"
    assert acts.set_index("id").role["gdi"] == "participant"
    assert "funded_project" in set(acts.source_table)


def test_milestones_name_the_country(mini_data):
    assert "1+MG Declaration signed on Digital Day" in set(q.milestones("FIN").title)


def test_geo_frame_marks_the_focus_country(mini_data):
    geo = q.geo_frame("FIN")
    assert geo[geo.focus].iso3.tolist() == ["FIN"]
    assert len(geo) > 30  # neighbours are drawn too
