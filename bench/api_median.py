"""Median time of each API endpoint in process (Flask test client, the committed release), with
the endpoint memo (``web.api._fetch``) and without it (every call builds its answer afresh, as
before issue 19). SQL results stay memoised in both runs (``data.db.query``), as in production.

    python -m bench.api_median [--n 30]
"""
from __future__ import annotations

import argparse
import statistics
import time
from unittest import mock

URLS = ("/api/v1/sources", "/api/v1/sources?limit=1", "/api/v1/countries", "/api/v1/cohorts",
        "/api/v1/genome-figures", "/api/v1/infrastructures", "/api/v1/activities",
        "/api/v1/milestones", "/api/v1/release", "/api/v1/release/changes", "/api/v1/groups/totals")


def medians(n: int) -> dict[str, float]:
    import app

    client = app.server.test_client()
    out = {}
    for url in URLS:
        client.get(url)  # first call: fills the memo
        times = []
        for _ in range(n):
            t0 = time.perf_counter()
            assert client.get(url).status_code == 200
            times.append((time.perf_counter() - t0) * 1000)
        out[url] = round(statistics.median(times), 2)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=30)
    n = ap.parse_args().n
    from web import api

    with mock.patch.object(api, "_fetch", lambda ep, a, rid: ep.fetch(a)):
        before = medians(n)
    after = medians(n)
    print("| endpoint | median ms, built every call | median ms, memoised |\n|---|---|---|")
    for url in URLS:
        print(f"| `{url}` | {before[url]} | {after[url]} |")


if __name__ == "__main__":
    main()
