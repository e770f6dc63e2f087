"""The cohort explorer in a real browser, on the fixture release: facets, match any/all, URL
restore, CSV, map click, detail. Expected counts come from the query layer on the same release;
the committed release's counts are pinned in tests/test_golden_release.py."""
from __future__ import annotations

import csv
import io
from urllib.parse import urlparse

import pytest

from data.queries import cohorts as C

from .conftest import run_axe, wait_for_dash
from .fit import VIEWPORTS, console_warnings, fit_problems
from .pages import Checklist, Grid, RadioItems, UrlState, download_text

pytestmark = pytest.mark.browser

NORDICS = {"DNK", "FIN", "ISL", "NOR", "SWE"}


def n_cohorts(**filters) -> int:
    """How many cohorts of the served (fixture) release match ``filters`` (CohortFilters fields)."""
    return len(C.search(C.CohortFilters(**filters)))


def open_cohorts(page, base_url, query=""):
    page.goto(base_url + "/cohorts" + query)
    wait_for_dash(page)
    page.wait_for_function("() => /cohort/.test(document.querySelector('#cohorts-count').innerText)")
    wait_for_dash(page)


def count_text(page) -> str:
    return page.inner_text("#cohorts-count")


def settle(page, before: str | None = None):
    """Wait for the callbacks an interaction triggers: the link changes first, then the views."""
    if before is not None:
        UrlState(page).wait_for_change(before)
    wait_for_dash(page)


def search(page) -> str:
    return UrlState(page).search()


def grid(page) -> Grid:
    return Grid(page, "cohorts-grid")


def grid_ids(page) -> list[str]:
    return grid(page).column("cohort_id")


def grid_rows(page) -> list[dict]:
    return grid(page).rows()


def checkbox(page, facet: str, label: str):
    return Checklist(page, f"cohorts-{facet}").option(label)


def url_params(page) -> dict:
    return UrlState(page).params()


def export(page) -> list[dict]:
    return list(csv.DictReader(io.StringIO(download_text(page, "#cohorts-export"))))


def test_filtering_to_denmark_shows_its_cohorts(page, base_url, browser_data):
    """Ticking Denmark leaves only cohorts that name Denmark, and the link says so."""
    n, total = n_cohorts(countries=("DNK",)), n_cohorts()
    assert 0 < n < total
    open_cohorts(page, base_url)
    before = search(page)
    checkbox(page, "countries", "Denmark").check()
    settle(page, before)
    rows = grid_rows(page)
    assert len(rows) == n and f"{n} of {total}" in count_text(page)
    assert all("DNK" in r["countries"] for r in rows)
    assert url_params(page)["country"] == "DNK"


def test_match_all_narrows_results_compared_with_match_any(page, base_url):
    """WGS + EHR linkage: 'all selected' keeps only cohorts holding both."""
    open_cohorts(page, base_url, "?data=wgs,ehr_linkage")
    any_rows = grid_rows(page)
    before = search(page)
    RadioItems(page, "cohorts-data-match").choose("all selected")
    settle(page, before)
    all_rows = grid_rows(page)
    assert 0 < len(all_rows) < len(any_rows)
    assert all("WGS" in r["data_types"] and "EHR linkage" in r["data_types"] for r in all_rows)
    assert url_params(page)["data_match"] == "all"  # the page writes the names the API takes


def test_copied_url_restores_the_same_rows_in_the_same_order(page, base_url):
    """Filters, match mode and a grid sort chosen by clicking survive a reload of the copied link."""
    open_cohorts(page, base_url, "?access=controlled,on_request&data=wgs")
    before = grid_ids(page)
    grid(page).click_header("name")
    UrlState(page).wait_for("sort=name_asc")
    wait_for_dash(page)
    ids = grid_ids(page)
    assert sorted(ids) == sorted(before) and ids != before
    link = page.url
    page.goto("about:blank")
    open_cohorts(page, base_url, "?" + urlparse(link).query)
    assert grid_ids(page) == ids
    assert "sort=name_asc" in page.url
    assert grid(page).sort_state("name") == "ascending"


