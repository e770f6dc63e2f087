"""Overview callbacks called directly: first render vs value-only updates, bad input, URL state."""
from __future__ import annotations

import plotly.graph_objects as go
import pytest
from dash import Patch, no_update

from tests.callbacks.harness import call, find


@pytest.fixture(scope="module")
def page():
    import app  # noqa: F401  (registers the pages)
    from pages import overview

    return overview


@pytest.fixture(scope="module")
def cb(page):
    from pages import _overview_callbacks

    return _overview_callbacks


def test_shared_url_values_preset_the_controls(page):
    tree = page.layout(indicator="genotyped", year="2020", metric="accessible", proxies="1")
    assert find(tree, "overview-indicator").value == "genotyped"
    assert find(tree, "overview-year").value == 2020
    assert find(tree, "overview-metric").value == "accessible"
    assert find(tree, "overview-proxies").value is True


def test_layout_is_cheap_and_needs_no_arguments(page, monkeypatch):
    from data import db

    def refuse(*_a, **_k):
        raise AssertionError("layout must not query")

    monkeypatch.setattr(db, "query", refuse)
    assert page.layout() is not None
    assert page.layout(indicator="genotyped", year="2020") is not None


def test_bad_url_values_fall_back_with_a_visible_notice(page):
    tree = page.layout(indicator="<script>", year="2017", proxies="maybe", evil="1")
    out = str(tree)
    assert "not a valid map indicator" in out and "outside 2018" in out
    assert "Ignored unknown parameter" in out
    assert find(tree, "overview-indicator").value == "wgs"  # the default is shown
    assert find(tree, "overview-proxies").value is False
    assert find(tree, "overview-year").value is None  # None = the latest year


def test_first_render_sends_the_figure_later_changes_send_values_only(cb, mini_data):
    first = call(cb.update_map, "wgs", None)
    assert isinstance(first["figure"], go.Figure) and len(first["figure"].data) == 3
    later = call(cb.update_map, "genotyped", 2022, trigger="overview-indicator.value")
    assert isinstance(later["figure"], Patch)
    ops = later["figure"].to_plotly_json()["operations"]
    keys = {op["location"][-1] for op in ops}
    assert "geojson" not in keys and {"z", "locations", "hovertext", "customdata"} <= keys
    assert all(op["location"][1] in (1, 2) for op in ops)  # the context layer never changes


def test_changing_the_year_changes_the_drawn_values(cb, mini_data):
    a = call(cb.update_map, "genotyped", 2020, trigger="overview-year.value")
    b = call(cb.update_map, "genotyped", 2025, trigger="overview-year.value")
    assert a["rows"] != b["rows"]
    fin = {y: {r["iso3"]: r["value"] for r in out["rows"]}["FIN"]
           for y, out in ((2020, a), (2025, b))}
    assert fin == {2020: 271_341, 2025: 500_348}  # FinnGen R6 (2020), added in release 2
    assert a["title"].endswith("end of 2020")


def test_year_after_the_data_is_clamped_with_a_note(cb, mini_data):
    out = call(cb.update_map, "wgs", 2099, trigger="overview-year.value")
    last = out["year_max"]
    assert out["year"] == last and out["title"].endswith(f"end of {last}")
    assert f"No figure is dated after {last}" in out["year_note"]


def test_forged_callback_values_get_defaults(cb, mini_data):
    out = call(cb.update_map, {"x": 1}, "1e9", trigger="overview-indicator.value")
    assert out["title"].startswith("Whole genomes sequenced")
    assert "not a valid" in out["year_note"]


def test_slider_is_disabled_and_explained_for_undated_indicators(cb, mini_data):
    out = call(cb.update_map, "cohorts", 2020, trigger="overview-indicator.value")
    assert out["year_disabled"] is True and "Not dated by year" in out["year_help"]
    assert "end of" not in out["title"]


def test_progress_metric_switch_and_proxies(cb, mini_data):
    out = cb.update_progress("genotyped", False)
    assert "not a sequenced genome" in out["sentence"]
    assert not [t for t in out["figure"].data if t.name and t.name.startswith("Proxy")]
    out = cb.update_progress("wgs", True)
    assert [t for t in out["figure"].data if t.name and t.name.startswith("Proxy")]
    assert "no official count" in out["sentence"]
    bad = cb.update_progress("'; drop", "show")  # forged values: default metric, no proxies
    assert not [t for t in bad["figure"].data if t.name and t.name.startswith("Proxy")]
    assert bad["sentence"].startswith("Sums reported sequenced genomes")


def test_url_holds_only_non_default_values(cb):
    assert cb.sync_url("wgs", 2025, "wgs", False, 2025) == ""
    assert cb.sync_url("genotyped", 2020, "accessible", True, 2025) == \
        "?indicator=genotyped&year=2020&metric=accessible&proxies=1"
    assert cb.sync_url("nope", "x", "y", "z", 2025) == ""
    assert cb.sync_url("wgs", 2020, "wgs", False, None) is no_update


def test_url_round_trip_restores_the_state(page, cb):
    search = cb.sync_url("signatory", 2019, "genotyped", True, 2025)
    state, notes = page.SPEC.parse(search)
    assert notes == [] and state == {"indicator": "signatory", "year": 2019,
                                     "metric": "genotyped", "proxies": True, "measure": "total",
                                     "group": "signatories"}
    search = cb.sync_url("genotyped", 2021, "wgs", False, 2025, "pct_target")
    state, notes = page.SPEC.parse(search)
    assert notes == [] and state == {"indicator": "genotyped", "year": 2021, "metric": "wgs",
                                     "proxies": False, "measure": "pct_target",
                                     "group": "signatories"}
    search = cb.sync_url("wgs", 2022, "wgs", False, 2025, "per_million", "eu27")
    assert search == "?year=2022&measure=per_million&group=eu27"
    state, notes = page.SPEC.parse(search)
    assert notes == [] and state["group"] == "eu27" and state["measure"] == "per_million"


