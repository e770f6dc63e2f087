"""The countries index and country profiles in a real browser, on the fixture release (no request
leaves the machine, no console error: both are checked by the ``page`` fixture). The committed
release's own figures are pinned in tests/test_golden_release.py."""
from __future__ import annotations

import re

import pytest

from tests.fixtures.mini import read_rows

from .conftest import BROWSER_COUNTRIES, run_axe, wait_for_dash
from .pages import ChartCard, Dropdown, Grid, UrlState, download_text

pytestmark = pytest.mark.browser


def open_profile(page, base_url, path):
    page.goto(base_url + path)
    wait_for_dash(page)
    page.wait_for_selector("#country-profile:not([hidden]), #country-notfound:not([hidden])")
    wait_for_dash(page)


def open_index(page, base_url) -> Grid:
    page.goto(base_url + "/countries")
    wait_for_dash(page)
    return Grid(page, "countries-grid").wait_for_rows()


def test_index_lists_every_country_and_a_row_opens_the_profile(page, base_url):
    """The grid shows every country; a missing figure reads "no public figure"; a name opens it."""
    grid = open_index(page, base_url)
    assert page.locator("#countries-links li").count() == len(BROWSER_COUNTRIES)
    assert "no public figure" in grid.text()
    grid.links("/country/FIN").click()
    page.wait_for_url(re.compile(r"/country/FIN$"))
    wait_for_dash(page)
    page.wait_for_selector("#country-name")
    assert page.inner_text("#country-name").startswith("Finland")


def test_index_sorts_figures_as_numbers(page, base_url):
    """Sorting the WGS column descending puts the largest figure first, not the longest text."""
    grid = open_index(page, base_url)
    grid.sort_by("wgs_value", "descending")  # ascending, then descending
    page.wait_for_function(
        "() => document.querySelector(\"#countries-grid .ag-center-cols-container"
        " .ag-row[row-index='0'] [col-id='wgs_value']\")?.innerText === '620,640'")
    assert grid.cell_text(0, "wgs_value") == "620,640"  # United Kingdom, the largest WGS total


def test_finland_shows_finngen_genotyped_participants_with_their_source(page, base_url,
                                                                       browser_release):
    first = sum(r["onemg_signed_date"] == "2018-04-10"
                for r in read_rows(browser_release.sources / "countries.csv")[1])
    open_profile(page, base_url, "/country/FIN")
    initiatives = page.locator("#country-initiatives-table")
    assert "500,348 genotyped" in initiatives.inner_text()
    link = initiatives.locator("a[href*='finngen.fi']").first
    assert link.is_visible()
    assert link.get_attribute("href").startswith("https://www.finngen.fi/")
    assert first > 1  # the committed release's 13 are pinned in the golden module
    assert f"one of the {first} first signatories on 10 Apr 2018" in page.inner_text("#country-facts")


def test_denmark_shows_its_genome_centre_target_and_achieved_figure(page, base_url):
    open_profile(page, base_url, "/country/DNK")
    text = page.inner_text("#country-initiatives-table")
    assert "Danish National Genome Center" in text
    assert "60,000" in text and "26,458 WGS" in text


def test_a_country_without_a_public_figure_says_so(page, base_url):
    open_profile(page, base_url, "/country/SVK")
    status = page.inner_text("#country-genomes-status")
    assert "No public figure" in status
    assert "no public figure" in page.inner_text("#country-indicators-table")
    assert page.locator("#country-genomes-graph .annotation-text").text_content() == \
        "No public figure for Slovakia"


def test_compare_selector_overlays_the_chart_and_updates_the_url(page, base_url):
    """Choosing Sweden adds its totals to the chart, a column to the indicators and ?compare=SWE."""
    open_profile(page, base_url, "/country/DNK")
    before = page.locator("#country-genomes-graph .scatterlayer .trace").count()
    Dropdown(page, "country-compare").select("SWE")
    UrlState(page).wait_for_search("?compare=SWE")
    wait_for_dash(page)
    after = page.locator("#country-genomes-graph .scatterlayer .trace").count()
    assert after > before
    assert "Sweden" in page.inner_text("#country-indicators-table thead")
    assert "Sweden" in page.locator("#country-genomes-graph .legend").text_content()


def test_comparison_from_the_url_is_restored(page, base_url):
    open_profile(page, base_url, "/country/FIN?compare=median&scale=log")
    assert "Median of signatories" in page.inner_text("#country-indicators-table thead")
    assert page.locator("#country-scale input[value='log']").is_checked()
    assert Dropdown(page, "country-compare").value() == "median"


