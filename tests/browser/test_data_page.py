"""The Data & sources page in a real browser: release, changes since the previous release, working
download links, API docs, citation; no request leaves the machine; no serious axe violation."""
from __future__ import annotations

import csv
import io
import json

import pytest

from .conftest import run_axe, serve_two_releases, wait_for_dash
from .fit import VIEWPORTS, console_warnings, fit_problems

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def two_release_server(release_factory):
    """A server on a data directory holding two releases built by the pipeline; the second adds,
    changes and removes one cohort each."""
    keys = {}

    def edit(rows):
        """Remove the first cohort, change the second's participants, add a copy of the third."""
        keys.update(removed=rows[0]["cohort_id"], changed=rows[1]["cohort_id"],
                    added="zz_browser_test_cohort")
        new = dict(rows[2], cohort_id="zz_browser_test_cohort", name="Browser test cohort")
        rows = rows[1:] + [new]
        rows[0]["participants"] = str(int(rows[0]["participants"] or 0) + 1)
        return rows

    for base, _first, manifest in serve_two_releases(release_factory, "data-page", {"cohorts": edit}):
        yield base, manifest, keys


def _open(page, base):
    page.goto(base + "/data")
    wait_for_dash(page)
    page.wait_for_selector("#data-release-id")


def test_data_page_shows_release_changes_and_working_downloads(page, two_release_server):
    """A user sees which release is served and when it was built, what changed, and can download."""
    base, manifest, keys = two_release_server
    _open(page, base)
    assert page.inner_text("#data-release-id") == manifest["release_id"]
    built = manifest["built_at"][:10]
    assert built in page.inner_text("#data-release-date")

    table = page.inner_text("#data-changes-table")
    cohorts_row = next(line for line in table.splitlines() if line.startswith("cohorts"))
    assert cohorts_row.split()[1:] == ["1", "1", "1"]
    page.click("#data-changes-body summary")
    listed = page.inner_text("#data-changes-body details")
    assert all(k in listed for k in keys.values())

    href = page.get_attribute("a.data-dl-csv >> nth=0", "href")
    assert href.startswith(f"/downloads/{manifest['release_id']}/")
    resp = page.request.get(base + href)
    assert resp.status == 200 and resp.headers["content-type"].startswith("text/csv")
    table_name = href.rsplit("/", 1)[1].removesuffix(".csv")
    rows = list(csv.DictReader(io.StringIO(resp.text())))
    assert len(rows) == manifest["tables"][table_name]["rows"]
    assert "source_urls" in rows[0]

    bundle = page.request.get(base + page.get_attribute("#data-bundle", "href"))
    assert bundle.status == 200 and bundle.headers["content-type"] == "application/zip"


def test_data_page_citation_and_api_example_work(page, two_release_server):
    """The citation names the release and its date; the documented API example answers."""
    base, manifest, _ = two_release_server
    _open(page, base)
    cite = page.inner_text("#data-cite-text")
    assert manifest["release_id"] in cite and manifest["built_at"][:10] in cite
    example = page.get_attribute("#data-api-endpoints a[href*='/api/v1/cohorts']", "href")
    body = json.loads(page.request.get(base + example).text())
    assert body["meta"]["release_id"] == manifest["release_id"]
    assert all(c["source_urls"] for c in body["data"])


def test_data_page_lists_sources_by_publisher_with_rows_supported(page, two_release_server):
    """The most-cited publishers come first, each with the rows it supports per table."""
    base, _, _ = two_release_server
    _open(page, base)
    page.wait_for_selector("#data-sources-table")
    first = page.locator("#data-sources-table tbody tr").first.inner_text()
    assert "europa.eu" in first and "countries" in first
    assert "source URLs" in page.inner_text("#data-sources-summary")


def test_data_page_on_the_served_release_has_no_serious_accessibility_violations(page, real_base_url):
    """The page as served by default (the committed release): axe finds nothing serious."""
    _open(page, real_base_url)
    page.wait_for_selector("#data-sources-table")
    assert run_axe(page) == []


@pytest.mark.parametrize("page", [{"width": 390, "height": 844}], indirect=True)
def test_data_page_on_a_phone_has_no_serious_accessibility_violations(page, two_release_server):
    base, _, _ = two_release_server
    _open(page, base)
    assert page.locator("#data-release-id").is_visible()
    assert run_axe(page) == []


@pytest.mark.parametrize("kind", sorted(VIEWPORTS))
def test_data_page_fits_phone_and_desktop_with_contents_and_folded_lists(browser, base_url, kind):
    """At 390×844 and 1440×900: no sideways scroll, nothing out of its card, no console warning;
    an in-page table of contents; long lists folded; download links in view on a phone."""
    ctx = browser.new_context(viewport=VIEWPORTS[kind])
    try:
        pg = ctx.new_page()
        warnings = console_warnings(pg)
        _open(pg, base_url)
        pg.wait_for_selector("#data-sources-table")
        assert fit_problems(pg) == []
        assert warnings == []
        assert pg.locator("#data-toc a").count() >= 9
        assert pg.locator("#data-sources-rest:not([open]), #data-groups:not([open])").count() >= 1
        link = pg.locator("a.data-dl-csv").first.bounding_box()
        assert link and link["x"] + link["width"] <= VIEWPORTS[kind]["width"]
    finally:
        ctx.close()
