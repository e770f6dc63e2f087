"""Callback answers memoised per release (web/callback_memo.py): the same request for the same
release, host and day is answered again without running the callback; nothing else is kept."""
from __future__ import annotations

import json

import pytest
from flask import Flask, Response

from data import db, memo
from web import callback_memo

URL = callback_memo.ENDPOINT


@pytest.fixture
def served(mini_data):
    """A Flask app whose callback view answers what ``answers`` holds next and counts its calls."""
    server = Flask(__name__)
    calls = []
    answers = {"status": 200, "body": {"multi": True, "response": {"a": {"children": "x"}}},
               "cookie": None}

    def dispatch():
        calls.append(1)
        if answers["status"] == 204:
            return Response(status=204)
        resp = Response(json.dumps({**answers["body"], "n": len(calls)}), status=answers["status"],
                        mimetype="application/json")
        if answers["cookie"]:
            resp.set_cookie("k", "v")
        return resp

    server.add_url_rule(URL, URL, dispatch, methods=["POST"])
    callback_memo.install(server)
    memo.clear()
    yield server.test_client(), calls, answers
    memo.clear()


def _post(client, body: dict, host: str = "localhost"):
    return client.post(URL, data=json.dumps(body), content_type="application/json",
                       base_url=f"http://{host}")


def test_the_same_request_is_answered_again_without_running_the_callback(served):
    client, calls, _ = served
    first, again = _post(client, {"inputs": [1]}), _post(client, {"inputs": [1]})
    assert first.status_code == again.status_code == 200
    assert again.get_data() == first.get_data() and again.mimetype == "application/json"
    assert len(calls) == 1


def test_another_body_or_host_is_computed(served):
    client, calls, _ = served
    _post(client, {"inputs": [1]})
    _post(client, {"inputs": [2]})
    _post(client, {"inputs": [1]}, host="127.0.0.1")
    assert len(calls) == 3


@pytest.mark.parametrize("change", ["error", "prevent_update", "set_props", "cookie"])
def test_errors_no_updates_side_updates_and_cookies_are_never_kept(served, change):
    client, calls, answers = served
    if change == "error":
        answers["status"] = 400
    elif change == "prevent_update":
        answers["status"] = 204
    elif change == "set_props":
        answers["body"] = {"multi": True, "response": {}, "sideUpdate": {"app-error": {"is_open": True}}}
    else:
        answers["cookie"] = True
    for _ in range(2):
        _post(client, {"inputs": [1]})
    assert len(calls) == 2


def test_off_when_the_size_is_zero(served, monkeypatch):
    client, calls, _ = served
    monkeypatch.setattr(callback_memo, "SIZE", 0)
    _post(client, {"inputs": [1]}), _post(client, {"inputs": [1]})
    assert len(calls) == 2


def test_a_new_release_computes_afresh(served, monkeypatch):
    client, calls, _ = served
    _post(client, {"inputs": [1]})
    real = db.release()

    class Other:
        release_id = real.release_id + "-next"

    monkeypatch.setattr(db, "release", lambda: Other)
    _post(client, {"inputs": [1]})
    assert len(calls) == 2


def test_the_app_answers_a_callback_again_identically(real_data):
    """Through the app's own callback endpoint (a country profile's load): the kept answer is the
    one Dash computed."""
    import app

    client = app.server.test_client()
    dep = next(d for d in client.get("/_dash-dependencies").get_json()
               if "country-header.children" in d["output"])
    outputs = [dict(zip(("id", "property"), o.rsplit(".", 1)))
               for o in dep["output"].strip(".").split("...")]
    route = {"code": "fin", "query": {}}
    body = {"output": dep["output"], "outputs": outputs,
            "inputs": [{"id": "country-route", "property": "data", "value": route}],
            "changedPropIds": ["country-route.data"], "state": []}
    memo.clear()
    first, again = client.post(URL, json=body), client.post(URL, json=body)
    assert first.status_code == again.status_code == 200
    assert again.get_data() == first.get_data() and len(callback_memo._STORE) == 1
    assert first.get_json()["response"]["country-canonical"]["data"]["iso3"] == "FIN"
