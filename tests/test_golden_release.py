"""The golden facts of the committed release (data/built), checked without a browser.

The browser tests run on the small fixture release (tests/fixtures/, ``base_url``); the figures of
the real release that they used to pin live here, next to the fixture value the browser checks
instead, so a data refresh changes this one file. Each test names the browser test it stands for.
"""
from __future__ import annotations

import pytest

from data.queries import country_profile as q
from tests.callbacks.harness import text_of

pytestmark = pytest.mark.usefixtures("real_data")


def _index():
    return q.country_index().set_index("iso3")


# --- /countries and /country/<iso3> (tests/browser/test_countries.py) -----------------------------

def test_the_atlas_lists_35_countries():
    """test_index_lists_every_country…, test_index_csv_has_plain_names…: 35 rows (CSV: 36 lines)."""
    assert len(q.country_index()) == 35
    assert len(q.codes()) == 35


def test_the_united_kingdom_has_the_largest_wgs_total():
    """test_index_sorts_figures_as_numbers: the first row sorted by WGS descending."""
    wgs = _index().wgs_value.dropna().astype(int)
    assert wgs.idxmax() == "GBR" and wgs.max() == 620640
    assert f"{wgs.max():,}" == "620,640"


def test_finland_has_finngen_genotyped_and_is_one_of_13_first_signatories():
    """test_finland_shows_finngen_genotyped_participants_with_their_source (fixture: 3 first)."""
    from components import country_profile as cp

    assert _index().genotyped_value["FIN"] == 500348
    pos = q.signature_position("FIN")
    assert pos["date"] == "2018-04-10" and pos["same_date"] == 13
    text = text_of(cp.initiatives_table(q.initiatives("FIN"), q.latest_figures("FIN")))
    assert "500,348 genotyped" in text
    figs = q.latest_figures("FIN")
    finngen = figs[figs.value == 500348]
    assert any("finngen.fi" in u for urls in finngen.source_urls for u in urls)


def test_denmark_has_its_genome_centre_target_and_achieved_figure():
    """test_denmark_shows_its_genome_centre_target…, test_table_toggle_shows_exactly_the_drawn_rows."""
    from components import country_profile as cp

    text = text_of(cp.initiatives_table(q.initiatives("DNK"), q.latest_figures("DNK")))
    assert "Danish National Genome Center" in text
    assert "60,000" in text and "26,458 WGS" in text
    figs = q.genome_counts("DNK")
    assert len(figs) == 6  # published figures, targets included (+3 steps of the sum in the grid)
    latest = figs[figs.value == 26458]
    assert list(latest.as_of_date) == ["2024-04-12"]


def test_slovakia_has_no_public_figure_and_portugal_only_a_target():
    """test_a_country_without_a_public_figure_says_so, test_profiles_render_every_section[PRT]."""
    svk = _index().loc["SVK"]
    assert all(svk[f"{m}_value"] is None or svk[f"{m}_value"] != svk[f"{m}_value"]
               for m in ("wgs", "wes", "genotyped", "accessible"))
    assert set(q.genome_counts("PRT").metric) == {"target"}
