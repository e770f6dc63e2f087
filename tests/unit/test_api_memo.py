"""Finding 3 of issue 19: every API endpoint answers from the per-release memo after its first call.

The probe found ``/api/v1/sources`` about 60x slower than the others and computed afresh on every
request (even ``?limit=1``). Each endpoint's fetch function is counted: a second request with the
same filters, another page of them or the CSV of them must not run it again; other filters must.
"""
from __future__ import annotations

import pytest

from data.api_endpoints import ENDPOINTS


@pytest.fixture
def counted(mini_data):
    """The app's test client, and how often each endpoint's fetch function ran."""
    import app

    calls: dict[str, int] = {}
    originals = {ep.op_id: ep.fetch for ep in ENDPOINTS}
    for ep in ENDPOINTS:
        def fetch(a, _f=ep.fetch, _id=ep.op_id):
            calls[_id] = calls.get(_id, 0) + 1
            return _f(a)
        object.__setattr__(ep, "fetch", fetch)  # Endpoint is a frozen dataclass
    try:
        yield app.server.test_client(), calls
    finally:
        for ep in ENDPOINTS:
            object.__setattr__(ep, "fetch", originals[ep.op_id])


def _url(ep) -> str:
    return ep.rule.replace("<iso3>", "FIN") if "<iso3>" in ep.rule else ep.rule


@pytest.mark.parametrize("ep", ENDPOINTS, ids=lambda e: e.op_id)
def test_the_second_call_of_every_endpoint_does_not_run_its_query_again(counted, ep):
    client, calls = counted
    url = "/api/v1" + _url(ep).rstrip("/") + ("/" if ep.rule == "/" else "")
    assert client.get(url).status_code == 200
    assert calls.get(ep.op_id) == 1
    assert client.get(url).status_code == 200
    assert calls.get(ep.op_id) == 1, f"{ep.op_id} ran its query again on the second call"


def test_paging_and_csv_slice_the_memoised_answer(counted):
    client, calls = counted
    for q in ("?limit=1", "?limit=1&offset=1", "?limit=2", "?format=csv", ""):
        assert client.get("/api/v1/sources" + q).status_code == 200
    assert calls["listSources"] == 1
    assert client.get("/api/v1/sources?group=domain").status_code == 200
    assert calls["listSources"] == 2  # other filters: another answer
