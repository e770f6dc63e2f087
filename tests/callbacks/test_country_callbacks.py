"""Callbacks of /countries and /country/<iso3>: called directly, and through Dash's HTTP endpoint
for every country of the committed release (each profile must render without an error)."""
from __future__ import annotations

import json

import dash
import pytest

import app as atlas  # noqa: E402  (creates the Dash app, which registers the pages)
from pages import _country_callbacks as cb  # noqa: E402
from pages import countries, country  # noqa: E402
from tests.callbacks.harness import text_of

ALL = sorted(__import__("data.queries.country_profile", fromlist=["codes"]).codes().iso3)


def route(code, **query):
    return {"code": code, "query": query}


def test_load_profile_fills_every_section_for_a_known_country(mini_data):
    out = cb.load_profile(route("FIN"))
    assert out["canonical"] == {"iso3": "FIN", "path": "/country/FIN"}
    assert out["found"] is False and out["missing"] is True and out["loading"] is True
    assert "Finland" in text_of(out["header"])
    from data.queries import country_profile as q

    pos = q.signature_position("FIN")  # the fixture: 3 first signatories (FIN, SWE, GBR); the
    assert pos["date"] == "2018-04-10" and pos["same_date"] > 1  # real release's 13: golden
    assert f"one of the {pos['same_date']} first signatories on 10 Apr 2018" in text_of(out["header"])
    assert "FinnGen" in text_of(out["initiatives"]) and "500,348" in text_of(out["initiatives"])
    assert out["cohorts_link"] == "/cohorts?country=FIN"
    assert "FIN" not in {o["value"] for o in out["options"]}
    assert {"value": "median", "label": "Median of 1+MG signatories"} in out["options"]
    assert out["options"][0] == {"label": "no comparison", "value": "none"}


@pytest.mark.parametrize("code", ["fin", "FI", "fi", "Finland"])
def test_lower_case_and_alpha2_codes_resolve_to_the_canonical_path(mini_data, code):
    out = cb.load_profile(route(code))
    assert out["canonical"]["path"] == "/country/FIN"


@pytest.mark.parametrize("code", ["XXX", "<script>alert(1)</script>", "", None, 5, "Fnland"])
def test_unknown_codes_show_the_not_found_section(mini_data, code):
    out = cb.load_profile(route(code))
    assert out["missing"] is False
    assert "Country not found" in text_of(out["notfound"])
    assert out["canonical"] is dash.no_update and out["found"] is dash.no_update


def test_not_found_suggests_close_countries(mini_data):
    out = cb.load_profile(route("Fnland"))
    assert "Finland (FIN)" in text_of(out["notfound"])


def test_a_forged_route_store_is_treated_as_not_found(mini_data):
    assert cb.load_profile("not a dict")["missing"] is False
    assert cb.load_profile({"code": ["FIN"], "query": "x"})["missing"] is False


def test_url_parameters_are_validated_with_a_notice(mini_data):
    out = cb.load_profile(route("DNK", compare="XXX", scale="cubic", foo="1"))
    assert out["compare"] == "none" and out["scale"] == "linear"
    notes = text_of(out["notices"])
    assert "“XXX” is not a valid comparison" in notes and "“foo”" in notes
    ok = cb.load_profile(route("DNK", compare="SWE", scale="log"))
    assert (ok["compare"], ok["scale"]) == ("SWE", "log")
    assert text_of(ok["notices"]) == ""
    assert cb.load_profile(route("DNK", compare="DNK"))["compare"] == "none"  # not itself


def test_comparison_with_another_country_adds_traces_a_column_and_its_sources(mini_data):
    canonical = cb.load_profile(route("DNK"))["canonical"]
    base = cb.update_comparison(canonical, "none", "linear")
    swe = cb.update_comparison(canonical, "SWE", "linear")
    fig0, fig1 = base["figure"], swe["figure"]
    assert len(fig1.data) > len(fig0.data)
    assert any(t.name.startswith("Sweden ·") for t in fig1.data)
    assert "Sweden" in text_of(swe["indicators"]) and "Sweden" not in text_of(base["indicators"])
    assert swe["search"] == "?compare=SWE" and base["search"] == ""
    assert "comparison: Sweden" in text_of(swe["page_sources"])


def test_comparison_with_the_median_says_how_many_signatories(mini_data):
    canonical = cb.load_profile(route("SVK"))["canonical"]
    out = cb.update_comparison(canonical, "median", "log")
    assert out["figure"].layout.yaxis.type == "log"
    assert "signatories with a figure" in text_of(out["indicators"])
    assert out["search"] == "?compare=median&scale=log"
    rows = out["rows"]
    assert rows and all(r["series"] == "Median of signatories" for r in rows)


