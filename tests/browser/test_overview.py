"""The Overview page in headless Chromium, on the fixture release: map, year slider, progress
chart, URL state, CSV, a11y. The committed release's map facts are in tests/test_golden_release.py.

The ``page`` fixture fails a test on any console error or any request to a non-loopback host.
"""
from __future__ import annotations

import csv
import io

import pytest

from tests.test_golden_release import EU27

from .conftest import BROWSER_COUNTRIES, wait_for_dash
from .pages import ChartCard, Dropdown, UrlState

pytestmark = pytest.mark.browser

MAP = "#overview-map-graph .js-plotly-plot"


def axe_page_content(page) -> list[dict]:
    """Serious/critical axe violations inside the page's own content (``#app-main``). The shell
    around it (navbar, footer) is checked by test_shell.py."""
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page, context="#app-main").response["violations"]
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in found
            if v.get("impact") in ("serious", "critical")]


def open_overview(page, base_url, query: str = "") -> None:
    page.goto(base_url + "/" + query)
    wait_for_dash(page)
    page.wait_for_function(f"() => document.querySelector('{MAP}')?.data?.length === 3")


def map_data(page) -> list[dict]:
    """The map's traces as drawn: locations and z of each."""
    return page.evaluate(f"""() => document.querySelector('{MAP}').data.map(
        t => ({{name: t.name, locations: Array.from(t.locations), z: Array.from(t.z)}}))""")


def drawn_atlas_countries(page) -> set[str]:
    _, nofig, vals = map_data(page)
    return set(nofig["locations"]) | set(vals["locations"])


def wait_for_title(page, pattern: str) -> None:
    page.wait_for_function(
        "p => new RegExp(p).test(document.querySelector('#overview-map-title').innerText)",
        arg=pattern)
    wait_for_dash(page)


def test_page_loads_and_the_map_draws_every_eu_country(page, base_url):
    """Every country of the release is drawn with its value or as "no public figure", and the 27
    EU member states' shapes from the project's own geometry, with no request leaving the machine
    and no console error (checked by the fixture)."""
    open_overview(page, base_url)
    assert set(BROWSER_COUNTRIES) <= drawn_atlas_countries(page)
    paths = page.locator("#overview-map-graph path.choroplethlocation").count()
    assert paths >= len(EU27)
    assert page.inner_text("#overview-kpi-wgs-value") not in ("…", "")
    assert "no public figure" in page.inner_text("#overview-map-legend").lower()


def test_changing_indicator_and_year_changes_the_drawn_values(page, base_url):
    """Switching the indicator and moving the year slider redraw the values (and the URL)."""
    open_overview(page, base_url)
    before = map_data(page)
    Dropdown(page, "overview-indicator").select("genotyped")
    wait_for_title(page, r"^Participants genotyped.*end of \d{4}$")
    genotyped = map_data(page)
    assert genotyped[1:] != before[1:]
    latest = int(page.get_attribute("#overview-year [role=slider]", "aria-valuenow"))
    page.focus("#overview-year [role=slider]")
    page.keyboard.press("Home")
    wait_for_title(page, "end of 2018$")
    assert map_data(page)[1:] != genotyped[1:]
    assert latest > 2018
    UrlState(page).wait_for("year=2018")
    assert "indicator=genotyped" in page.url


def test_a_shared_url_restores_the_view(page, base_url):
    """Indicator, year, metric and proxies come back from the link."""
    open_overview(page, base_url, "?indicator=signatory&year=2019&metric=accessible&proxies=1")
    wait_for_title(page, "^1\\+MG signature.*end of 2019$")
    assert Dropdown(page, "overview-indicator").value() == "signatory"
    assert page.get_attribute("#overview-year [role=slider]", "aria-valuenow") == "2019"
    assert page.is_checked("input[name=overview-metric][value=accessible]")
    assert page.is_checked("#overview-proxies")
    rou = [t for t in map_data(page)][2]
    assert "ROU" in rou["locations"]  # signed in 2023: drawn as not (yet) a signatory
    assert "released to researchers" in page.inner_text("#overview-progress-sentence")
    assert page.locator("#overview-notices .alert").count() == 0


