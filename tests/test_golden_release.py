"""The golden facts of the committed release (data/built), checked without a browser.

The browser tests run on the small fixture release (tests/fixtures/, ``base_url``); the figures of
the real release that they used to pin live here, next to the fixture value the browser checks
instead, so a data refresh changes this one file. Each test names the browser test it stands for.
"""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from data.queries import country_profile as q
from tests.callbacks.harness import text_of

pytestmark = pytest.mark.usefixtures("real_data")


def _index():
    return q.country_index().set_index("iso3")


# --- /countries and /country/<iso3> (tests/browser/test_countries.py) -----------------------------

def test_the_atlas_lists_35_countries():
    """test_index_lists_every_country…, test_index_csv_has_plain_names…: 35 rows (CSV: 36 lines)."""
    assert len(q.country_index()) == 35  # and 35 codes: test_every_real_country_resolves…


def test_the_united_kingdom_has_the_largest_wgs_total():
    """test_index_sorts_figures_as_numbers: the first row sorted by WGS descending."""
    wgs = _index().wgs_value.dropna().astype(int)
    assert wgs.idxmax() == "GBR" and wgs.max() == 620640
    assert f"{wgs.max():,}" == "620,640"


def test_finland_has_finngen_genotyped_and_signed_on_10_april_2018():
    """test_finland_shows_finngen_genotyped_participants_with_their_source (one of the 13 first
    signatories: test_signature_position_on_the_real_data_counts_13_first_signatories)."""
    from components import country_sections as cs

    assert _index().genotyped_value["FIN"] == 500348
    assert q.signature_position("FIN")["date"] == "2018-04-10"
    text = text_of(cs.initiatives_table(q.initiatives("FIN"), q.latest_figures("FIN")))
    assert "500,348 genotyped" in text
    figs = q.latest_figures("FIN")
    finngen = figs[figs.value == 500348]
    assert any("finngen.fi" in u for urls in finngen.source_urls for u in urls)


def test_denmark_has_its_genome_centre_target_and_achieved_figure():
    """test_denmark_shows_its_genome_centre_target…, test_table_toggle_shows_exactly_the_drawn_rows."""
    from components import country_sections as cs

    text = text_of(cs.initiatives_table(q.initiatives("DNK"), q.latest_figures("DNK")))
    assert "Danish National Genome Center" in text
    assert "60,000" in text and "26,458 WGS" in text
    figs = q.genome_counts("DNK")
    assert len(figs) == 6  # published figures, targets included (+3 steps of the sum in the grid)
    latest = figs[figs.value == 26458]
    assert list(latest.as_of_date) == ["2024-04-12"]


def test_slovakia_has_no_public_figure():
    """test_a_country_without_a_public_figure_says_so (Portugal, with only a target, for
    test_profiles_render_every_section[PRT]: test_a_country_with_only_targets…)."""
    svk = _index().loc["SVK"]
    assert all(svk[f"{m}_value"] is None or svk[f"{m}_value"] != svk[f"{m}_value"]
               for m in ("wgs", "wes", "genotyped", "accessible"))


# --- /cohorts (tests/browser/test_cohorts.py) ------------------------------------------------------

def _cohorts(**filters):
    from data.queries import cohorts as C

    return C.search(C.CohortFilters(**filters))


def test_cohort_counts_denmark_12_of_131_and_britain_21():
    """test_filtering_to_denmark…, test_invalid_link_values… ("12 of 131"), test_table_column_filter…
    ("of the 21 matching cohorts"), test_no_match… ("0 of 131")."""
    assert len(_cohorts()) == 131
    assert len(_cohorts(countries=("DNK",))) == 12
    assert len(_cohorts(countries=("GBR",))) == 21
    assert len(_cohorts(countries=("ISL",), kinds=("twin",))) == 0


def test_iceland_has_decode_and_the_nordics_have_controlled_wgs_with_ehr_linkage():
    """test_keyboard_user_can_open_a_cohort_from_the_grid, test_nordic_wgs_with_ehr_linkage…."""
    isl = _cohorts(countries=("ISL",))
    assert isl.cohort_id.iloc[0] == "decode_iceland" and "deCODE" in isl.name.iloc[0]
    nordic = _cohorts(countries=("DNK", "FIN", "ISL", "NOR", "SWE"), data_types=("wgs", "ehr_linkage"),
                      data_match="all", access_models=("controlled",))
    assert len(nordic) > 0


def test_iceland_has_no_twin_registry_and_no_registered_access_cohort():
    """tests/callbacks/test_cohorts_callbacks.py::test_facet_options_show_counts_and_disable_values…
    (on the real release it filtered to Iceland; the fixture's Slovakia stands in)."""
    isl = _cohorts(countries=("ISL",))
    assert len(isl) > 0 and "twin" not in set(isl.kind) and "registered" not in set(isl.access_model)


