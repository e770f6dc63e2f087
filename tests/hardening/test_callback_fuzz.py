"""Every server-side callback of every page, fed hostile input over HTTP: nothing escapes.

The callback list comes from the app's own ``/_dash-dependencies``; each request sets every input
and state of one callback to a value drawn by hypothesis (random strings, huge lists, None, wrong
types, unicode, SQL and HTML/JS injection strings) and marks one input as changed. The answer must
be 200 or 204 — a 500 would mean an exception escaped a callback — and must not contain a
traceback or a raw-HTML sink (React renders every string as text).
"""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

INJECTIONS = ["' OR '1'='1", "1; DROP TABLE cohorts; --", "<script>alert(1)</script>",
              "\"><img src=x onerror=alert(1)>", "../../etc/passwd", "%00", "\u202e\u0000",
              "FIN' --", "$iso3", "read_csv('/etc/passwd')", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "9" * 400]
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(min_value=-10**12, max_value=10**12),
                    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=60),
                    st.sampled_from(INJECTIONS))
VALUES = st.one_of(
    SCALARS,
    st.lists(SCALARS, max_size=8),
    st.lists(st.sampled_from(["FIN", "DNK", "wgs", "all", "any"]), min_size=100, max_size=300),
    st.dictionaries(st.text(max_size=8), SCALARS, max_size=4),
    st.fixed_dictionaries({"points": st.lists(st.fixed_dictionaries(
        {"customdata": st.one_of(SCALARS, st.lists(SCALARS, max_size=3)),
         "location": SCALARS, "x": SCALARS, "y": SCALARS}), max_size=2)}),
)


@pytest.fixture(scope="module")
def client():
    import app

    return app.server.test_client()


def _split(spec: str) -> list[tuple[str, str]]:
    parts = spec.strip(".").split("...") if spec.startswith("..") else [spec]
    return [tuple(p.rsplit(".", 1)) for p in parts]


def _server_callbacks(client) -> list[dict]:
    deps = client.get("/_dash-dependencies").get_json()
    out = []
    for d in deps:
        if d.get("clientside_function"):
            continue
        ids = [i["id"] for i in d["inputs"] + d.get("state", [])]
        if any(isinstance(i, dict) or str(i).startswith("{") for i in ids):
            continue  # pattern-matching callbacks are covered by their page tests
        if "{" in d["output"] or d["output"].startswith(("_pages", ".._pages")):
            continue  # Dash's own router (its failures are caught by the app's on_error)
        out.append(d)
    return out


def test_the_app_has_server_callbacks_to_fuzz(client):
    assert len(_server_callbacks(client)) >= 10


@settings(max_examples=600, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_no_callback_lets_an_exception_or_injection_escape(client, data, caplog):
    callbacks = _server_callbacks(client)
    dep = data.draw(st.sampled_from(callbacks), label="callback")
    outs = [{"id": i, "property": p} for i, p in _split(dep["output"])]
    inputs = [{"id": i["id"], "property": i["property"], "value": data.draw(VALUES)}
              for i in dep["inputs"]]
    state = [{"id": s["id"], "property": s["property"], "value": data.draw(VALUES)}
             for s in dep.get("state", [])]
    changed = data.draw(st.sampled_from(inputs)) if inputs else None
    body = {"output": dep["output"], "outputs": outs if dep["output"].startswith("..") else outs[0],
            "inputs": inputs, "state": state,
            "changedPropIds": [f"{changed['id']}.{changed['property']}"] if changed else []}
    r = client.post("/_dash-update-component", data=json.dumps(body),
                    content_type="application/json")
    text = r.get_data(as_text=True)
    faults = [rec for rec in caplog.records if rec.name == "atlas.callbacks"]
    caplog.clear()
    assert not faults, f"{dep['output']} raised: {faults[0].getMessage()} for {body}"[:2000]
    assert r.status_code in (200, 204), f"{dep['output']}: {r.status_code} {text[:300]}"
    assert "Traceback" not in text
    # Strings go back as JSON data that React renders as text; raw HTML sinks are never used.
    assert '"dangerously_allow_html": true' not in text and "srcDoc" not in text
