"""Cohort filters -> SQL: every facet alone, combinations, match any/all, literal free text,
size-band edges, sorting and empty results (mini release, plus an edge-case release built here)."""
from __future__ import annotations

import pandas as pd
import pytest

from data.queries import cohorts as C

F = C.CohortFilters


def ids(df) -> set[str]:
    return set(df.cohort_id)


def test_no_filter_returns_every_cohort(mini_data):
    df = C.search(F())
    assert len(df) == 47 and df.cohort_id.is_unique


def test_country_facet_keeps_cohorts_naming_any_selected_country(mini_data):
    dnk = C.search(F(countries=("DNK",)))
    assert len(dnk) and all("DNK" in c for c in dnk.countries_iso3)
    both = C.search(F(countries=("DNK", "FIN")))
    assert ids(both) == ids(dnk) | ids(C.search(F(countries=("FIN",))))


def test_each_single_valued_facet_alone_matches_its_column(mini_data):
    cases = [("kinds", "kind", ("twin",)), ("access_models", "access_model", ("on_request",)),
             ("recruitment", "recruitment_status", ("ongoing", "unknown")),
             ("size_bands", "size_band", ("<1k", "≥1M"))]
    everything = C.search(F())
    for facet, col, values in cases:
        got = C.search(F(**{facet: values}))
        assert len(got) > 0, facet
        assert ids(got) == set(everything[everything[col].isin(values)].cohort_id), facet


def test_data_types_any_is_a_union_and_all_an_intersection(mini_data):
    every = C.search(F())
    has = lambda t: {i for i, ts in zip(every.cohort_id, every.data_types) if t in ts}  # noqa: E731
    any_ = ids(C.search(F(data_types=("wgs", "ehr_linkage"))))
    all_ = ids(C.search(F(data_types=("wgs", "ehr_linkage"), data_match="all")))
    assert any_ == has("wgs") | has("ehr_linkage")
    assert all_ == has("wgs") & has("ehr_linkage")
    assert all_ < any_


def test_disease_focus_any_and_all(mini_data):
    every = C.search(F())
    has = lambda t: {i for i, ts in zip(every.cohort_id, every.disease_focus) if t in ts}  # noqa: E731
    sel = ("cancer", "rare_disease")
    assert ids(C.search(F(disease_focus=sel))) == has("cancer") | has("rare_disease")
    assert ids(C.search(F(disease_focus=sel, disease_match="all"))) == has("cancer") & has("rare_disease")
    assert "pfmg2025" in ids(C.search(F(disease_focus=sel, disease_match="all")))


def test_facets_combine_with_and(mini_data):
    got = C.search(F(countries=("GBR",), kinds=("birth",), access_models=("controlled",)))
    assert len(got) > 0
    assert all(k == "birth" and a == "controlled" and "GBR" in c
               for k, a, c in zip(got.kind, got.access_model, got.countries_iso3))
    assert ids(got) == {"alspac", "born_in_bradford", "millennium_cohort_study", "ncds_1958"}


def test_text_matches_name_acronym_and_notes_case_insensitively(mini_data):
    assert "finngen" in ids(C.search(F(text="FINNGEN")))          # name
    assert "uk_biobank" in ids(C.search(F(text="ukb")))            # acronym
    assert "uk_biobank" in ids(C.search(F(text="Bycroft")))        # notes


@pytest.mark.parametrize("text", ["%", "_", "' OR '1'='1", "\\", "*", "[a-z]", ".*", "'; DROP TABLE cohorts; --"])
def test_sql_and_pattern_metacharacters_are_literal_text(mini_data, text):
    got = C.search(F(text=text))
    every = C.search(F())
    expect = {i for i, n, a, no in zip(every.cohort_id, every.name, every.acronym, every.notes)
              if any(text.lower() in str(x).lower() for x in (n, a, no) if isinstance(x, str))}
    assert ids(got) == expect
    assert len(C.search(F())) == 47  # the table is still there


def test_filter_with_no_match_returns_an_empty_frame_with_columns(mini_data):
    got = C.search(F(countries=("MDA",)))
    assert got.empty and "cohort_id" in got.columns
    s = C.summary(F(countries=("MDA",)))
    assert s["n_cohorts"] == 0 and s["participants_sum"] is None and s["by_country"].empty


def test_sort_is_stable_with_cohort_id_tie_break_and_missing_last_descending(mini_data):
    df = C.search(F(), "participants_desc")
    vals = list(df.participants)
    known = [v for v in vals if not pd.isna(v)]
    assert known == sorted(known, reverse=True)
    n_known = len(known)
    assert all(pd.isna(v) for v in vals[n_known:])  # missing at the end
    tail = list(df.cohort_id[n_known:])
    assert tail == sorted(tail)
    asc = C.search(F(), "name_asc")
    assert list(asc.name) == sorted(asc.name)


def test_unknown_sort_is_refused():
    with pytest.raises(ValueError):
        C.parse_sort("participants; DROP TABLE cohorts")
    with pytest.raises(ValueError):
        C.parse_sort("notes_asc")


def test_bad_match_mode_is_refused():
    with pytest.raises(ValueError):
        F(data_match="most")


