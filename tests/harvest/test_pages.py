"""The catalogued figures on the overview, the country profile and /data (callbacks called directly):
with a harvest they show, labelled with their evidence level, freshness and demonstration status;
without one they say "no catalogue harvested", never zero."""
from __future__ import annotations

from dash import html

import app as atlas  # creates the Dash app, which registers the pages
from components.catalogue_views import DEMO, NO_CATALOGUE
from pages import _country_callbacks as country
from pages import _overview_callbacks as overview
from pages import data
from tests.callbacks.harness import find as _find
from tests.callbacks.harness import text_of


def find(children, id_):
    """The component with ``id_`` among a callback's output children."""
    return _find(html.Div(children), id_)


def test_without_a_harvest_every_page_says_no_catalogue_harvested(use_release, mini_built):
    use_release(mini_built)
    for out in (overview.load_catalogue(1), data.fill_catalogues(1),
                country.load_catalogue({"iso3": "FIN", "path": "/country/FIN"})):
        assert text_of(out) == NO_CATALOGUE
    assert "0" not in text_of(overview.load_catalogue(1))


def test_the_overview_lists_the_catalogued_indicator_per_country(use_release, demo_release):
    use_release(demo_release)
    out = overview.load_catalogue(1)
    text = text_of(out)
    assert DEMO in text and "Listed in a national catalogue: harvested" in text
    rows = [text_of(r) for r in find(out, "overview-catalogue-table").children[1].children]
    assert rows[0].startswith("Finland") and "1,500" in rows[0]
    assert any(r.startswith("NLD") and "800" in r for r in rows)  # not in the mini countries: its code


def test_the_profile_shows_the_nodes_freshness_and_datasets(use_release, demo_release):
    use_release(demo_release)
    out = country.load_catalogue({"iso3": "FIN", "path": "/country/FIN"})
    assert text_of(find(out, "country-catalogue-body-value")) == "1,500"
    nodes = text_of(find(out, "country-catalogue-body-nodes"))
    assert "fin-dcat" in nodes and "ok" in nodes and "UTC" in nodes
    datasets = text_of(find(out, "country-catalogue-body-datasets"))
    assert "GDI-FI-DEMO-001" in datasets and "1,200" in datasets


def test_the_data_page_lists_every_node_with_its_status(use_release, demo_release):
    use_release(demo_release)
    out = data.fill_catalogues(1)
    table = text_of(find(out, "data-catalogues-table"))
    assert "swe-beacon" in table and "A Beacon answered" in table and "nld-hri-ckan" in table


def test_a_harvested_release_publishes_its_catalogue_tables_as_harvested(use_release, demo_release,
                                                                         monkeypatch):
    from pyshacl import validate
    from rdflib import Graph, Literal
    from rdflib.namespace import DCTERMS

    from tests.unit.test_dcat import _shapes

    use_release(demo_release)
    monkeypatch.delenv("ATLAS_PUBLIC_URL", raising=False)
    client = atlas.server.test_client()
    r = client.get("/catalog.ttl")
    assert r.status_code == 200
    g = Graph().parse(data=r.get_data(as_text=True), format="turtle")
    assert validate(g, shacl_graph=_shapes(), inference="none", allow_warnings=True)[0]
    descriptions = [str(o) for o in g.objects(None, DCTERMS.description) if isinstance(o, Literal)]
    assert any(d.startswith("One row per configured node. Harvested from national catalogues")
               for d in descriptions)
    csv = client.get(f"/downloads/{demo_release.joinpath('CURRENT').read_text().strip()}"
                     "/catalogue_by_country.csv")
    assert csv.status_code == 200 and "individuals_1mg_genomic" in csv.get_data(as_text=True)
