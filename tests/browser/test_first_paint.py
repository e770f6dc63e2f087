"""First paint from the server, seen in the browser: with JavaScript disabled, ``/`` shows its
heading, its KPI figures and the SVG map at 1440×900 and 390×844, and every other page its heading;
with JavaScript, the rendition goes once the app has mounted and what it covered is the app."""
from __future__ import annotations

import pytest

from components import fmt

from .conftest import wait_for_dash
from .fit import VIEWPORTS

pytestmark = pytest.mark.browser


@pytest.fixture(params=sorted(VIEWPORTS))
def no_js(request, browser):
    ctx = browser.new_context(viewport=VIEWPORTS[request.param], java_script_enabled=False)
    yield ctx.new_page()
    ctx.close()


def test_home_without_javascript_shows_the_headline_and_the_map(no_js, base_url, browser_data):
    from data.queries import overview as q

    no_js.goto(base_url + "/")
    fp = no_js.locator("#app-first-paint")
    assert fp.locator("h1").is_visible()
    assert fp.locator("h1").inner_text() == "Where Europe stands on the 1+ Million Genomes goal"
    wgs = fp.locator("#fp-overview-kpi-wgs-value")
    assert wgs.is_visible() and wgs.inner_text() == fmt.number(q.kpis()["wgs"]["total"])
    svg = fp.locator("svg.fp-map")
    svg.scroll_into_view_if_needed()
    box = svg.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 200
    assert svg.is_visible() and svg.locator("path").count() > 5
    assert no_js.locator("#react-entry-point").evaluate(
        "e => document.elementFromPoint(20, 150).closest('#app-first-paint') !== null")


@pytest.mark.parametrize("path", ["/cohorts", "/data", "/country/FRA"])
def test_other_pages_without_javascript_show_their_heading(no_js, base_url, path):
    no_js.goto(base_url + path)
    h1 = no_js.locator("#app-first-paint h1")
    assert h1.is_visible() and h1.inner_text().strip()
    assert no_js.locator("#app-first-paint footer").inner_text().startswith("Data release ")


def test_the_rendition_goes_once_the_app_has_mounted(page, base_url):
    page.goto(base_url + "/")
    wait_for_dash(page)
    page.wait_for_selector("#app-first-paint", state="detached")
    assert page.locator("#app-main h1").is_visible()


def test_home_without_javascript_lays_out_the_first_screen_as_the_app(no_js, base_url,
                                                                      browser_data):
    """The rendition's first screen is the app's: the group headline and the ranked bars inside
    the first viewport at both sizes, the map too on desktop, and nothing sticking out."""
    from data.queries import overview as q

    from .fit import fit_problems

    no_js.goto(base_url + "/")
    vp = no_js.viewport_size
    want = q.group_headline("signatories", q.last_year())["total"]
    head = no_js.locator("#fp-overview-headline")
    assert fmt.number(want["value"]) in head.inner_text()
    checks = ["#fp-overview-headline", "#app-first-paint .fp-bars"]
    if vp["width"] >= 1200:
        checks.append("#app-first-paint svg.fp-map")
    for sel in checks:
        b = no_js.locator(sel).bounding_box()
        assert b and b["y"] >= 0 and b["y"] < vp["height"], (sel, b)
        if vp["width"] >= 1200:
            assert b["y"] + b["height"] <= vp["height"], (sel, b)
    assert no_js.locator("#app-first-paint .fp-bar").count() > 0
    assert not [p for p in fit_problems(no_js) if p["kind"] in ("sideways", "clipped")]
