"""Record the Dash callback requests the pages make, for replay by the load and latency benchmarks.

Headless Chromium (Debian's) opens each URL in PAGES; every POST to /_dash-update-component is saved
with its body and the size of its answer. Output: bench/out/payloads.json.

    python -m bench.payloads [--base http://127.0.0.1:PORT]   # starts its own server when no --base
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path
from urllib.parse import urlparse

from bench.server import app_base

OUT = Path(__file__).resolve().parent / "out"
PAGES = [
    "/", "/?indicator=genotyped&year=2022", "/?metric=genotyped",
    "/countries", "/country/FIN", "/country/DNK?compare=SWE",
    "/cohorts", "/cohorts?country=DNK,FIN,ISL,NOR,SWE&data_type=wgs,ehr_linkage&data_match=all",
    "/infrastructures", "/funding", "/data",
]


def record(base: str, pages=PAGES, with_responses: bool = False, browser=None) -> list[dict]:
    """Open each page in Chromium (``browser``, or a new headless one) and collect its callbacks."""
    if browser is not None:
        return _record(browser, base, pages, with_responses)
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return _record(b, base, pages, with_responses)
        finally:
            b.close()


def _record(b, base: str, pages, with_responses: bool) -> list[dict]:
    from tests.browser.conftest import wait_quiet

    calls: list[dict] = []
    for path in pages:
        pg = b.new_page()

        def on_response(resp, path=path):
            req = resp.request
            if req.method == "POST" and urlparse(req.url).path == "/_dash-update-component":
                try:
                    text = resp.body().decode("utf-8", "replace")
                except Exception:  # noqa: BLE001 - a body can vanish on navigation
                    text = None
                body = json.loads(req.post_data)
                calls.append({"page": path, "output": body.get("output"), "body": body,
                              "status": resp.status,
                              "response_bytes": len(text.encode()) if text else None,
                              **({"response": text} if with_responses else {})})

        pg.on("response", on_response)
        pg.goto(base + path)
        pg.wait_for_load_state("networkidle")
        wait_quiet(pg, ms=800, timeout=60000)  # no callback pending for 800 ms (a loaded machine)
        pg.close()
    return calls


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base")
    args = ap.parse_args()
    with app_base(args.base) as base:
        calls = record(base)
    OUT.mkdir(exist_ok=True)
    (OUT / "payloads.json").write_text(json.dumps(calls, indent=1))
    print(f"{len(calls)} callback requests from {len(PAGES)} pages -> {OUT / 'payloads.json'}")


if __name__ == "__main__":
    main()
