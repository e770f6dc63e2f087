"""The shell: navbar from the registry, footer with the release, in-app 404, no external requests."""
from __future__ import annotations

import csv
import io

import pytest

from .conftest import run_axe, wait_for_dash
from .fit import VIEWPORTS, console_warnings
from .pages import NOT_FOUND_PATHS, PAGE_PATHS, ChartCard

pytestmark = pytest.mark.browser


def test_unknown_path_shows_in_app_not_found_page(page, base_url):
    """A mistyped address shows a friendly page inside the shell, with ways back."""
    page.goto(base_url + "/no-such-page")
    wait_for_dash(page)
    assert page.inner_text("#notfound-title") == "Page not found"
    assert "Data release" in page.inner_text("#app-release")
    assert page.locator("#app-navbar").is_visible()


@pytest.mark.parametrize("path, title_id, title", [
    ("/nope", "notfound-title", "Page not found"),
    ("/country/XXX", "country-notfound-title", "Country not found"),
    ("/country/ZZZ", "country-notfound-title", "Country not found"),
])
def test_unknown_pages_and_countries_answer_404_with_the_friendly_page(page, base_url, path,
                                                                       title_id, title):
    """The status says "not found" (web/status.py) and the in-app page still explains it, with
    ways back; Chromium's own log line for the 404 is the only console error let pass."""
    resp = page.goto(base_url + path)
    assert resp.status == 404
    wait_for_dash(page)
    assert page.inner_text(f"#{title_id}") == title
    assert page.locator("#app-navbar").is_visible()
    assert page.locator("#app-main a[href='/countries']").first.is_visible()


@pytest.mark.parametrize("path", ["/country/FIN", "/country/fin", "/countries"])
def test_known_pages_and_countries_answer_200(page, base_url, path):
    assert page.goto(base_url + path).status == 200
    wait_for_dash(page)


def test_shell_has_no_serious_accessibility_violations(page, base_url):
    """axe-core finds no serious or critical violation in the shell."""
    page.goto(base_url + "/no-such-page")
    wait_for_dash(page)
    assert run_axe(page) == []


def _grid_chunk_requested(page) -> bool:
    return any("dash_ag_grid/async-community" in u for u in page.recorder.requests)


def test_a_closed_table_loads_no_grid_until_it_opens(page, base_url):
    """The overview's cards keep their tables closed: no AG Grid is mounted and its community
    chunk is not downloaded; "Show as table" mounts the grid with the card's rows."""
    page.goto(base_url + "/")
    wait_for_dash(page)
    card = ChartCard(page, "overview-map").wait_for_plot()
    assert not card.grid_mounted() and not _grid_chunk_requested(page)
    card.show_table().wait_for_api()
    assert _grid_chunk_requested(page) and len(card.grid.rows()) > 0
    assert card.toggle_text() == "Hide table"


def test_csv_of_a_closed_table_holds_exactly_the_tables_rows(page, base_url):
    """"Download CSV" before the table was ever opened exports the same rows, in the same order,
    as the table shows once opened (and as a second export from the open table)."""
    page.goto(base_url + "/")
    wait_for_dash(page)
    card = ChartCard(page, "overview-map").wait_for_plot()
    closed = card.download_csv(encoding="utf-8-sig")
    card.show_table().wait_for_api()
    shown = [r["iso3"] for r in card.grid.rows()]
    rows = list(csv.DictReader(io.StringIO(closed)))
    assert [r["ISO3"] for r in rows] == shown and len(shown) > 0
    assert card.download_csv(encoding="utf-8-sig") == closed


def test_the_page_list_covers_every_registered_page():
    import dash

    import app  # noqa: F401  (importing the app fills the page registry)

    templates = {p.get("path_template") or p["path"] for p in dash.page_registry.values()}
    listed = {"/country/<iso3>" if p.startswith("/country/") else p for p in PAGE_PATHS}
    assert templates <= listed, sorted(templates - listed)


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize("path", [*PAGE_PATHS, *NOT_FOUND_PATHS])
def test_no_console_warning_or_error_on_any_page(browser, base_url, path, viewport):
    """Loading the page, then opening every chart card's table, writes nothing to the console
    (Chromium's own line for an address answered 404 aside: fit.browser_404_log)."""
    ctx = browser.new_context(viewport=VIEWPORTS[viewport])
    try:
        pg = ctx.new_page()
        seen = console_warnings(pg)
        pg.on("pageerror", lambda e: seen.append(f"pageerror: {e}"))
        status = pg.goto(base_url + path).status
        assert status == (404 if path in NOT_FOUND_PATHS else 200)
        wait_for_dash(pg)
        toggles = pg.locator("[id$='-table-toggle']:visible")
        for i in range(toggles.count()):
            toggles.nth(i).click()
        wait_for_dash(pg)
        assert seen == [], f"{path} at {viewport}: {seen}"
    finally:
        ctx.close()
