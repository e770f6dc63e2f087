"""A short bounded loopback load across every page's callbacks: zero errors, every answer a 200.

This asserts behaviour only; how fast the server answers is a benchmark (``python -m bench.load``
checks the throughput floor). The full run (64 clients × 60 s) and its latency figures are in
bench/RESULTS.md.
"""
from __future__ import annotations

import json

import pytest

from bench.load import run
from bench.payloads import PAGES, record

pytestmark = pytest.mark.browser


def test_sixteen_clients_for_ten_seconds_get_no_errors(base_url, browser):
    calls = record(base_url, PAGES, browser=browser)
    pages_seen = {c["page"] for c in calls}
    assert len(pages_seen) >= 3, f"too few pages made callbacks: {pages_seen}"
    reqs = [("POST", "/_dash-update-component", json.dumps(c["body"]).encode())
            for c in calls if c["status"] == 200]
    reqs += [("GET", p, None) for p in ("/", "/healthz", "/cohorts", "/country/FIN")]
    result = run(base_url, reqs, clients=16, seconds=10)
    assert result["errors"] == 0, result["error_samples"]
    assert result["requests"] > 0  # it ran; the throughput floor is bench.load's (--min-requests)