def test_csv_export_holds_the_grid_rows_in_grid_order_with_sources(page, base_url):
    """The downloaded CSV has exactly the grid's rows, in order, with source URLs and the release."""
    open_cohorts(page, base_url, "?country=SWE,NOR&sort=name_desc")
    ids = grid_ids(page)
    rows = export(page)
    assert [r["cohort_id"] for r in rows] == ids
    assert {"source_urls", "access_url", "data_release", "data_release_date", "participants_as_of"} <= set(rows[0])
    assert all(r["source_urls"].startswith("http") for r in rows)


def test_table_column_filter_restores_from_the_link_and_narrows_the_export(page, base_url,
                                                                          browser_data):
    """A grid column filter lives in the link too; the page says the totals still cover all rows."""
    n_gbr = n_cohorts(countries=("GBR",))
    gf = '{"name":{"filterType":"text","type":"contains","filter":"bio"}}'
    open_cohorts(page, base_url, "?country=GBR&gf=" + gf)
    page.wait_for_selector("#cohorts-gridnote.show, #cohorts-gridnote", state="visible")
    ids = grid_ids(page)
    assert ids and all("bio" in r["name"].lower() for r in grid_rows(page))
    assert len(ids) < n_gbr
    assert f"of the {n_gbr} matching cohorts" in page.inner_text("#cohorts-gridnote")
    rows = export(page)
    assert [r["cohort_id"] for r in rows] == ids
    page.click("#cohorts-clear-grid")
    UrlState(page).wait_for("gf=", present=False)
    wait_for_dash(page)
    assert len(grid_ids(page)) == n_gbr


def test_map_click_toggles_the_country_facet(page, base_url):
    """Clicking Finland on the map ticks Finland; clicking it again unticks it."""
    open_cohorts(page, base_url)
    page.wait_for_selector("#cohorts-map-graph path.choroplethlocation")

    def click_country(iso3):
        box = page.evaluate("""iso => {
          for (const p of document.querySelectorAll('#cohorts-map-graph path.choroplethlocation')) {
            const d = p.__data__;
            if (d && d.loc === iso) { const r = p.getBoundingClientRect();
              return {x: r.x + r.width * 0.45, y: r.y + r.height * 0.6}; } }
          return null; }""", iso3)
        assert box, f"{iso3} not drawn"
        page.mouse.move(box["x"], box["y"])
        page.mouse.move(box["x"] + 1, box["y"] + 1)
        page.mouse.click(box["x"] + 1, box["y"] + 1)

    page.locator("#cohorts-map-graph").scroll_into_view_if_needed()
    before = search(page)
    click_country("FIN")
    settle(page, before)
    assert checkbox(page, "countries", "Finland").is_checked()
    assert url_params(page)["country"] == "FIN"
    before = search(page)
    click_country("FIN")
    settle(page, before)
    assert not checkbox(page, "countries", "Finland").is_checked()
    assert "country" not in url_params(page)


def test_nordic_wgs_with_ehr_linkage_under_controlled_access_and_where_to_apply(page, base_url):
    """The question the explorer exists for, in a few clicks: which Nordic cohorts hold WGS with EHR
    linkage under controlled access, and where do I apply? Then the shared link and the export."""
    open_cohorts(page, base_url)
    steps = [lambda: page.click("#cohorts-countries-facet button:has-text('Nordic countries')"),
             lambda: checkbox(page, "data", "WGS").check(),
             lambda: checkbox(page, "data", "EHR linkage").check(),
             lambda: RadioItems(page, "cohorts-data-match").choose("all selected"),
             lambda: checkbox(page, "access", "Controlled").check()]
    for step in steps:
        before = search(page)
        step()
        settle(page, before)
    rows = grid_rows(page)
    assert rows, "expected at least one Nordic cohort"
    for r in rows:
        assert NORDICS & set(r["countries"].split(", "))
        assert "WGS" in r["data_types"] and "EHR linkage" in r["data_types"]
        assert r["access_model"].startswith("Controlled")
    q = url_params(page)
    assert set(q["country"].split(",")) == NORDICS and q["data_match"] == "all"
    assert set(q["data_type"].split(",")) == {"wgs", "ehr_linkage"} and q["access"] == "controlled"

    # where do I apply: the detail panel of the first row shows its access route
    first = rows[0]
    grid(page).row_cell(first["cohort_id"], "name").click()
    page.wait_for_selector("#cohorts-detail.show, #cohorts-detail.showing", state="attached")
    wait_for_dash(page)
    body = page.inner_text("#cohorts-detail")
    assert "Where to apply" in body and "Sources" in body
    if first["access_url"]:
        assert page.get_attribute("#cohorts-detail-access", "href") == first["access_url"]
    assert url_params(page)["cohort"] == first["cohort_id"]

    # the shared link restores the same answer (and the open cohort)
    link = page.url
    page.goto("about:blank")
    open_cohorts(page, base_url, "?" + urlparse(link).query)
    assert [r["cohort_id"] for r in grid_rows(page)] == [r["cohort_id"] for r in rows]
    page.wait_for_selector("#cohorts-detail-access, #cohorts-detail .offcanvas-body dl", state="attached")
    page.keyboard.press("Escape")

    # and the export holds the same answer with the access routes
    exported = export(page)
    assert [r["cohort_id"] for r in exported] == [r["cohort_id"] for r in rows]
    assert [r["access_url"] or None for r in exported] == [r["access_url"] for r in rows]