def test_denmark_12_cohorts_with_epic_and_2_with_wgs():
    """tests/callbacks/test_cohorts_callbacks.py::test_charts_carry_keys_and_tables_of_what_is_drawn
    (the map's Denmark row: 12 cohorts, EPIC among them; 2 Danish cohorts with WGS) and
    ::test_results_match_search_and_empty_state_offers_undo ("12 of 131")."""
    dnk = _cohorts(countries=("DNK",))
    assert len(dnk) == 12 and "epic" in set(dnk.cohort_id)
    assert sum("wgs" in list(d) for d in dnk.data_types) == 2


# --- / (tests/browser/test_overview.py) and /infrastructures (tests/browser/test_infra.py) ---------

EU27 = {"AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN",
        "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP",
        "SWE"}


def test_every_eu_member_is_a_country_of_the_atlas():
    """test_page_loads_and_the_map_draws_every_eu_country: the real map draws all 27 with a value
    or as "no public figure" (the fixture's map: its own countries)."""
    idx = _index()
    assert EU27 <= set(idx.index)
    assert set(idx.index[idx.eu_member.astype(bool)]) == EU27


def test_romania_signed_after_2019():
    """test_a_shared_url_restores_the_view: at the end of 2019 Romania is drawn as not (yet) a
    signatory."""
    rou = _index().loc["ROU"]
    assert bool(rou.onemg_signatory) and str(rou.onemg_signed_date)[:4] == "2023"


def test_spain_has_federated_ega_nodes():
    """test_clicking_a_coverage_cell_lists_its_nodes_with_sources (Spain × Federated EGA)."""
    from data.queries import infra

    assert len(infra.nodes(kinds=["fega_node"], country="ESP")) > 0


# --- the committed release's facts that unit tests pinned (from tests/unit/test_country_queries.py
# and test_infra_queries.py) -----------------------------------------------------------------------

def test_signature_position_on_the_real_data_counts_13_first_signatories():
    fin = q.signature_position("FIN")
    assert fin["same_date"] == 13 and fin["first"] == 1
    aut = q.signature_position("AUT")  # month-only date: several positions are possible
    assert aut["precision"] == "month" and aut["first"] < aut["last"]


def test_a_country_with_only_targets_has_no_achieved_figure():
    df = q.genome_counts("PRT")
    assert len(df) > 0 and set(df.metric) == {"target"}


def test_every_real_country_resolves_by_iso3_and_iso2():
    codes = q.codes()
    assert len(codes) == 35
    for iso3, iso2 in zip(codes.iso3, codes.iso2):
        assert q.resolve(iso3.lower()).iso3 == iso3
        assert q.resolve(iso2).iso3 == iso3


def test_country_without_profile_or_boundary_gets_its_iso_name():
    from data.queries import infra

    c = infra.matrix_countries()
    assert c[c.iso3 == "QAT"].name.tolist() == ["Qatar"]
    assert list(c.name) == sorted(c.name)


# --- release 2 (issue 13; data/sources/SOURCES-release2.md), compared with release 1 ------------

ROOT = Path(__file__).resolve().parents[1]
BUILT = ROOT / "data" / "built"
RELEASE_1 = "c50f0c4bfa68"


@pytest.fixture(scope="module")
def served_changes():
    rid = (BUILT / "CURRENT").read_text().strip()
    d = BUILT / "releases" / rid
    manifest = json.loads((d / "manifest.json").read_text())
    changes = pq.read_table(d / "release_changes.parquet").to_pylist()
    return manifest, {(r["table"], r["key"]): r for r in changes}


def _corr(changes, figure_id):
    r = changes[("genome_counts", figure_id)]
    assert r["change"] == "changed"
    return json.loads(r["before"]), json.loads(r["after"])


def test_release_2_is_compared_with_release_1(served_changes):
    manifest, _ = served_changes
    assert manifest["previous_release"] == RELEASE_1
    assert manifest["tables"]["genome_counts"]["rows"] == 121 - 4
    assert manifest["tables"]["initiatives"]["rows"] == 59


def test_audit_corrections_show_as_old_value_to_new_value(served_changes):
    _, ch = served_changes
    # France's 100,000 persons (paywalled teaser) is a proxy, not a running genome count
    before, after = _corr(ch, "bbc16548213c")
    assert (before["count_basis"], after["count_basis"]) == ("cumulative", "proxy")
    # Cyprus's 1,000 "DNA analyses" of unstated type
    before, after = _corr(ch, "f0dddf89b6c2")
    assert (before["count_basis"], after["count_basis"]) == ("cumulative", "proxy")
    # UK Biobank's 150,119 is one paper's analysis set, dated to its publication
    before, after = _corr(ch, "222650061d51")
    assert (before["count_basis"], after["count_basis"]) == ("cumulative", "subset")
    assert (before["as_of_date"], after["as_of_date"]) == ("2022", "2022-07-20")
    # FinnGen's 224,737 is a paper's analysis set too
    before, after = _corr(ch, "6b5100717aa5")
    assert (before["count_basis"], after["count_basis"]) == ("cumulative", "subset")
    # the UK 5,000,000 target and Ireland's GMI target got their exact dates
    assert _corr(ch, "a9f8fb951da0")[1]["as_of_date"] == "2018-10-02"
    assert _corr(ch, "574a5836ae3f")[1]["as_of_date"] == "2018-11-27"
    # a bare-IP mirror replaced by the publisher
    before, after = _corr(ch, "a9956f13ff54")
    assert before["source_urls"][0].startswith("http://47.251.13.51:8081/")
    assert after["source_urls"][0] == "http://www.nature.com/articles/s41431-019-0551-x"