def test_a_bad_link_shows_a_notice_and_the_defaults(page, base_url):
    open_overview(page, base_url, "?indicator=nonsense&year=1900&zzz=1")
    notice = page.inner_text("#overview-notices")
    assert "not a valid map indicator" in notice and "Ignored unknown parameter" in notice
    assert Dropdown(page, "overview-indicator").value() == "wgs"
    wait_for_title(page, "^Whole genomes sequenced")


def test_clicking_a_country_opens_its_profile(page, base_url):
    """A click on France on the map goes to /country/FRA (the page itself is built elsewhere)."""
    open_overview(page, base_url)
    box = page.evaluate(f"""() => {{
        const el = Array.from(document.querySelectorAll('{MAP} path.choroplethlocation'))
            .find(p => p.__data__ && p.__data__.loc === 'FRA');
        let r = el.getBoundingClientRect();
        const top = r.top + r.height / 2 - window.innerHeight / 2;
        window.scrollBy({{top: top, behavior: 'instant'}});  // Bootstrap makes scrolling smooth
        r = el.getBoundingClientRect();
        return {{x: r.x + r.width / 2, y: r.y + r.height / 2}};
    }}""")
    page.mouse.click(box["x"], box["y"])
    UrlState(page).wait_for_path("/country/FRA")


def test_the_country_chooser_opens_a_profile_from_the_keyboard(page, base_url):
    open_overview(page, base_url)
    Dropdown(page, "overview-country-jump").select("DNK")
    page.focus("#overview-country-open")
    page.keyboard.press("Enter")
    UrlState(page).wait_for_path("/country/DNK")


def test_csv_download_holds_the_drawn_rows(page, base_url):
    """The map's CSV has one row per country drawn, with value, as-of and sources columns."""
    open_overview(page, base_url)
    drawn = drawn_atlas_countries(page)
    text = ChartCard(page, "overview-map").download_csv(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["ISO3"] for r in rows} == drawn
    assert {"Value", "Shown as", "As of", "Confidence", "Sources"} <= set(rows[0])
    missing = [r for r in rows if r["Value"] == ""]
    assert missing and all(r["Shown as"] == "no public figure" for r in missing)


def test_progress_metric_switch_and_proxies(page, base_url):
    """Metrics are shown one at a time; proxies appear only when asked, as separate traces."""
    open_overview(page, base_url)
    names = "() => document.querySelector('#overview-progress-graph .js-plotly-plot').data" \
            ".map(t => t.name)"
    assert not [n for n in page.evaluate(names) if n.startswith("Proxy")]
    page.check("#overview-proxies")
    page.wait_for_function(f"() => ({names})().some(n => n.startsWith('Proxy'))")
    page.check("input[name=overview-metric][value=genotyped]")
    page.wait_for_function("() => document.querySelector('#overview-progress-sentence')"
                           ".innerText.includes('not a sequenced genome')")
    wait_for_dash(page)
    assert not [n for n in page.evaluate(names) if "goal" in n]
    UrlState(page).wait_for("metric=genotyped")


def test_no_serious_accessibility_violations(page, base_url):
    open_overview(page, base_url)
    assert axe_page_content(page) == []
    ChartCard(page, "overview-map").show_table().wait_for_rows()
    assert axe_page_content(page) == []


