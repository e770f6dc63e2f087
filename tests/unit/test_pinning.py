"""Pinned releases: ?release=<id> serves a kept release on the API, downloads and pages; unknown
or removed ids get a JSON 404 or a page saying so; malformed ids a 400."""
from __future__ import annotations

import json

import pytest

from data import db

OLD = "daee10f299b1"  # the committed previous release (kept on disk beside the current one)


@pytest.fixture
def client(real_data):
    import app

    assert db.release().release_id != OLD and (real_data / "releases" / OLD).is_dir()
    return app.server.test_client()


def test_the_api_serves_the_pinned_release(client):
    cur = client.get("/api/v1/release").get_json()
    old = client.get(f"/api/v1/release?release={OLD}").get_json()
    assert old["data"]["release_id"] == OLD and cur["data"]["release_id"] != OLD
    rows = client.get(f"/api/v1/milestones?release={OLD}&limit=500").get_json()
    assert rows["meta"]["release_id"] == OLD and OLD in rows["meta"]["citation"]
    now = client.get("/api/v1/milestones?limit=500").get_json()
    assert rows["data"] != now["data"]  # the previous release changed one milestone
    assert db.release().release_id != OLD  # the pin ends with the request


def test_downloads_follow_the_pin(client):
    pinned = client.get(f"/downloads/latest/milestones.csv?release={OLD}")
    assert pinned.status_code == 200
    assert pinned.data == client.get(f"/downloads/{OLD}/milestones.csv").data
    assert pinned.data != client.get("/downloads/latest/milestones.csv").data


@pytest.mark.parametrize("path", ["/api/v1/countries", "/downloads/latest/countries.csv"])
def test_unknown_release_is_a_json_404_and_malformed_a_400(client, path):
    r = client.get(f"{path}?release=abcdef123456")
    assert r.status_code == 404 and "not available" in r.get_json()["error"]["message"]
    r = client.get(path + "?release=../../etc")
    assert r.status_code == 400 and "error" in r.get_json()


def test_pages_show_the_pinned_release_or_say_it_is_not_available(client):
    r = client.get("/?release=abcdef123456")
    assert r.status_code == 404 and "not available" in r.get_data(as_text=True)
    assert client.get("/country/FIN?release=bad!id").status_code == 400
    assert client.get(f"/?release={OLD}").status_code == 200
    # Dash's layout request is pinned by the page that sent it
    layout = client.get("/_dash-layout", headers={"Referer": f"http://localhost/?release={OLD}"})
    assert OLD in json.dumps(layout.get_json())
    assert OLD not in json.dumps(client.get("/_dash-layout").get_json())


def test_a_pinned_callback_keeps_the_release_in_the_urls_it_writes():
    from web.pinning import _keep_release

    answer = {"multi": True, "response": {"url": {"search": "?country=FIN,DNK"},
                                          "x": {"children": "search"}}}
    out = _keep_release(answer, OLD)
    assert out["response"]["url"]["search"] == f"?country=FIN,DNK&release={OLD}"
    assert out["response"]["x"] == {"children": "search"}
    assert _keep_release({"search": "?release=abc&a=1"}, OLD) == {"search": f"?a=1&release={OLD}"}


def test_a_page_spec_does_not_call_release_an_unknown_parameter():
    from components.url_state import Param, Spec

    spec = Spec((Param("q", "text", default=""),))
    _, notes = spec.parse({"release": OLD, "bogus": "1"})
    assert len(notes) == 1 and "bogus" in notes[0] and "release" not in notes[0]
