"""Embeds in a real browser: an embed URL inside an <iframe> of a page served from another loopback
port shows its chart, sources line and release with no request leaving the machine; any other atlas
page in such an iframe is refused (frame-ancestors 'self'); a chart card's "Embed" shows the
snippet of the current view, and that snippet pasted into the other site works."""
from __future__ import annotations

import http.server
import re
import threading
from functools import partial

import pytest

from .conftest import _free_port, wait_for_dash

pytestmark = pytest.mark.browser


@pytest.fixture
def other_site(tmp_path, base_url):
    """A tiny http.server on another free port serving one HTML page that frames an embed."""
    def serve(embed_path: str = "", snippet: str = "") -> str:
        frame = snippet or (f'<iframe id="atlas" src="{base_url}{embed_path}" '
                            'title="1+MG Atlas chart" width="900" height="560" '
                            'style="border:0"></iframe>')
        (tmp_path / "index.html").write_text(
            '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A funder</title>'
            f'</head><body><h1>Our programme</h1>{frame}</body></html>')
        return f"http://localhost:{port}/index.html"

    port = _free_port()
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield serve
    httpd.shutdown()
    httpd.server_close()


def test_an_embed_shows_its_chart_and_sources_inside_another_sites_iframe(page, other_site,
                                                                           browser_data):
    from data import db

    rid = db.release().release_id
    page.goto(other_site(f"/embed/overview-ranking?measure=per_million&release={rid}"))
    frame = page.frame_locator("#atlas")
    frame.locator("#embed-graph .main-svg").first.wait_for(timeout=20000)
    assert frame.locator("#embed-graph .bars path, #embed-graph .trace").count() > 0
    assert "Sources:" in frame.locator("#embed-sources").inner_text()
    assert frame.locator("#embed-release").inner_text() == rid
    link = frame.locator("#embed-full")
    assert link.get_attribute("target") == "_top"
    assert f"release={rid}" in link.get_attribute("href")
    assert page.recorder.external == []


def test_the_map_embed_draws_the_map_offline(page, other_site):
    page.goto(other_site("/embed/overview-map"))
    frame = page.frame_locator("#atlas")
    frame.locator("#embed-graph .choroplethlayer path").first.wait_for(timeout=20000)
    assert page.recorder.external == []


def test_a_cards_embed_button_shows_the_snippet_of_the_current_view(page, base_url, browser_data):
    _snippet(page, base_url)


def _snippet(page, base_url) -> str:
    from data import db

    page.goto(f"{base_url}/?measure=per_million")
    wait_for_dash(page)
    page.focus("#overview-ranking-embed")
    page.keyboard.press("Enter")  # keyboard accessible
    code = page.locator("#overview-ranking-embed-code")
    code.wait_for(state="visible")
    snippet = code.input_value()
    assert snippet.startswith("<iframe src=\"" + base_url + "/embed/overview-ranking?")
    assert "measure=per_million" in snippet
    assert f"release={db.release().release_id}" in snippet
    assert code.get_attribute("readonly") is not None
    assert re.search(r'title="1\+MG Atlas: [^"]*ranked[^"]*"', snippet) and 'height="520"' in snippet
    page.click("#overview-ranking-embed-copy")
    page.wait_for_function("document.activeElement.id === 'overview-ranking-embed-code'")
    assert "Copied" in page.locator("#overview-ranking-embed-status").inner_text()
    return snippet


def test_the_copied_snippet_works_on_another_site(page, base_url, other_site, browser_data):
    snippet = _snippet(page, base_url)
    page.goto(other_site(snippet=snippet))
    frame = page.frame_locator("iframe")
    frame.locator("#embed-graph .main-svg").first.wait_for(timeout=20000)
    assert "measure=per_million" in frame.locator("#embed-full").get_attribute("href")
    assert "Sources:" in frame.locator("#embed-sources").inner_text()


def test_another_atlas_page_in_another_sites_iframe_is_refused(page, other_site):
    page.goto(other_site("/?measure=per_million"))
    page.wait_for_timeout(1500)
    child = page.locator("#atlas").element_handle().content_frame()
    assert child is not None and child.query_selector("#app-main") is None
    assert not child.url.startswith("http://127.0.0.1") or child.locator("body").inner_text() == ""
    refused = [m for m in page.recorder.console_errors if "frame-ancestors" in m]
    assert refused, page.recorder.console_errors
    for m in refused:  # the refusal is what this test expects, not an error of the page
        page.recorder.console_errors.remove(m)