def test_controls_are_reachable_and_operable_by_keyboard(page, base_url):
    """Tab reaches the indicator dropdown; arrow keys change it; the slider and the table toggle
    work from the keyboard too."""
    open_overview(page, base_url)
    page.focus("body")
    for _ in range(25):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == "overview-indicator":
            break
    assert page.evaluate("() => document.activeElement.id") == "overview-indicator"
    before = page.input_value("#overview-indicator")
    page.keyboard.press("ArrowDown")
    page.wait_for_function("v => document.querySelector('#overview-indicator').value !== v",
                           arg=before)
    wait_for_title(page, "^WGS genomes per million")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.getAttribute('role')") == "slider"
    page.keyboard.press("ArrowLeft")
    wait_for_title(page, r"end of \d{4}$")
    now = int(page.get_attribute("#overview-year [role=slider]", "aria-valuenow"))
    assert page.inner_text("#overview-map-title").endswith(f"end of {now}")
    card = ChartCard(page, "overview-map")
    page.focus(card.toggle)
    page.keyboard.press("Enter")
    card.grid.wait_for_rows(state="visible")


def test_year_slider_thumb_is_named_by_its_visible_label(page, base_url):
    """dcc.Slider cannot name its thumb: the page's clientside helper (assets/atlas.js) points
    the thumb at the visible "Year" label once the slider has its range."""
    open_overview(page, base_url)
    page.wait_for_function("() => document.querySelector('#overview-year [role=slider]')"
                           "?.getAttribute('aria-labelledby') === 'overview-year-label'")


RANKING = "#overview-ranking-graph .js-plotly-plot"


def ranking_bars(page) -> dict:
    page.wait_for_function(f"() => document.querySelector('{RANKING}')?.data?.length === 1")
    return page.evaluate(f"""() => {{ const t = document.querySelector('{RANKING}').data[0];
        return {{iso3: Array.from(t.customdata), x: Array.from(t.x)}}; }}""")


def test_the_ranking_follows_the_year_and_the_url_restores_its_measure(page, base_url):
    """Moving the year redraws the ranked bars; the measure comes back from the link."""
    open_overview(page, base_url)
    latest = ranking_bars(page)
    assert latest["x"] == sorted(latest["x"], reverse=True)
    page.focus("#overview-year [role=slider]")
    page.keyboard.press("Home")
    page.wait_for_function(
        "() => /end of 2018$/.test(document.querySelector('#overview-ranking-title').innerText)")
    wait_for_dash(page)
    assert ranking_bars(page) != latest
    open_overview(page, base_url, "?measure=per_million&year=2022")
    page.wait_for_function(
        "() => /end of 2022$/.test(document.querySelector('#overview-ranking-title').innerText)")
    assert page.is_checked("input[name=overview-measure][value=per_million]")
    wait_for_dash(page)
    UrlState(page).wait_for("measure=per_million")


# ---- the first screen (issue 14) ----------------------------------------------------------------

FIRST_SCREEN = {"desktop": ("#overview-headline", "#overview-ranking-graph", "#overview-map-graph"),
                "mobile": ("#overview-headline", "#overview-ranking-title")}


def boxes(page, selectors) -> dict:
    return {s: page.locator(s).bounding_box() for s in selectors}


@pytest.fixture(params=["desktop", "mobile"])
def sized(request, browser):
    from .fit import VIEWPORTS

    ctx = browser.new_context(viewport=VIEWPORTS[request.param])
    pg = ctx.new_page()
    yield request.param, pg, VIEWPORTS[request.param]
    ctx.close()


def test_headline_ranking_and_map_lie_in_the_first_viewport(sized, base_url):
    """At 1440×900 the headline, the ranked chart and the map are all inside the first screen;
    at 390×844 the headline and the start of the ranking; no text is clipped anywhere."""
    from .fit import fit_problems

    kind, page, vp = sized
    open_overview(page, base_url)
    ranking_bars(page)
    page.wait_for_function("() => !/…/.test(document.querySelector('#overview-headline').innerText)")
    assert page.evaluate("window.scrollY") == 0
    for sel, b in boxes(page, FIRST_SCREEN[kind]).items():
        assert b and b["width"] > 0, sel
        assert b["y"] >= 0 and b["y"] + b["height"] <= vp["height"], (kind, sel, b)
        assert b["x"] >= 0 and b["x"] + b["width"] <= vp["width"], (kind, sel, b)
    problems = fit_problems(page)
    assert not problems, problems