def test_lower_case_code_resolves_to_the_canonical_address(page, base_url):
    open_profile(page, base_url, "/country/fin")
    page.wait_for_url(re.compile(r"/country/FIN$"))
    assert page.inner_text("#country-name").startswith("Finland")


def test_alpha2_code_resolves_to_the_canonical_address(page, base_url):
    open_profile(page, base_url, "/country/DK")
    page.wait_for_url(re.compile(r"/country/DNK$"))
    assert page.inner_text("#country-name").startswith("Denmark")


def test_unknown_code_shows_the_not_found_page(page, base_url):
    open_profile(page, base_url, "/country/XXX")
    assert page.inner_text("#country-notfound-title") == "Country not found"
    assert page.locator("#country-profile").is_hidden()
    assert page.locator("a[href='/countries']").first.is_visible()


def test_script_in_the_code_is_shown_as_text_not_run(page, base_url):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_profile(page, base_url, "/country/<script>alert(1)</script>")
    assert page.inner_text("#country-notfound-title") == "Country not found"
    assert "<script>alert(1)</script>" in page.inner_text("#country-notfound")
    assert page.locator("#country-notfound script").count() == 0
    assert dialogs == []


def test_misspelt_name_suggests_the_country(page, base_url):
    open_profile(page, base_url, "/country/Fnland")
    page.locator("#country-suggestions a", has_text="Finland").click()
    page.wait_for_url(re.compile(r"/country/FIN$"))
    wait_for_dash(page)
    page.wait_for_selector("#country-name")


@pytest.mark.parametrize("iso3", ["GBR", "MDA", "PRT", "FRA"])
def test_profiles_render_every_section(page, base_url, iso3):
    """A walk through contrasting countries: many programmes, nothing, only targets, proxies."""
    open_profile(page, base_url, f"/country/{iso3}")
    for sid in ("country-header", "country-indicators", "country-initiatives", "country-cohorts",
                "country-activities", "country-milestones", "country-sources-list"):
        assert page.locator(f"#{sid}").count() == 1, sid
    assert ChartCard(page, "country-infra").plot().count() == 1
    assert ChartCard(page, "country-genomes").plot().count() == 1


def test_table_toggle_shows_exactly_the_drawn_rows(page, base_url):
    open_profile(page, base_url, "/country/DNK")
    grid = ChartCard(page, "country-genomes").show_table().wait_for_rows()
    # the grid paints its pinned and centre columns separately: wait until it has finished
    page.wait_for_function(
        "() => document.querySelectorAll('#country-genomes-grid .ag-center-cols-container .ag-row')"
        ".length >= 9 && document.querySelector('#country-genomes-grid').innerText.includes('26,458')")
    text = grid.text()
    assert "26,458" in text and "12 Apr 2024" in text  # sources: further right in the same rows
    # 6 published figures (targets included) + 3 steps of Denmark's sum of programmes
    assert grid.drawn_rows().count() == 9
    assert "Denmark (sum of programmes)" in text


@pytest.mark.parametrize("path", ["/countries", "/country/FIN", "/country/DNK?compare=median",
                                  "/country/XXX"])
def test_pages_have_no_serious_accessibility_violations(page, axe_base_url, path):
    base_url = axe_base_url  # see its fixture
    page.goto(base_url + path)
    wait_for_dash(page)
    page.wait_for_selector("#countries-grid .ag-row, #country-profile:not([hidden]),"
                           " #country-notfound:not([hidden])")
    wait_for_dash(page)
    assert run_axe(page) == []


@pytest.mark.parametrize("page", [{"width": 390, "height": 844}], indirect=True)
def test_profile_fits_a_phone_screen(page, base_url):
    open_profile(page, base_url, "/country/FIN")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_printed_profile_is_a_short_brief_with_the_release_date(page, base_url):
    """Print to PDF: the navbar and controls are hidden, the chart and footnotes are kept."""
    open_profile(page, base_url, "/country/FIN")
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 2
    page.emulate_media(media="print")
    assert page.locator("#app-navbar").is_hidden()
    assert page.locator("#country-controls").is_hidden()
    assert page.locator("#country-genomes-graph").is_visible()
    assert page.locator("#country-sources-list").is_visible()
    assert "Data release" in page.inner_text("#country-header")


def test_index_csv_has_plain_names_and_says_no_public_figure(page, base_url):
    """The CSV holds exactly the grid's rows, names without link markup, gaps as words."""
    open_index(page, base_url)
    text = download_text(page, "#countries-csv")
    lines = text.strip().splitlines()
    assert len(lines) == 1 + len(BROWSER_COUNTRIES)  # header + every country
    assert '"Finland"' in text and "](/country/" not in text
    assert "no public figure" in text and "500,348" in text
