"""Browser tests: the app served by a real server process on a free loopback port, driven by
Playwright in Debian's headless Chromium (/usr/bin/chromium; never a downloaded browser).

The ``page`` fixture records every request the page makes; ``assert_no_external(page)`` fails on
any request to a non-loopback host, and console errors fail the test at teardown.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.conftest import BUILT
from tests.fixtures.mini import COUNTRIES
from tests.waiting import wait_until

from .fit import browser_404_log, documents_404

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("ATLAS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1, EXCLUDE localhost",
]
#: The fixture release's countries: the mini set plus Portugal (only a target), Spain (infrastructure
#: nodes of every kind), Romania (signed in 2023), Iceland and Norway (the Nordic cohorts).
BROWSER_COUNTRIES = (*COUNTRIES, "PRT", "ESP", "ROU", "ISL", "NOR")
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session", autouse=True)
def precompressed():
    """The static files precompressed as the build does (.ci/run, README's run command;
    web/precompress.py): the byte budgets count what a built server sends. Quick once done."""
    subprocess.run([sys.executable, "-m", "web.precompress"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)


def start_server(env_extra: dict | None = None, port: int | None = None):
    """Start ``gunicorn app:server`` on a free loopback port; return (process, base_url). The
    server's output goes to the file ``proc.log`` (a Path)."""
    port = port or _free_port()
    env = dict(os.environ, DASH_DISABLE_VERSION_CHECK="true", **(env_extra or {}))
    fd, log = tempfile.mkstemp(prefix="atlas-server-", suffix=".log")
    proc = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", "1", "-k", "gthread", "--threads", "8",
         "-b", f"127.0.0.1:{port}", "--timeout", "60", "app:server"],
        cwd=ROOT, env=env, stdout=fd, stderr=subprocess.STDOUT)
    os.close(fd)
    proc.log = Path(log)
    base = f"http://127.0.0.1:{port}"

    def healthy() -> bool:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited early:\n{proc.log.read_text(errors='replace')}")
        with urllib.request.urlopen(base + "/healthz", timeout=2) as r:
            return r.status == 200

    try:
        wait_until(healthy, timeout=60, interval=0.3, what="the server answers /healthz",
                   ignore=(OSError,))
    except AssertionError as e:
        proc.kill()
        raise RuntimeError("server did not become healthy in 60 s") from e
    return proc, base


def stop_server(proc) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


def serve_two_releases(release_factory, name: str, edits: dict):
    """A server on a data directory holding two releases built by the pipeline from the fixture
    release ``name``, the second with ``edits``; yields ``(base, first manifest, second manifest)``
    and stops the server afterwards."""
    rel = release_factory(name)
    first = rel.manifest
    second = rel.rebuild(edits)
    proc, base = start_server({"ATLAS_DATA_DIR": str(rel.out)})
    try:
        yield base, first, second
    finally:
        stop_server(proc)


@pytest.fixture(scope="session")
def browser_release(release_factory):
    """The release the browser tests' server serves: built by the factory from the fixture CSVs
    (``BROWSER_COUNTRIES``)."""
    return release_factory("browser", countries=BROWSER_COUNTRIES)


@pytest.fixture(scope="session")
def base_url(browser_release):
    """A server on the fixture release (``browser_release``)."""
    proc, base = start_server({"ATLAS_DATA_DIR": str(browser_release.out)})
    yield base
    stop_server(proc)


@pytest.fixture(scope="session")
def real_base_url():
    """A server on the committed release, for the browser tests not yet moved to the fixture
    release (the facts of the committed release belong in tests/test_golden_release.py)."""
    proc, base = start_server({"ATLAS_DATA_DIR": str(BUILT)})
    yield base
    stop_server(proc)


@pytest.fixture(scope="session")
def axe_base_url(base_url):
    """Where the axe checks of /countries, /cohorts and /challenges run: the fixture release, like
    the other browser tests. (On its shorter pages axe decides the contrast of the outline
    "Download CSV" / "Clear" buttons, which it left undecided on the real pages; they are #5c636a
    since assets/atlas.css, 5.78:1 on the body's #f8f9fa.)"""
    return base_url


