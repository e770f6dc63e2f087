"""Harvested national catalogues in a real browser, end to end: loopback catalogue nodes serving the
standards' sample files -> the harvester -> the pipeline -> the overview, a profile and /data,
with the evidence level, freshness and the demonstration label; the committed-style release (no
harvest) says "no catalogue harvested"."""
from __future__ import annotations

import pytest

from components.catalogue_views import DEMO, INDICATOR, NO_CATALOGUE
from tests.harvest.conftest import harvested_release

from .conftest import run_axe, start_server, stop_server, wait_for_dash

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def demo_server(release_factory, tmp_path_factory):
    src = release_factory("browser-catalogue", build=False).sources
    built = harvested_release(src, tmp_path_factory.mktemp("browser-catalogue"), demo=True)
    proc, base = start_server({"ATLAS_DATA_DIR": str(built)})
    yield base
    stop_server(proc)


def _open(page, url, selector):
    page.goto(url)
    wait_for_dash(page)
    page.wait_for_selector(selector)


def test_the_overview_shows_catalogued_individuals_per_country_as_a_demonstration(page, demo_server):
    _open(page, demo_server + "/", "#overview-catalogue-table")
    section = page.inner_text("#overview-catalogue-section")
    assert INDICATOR in section and DEMO in section
    assert "Listed in a national catalogue: harvested" in section
    first = page.inner_text("#overview-catalogue-table tbody tr >> nth=0")
    assert first.split("\t")[:2] == ["Finland", "1,500"]
    assert run_axe(page) == []


def test_a_profile_shows_its_nodes_freshness_and_datasets(page, demo_server):
    _open(page, demo_server + "/country/FIN", "#country-catalogue-body-value")
    assert page.inner_text("#country-catalogue-body-value") == "1,500"
    nodes = page.inner_text("#country-catalogue-body-nodes")
    assert "fin-dcat" in nodes and "UTC" in nodes
    assert "GDI-FI-DEMO-001" in page.inner_text("#country-catalogue-body-datasets")


def test_the_data_page_lists_the_nodes_with_their_last_harvest(page, demo_server):
    _open(page, demo_server + "/data", "#data-catalogues-table")
    table = page.inner_text("#data-catalogues-table")
    assert "swe-beacon" in table and "A Beacon answered" in table and "nld-ttl" in table
    assert DEMO in page.inner_text("#data-catalogues")


def test_without_a_harvest_the_pages_say_no_catalogue_harvested(page, base_url):
    _open(page, base_url + "/", "#overview-catalogue-table-note")
    assert page.inner_text("#overview-catalogue-table-note") == NO_CATALOGUE
    _open(page, base_url + "/data", "#data-catalogues-table-note")
    assert page.inner_text("#data-catalogues-table-note") == NO_CATALOGUE
