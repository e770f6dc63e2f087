"""The shell: navbar from the registry, footer with the release, in-app 404, no external requests."""
from __future__ import annotations

import pytest

from .conftest import run_axe, wait_for_dash

pytestmark = pytest.mark.browser


def test_unknown_path_shows_in_app_not_found_page(page, base_url):
    """A mistyped address shows a friendly page inside the shell, with ways back."""
    page.goto(base_url + "/no-such-page")
    wait_for_dash(page)
    assert page.inner_text("#notfound-title") == "Page not found"
    assert "Data release" in page.inner_text("#app-release")
    assert page.locator("#app-navbar").is_visible()


def test_shell_has_no_serious_accessibility_violations(page, base_url):
    """axe-core finds no serious or critical violation in the shell."""
    page.goto(base_url + "/no-such-page")
    wait_for_dash(page)
    assert run_axe(page) == []