def test_forged_comparison_values_fall_back_with_a_notice(mini_data):
    canonical = cb.load_profile(route("FIN"))["canonical"]
    out = cb.update_comparison(canonical, {"$ne": 1}, "<b>")
    assert out["search"] == "" and "not a valid" in text_of(out["notices"])


def test_comparison_callback_ignores_a_missing_or_unknown_country(mini_data):
    for bad in (None, {"iso3": "XXX"}, {"iso3": 3}, "FIN"):
        with pytest.raises(dash.exceptions.PreventUpdate):
            cb.update_comparison(bad, None, "linear")


def test_genome_table_rows_carry_sources_and_the_release(mini_data):
    canonical = cb.load_profile(route("FIN"))["canonical"]
    out = cb.update_comparison(canonical, None, "linear")
    rows, cols = out["rows"], out["cols"]
    assert {c["field"] for c in cols} >= {"value", "as_of", "source_urls", "confidence", "release"}
    finngen = next(r for r in rows if r["value"] == 500348)
    assert "finngen.fi" in finngen["source_urls"] and finngen["release"]


def test_countries_index_lists_all_35_with_links_and_numeric_figures(mini_data):
    """On the fixture release: all its countries (the real release's 35, and Austria's month-only
    "Sep 2018": tests/test_golden_release.py::test_the_countries_index_lists_35_and_austria_signed_in_sep_2018)."""
    from tests.fixtures.mini import COUNTRIES

    out = countries.fill_index(None)
    rows, cols, links = out["rows"], out["cols"], out["links"]
    assert len(rows) == len(COUNTRIES) and len(links) == len(COUNTRIES)
    assert {r["iso3"] for r in rows} == set(COUNTRIES)
    fin = next(r for r in rows if r["iso3"] == "FIN")
    assert fin["name_link"] == "[Finland](/country/FIN)"
    assert fin["wgs_value"] is None and fin["genotyped_value"] == 500348
    assert fin["signed_label"] == "10 Apr 2018"
    assert next(r for r in rows if r["iso3"] == "SVK")["signed_label"] == "not a signatory"
    assert next(r for r in rows if r["iso3"] == "DNK")["signed_label"] == "date not public"
    wgs = next(c for c in cols if c["field"] == "wgs_value")
    assert wgs["filter"] == "agNumberColumnFilter" and "no public figure" in wgs["valueFormatter"]["function"]
    json.dumps(rows)


# --- every country through Dash's HTTP endpoint ----------------------------------------------

@pytest.fixture(scope="module")
def client():
    return atlas.server.test_client()


@pytest.fixture(scope="module")
def deps(client):
    return client.get("/_dash-dependencies").get_json()


def _call(client, deps, marker, inputs):
    dep = next(d for d in deps if marker in d["output"])
    outputs = [dict(zip(("id", "property"), o.rsplit(".", 1)))
               for o in dep["output"].strip(".").split("...")]
    body = {"output": dep["output"], "outputs": outputs, "inputs": inputs,
            "changedPropIds": [f"{inputs[0]['id']}.{inputs[0]['property']}"], "state": []}
    return client.post("/_dash-update-component", json=body)


@pytest.mark.parametrize("iso3", ALL)
def test_every_country_profile_renders_through_the_dash_endpoint(real_data, client, deps, iso3):
    r = _call(client, deps, "country-header.children",
              [{"id": "country-route", "property": "data", "value": route(iso3.lower())}])
    assert r.status_code == 200, r.data[:500]
    resp = r.get_json()["response"]
    assert resp["country-canonical"]["data"] == {"iso3": iso3, "path": f"/country/{iso3}"}
    assert resp["country-profile"]["hidden"] is False
    for cmp in (None, "median", "FIN" if iso3 != "FIN" else "SWE"):
        r2 = _call(client, deps, "country-genomes-graph.figure", [
            {"id": "country-canonical", "property": "data", "value": resp["country-canonical"]["data"]},
            {"id": "country-compare", "property": "value", "value": cmp},
            {"id": "country-scale", "property": "value", "value": "linear"}])
        assert r2.status_code == 200, r2.data[:500]
        out = r2.get_json()["response"]
        assert out["country-genomes-graph"]["figure"]["layout"]
        assert out["country-sources"]["children"]  # at least the country facts' sources


def test_the_page_layouts_are_cheap_and_work_without_arguments():
    assert country.layout() is not None and countries.layout() is not None
    page = country.layout(iso3="<script>", compare="x" * 500)
    assert page.children[0].data == {"code": "<script>", "query": {"compare": "x" * 100}}


def test_page_title_names_the_country_or_says_not_found(mini_data):
    assert country._title("fin") == "Finland — country profile — 1+MG Atlas"
    assert country._title("<script>") == "Country not found — 1+MG Atlas"