def test_no_corrected_figure_shows_as_removed_and_added(served_changes):
    _, ch = served_changes
    removed = [k for k, r in ch.items() if k[0] == "genome_counts" and r["change"] == "removed"]
    added = [k for k, r in ch.items() if k[0] == "genome_counts" and r["change"] == "added"]
    # removed: Iceland's blog round number and its 2015 figure (audit), and the four rows withheld
    # because they rest only on secondary sources; added: nine newly sourced figures
    assert len(removed) == 6 and len(added) == 9
    gc = pq.read_table(BUILT / "releases" / RELEASE_1 / "genome_counts.parquet").to_pylist()
    old = {r["figure_id"]: r for r in gc}
    gone = {(old[k]["country_iso3"], old[k]["as_of_date"], old[k]["value"]) for _, k in removed}
    assert gone == {("ISL", "2014-02", 120000), ("ISL", "2015", 10000), ("ESP", "2025-09", 2000),
                    ("GBR", "2015-12", 6000), ("GBR", "2016-02-04", 5102),
                    ("GBR", "2016-02-04", 1286)}


def test_the_totals_name_their_largest_contributor():
    rid = (BUILT / "CURRENT").read_text().strip()
    gp = pq.read_table(BUILT / "releases" / rid / "group_progress.parquet").to_pandas()
    wgs = gp[gp.metric == "wgs_sequenced"].sort_values("date").groupby("group_id").tail(1)
    wgs = wgs.set_index("group_id")
    # release 2: the UK holds 620,640 of the 730,850 summed reported genomes (85 %)
    assert (wgs.loc["atlas", "value"], wgs.loc["atlas", "largest_iso3"]) == (730_850, "GBR")
    assert wgs.loc["atlas", "largest_value"] == 620_640
    assert round(wgs.loc["atlas", "largest_share"] * 100) == 85
    assert "GBR" not in wgs.loc["eu27", "countries"] and "ISL" not in wgs.loc["eu27", "countries"]
    assert "ISL" not in wgs.loc["signatories", "countries"]
    # the UK and Iceland are outside the EU: the audit's 54,277 less Spain's withheld 2,000
    assert wgs.loc["eu27", "value"] == 730_850 - 620_640 - 57_933 == 52_277


def test_overview_kpis_730_850_wgs_131_cohorts_35_countries():
    """tests/callbacks/test_overview_callbacks.py::test_load_fills_kpis_timeline_and_country_list:
    the WGS card reads 730,850 (release 2: 732,850 after the audit, less Spain's withheld 2,000),
    the cohorts card 131, and 35 countries fill the timeline table and
    the "Open a country profile" list."""
    from data.queries import overview as ov

    assert int(ov.progress_series("wgs").value.iloc[-1]) == 730_850
    assert ov.kpis()["wgs"]["total"] == 730_850
    assert len(_cohorts()) == 131
    assert len(ov.signatories()) == 35


def test_the_countries_index_lists_35_and_austria_signed_in_sep_2018():
    """tests/callbacks/test_country_callbacks.py::test_countries_index_lists_all_35_with_links_and_numeric_figures
    (35 rows and links; Austria's month-only signature date reads "Sep 2018")."""
    import app  # noqa: F401  (registers the pages)
    from pages import countries

    out = countries.fill_index(None)
    rows, links = out["rows"], out["links"]
    assert len(rows) == 35 and len(links) == 35
    assert next(r for r in rows if r["iso3"] == "AUT")["signed_label"] == "Sep 2018"


def test_denmark_has_12_cohorts_2_of_them_multi_country():
    """tests/unit/test_cohort_queries.py::test_summary_counts_multi_country_once_and_flags_overlap
    (on the real release: 12 Danish cohorts, EPIC and Genome of Europe multi-country)."""
    from data.queries import cohorts as C

    s = C.summary(C.CohortFilters(countries=("DNK",)))
    assert s["n_cohorts"] == 12 and s["n_multi_country"] == 2
    dnk = s["by_country"].set_index("iso3").loc["DNK"]
    assert dnk.n_cohorts == 12 and dnk.n_multi_country == 2


def test_epic_is_a_danish_cohort_with_sources():
    """tests/unit/test_cohort_queries.py::test_cohort_detail_and_mentions (EPIC's detail row)."""
    from data.queries import cohorts as C

    row = C.cohort("epic")
    assert row["acronym"] == "EPIC" and "DNK" in row["countries_iso3"] and row["source_urls"]