def test_the_headline_names_the_group_its_share_of_one_million_and_the_caveat(page, base_url,
                                                                               browser_data):
    from components import fmt
    from data.queries import overview as q

    open_overview(page, base_url)
    last = q.last_year()
    want = q.group_headline("signatories", last)["total"]
    page.wait_for_function("v => document.querySelector('#overview-headline-value')?.innerText "
                           "=== v", arg=fmt.number(want["value"]))
    text = page.inner_text("#overview-headline")
    assert "Signatories of the 1+MG declaration" in text and f"end of {last}" in text
    assert "of one million" in text and want["largest_name"] in text
    assert "not a count of genomes accessible through 1+mg" in text.lower()
    Dropdown(page, "overview-group").select("eu27")
    eu = q.group_headline("eu27", last)["total"]
    page.wait_for_function("v => document.querySelector('#overview-headline-value')?.innerText "
                           "=== v", arg=fmt.number(eu["value"]) if eu else fmt.NO_FIGURE)
    assert "EU-27" in page.inner_text("#overview-headline")
    UrlState(page).wait_for("group=eu27")


def test_the_year_slider_shows_its_value_and_drives_kpis_headline_and_ranking(page, base_url):
    """The handle shows the year; moving it changes the KPI values, the headline and the bars."""
    open_overview(page, base_url)
    ranking_bars(page)
    tip = page.locator("#overview-year .dash-slider-tooltip")
    latest = page.get_attribute("#overview-year [role=slider]", "aria-valuenow")
    assert tip.is_visible() and tip.inner_text().strip() == latest
    kpis = page.inner_text("#overview-kpis")
    head = page.inner_text("#overview-headline")
    bars = ranking_bars(page)
    page.focus("#overview-year [role=slider]")
    page.keyboard.press("Home")
    page.wait_for_function("() => /end of 2018/.test(document.querySelector('#overview-kpis')"
                           ".innerText)")
    wait_for_dash(page)
    assert tip.inner_text().strip() == "2018"
    assert page.inner_text("#overview-kpis") != kpis
    assert page.inner_text("#overview-kpi-wgs-value") not in ("…", "")
    assert page.inner_text("#overview-headline") != head
    assert "end of 2018" in page.inner_text("#overview-headline")
    assert ranking_bars(page) != bars


def test_a_link_restores_group_indicator_measure_and_year(page, base_url):
    open_overview(page, base_url, "?group=atlas&indicator=genotyped&measure=per_million&year=2021")
    page.wait_for_function(
        "() => /end of 2021$/.test(document.querySelector('#overview-ranking-title').innerText)")
    wait_for_dash(page)
    assert Dropdown(page, "overview-group").value() == "atlas"
    assert Dropdown(page, "overview-indicator").value() == "genotyped"
    assert page.is_checked("input[name=overview-measure][value=per_million]")
    assert page.get_attribute("#overview-year [role=slider]", "aria-valuenow") == "2021"
    text = page.inner_text("#overview-headline")
    assert "Every country in the atlas" in text and "end of 2021" in text
    assert page.locator("#overview-notices .alert").count() == 0


def test_a_bad_group_shows_the_notice_and_the_default_group(page, base_url):
    open_overview(page, base_url, "?group=nonsense")
    assert "not a valid group of countries" in page.inner_text("#overview-notices")
    assert Dropdown(page, "overview-group").value() == "signatories"


def test_the_map_table_and_csv_give_the_percentage_of_target(page, base_url):
    open_overview(page, base_url)
    text = ChartCard(page, "overview-map").download_csv(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {"National target", "% of target"} <= set(rows[0])
    with_pct = [r for r in rows if r["% of target"]]
    assert with_pct and all(r["Value"] and r["National target"] for r in with_pct)
    for r in with_pct:
        assert float(r["% of target"]) == pytest.approx(
            float(r["Value"]) / float(r["National target"]) * 100, abs=0.06)
