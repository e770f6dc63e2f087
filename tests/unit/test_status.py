"""Pages answer with the right status (web/status.py): an unknown address and a country profile
for a code no country has are 404 — still the in-app page, which shows the friendly message;
every known page, and a profile whose code resolves (any case, ISO2, name), is 200."""
from __future__ import annotations

import pytest


@pytest.fixture
def client(mini_data):
    import app

    return app.server.test_client()


def _is_the_app_page(resp) -> bool:
    return resp.mimetype == "text/html" and b'id="react-entry-point"' in resp.data


@pytest.mark.parametrize("path", ["/nope", "/no/such/page", "/404/x", "/country/XXX", "/country/ZZZ",
                                  "/country/", "/country/Fnland", "/country/%3Cscript%3E"])
def test_unknown_pages_and_countries_are_404_with_the_in_app_page(client, path):
    resp = client.get(path)
    assert resp.status_code == 404, path
    assert _is_the_app_page(resp), resp.data[:300]


@pytest.mark.parametrize("path", ["/", "/countries", "/cohorts", "/cohorts?country=FIN",
                                  "/infrastructures", "/funding", "/challenges", "/data",
                                  "/country/FIN", "/country/FIN/", "/country/fin", "/country/DK",
                                  "/country/Finland", "/country/MDA?compare=median"])
def test_known_pages_and_countries_are_200(client, path):
    resp = client.get(path)
    assert resp.status_code == 200, path
    assert _is_the_app_page(resp)


def test_every_registered_page_is_200(client):
    import dash

    for page in dash.page_registry.values():
        path = (page.get("path_template") or page["path"]).replace("<iso3>", "FIN")
        assert client.get(path).status_code == 200, path


def test_other_answers_keep_their_status(client):
    assert client.get("/api/v1/no-such-endpoint").status_code == 404
    assert client.get("/api/v1/countries/FIN").status_code == 200
    assert client.get("/api/v1/countries/XXX").status_code == 404
    assert client.get("/healthz").status_code == 200
    assert client.head("/nope").status_code == 404
