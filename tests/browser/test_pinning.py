"""A permalink with an older release shows that release's values in a real browser; an unknown
release says so."""
from __future__ import annotations

import pytest

from .conftest import serve_two_releases, wait_for_dash

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def pinned_server(release_factory):
    """Two releases on disk; the second changes one cohort's participants."""
    def edit(rows):
        rows[0]["participants"] = str(int(rows[0]["participants"] or 0) + 1)
        return rows

    yield from serve_two_releases(release_factory, "pinning", {"cohorts": edit})


def test_a_permalink_with_an_older_release_shows_that_release(page, pinned_server):
    base, first, second = pinned_server
    page.goto(f"{base}/data?release={first['release_id']}")
    wait_for_dash(page)
    page.wait_for_selector("#data-release-id")
    assert page.inner_text("#data-release-id") == first["release_id"]
    # the first release has nothing to compare with; the current one lists its changes
    page.wait_for_selector("#data-changes-none")
    page.goto(f"{base}/data")
    wait_for_dash(page)
    page.wait_for_selector("#data-changes-table")
    assert page.inner_text("#data-release-id") == second["release_id"]


def test_an_unknown_release_is_a_clear_message(page, pinned_server):
    base, _, _ = pinned_server
    # (a request, not a navigation: the browser logs every 404 page as a console error)
    resp = page.request.get(f"{base}/data?release=abcdef123456")
    assert resp.status == 404 and resp.headers["content-type"].startswith("text/html")
    page.set_content(resp.text())
    assert "not available" in page.inner_text("#release-unavailable")