def test_keyboard_user_can_open_a_cohort_from_the_grid(page, base_url):
    """Focus a row's cell and press Space: the detail panel opens for that row."""
    open_cohorts(page, base_url, "?country=ISL")
    grid(page).any_cell(0, "name").focus()
    page.keyboard.press("Space")
    page.wait_for_selector("#cohorts-detail-body dl", state="attached")
    assert "deCODE" in page.inner_text("#cohorts-detail-title")
    UrlState(page).wait_for("cohort=")  # the link is written just after the panel opens
    assert url_params(page)["cohort"] == "decode_iceland"
    page.keyboard.press("Escape")
    UrlState(page).wait_for("cohort=", present=False)


def test_no_match_offers_to_remove_the_last_filter(page, base_url, browser_data):
    """A combination with no result says so and one click undoes the last filter."""
    open_cohorts(page, base_url, "?country=ISL&kind=twin")
    assert page.locator("#cohorts-empty").is_visible()
    assert n_cohorts(countries=("ISL",), kinds=("twin",)) == 0
    assert f"0 of {n_cohorts()}" in count_text(page)
    before = search(page)
    page.click("#cohorts-undo")
    settle(page, before)
    assert not page.locator("#cohorts-empty").is_visible()
    assert url_params(page) == {"country": "ISL"}


def test_invalid_link_values_fall_back_with_a_notice(page, base_url, browser_data):
    """Unknown values in a link are dropped, the rest still applies, and the page says what it ignored."""
    open_cohorts(page, base_url, "?country=DNK,XX1&sort=drop_table&datamatch=most&bogus=1")
    note = page.inner_text("#cohorts-notices")
    assert "XX1" in note and "sort order" in note and "bogus" in note
    assert f"{n_cohorts(countries=('DNK',))} of {n_cohorts()}" in count_text(page)


def test_cohorts_page_has_no_serious_accessibility_violations(page, axe_base_url):
    """axe-core finds no serious or critical violation, with filters applied and the panel open."""
    base_url = axe_base_url  # see its fixture
    open_cohorts(page, base_url, "?data=wgs&cohort=finngen")
    page.wait_for_selector("#cohorts-detail-body dl", state="attached")
    found = [(v["id"], [target for target, _summary in v["nodes"]][:3]) for v in run_axe(page)]
    assert found == [], str(found)
    page.keyboard.press("Escape")
    wait_for_dash(page)
    found = [(v["id"], [target for target, _summary in v["nodes"]][:3]) for v in run_axe(page)]
    assert found == [], str(found)


@pytest.mark.parametrize("kind", sorted(VIEWPORTS))
@pytest.mark.parametrize("query", ["", "?country=FIN&data_type=wgs"])
def test_cohorts_page_fits_phone_and_desktop_without_console_warnings(browser, base_url, kind, query):
    """At 390×844 and 1440×900: no sideways scroll, no text out of its card (the totals are cards
    too), no legend over its plot, no console warning; the name column stays pinned."""
    ctx = browser.new_context(viewport=VIEWPORTS[kind])
    try:
        pg = ctx.new_page()
        warnings = console_warnings(pg)
        open_cohorts(pg, base_url, query)
        pg.wait_for_selector("#cohorts-kpi-cohorts .kpi-value:not(:text('…'))")
        assert fit_problems(pg) == []
        assert warnings == []
        assert pg.locator("#cohorts-grid .ag-pinned-left-header [col-id='name']").count() == 1
    finally:
        ctx.close()
