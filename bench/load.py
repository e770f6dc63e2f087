"""Bounded loopback load: C concurrent clients replay recorded callback requests for T seconds.

Only 127.0.0.1 is ever targeted; every loop is bounded in time and stops by itself. Reports
requests, errors (non-200 or an error body), throughput and latency percentiles as JSON.

    python -m bench.load --clients 64 --seconds 60 [--base URL] [--payloads bench/out/payloads.json]
"""
from __future__ import annotations

import argparse
import http.client
import json
import random
import statistics
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

from bench.server import app_base

OUT = Path(__file__).resolve().parent / "out"


def percentile(xs: list[float], q: float) -> float:
    if not xs:
        return float("nan")
    xs = sorted(xs)
    k = min(len(xs) - 1, max(0, round(q / 100 * (len(xs) - 1))))
    return xs[k]


def run(base: str, requests: list[tuple[str, str, bytes | None]], clients: int, seconds: float,
        seed: int = 7) -> dict:
    """requests: (method, path, body). Returns counts, errors and latency percentiles (ms)."""
    u = urlparse(base)
    assert u.hostname in ("127.0.0.1", "localhost"), "load is only ever sent to loopback"
    stop = time.monotonic() + seconds
    lat: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def worker(i: int) -> None:
        rng = random.Random(seed + i)
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
        mine, errs = [], []
        while time.monotonic() < stop:
            method, path, body = rng.choice(requests)
            t0 = time.perf_counter()
            try:
                conn.request(method, path, body=body,
                             headers={"Content-Type": "application/json", "Accept-Encoding": "gzip"})
                r = conn.getresponse()
                data = r.read()
                ok = r.status == 200 or (r.status == 204 and method == "POST")
                if not ok:
                    errs.append(f"{r.status} {path} {data[:120]!r}")
            except (OSError, http.client.HTTPException) as e:
                errs.append(f"{type(e).__name__} {path}")
                conn.close()
                conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
                continue
            mine.append((time.perf_counter() - t0) * 1000)
        conn.close()
        with lock:
            lat.extend(mine)
            errors.extend(errs)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + 60)
    elapsed = time.monotonic() - t0
    return {"clients": clients, "seconds": round(elapsed, 1), "requests": len(lat) + len(errors),
            "errors": len(errors), "error_samples": errors[:5],
            "rps": round(len(lat) / elapsed, 1),
            "p50_ms": round(percentile(lat, 50), 1), "p95_ms": round(percentile(lat, 95), 1),
            "p99_ms": round(percentile(lat, 99), 1),
            "mean_ms": round(statistics.fmean(lat), 1) if lat else None}


PAGES = ("/", "/healthz")
#: API calls in the mix, /api/v1/sources among them (it once cost 60x the others: issue 19).
API = ("/api/v1/sources", "/api/v1/sources?limit=1", "/api/v1/countries", "/api/v1/cohorts?limit=5")


def callback_requests(payload_file: Path) -> list[tuple[str, str, bytes]]:
    calls = json.loads(payload_file.read_text())
    return [("POST", "/_dash-update-component", json.dumps(c["body"]).encode())
            for c in calls if c["status"] == 200]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base")
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--payloads", type=Path, default=OUT / "payloads.json")
    ap.add_argument("--min-requests", type=int, default=100,
                    help="throughput floor: fewer requests answered in the run fail it (exit 1)")
    args = ap.parse_args()
    with app_base(args.base) as base:
        if not args.payloads.exists():
            from bench.payloads import record

            OUT.mkdir(exist_ok=True)
            args.payloads.write_text(json.dumps(record(base)))
        reqs = callback_requests(args.payloads) + [("GET", p, None) for p in PAGES + API]
        result = run(base, reqs, args.clients, args.seconds)
        print(json.dumps(result, indent=1))
    failed = throughput_failures(result, args.min_requests)
    if failed:
        raise SystemExit("; ".join(failed))


def throughput_failures(result: dict, min_requests: int = 100) -> list[str]:
    """What a load run fell short of: no errors, and at least ``min_requests`` answered (the
    throughput floor; the tests only check behaviour, see tests/browser/test_load.py)."""
    out = []
    if result["errors"]:
        out.append(f"{result['errors']} errors: {result['error_samples']}")
    if result["requests"] <= min_requests:
        out.append(f"only {result['requests']} requests in {result['seconds']} s "
                   f"(floor: more than {min_requests})")
    return out


if __name__ == "__main__":
    main()
