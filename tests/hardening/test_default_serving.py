"""``python app.py`` serves through gunicorn with gunicorn.conf.py's settings (web/serve.py), not
Flask's development server; no response names a server."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.waiting import wait_until

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = tmp_path_factory.mktemp("serve") / "app.log"
    env = dict(os.environ, PORT=str(port), ATLAS_WORKERS="2", ATLAS_THREADS="2",
               DASH_DISABLE_VERSION_CHECK="true")
    env.pop("ATLAS_DEBUG", None)
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env, stdout=out,
                                stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"

    def healthy():
        assert proc.poll() is None, log.read_text()
        with urllib.request.urlopen(base + "/healthz", timeout=2) as r:
            return r.status == 200

    try:
        wait_until(healthy, timeout=90, interval=0.3, what="python app.py answers /healthz",
                   ignore=(OSError,))
        yield base, log
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_python_app_runs_gunicorn_with_its_config(served):
    _, log = served
    text = log.read_text()
    assert "Starting gunicorn" in text and "Using worker: gthread" in text, text
    assert text.count("Booting worker") == 2, text  # ATLAS_WORKERS, read by gunicorn.conf.py
    assert "development server" not in text, text


@pytest.mark.parametrize("path, status", [
    ("/", 200), ("/countries", 200), ("/api/v1/countries", 200), ("/healthz", 200),
    ("/_dash-layout", 200), ("/no-such-page", 404), ("/country/ZZZ", 404),
    ("/api/v1/no-such-endpoint", 404), ("/assets/no-such-file.js", 404)])
def test_no_response_names_a_server(served, path, status):
    base, _ = served
    try:
        r = urllib.request.urlopen(base + path, timeout=30)
    except urllib.error.HTTPError as e:  # the error answers too
        r = e
    with r:
        assert r.status == status, path
        assert "Server" not in r.headers and "X-Powered-By" not in r.headers, dict(r.headers)
        for value in r.headers.values():
            assert not re.search(r"gunicorn|werkzeug|flask|python/", value, re.I), (path, value)


def test_each_worker_answers_queries_after_the_fork(served):
    """The master's DuckDB connection is closed before the fork: workers open their own."""
    base, _ = served
    for _ in range(6):  # spread over both workers
        with urllib.request.urlopen(base + "/api/v1/countries", timeout=30) as r:
            assert r.status == 200 and b'"iso3"' in r.read()
