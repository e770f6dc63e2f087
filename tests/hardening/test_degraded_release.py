"""A file of the served release is deleted under a running gunicorn, then the workers are recycled:
the new workers serve the last intact release and say so; ``/healthz`` reports what is served and
answers 503 with the reason while it is degraded (and never hangs)."""
from __future__ import annotations

import json
import signal

from data.pipeline.build import build
from tests.waiting import wait_until

from .conftest import get, gunicorn, stop


def _health(base):
    status, body = get(base, "/healthz")
    return status, json.loads(body)


def test_recycled_workers_fall_back_to_the_last_intact_release(data_copy, tmp_path):
    src, out = data_copy
    old = (out / "CURRENT").read_text().strip()
    f = src / "countries.csv"
    f.write_text("".join(line for line in f.read_text(encoding="utf-8").splitlines(True)
                         if not line.startswith("MDA,")), encoding="utf-8")
    new = build(src, out)["release_id"]
    assert new != old and (out / "releases" / old).is_dir()
    log = tmp_path / "gunicorn.log"
    proc, base = gunicorn(out, log)
    try:
        wait_until(lambda: get(base, "/healthz", 2)[0] == 200, timeout=60, what="a healthy server")
        assert _health(base)[1] == {"status": "ok", "release_id": new, "countries": 6}

        # 1. a file of the served release disappears: answers go on (from memory), /healthz says so
        (out / "releases" / new / "countries.parquet").unlink()
        status, h = _health(base)
        assert status == 503 and h["status"] == "degraded" and h["release_id"] == new
        assert "countries.parquet" in h["detail"]
        assert get(base, "/api/v1/countries")[0] == 200

        # 2. every worker is replaced: they load the last intact release and say so
        proc.send_signal(signal.SIGHUP)
        wait_until(lambda: _health(base)[1].get("release_id") == old, timeout=60,
                   what="workers on the old release")
        for _ in range(5):  # both new workers answer; none hangs
            status, h = _health(base)
            assert status == 503 and h["status"] == "degraded"
            assert h["release_id"] == old and h["current_release"] == new
            assert new in h["detail"] and "countries.parquet" in h["detail"]
        status, body = get(base, "/api/v1/release")
        assert status == 200 and json.loads(body)["data"]["release_id"] == old
        status, body = get(base, "/api/v1/countries?limit=100")
        assert status == 200 and len(json.loads(body)["data"]) == 7
        assert get(base, "/downloads/latest/countries.parquet")[0] == 200
        assert get(base, f"/downloads/{old}/countries.csv")[0] == 200
        text = log.read_text()
        assert f"serving release {old}" in text.lower() and "Traceback" not in text

        # 3. the release is rebuilt: the workers go back to it and /healthz is "ok" again
        (out / "CURRENT").unlink()
        (out / "releases" / new).rename(out / "releases" / "damaged")
        assert build(src, out)["release_id"] == new
        wait_until(lambda: _health(base) == (200, {"status": "ok", "release_id": new, "countries": 6}),
                   timeout=30, what="the rebuilt release")
    finally:
        stop(proc)