def test_facet_counts_list_every_vocabulary_value_with_zeros(mini_data):
    fc = C.facet_counts(F())
    assert fc["access_models"]["registered"] == 0
    assert set(fc["size_bands"]) == set(C.SIZE_BANDS)
    assert fc["countries"]["DNK"] == len(C.search(F(countries=("DNK",))))


def test_facet_count_in_all_mode_is_the_row_count_after_toggling(mini_data):
    f = F(data_types=("wgs",), data_match="all")
    fc = C.facet_counts(f)
    assert fc["data_types"]["ehr_linkage"] == len(
        C.search(F(data_types=("wgs", "ehr_linkage"), data_match="all")))
    assert fc["data_types"]["wgs"] == len(C.search(f))


@pytest.fixture(scope="module")
def two_multi_country_built(release_factory):
    """The fixture release with two cohorts made Danish too (as EPIC and Genome of Europe are in the
    real release: tests/test_golden_release.py::test_denmark_has_12_cohorts_2_of_them_multi_country)."""
    return release_factory("multi", edits={"cohorts": {
        "lifegene": {"countries_iso3": "SWE;DNK"}, "finngen": {"countries_iso3": "FIN;DNK"}}}).out


def test_summary_counts_multi_country_once_and_flags_overlap(two_multi_country_built, use_release):
    use_release(two_multi_country_built)
    f = F(countries=("DNK",))
    s = C.summary(f)
    df = C.search(f)
    n_single = sum(len(c) == 1 for c in df.countries_iso3)
    assert n_single > 0 and s["n_cohorts"] == len(df) == n_single + 2
    assert s["n_multi_country"] == 2  # LifeGene and FinnGen, made Danish too
    assert {"lifegene", "finngen"} <= set(df.cohort_id)
    assert "not a head count" in s["participants_label"]
    dnk = s["by_country"].set_index("iso3").loc["DNK"]
    assert dnk.n_cohorts == n_single + 2 and dnk.n_multi_country == 2


def test_cohort_detail_and_mentions(mini_data):
    # the fixture's iPSYCH (the real release's EPIC: golden test_epic_is_a_danish_cohort_with_sources)
    row = C.cohort("ipsych")
    assert row["acronym"] == "iPSYCH" and "DNK" in row["countries_iso3"] and row["source_urls"]
    assert C.cohort("no-such-cohort") is None
    m = C.mentions("danish_national_genome_center")
    assert "dk-dngc" in set(m.id)


# --- an edge-case release: participants exactly on the band edges, metacharacters in notes ---

EDGES = {"finngen": 999, "amoris": 1000, "uk_biobank": 9999, "constances": 10000,
         "ipsych": 99999, "scapis": 100000, "lifegene": 999999, "e3n": 1000000}
TRICKY_NOTE = "Test note: 50% of \"O'Brien\" cases_x [a-z] .* \\ end"


@pytest.fixture(scope="module")
def edge_built(release_factory):
    rows = {cid: {"participants": str(n)} for cid, n in EDGES.items()}
    rows["pfmg2025"] = {"notes": TRICKY_NOTE}
    rows["lifegene"] = {**rows["lifegene"], "countries_iso3": "SWE;DNK"}
    return release_factory("edge", edits={"cohorts": rows}).out


@pytest.fixture
def edge_data(edge_built, use_release):
    return use_release(edge_built)


@pytest.mark.parametrize("band, inside, outside", [
    ("<1k", {"finngen"}, {"amoris"}),
    ("1k–10k", {"amoris", "uk_biobank"}, {"finngen", "constances"}),
    ("10k–100k", {"constances", "ipsych"}, {"uk_biobank", "scapis"}),
    ("100k–1M", {"scapis", "lifegene"}, {"ipsych", "e3n"}),
    ("≥1M", {"e3n"}, {"lifegene"}),
])
def test_size_band_lower_edges_are_inclusive(edge_data, band, inside, outside):
    got = ids(C.search(F(size_bands=(band,))))
    assert inside <= got and not (outside & got)


@pytest.mark.parametrize("text", ['50% of "O', "cases_x", "\"O'Brien\"", "[a-z]", ".*", "\\ end"])
def test_metacharacters_in_notes_are_found_literally(edge_data, text):
    assert ids(C.search(F(text=text))) == {"pfmg2025"}


def test_wildcards_do_not_match_other_text(edge_data):
    assert ids(C.search(F(text="50_ of"))) == set()
    assert ids(C.search(F(text="cases%"))) == set()


def test_multi_country_cohort_is_one_row_counted_in_each_country(edge_data):
    f = F(countries=("SWE", "DNK"))
    df = C.search(f)
    assert list(df.cohort_id).count("lifegene") == 1
    s = C.summary(f)
    assert s["n_cohorts"] == len(df) and s["n_multi_country"] == 1
    bc = s["by_country"].set_index("iso3")
    assert bc.loc["SWE"].n_multi_country == 1 and bc.loc["DNK"].n_multi_country == 1
    assert bc.n_cohorts.sum() == len(df) + 1  # once per country on the map, once in the total
