"""/infrastructures and /challenges in a real browser, on the fixture release: the map, filters, a
coverage cell click, URL state, a11y. Expected nodes come from the query layer on the same release."""
from __future__ import annotations

import pytest

from data.queries import infra

from .conftest import run_axe, wait_for_dash
from .fit import VIEWPORTS, console_warnings, fit_problems
from .pages import ChartCard, Grid, UrlState

pytestmark = pytest.mark.browser

POINTS = "() => document.querySelectorAll('#infra-map-graph .scattergeo path.point').length"
CELL_XY = """([graph, xname, yname]) => {
  const gd = document.querySelector('#' + graph + ' .js-plotly-plot');
  const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
  const at = () => { const bb = gd.getBoundingClientRect();
    return [bb.left + xa._offset + xa.c2p(xa.d2c(xname)), bb.top + ya._offset + ya.c2p(ya.d2c(yname))]; };
  window.scrollBy({top: at()[1] - window.innerHeight / 2, behavior: "instant"});
  return at();
}"""


def test_node_map_draws_every_node_that_has_coordinates(page, base_url, browser_data):
    """Each node with lat/lon is a point; the others are counted under the map."""
    nodes = infra.nodes()
    located = nodes.lat.notna().sum()
    page.goto(base_url + "/infrastructures")
    wait_for_dash(page)
    page.wait_for_function(f"() => ({POINTS})() >= {int(located)}")
    summary = page.inner_text("#infra-unplaced-count")
    assert f"{len(nodes) - located} of {len(nodes)} nodes have no coordinates" in summary


def test_filtering_by_federated_ega_shows_its_nodes(page, base_url, browser_data):
    """Ticking the parent 'Federated EGA' leaves only its nodes on the map and in the table,
    and puts the filter in the address bar."""
    fega = infra.nodes(parents=["Federated EGA"])
    page.goto(base_url + "/infrastructures")
    wait_for_dash(page)
    page.click("#infra-parent-label")
    page.get_by_label("Federated EGA", exact=True).check()
    wait_for_dash(page)
    page.wait_for_function(f"() => ({POINTS})() === {int(fega.lat.notna().sum())}")
    kinds = [k.strip() for k in Grid(page, "infra-nodes-grid").drawn_rows()
             .locator("[col-id=kind]").all_text_contents()]
    assert len(kinds) == len(fega) and set(kinds) == {"Federated EGA node"}
    UrlState(page).wait_for("parent=Federated+EGA")
    assert page.inner_text("#infra-parent-summary") == "1 chosen"


def test_kind_filter_from_the_url_restores_the_view(page, base_url, browser_data):
    """A shared link with kind=fega_node shows the same nodes as the parent filter."""
    fega = infra.nodes(kinds=["fega_node"])
    page.goto(base_url + "/infrastructures?kind=fega_node")
    wait_for_dash(page)
    page.wait_for_function(f"() => ({POINTS})() === {int(fega.lat.notna().sum())}")
    assert page.get_by_label("Federated EGA node", exact=True).is_checked()


def test_clicking_a_coverage_cell_lists_its_nodes_with_sources(page, base_url, browser_data):
    """A click on Spain × Federated EGA lists Spain's FEGA nodes, each with source links."""
    expected = infra.nodes(kinds=["fega_node"], country="ESP")
    page.goto(base_url + "/infrastructures")
    wait_for_dash(page)
    page.wait_for_selector("#infra-coverage-graph .heatmaplayer image, #infra-coverage-graph .hm image",
                           state="attached")
    shown = "() => document.querySelector('#infra-coverage-detail').innerText.includes('Spain')"
    for _ in range(3):  # under load the chart may still be laying out when first clicked
        x, y = page.evaluate(CELL_XY, ["infra-coverage-graph", "Federated EGA node", "Spain"])
        page.mouse.click(x, y)
        try:
            page.wait_for_function(shown, timeout=10000)
            break
        except Exception:  # noqa: BLE001 - retried, then asserted below
            continue
    page.wait_for_function(shown)
    detail = page.inner_text("#infra-coverage-detail")
    for name in expected.name:
        assert name in detail
    assert page.locator("#infra-coverage-detail a.source-link").count() >= len(expected)
    UrlState(page).wait_for("sel=cell%3AESP.fega_node")


def test_bad_url_shows_a_notice_not_an_error(page, base_url):
    page.goto(base_url + "/infrastructures?kind=teleporter&sort=upside")
    wait_for_dash(page)
    notice = page.inner_text("#infra-notices")
    assert "teleporter" in notice and "upside" in notice


