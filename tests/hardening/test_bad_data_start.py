"""Bad data at start: the server stops with one clear message and a non-zero exit, under
``python app.py`` and under gunicorn alike (gunicorn must not respawn workers forever)."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import MESSAGE, ROOT, gunicorn, stop


def _release(out: Path) -> Path:
    return out / "releases" / (out / "CURRENT").read_text().strip()


def _empty(out: Path) -> None:
    shutil.rmtree(out)
    out.mkdir()


def _truncated(out: Path) -> None:
    f = _release(out) / "genome_counts.parquet"
    f.write_bytes(f.read_bytes()[: f.stat().st_size // 2])


def _wrong_hash(out: Path) -> None:
    m = _release(out) / "manifest.json"
    manifest = json.loads(m.read_text())
    manifest["tables"]["countries"]["sha256"] = "0" * 64
    m.write_text(json.dumps(manifest))


def _no_current(out: Path) -> None:
    (out / "CURRENT").unlink()


def _broken_manifest(out: Path) -> None:
    m = _release(out) / "manifest.json"
    m.write_text(m.read_text()[:40])


BAD_DATA = {"empty data directory": _empty, "truncated parquet": _truncated,
            "wrong hash": _wrong_hash, "no CURRENT": _no_current, "broken manifest": _broken_manifest}


def _run_to_exit(proc: subprocess.Popen, log: Path, seconds: float = 20) -> str:
    try:
        proc.wait(seconds)
    except subprocess.TimeoutExpired:
        stop(proc)
        pytest.fail(f"still running after {seconds} s:\n{log.read_text()[-3000:]}")
    return log.read_text()


@pytest.mark.parametrize("kind", list(BAD_DATA))
def test_gunicorn_stops_on_bad_data_with_one_message(kind, data_copy, tmp_path):
    _, out = data_copy
    BAD_DATA[kind](out)
    proc, _ = gunicorn(out, tmp_path / "gunicorn.log")
    text = _run_to_exit(proc, tmp_path / "gunicorn.log")
    assert proc.returncode != 0, text
    assert text.count(MESSAGE) == 1, text  # checked once, in the master; no worker was started
    assert "Booting worker" not in text and "Traceback" not in text, text


def test_a_worker_that_cannot_load_stops_gunicorn(data_copy, tmp_path):
    """Without the master's check (a bare config), a worker that cannot load any release exits
    with gunicorn's boot-error code, so the arbiter halts instead of respawning."""
    _, out = data_copy
    _truncated(out)
    bare = tmp_path / "bare.conf.py"
    bare.write_text("workers = 2\nthreads = 1\nworker_class = 'gthread'\n")
    proc, _ = gunicorn(out, tmp_path / "gunicorn.log", config=str(bare))
    text = _run_to_exit(proc, tmp_path / "gunicorn.log", 60)  # each worker imports the app first
    assert proc.returncode != 0, text
    assert 1 <= text.count(MESSAGE) <= 2, text  # at most once per worker process
    assert "Traceback" not in text, text


@pytest.mark.parametrize("kind", list(BAD_DATA))
def test_python_app_stops_on_bad_data_with_one_message(kind, data_copy):
    _, out = data_copy
    BAD_DATA[kind](out)
    env = {"ATLAS_DATA_DIR": str(out), "PATH": "/usr/bin:/bin", "DASH_DISABLE_VERSION_CHECK": "true"}
    r = subprocess.run([sys.executable, "app.py"], cwd=ROOT, env=env, capture_output=True,
                       text=True, timeout=60, check=False)
    assert r.returncode == 2, r.stderr
    assert r.stderr.count(MESSAGE) == 1 and "Traceback" not in r.stderr, r.stderr
