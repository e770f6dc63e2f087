"""The first-load weight budget (tests/browser/budget.toml): per page, the JavaScript, CSS and total
bytes the browser transfers on a cold load (compressed, as Chromium counts them) stay within the
budget. Weight, not timing: timing is measured in bench/."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from .conftest import wait_for_dash

pytestmark = pytest.mark.browser

BUDGET = tomllib.loads((Path(__file__).with_name("budget.toml")).read_text())["pages"]
KINDS = {"Script": "js", "Stylesheet": "css"}


def transferred(browser, url: str, viewport=None) -> dict:
    """Bytes transferred per kind (js, css, total) for a cold load of ``url`` until it is quiet."""
    ctx = browser.new_context(viewport=viewport or {"width": 1440, "height": 900})
    try:
        pg = ctx.new_page()
        cdp = ctx.new_cdp_session(pg)
        kinds, sizes = {}, {}
        cdp.on("Network.responseReceived", lambda e: kinds.__setitem__(e["requestId"], e["type"]))
        cdp.on("Network.loadingFinished",
               lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        pg.goto(url)
        wait_for_dash(pg)
        out = {"js": 0, "css": 0, "total": 0}
        for rid, n in sizes.items():
            out["total"] += n
            kind = KINDS.get(kinds.get(rid))
            if kind:
                out[kind] += n
        return out
    finally:
        ctx.close()


@pytest.mark.parametrize("path", sorted(BUDGET))
def test_first_load_within_budget(browser, base_url, path):
    got = transferred(browser, base_url + path)
    budget = BUDGET[path]
    over = {k: (got[k], budget[k]) for k in ("js", "css", "total") if got[k] > budget[k]}
    assert not over, f"{path} over its budget (bytes, budget): {over}; measured {got}"


def test_every_page_has_a_budget():
    import dash

    import app  # noqa: F401  (importing the app fills the page registry)

    paths = {p.get("path_template") or p["path"] for p in dash.page_registry.values()}
    paths = {p.replace("<iso3>", "FRA") for p in paths}
    assert paths <= set(BUDGET), f"pages without a budget: {sorted(paths - set(BUDGET))}"