def test_show_as_table_reveals_the_rows_behind_the_map(page, base_url):
    page.goto(base_url + "/infrastructures")
    wait_for_dash(page)
    card = ChartCard(page, "infra-map")
    card.show_table().wait_for_rows()
    assert card.toggle_text() == "Hide table"


def test_infrastructures_page_has_no_serious_accessibility_violations(page, base_url):
    page.goto(base_url + "/infrastructures")
    wait_for_dash(page)
    assert run_axe(page) == []


def test_challenges_cell_click_shows_the_rows_it_rests_on(page, base_url):
    """Clicking Spain's Beacon cell lists the Beacon rows with sources; the URL keeps it."""
    page.goto(base_url + "/challenges")
    wait_for_dash(page)
    grid = Grid(page, "challenges-grid").wait_for_rows()
    grid.scroll_to("ESP")
    grid.row_cell("ESP", "beacon").click()
    page.wait_for_function("() => document.querySelector('#challenges-detail').innerText.includes('Spain')")
    assert page.locator("#challenges-detail a.source-link").count() > 0
    UrlState(page).wait_for("country=ESP")
    UrlState(page).wait_for("fact=beacon")


def test_challenges_page_has_no_serious_accessibility_violations(page, axe_base_url):
    base_url = axe_base_url  # see its fixture
    page.goto(base_url + "/challenges?country=FIN&fact=fega")
    wait_for_dash(page)
    assert "Finland" in page.inner_text("#challenges-detail")
    assert run_axe(page) == []


def test_coverage_csv_exports_what_is_drawn_with_sources(page, base_url):
    """The funder's view — countries × kinds beside participation — downloads as CSV with the
    node ids and source URLs of every row."""
    page.goto(base_url + "/infrastructures")
    wait_for_dash(page)
    card = ChartCard(page, "infra-coverage").wait_for_plot()
    page.evaluate("() => { document.documentElement.style.scrollBehavior = 'auto'; }")
    page.locator(card.csv).scroll_into_view_if_needed()
    text = card.download_csv()
    header = text.splitlines()[0].lower()
    for col in ("federated ega node", "funded activities (recorded)", "source urls"):
        assert col in header
    assert "Spain" in text and "https://" in text


@pytest.mark.parametrize("kind", sorted(VIEWPORTS))
def test_infrastructures_page_fits_phone_and_desktop_without_console_warnings(browser, base_url, browser_data,
                                                                            kind):
    """At 390×844 and 1440×900: no sideways scroll, no text out of its card, no legend over a plot
    (the map's key is HTML), no console warning. On a phone the coverage matrix is a list (one
    item per country), on a desktop the heatmap."""
    ctx = browser.new_context(viewport=VIEWPORTS[kind])
    try:
        pg = ctx.new_page()
        warnings = console_warnings(pg)
        pg.goto(base_url + "/infrastructures")
        wait_for_dash(pg)
        pg.wait_for_function(f"() => ({POINTS})() > 0")
        phone = kind == "mobile"
        if phone:
            pg.wait_for_selector("#infra-coverage-list li")
            assert pg.locator("#infra-coverage-list li").count() == len(infra.matrix_countries())
            assert not pg.locator("#infra-coverage-graph").is_visible()
        else:
            pg.wait_for_selector("#infra-coverage-graph .hm image, #infra-coverage-graph .heatmaplayer image",
                                 state="attached")
            assert not pg.locator("#infra-coverage-list").is_visible()
        assert pg.locator("#infra-map-key").is_visible()
        assert fit_problems(pg) == []
        assert warnings == []
    finally:
        ctx.close()


@pytest.mark.parametrize("kind", sorted(VIEWPORTS))
def test_challenges_page_fits_phone_and_desktop_without_console_warnings(browser, base_url, kind):
    """At 390×844 and 1440×900 the challenges table scrolls inside itself, never the page; no text
    out of its card; no console warning."""
    ctx = browser.new_context(viewport=VIEWPORTS[kind])
    try:
        pg = ctx.new_page()
        warnings = console_warnings(pg)
        pg.goto(base_url + "/challenges?country=ESP&fact=beacon")
        wait_for_dash(pg)
        Grid(pg, "challenges-grid").wait_for_rows()
        pg.wait_for_function("() => document.querySelector('#challenges-detail').innerText.includes('Spain')")
        assert fit_problems(pg) == []
        assert warnings == []
    finally:
        ctx.close()
