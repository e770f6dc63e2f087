"""First paint from the server (issue 15, item 1): the initial HTML of every page carries a static
rendition of its first screen for the release served, with the page's own values, before Dash's
entry point; on ``/`` the KPI figures and an SVG map of the default indicator."""
from __future__ import annotations

import re

import dash
import pytest

from components import fmt
from components.first_paint import ID, MARKER
from data import db


def _client():
    import app

    return app.server.test_client()


def _rendition(client, path: str) -> str:
    r = client.get(path)
    assert r.status_code == 200 and r.mimetype == "text/html"
    html = r.get_data(as_text=True)
    assert MARKER not in html
    i, j = html.find(f'<div id="{ID}">'), html.find('<div id="react-entry-point"')
    assert 0 < i < j, f"{path}: no rendition before the entry point"
    return html[i:j]


def _expected_kpi_values() -> list[str]:
    from data.queries import overview as q

    k = q.kpis()
    return [fmt.number(k["signatories"]["n"]), fmt.number(k["wgs"]["total"]),
            fmt.number(k["n_cohorts"]), fmt.number(k["n_infra"])]


def test_home_carries_the_kpis_and_an_svg_map_of_the_served_release(mini_data):
    from components.figures import overview as figs
    from data.queries import overview as q

    html = _rendition(_client(), "/")
    for v in _expected_kpi_values():
        assert f'class="kpi-value mb-1">{v}</p>' in html
    assert '<svg class="fp-map"' in html and 'role="img"' in html
    drawn = set(q.map_indicator("wgs", q.last_year()).query("on_map").iso3) | set(q.context_codes())
    assert html.count("<path ") == len(drawn)
    assert f"Map of Europe: {figs.INDICATOR_LABELS['wgs']}, end of {q.last_year()}" in html
    assert "Sources:" in html and db.release().release_id in html
    assert "…" not in html  # no placeholder: real figures only


def test_every_page_carries_its_heading_and_the_release_line(mini_data):
    import app  # noqa: F401  (fills the page registry)

    client = _client()
    rid = db.release().release_id
    for p in dash.page_registry.values():
        path = (p.get("path_template") or p["path"]).replace("<iso3>", "FIN")
        html = _rendition(client, path)
        assert re.search(r'<h1 class="h3">[^<]+</h1>', html), path
        assert f"Data release {rid}" in html, path
        assert 'aria-current="page"' in html or path not in {q["relative_path"] for q in
                                                             dash.page_registry.values()
                                                             if q.get("nav")}


def test_no_id_of_the_app_is_repeated_by_the_rendition(mini_data):
    html = _rendition(_client(), "/")
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert ids and all(i == ID or i.startswith("fp-") for i in ids)


@pytest.mark.parametrize("countries", [("FIN", "DNK", "SWE")])
def test_the_rendition_follows_a_release_switch(mini_data, release_factory, use_release, countries):
    client = _client()
    first = _rendition(client, "/")
    first_values = _expected_kpi_values()
    other = release_factory("first-paint-switch", countries=countries)
    use_release(other.out)
    second = _rendition(client, "/")
    assert db.release().release_id in second and db.release().release_id not in first
    second_values = _expected_kpi_values()
    assert second_values != first_values
    for v in second_values:
        assert f'class="kpi-value mb-1">{v}</p>' in second
    assert second.count("<path ") < first.count("<path ")


def test_home_carries_the_group_headline_and_the_ranked_bars_as_the_page_draws_them(mini_data):
    """The first screen as the live page lays it out: the default group's headline (value, share
    of one million, caveat), the KPI strip and one static bar per country the ranking draws."""
    from components.figures import overview as figs
    from components.kpi import NOT_ACCESSIBLE
    from data.queries import overview as q

    html = _rendition(_client(), "/")
    last = q.last_year()
    h = q.group_headline("signatories", last)["total"]
    assert f'id="fp-overview-headline-value" class="kpi-value">{fmt.number(h["value"])}<' in html
    assert "of one million" in html and NOT_ACCESSIBLE in html
    assert 'class="row g-2 overview-first"' in html and "order-xl-3" in html
    ranked, _ = figs.ranking_rows(q.map_indicator("wgs", last),
                                  figs.national_targets(q.committed_targets()), "total")
    assert html.count('<div class="fp-bar">') == len(ranked) > 0
    assert f"WGS genomes: countries ranked, end of {last}" in html
