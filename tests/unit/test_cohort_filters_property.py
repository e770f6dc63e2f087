"""The cohort explorer and /api/v1/cohorts are one search: random filter combinations, drawn from the
one declaration both read (data/queries/cohort_filters.py), give the same cohort ids in the same
order on the page's grid and through every page of the API's answer."""
from __future__ import annotations

from urllib.parse import urlencode

import dash
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data.queries.cohort_filters import BY_NAME, COHORT_FILTERS

dash.Dash(__name__, use_pages=True, pages_folder="")  # a registry for register_page
from pages import _cohorts_callbacks as CB  # noqa: E402
from pages import _cohorts_state as S  # noqa: E402

#: Countries that name cohorts in the release, so most draws select something.
NAMED = ("DNK", "FIN", "SWE", "NOR", "ISL", "EST", "GBR", "DEU", "FRA", "NLD", "ITA", "ESP")
WORDS = ("bio", "BANK", "gen", "study", "50%", "_", "'", "o'", "Finn", " cohort ")
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=20)


def _values(f) -> st.SearchStrategy[str]:
    if f.kind == "text":
        return st.one_of(st.sampled_from(WORDS), TEXT)
    if f.kind == "one":
        return st.sampled_from(f.choices)
    pool = st.sampled_from(f.choices)
    if f.name == "country":
        pool = st.one_of(st.sampled_from(NAMED), pool).map(lambda c: c.lower() if len(c) % 2 else c)
    return st.lists(pool, min_size=1, max_size=4).map(",".join)


# Each filter present or absent, with a value of its declared kind (uppercase/lowercase codes alike).
QUERIES = st.fixed_dictionaries({}, optional={f.name: _values(f) for f in COHORT_FILTERS})


@pytest.fixture(scope="module")
def client():
    import app

    return app.server.test_client()


def page_ids(query: str) -> list[str]:
    """What the explorer's grid shows for a link: the layout's parse, then the grid's callback."""
    st_, notes = S.SPEC.parse(query)
    assert notes == [], notes
    rows = CB.update_results({k: st_[k] for k in S.QUERY_KEYS}, [])["rows"]
    return [r["cohort_id"] for r in rows]


def api_ids(client, query: str, limit: int) -> list[str]:
    """Every page of /api/v1/cohorts for the same parameters, following ``meta.next``."""
    url = f"/api/v1/cohorts{query or '?'}{'&' if query else ''}limit={limit}"
    ids, total = [], None
    while url:
        r = client.get(url)
        assert r.status_code == 200, (url, r.get_json())
        body = r.get_json()
        ids += [c["cohort_id"] for c in body["data"]]
        total, url = body["meta"]["total"], body["meta"]["next"]
    assert len(ids) == total
    return ids


def test_the_page_and_the_api_take_the_same_names_and_values(client):
    doc = client.get("/api/v1/openapi.json").get_json()
    params = {p["name"]: p["schema"] for p in doc["paths"]["/cohorts"]["get"]["parameters"]}
    page = {p.name: p for p in S.SPEC.params}
    for f in COHORT_FILTERS:
        schema = params[f.name].get("items", params[f.name])
        assert schema.get("enum", []) == list(f.choices) == list(page[f.name].choices)
        assert params[f.name].get("default", "") == (f.default or "") == (page[f.name].default or "")
    assert set(BY_NAME) <= set(params) and set(BY_NAME) <= set(page)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=QUERIES, limit=st.sampled_from((7, 50, 500)))
def test_page_and_api_return_the_same_cohorts_in_the_same_order(real_data, client, params, limit):
    query = "?" + urlencode(params, safe=",") if params else ""
    assert page_ids(query) == api_ids(client, query, limit)