@pytest.fixture
def browser_data(browser_release, use_release):
    """The query layer pointed at the browser server's release, to compute what a page must show."""
    return use_release(browser_release.out)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (see .ci/run)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


class Recorder:
    def __init__(self):
        self.requests: list[str] = []
        self.external: list[str] = []
        self.console_errors: list[str] = []


@pytest.fixture
def page(browser, request):
    """A fresh page (1440x900) whose requests and console errors are recorded."""
    viewport = getattr(request, "param", None) or {"width": 1440, "height": 900}
    ctx = browser.new_context(viewport=viewport, accept_downloads=True)
    pg = ctx.new_page()
    rec = Recorder()

    def on_route(route):
        url = route.request.url
        rec.requests.append(url)
        host = urlparse(url).hostname or ""
        if url.startswith(("data:", "blob:")) or host in LOOPBACK:
            route.continue_()
        else:
            rec.external.append(url)
            route.abort()

    pg.route("**/*", on_route)
    docs = documents_404(pg)  # Chromium logs a 404 page's own status (the only error let pass)
    pg.on("console", lambda m: rec.console_errors.append(m.text)
          if m.type == "error" and not browser_404_log(m, docs) else None)
    pg.on("pageerror", lambda e: rec.console_errors.append(f"pageerror: {e}"))
    pg.recorder = rec
    yield pg
    ctx.close()
    assert rec.external == [], f"requests left the machine: {rec.external}"
    assert rec.console_errors == [], f"console errors: {rec.console_errors}"


def wait_for_dash(pg, timeout: float = 20000) -> None:
    """Wait until Dash has rendered and no callback is pending."""
    pg.wait_for_selector("#app-main", timeout=timeout)
    # the page's first moment with no request in flight for 500 ms (its initial callbacks
    # answered), then until Dash reports nothing loading (a chain may start a moment later)
    pg.wait_for_load_state("networkidle", timeout=timeout)
    pg.wait_for_function(
        "() => !document.querySelector('[data-dash-is-loading=\"true\"]')"
        " && window.dash_clientside !== undefined", timeout=timeout)
    wait_quiet(pg, timeout=timeout)


_QUIET = """([key, ms]) => {
  const busy = document.querySelector('[data-dash-is-loading="true"]'), now = performance.now();
  if (busy || window[key] === undefined) { window[key] = busy ? undefined : now; return false; }
  return now - window[key] >= ms;
}"""
_quiet_calls = iter(range(10**9))


def wait_quiet(pg, ms: int = 300, timeout: float = 20000) -> None:
    """Wait until no Dash callback has been pending for ``ms`` milliseconds in a row (a chain of
    callbacks may start a moment after the previous one answered)."""
    pg.wait_for_function(_QUIET, arg=[f"__atlas_quiet_{next(_quiet_calls)}", ms], timeout=timeout)


def wait_for_animations(pg, timeout: float = 10000) -> None:
    """Until no CSS transition or animation is running (colours checked mid-fade are wrong)."""
    pg.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running'"
                         " || a.effect?.getComputedTiming().iterations === Infinity)",
                         timeout=timeout)


def run_axe(pg) -> list[dict]:
    """serious/critical axe-core violations on the current page (axe bundled by axe-playwright-python)."""
    from axe_playwright_python.sync_playwright import Axe

    wait_for_animations(pg)
    results = Axe().run(pg)
    return [{"id": v["id"], "impact": v["impact"],
             "nodes": [(n["target"], n.get("failureSummary", "")[:300]) for n in v["nodes"][:5]]}
            for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]


def external_requests(pg) -> list[str]:
    return list(pg.recorder.external)


def dump(obj) -> str:
    return json.dumps(obj, indent=1, default=str)[:3000]