def test_a_bad_group_in_the_link_is_named_and_the_default_used(page):
    tree = page.layout(group="nonsense")
    assert find(tree, "overview-group").value == "signatories"
    assert "not a valid group of countries" in str(find(tree, "overview-notices"))
    assert find(page.layout(group="eu27"), "overview-group").value == "eu27"


def test_the_headline_sums_the_chosen_group_at_the_end_of_the_year(cb, mini_data):
    """Reported sequenced genomes of the group, its share of one million, the largest
    contributor's share, and the caveat; each year its own figure; the default group is the
    declaration's signatories."""
    from components.kpi import NOT_ACCESSIBLE, pct
    from data.queries import groups

    out = call(cb.update_headline, None, None)
    text = str(out["headline"])
    sig = groups.totals(["signatories"], ["wgs_sequenced"])
    last = q_last_year()
    latest = sig[sig.date <= f"{last}-12-31"].iloc[-1]
    assert f"{int(latest.value):,}" in text and "Signatories of the 1+MG declaration" in text
    assert f"end of {last}" in text and NOT_ACCESSIBLE in text
    assert f"{pct(latest.value / 1e6)} of one million" in text
    assert f"{latest.largest_name}, {pct(latest.largest_share)}" in text
    assert (pct(0.004), pct(0.63), pct(0.997), pct(1.0)) == ("0.4 %", "63 %", "99.7 %", "100 %")
    eu = str(call(cb.update_headline, "eu27", None)["headline"])
    assert "EU-27" in eu and eu != text
    early = call(cb.update_headline, "atlas", 2019)
    late = call(cb.update_headline, "atlas", None)
    assert str(early["headline"]) != str(late["headline"]) and "end of 2019" in str(early["headline"])


def test_a_group_without_a_figure_says_no_public_figure(mini_data):
    """Before any member reports (the fixture's EU members: 2017), the group has no total, and
    the headline says "no public figure", never 0 or a share of one million."""
    from components.kpi import headline
    from data.queries import overview as q

    assert q.group_total("eu27", "wgs", 2016) is None
    assert q.group_total("eu27", "wgs", 2017)["value"] > 0
    h = q.group_headline("eu27", 2016)
    assert h["total"] is None
    text = str(headline(h))
    assert "no public figure" in text and "of one million" not in text and "'0'" not in text


def test_the_kpi_cards_follow_the_year(cb, mini_data):
    from data.queries import overview as q

    early, late = call(cb.update_headline, None, 2019), call(cb.update_headline, None, None)
    assert str(early["kpis"]) != str(late["kpis"])
    assert f"{q.kpis(2019)['wgs']['total']:,}" in str(early["kpis"])
    assert "About these figures" in str(late["about"])


def q_last_year() -> int:
    from data.queries import overview as q

    return q.last_year()


def test_ranking_follows_the_year_and_the_measure(cb, mini_data):
    early = call(cb.update_ranking, "wgs", 2019, "total")
    late = call(cb.update_ranking, "wgs", None, "total")
    assert "end of 2019" in early["title"]
    assert ([r["value"] for r in early["rows"]] != [r["value"] for r in late["rows"]]
            or len(early["rows"]) != len(late["rows"]))
    for out in (early, late):
        assert [r["iso3"] for r in out["rows"]] == list(out["figure"].data[0].customdata)
    pct = call(cb.update_ranking, "wgs", None, "pct_target")
    assert all(r["pct_target"] == r["value"] for r in pct["rows"])
    assert "National target" in pct["sentence"]


def test_clicking_a_ranked_bar_opens_its_profile(cb, mini_data):
    click = {"points": [{"customdata": "FIN"}]}
    assert call(cb.open_country, None, None, None, click,
                trigger="overview-ranking-graph.clickData") == "/country/FIN"


def test_clicking_a_country_opens_its_profile(cb, mini_data):
    click = {"points": [{"customdata": "FIN", "location": "FIN"}]}
    assert call(cb.open_country, click, None, None,
                trigger="overview-map-graph.clickData") == "/country/FIN"
    assert call(cb.open_country, None, 1, "DNK",
                trigger="overview-country-open.n_clicks") == "/country/DNK"


@pytest.mark.parametrize("click", [None, {}, {"points": []}, {"points": [{"customdata": None}]},
                                   {"points": [{"customdata": "../admin"}]},
                                   {"points": [{"customdata": ["XXX"]}]}])
def test_anything_but_a_known_country_is_ignored(cb, mini_data, click):
    assert call(cb.open_country, click, None, None,
                trigger="overview-map-graph.clickData") is no_update


def test_load_fills_kpis_timeline_and_country_list(cb, mini_data):
    """The fixture release's totals (the real release's 730,850 WGS, 131 cohorts and 35 countries:
    tests/test_golden_release.py::test_overview_kpis_730_850_wgs_131_cohorts_35_countries)."""
    from data.queries import cohorts as C
    from data.queries import overview as q
    from tests.fixtures.mini import COUNTRIES

    wgs_total = int(q.progress_series("wgs").value.iloc[-1])
    n_cohorts = len(C.search(C.CohortFilters()))
    assert wgs_total > 0 and n_cohorts > 0  # the fixture: 756,919 and 47
    out = cb.load_static(0)
    text = str(call(cb.update_headline, None, None)["kpis"])
    assert f"{wgs_total:,}" in text and f"'{n_cohorts}'" in text
    assert len(out["rows"]) == len(COUNTRIES) and len(out["countries"]) == len(COUNTRIES)
    assert {"label": "Finland", "value": "FIN"} in out["countries"]
