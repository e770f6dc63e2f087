"""Fixtures for the fault tests: a private copy of the mini data, and real gunicorn servers."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MESSAGE = "1+MG Atlas cannot start"  # what app.py and gunicorn.conf.py print on bad data


@pytest.fixture
def data_copy(release_factory):
    """(sources, built): one release built from the mini sources, private to the test."""
    rel = release_factory("faults")
    return rel.sources, rel.out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def gunicorn(data: Path, log: Path, config: str = "gunicorn.conf.py", **env) -> tuple:
    """Start ``gunicorn -c <config> app:server`` over ``data`` on a free loopback port, output to
    ``log``; return (process, base url). Does not wait for it to answer."""
    port = free_port()
    full = dict(os.environ, ATLAS_DATA_DIR=str(data), PORT=str(port), HOST="127.0.0.1",
                ATLAS_WORKERS="2", ATLAS_THREADS="2", DASH_DISABLE_VERSION_CHECK="true")
    full.update(env)
    with open(log, "wb") as f:
        proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", config, "app:server"],
                                cwd=ROOT, env=full, stdout=f, stderr=subprocess.STDOUT)
    return proc, f"http://127.0.0.1:{port}"


def get(base: str, path: str, timeout: float = 10) -> tuple[int, bytes]:
    """(status, body) of a GET; HTTP errors are answers too."""
    try:
        with urllib.request.urlopen(base + path, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
