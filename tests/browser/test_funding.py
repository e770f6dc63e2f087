"""/funding in a real browser, on the fixture release: budget label, timeline, calls, URL state,
a11y. Expected totals come from the query layer on the same release."""
from __future__ import annotations

import re

import pytest

from data.queries import funding

from .conftest import run_axe, wait_for_dash
from .fit import VIEWPORTS, console_warnings, fit_problems
from .pages import RadioItems, UrlState

pytestmark = pytest.mark.browser


def test_budget_total_says_how_many_activities_have_a_budget(page, base_url, browser_data):
    _, total = funding.budget()
    page.goto(base_url + "/funding")
    wait_for_dash(page)
    page.wait_for_function("() => document.querySelector('#funding-budget-total').innerText.trim()")
    label = page.inner_text("#funding-budget-total")
    assert f"({total['n_with_budget']} of {total['n_total']})" in label
    assert "with a published budget" in label


def test_switching_to_calls_changes_what_is_summed_and_the_url(page, base_url, browser_data):
    _, total = funding.budget(scope="calls")
    page.goto(base_url + "/funding")
    wait_for_dash(page)
    RadioItems(page, "funding-scope").choose("Funding calls", exact=True)
    page.wait_for_function(
        "() => document.querySelector('#funding-budget-total').innerText"
        f".includes('({total['n_with_budget']} of {total['n_total']})')")
    UrlState(page).wait_for("scope=calls")


def test_timeline_marks_today_and_lists_undated_activities(page, base_url):
    page.goto(base_url + "/funding")
    wait_for_dash(page)
    assert page.locator("#funding-timeline-graph text", has_text="Today").count() == 1
    assert "cannot be placed on the timeline" in page.inner_text("#funding-timeline-note")


def test_calls_note_explains_the_call_that_is_not_charted(page, base_url):
    page.goto(base_url + "/funding")
    wait_for_dash(page)
    assert "ERA PerMed 2023 is not charted" in page.inner_text("#funding-calls-note")
    assert re.search(r"\d+ funded research projects are in the data",
                     page.inner_text("#funding-projects-coverage"))


def test_funding_url_restores_choices_and_flags_bad_ones(page, base_url):
    page.goto(base_url + "/funding?group=topic&money=gold")
    wait_for_dash(page)
    assert RadioItems(page, "funding-group").is_checked("By topic", exact=True)
    assert "gold" in page.inner_text("#funding-notices")


def test_funding_page_has_no_serious_accessibility_violations(page, base_url):
    page.goto(base_url + "/funding")
    wait_for_dash(page)
    assert run_axe(page) == []


@pytest.mark.parametrize("kind", sorted(VIEWPORTS))
def test_funding_page_fits_phone_and_desktop_without_console_warnings(browser, base_url, kind):
    """At 390×844 and 1440×900: no sideways scroll, no text out of its card, no legend over a plot,
    no console warning; the call charts never write "n/a"; on a phone the country × item matrix
    is a list."""
    ctx = browser.new_context(viewport=VIEWPORTS[kind])
    try:
        pg = ctx.new_page()
        warnings = console_warnings(pg)
        pg.goto(base_url + "/funding")
        wait_for_dash(pg)
        for g in ("timeline", "budget", "calls-money", "calls-counts", "matrix"):
            pg.wait_for_selector(f"#funding-{g}-graph .main-svg", state="attached")
        pg.wait_for_selector("#funding-calls-counts-graph .barlayer path", state="attached")
        texts = pg.locator("#funding-calls-money-graph text, #funding-calls-counts-graph text")
        assert "n/a" not in texts.all_text_contents()
        if kind == "mobile":
            pg.wait_for_selector("#funding-matrix-list li")
            assert not pg.locator("#funding-matrix-graph").is_visible()
        else:
            assert not pg.locator("#funding-matrix-list").is_visible()
        assert fit_problems(pg) == []
        assert warnings == []
    finally:
        ctx.close()
