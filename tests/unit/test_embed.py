"""Embeds: /embed/<chart> serves one chart (its page's figure), its sources line, the release and
a link back; unknown charts are a 404, bad view state a 400 naming the parameter; only embeds may
be framed by other sites."""
from __future__ import annotations

import json
import re

import pytest

from data import db
from web.embed import EMBEDS


@pytest.fixture
def client(real_data):
    import app

    return app.server.test_client()


def _figure(resp) -> dict:
    m = re.search(rb'<script type="application/json" id="embed-figure">(.*?)</script>', resp.data, re.S)
    return json.loads(m.group(1).replace(b"<\\/", b"</"))


@pytest.mark.parametrize("chart", sorted(EMBEDS))
def test_an_embed_serves_its_chart_sources_release_and_a_link_back(client, chart):
    resp = client.get(f"/embed/{chart}")
    assert resp.status_code == 200, resp.data[:300]
    html = resp.get_data(as_text=True)
    assert _figure(resp)["data"]
    sources = html.split('id="embed-sources"')[1][:4000]
    assert "<a href=" in sources  # sources, or (money against outputs) the records that cite them
    if chart.startswith("overview-"):
        assert "http" in sources
    rid = db.release().release_id
    assert f'<span id="embed-release">{rid}</span>' in html
    assert f'href="/?release={rid}"' in html or f"release={rid}" in html
    assert 'target="_top"' in html and "navbar" not in html
    assert "/assets/plotly-custom.min.js" in html and "cdn" not in html.lower()


def test_the_embed_takes_the_pages_view_state_and_links_back_to_it(client):
    html = client.get("/embed/overview-ranking?measure=per_million&year=2022").get_data(as_text=True)
    assert "end of 2022" in html
    assert re.search(r'href="/\?year=2022&amp;measure=per_million&amp;release=\w+"', html)


def test_the_embed_draws_the_figure_the_page_draws(client):
    from dash._callback_context import context_value
    from dash._utils import AttributeDict

    from pages._overview_callbacks import update_progress
    context_value.set(AttributeDict(triggered_inputs=[]))
    page = json.loads(update_progress("genotyped", False)["figure"].to_json())
    embed = _figure(client.get("/embed/overview-progress?metric=genotyped"))
    assert embed["data"] == page["data"]


def test_a_pinned_embed_names_its_release_and_unknown_or_malformed_ones_are_refused(client):
    rid = db.release().release_id
    html = client.get(f"/embed/overview-progress?release={rid}").get_data(as_text=True)
    assert f'<span id="embed-release">{rid}</span>' in html and f"release={rid}" in html
    assert client.get("/embed/overview-map?release=ffffffffffff").status_code == 404
    assert client.get("/embed/overview-map?release=../x").status_code == 400


def test_an_unknown_chart_is_a_404_that_lists_the_charts(client):
    resp = client.get("/embed/no-such-chart")
    assert resp.status_code == 404
    text = resp.get_data(as_text=True)
    assert "no-such-chart" in text and "overview-map" in text


@pytest.mark.parametrize("query, param", [("year=1800", "year"), ("year=abc", "year"),
                                          ("indicator=nope", "indicator"),
                                          ("measure=x", "measure"), ("colour=red", "colour")])
def test_a_bad_embed_parameter_is_a_400_naming_it(client, query, param):
    chart = "overview-ranking"
    resp = client.get(f"/embed/{chart}?{query}")
    assert resp.status_code == 400
    assert f"“{param}”" in resp.get_data(as_text=True)


def test_only_embeds_may_be_framed_by_other_sites(client, monkeypatch):
    embed = client.get("/embed/overview-map")
    assert "frame-ancestors *" in embed.headers["Content-Security-Policy"]
    assert "X-Frame-Options" not in embed.headers
    page = client.get("/")
    assert "frame-ancestors 'self'" in page.headers["Content-Security-Policy"]
    assert page.headers["X-Frame-Options"] == "SAMEORIGIN"
    monkeypatch.setenv("ATLAS_EMBED_ANCESTORS", "https://funder.example")
    csp = client.get("/embed/overview-map").headers["Content-Security-Policy"]
    assert "frame-ancestors https://funder.example" in csp and "'self'" not in csp.split("frame-ancestors")[1]


def test_a_catalogue_request_with_an_unsupported_accept_is_a_406(client):
    assert client.get("/catalog", headers={"Accept": "image/png"}).status_code == 406


def test_the_page_s_other_view_parameters_are_accepted_and_checked(client):
    assert client.get("/embed/overview-map?metric=genotyped&measure=per_million").status_code == 200
    resp = client.get("/embed/overview-map?metric=nope")
    assert resp.status_code == 400 and "“metric”" in resp.get_data(as_text=True)


def test_every_embeddable_card_is_served_and_offers_embed():
    import app  # noqa: F401
    from components.chart_card import chart_card
    from components.embed import EMBEDDABLE
    from tests.callbacks.harness import ids_in
    from web.embed import EMBEDS

    assert set(EMBEDS) == set(EMBEDDABLE)
    for prefix in EMBEDDABLE:
        ids = ids_in(chart_card(prefix, "t"))
        assert {f"{prefix}-embed", f"{prefix}-embed-code", f"{prefix}-embed-copy"} <= set(ids)
    assert "overview-x-embed" not in ids_in(chart_card("overview-x", "t"))


def test_other_pages_charts_link_back_to_their_page_and_check_their_filters(client):
    html = client.get("/embed/infra-map?sort=gaps").get_data(as_text=True)
    assert re.search(r'id="embed-full" href="/infrastructures\?sort=gaps&amp;release=\w+"', html)
    assert "Where the nodes are" in html
    html = client.get("/embed/funding-calls-money").get_data(as_text=True)
    assert re.search(r'id="embed-full" href="/funding\?release=\w+"', html)
    resp = client.get("/embed/funding-budget?money=lots")
    assert resp.status_code == 400 and "“money”" in resp.get_data(as_text=True)
    resp = client.get("/embed/funding-calls-counts?_raw=1")
    assert resp.status_code == 400
