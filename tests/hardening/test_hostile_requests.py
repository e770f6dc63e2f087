"""Hostile requests to the Dash endpoints: bodies over 1 MB get 413; malformed callback requests
get 400 and unknown component-suite paths 404, each with one log line and never a traceback."""
from __future__ import annotations

import json
import logging

import pytest

NAV = {"output": "app-nav-collapse.is_open",
       "outputs": {"id": "app-nav-collapse", "property": "is_open"},
       "inputs": [{"id": "app-nav-toggle", "property": "n_clicks", "value": 1}],
       "changedPropIds": ["app-nav-toggle.n_clicks"],
       "state": [{"id": "app-nav-collapse", "property": "is_open", "value": False}]}
DEEP = "[" * 10_000 + "]" * 10_000
MALFORMED = {
    "null": "null",
    "array": "[1, 2, 3]",
    "string": '"hello"',
    "number": "42",
    "not json": "{output:",
    "unknown output": json.dumps({**NAV, "output": "nope.children",
                                  "outputs": {"id": "nope", "property": "children"}}),
    "no output": json.dumps({k: v for k, v in NAV.items() if k != "output"}),
    "inputs a string": json.dumps({**NAV, "inputs": "abc"}),
    "inputs numbers": json.dumps({**NAV, "inputs": [1, 2]}),
    "input id wrongly typed": json.dumps({**NAV, "inputs": [{"id": 5, "property": None}]}),
    "too few inputs": json.dumps({**NAV, "inputs": []}),
    "state an object": json.dumps({**NAV, "state": {"a": 1}}),
    "outputs a string": json.dumps({**NAV, "outputs": "x"}),
    "changedPropIds wrongly typed": json.dumps({**NAV, "changedPropIds": [{"a": 1}]}),
    "10,000-deep nesting": json.dumps({**NAV, "inputs": "X"}).replace('"X"', DEEP),
    "NaN": json.dumps({**NAV, "inputs": [{**NAV["inputs"][0], "value": "X"}]}).replace('"X"', "NaN"),
    "Infinity": json.dumps({**NAV, "state": [{**NAV["state"][0], "value": "X"}]}).replace('"X"',
                                                                                       "-Infinity"),
}


@pytest.fixture(scope="module")
def client():
    import app

    return app.server.test_client()


def _assert_one_line(caplog):
    records = [r for r in caplog.records if r.levelno >= logging.INFO]
    text = "\n".join(r.getMessage() for r in records)
    assert not any(r.exc_info for r in records), text
    assert "Traceback" not in text and caplog.text.count("Traceback") == 0, caplog.text
    assert len(records) == 1 and "\n" not in records[0].getMessage(), text
    assert len(records[0].getMessage()) < 300


def test_a_valid_callback_request_still_works(client):
    r = client.post("/_dash-update-component", json=NAV)
    assert r.status_code == 200 and r.get_json()["response"]["app-nav-collapse"]["is_open"] is True


def test_a_valid_pattern_matching_callback_request_is_let_through(client):
    """The renderer sends an ALL dependency as a list of {id (an object), property, value}."""
    deps = client.get("/_dash-dependencies").get_json()
    d = next(d for d in deps if any(str(i["id"]).startswith("{") for i in d["inputs"])
             and not d.get("clientside_function"))

    def entry(i):
        if str(i["id"]).startswith("{"):
            pid = {k: v for k, v in json.loads(i["id"]).items() if not isinstance(v, list)}
            return [{"id": {**pid, "index": 0}, "property": i["property"], "value": None}]
        return {"id": i["id"], "property": i["property"], "value": None}
    body = {"output": d["output"], "outputs": [], "inputs": [entry(i) for i in d["inputs"]],
            "state": [entry(s) for s in d.get("state", [])], "changedPropIds": []}
    import app
    from web.guard import check_callback_body

    check_callback_body(json.dumps(body).encode(), app.app.callback_map)  # raises if refused


@pytest.mark.parametrize("case", list(MALFORMED))
def test_malformed_callback_request_is_400_with_one_log_line(case, client, caplog):
    caplog.set_level(logging.INFO)
    r = client.post("/_dash-update-component", data=MALFORMED[case],
                    content_type="application/json")
    assert r.status_code == 400, r.data[:300]
    assert b"Traceback" not in r.data and len(r.data) < 500
    _assert_one_line(caplog)


@pytest.mark.parametrize("path", ["/_dash-update-component", "/api/v1/countries", "/"])
def test_a_body_over_1_mb_is_refused_with_413(path, client, caplog):
    caplog.set_level(logging.INFO)
    body = b'{"output": "' + b"x" * (2 << 20) + b'"}'
    r = client.post(path, data=body, content_type="application/json")
    assert r.status_code == 413
    assert caplog.text.count("Traceback") == 0


def test_a_body_just_under_1_mb_is_read(client):
    pad = "x" * 900_000
    r = client.post("/_dash-update-component", json={**NAV, "changedPropIds": [], "pad": pad})
    assert r.status_code in (200, 204)


@pytest.mark.parametrize("path", [
    "/_dash-component-suites/nope/x.js",
    "/_dash-component-suites/dash/nope.js",
    "/_dash-component-suites/dash/dash-renderer/build/nope.v1_0_0m1.min.js",
    "/_dash-component-suites/dash/..%2F..%2Fetc/passwd",
    "/_dash-component-suites/dash_bootstrap_components/_components/x.py",
])
def test_unknown_component_suite_path_is_404_with_one_log_line(path, client, caplog):
    caplog.set_level(logging.INFO)
    r = client.get(path)
    assert r.status_code == 404, r.data[:300]
    assert b"Traceback" not in r.data
    _assert_one_line(caplog)
