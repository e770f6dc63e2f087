"""Lighthouse (the npm package, performance category) on Debian's Chromium, offline.

    python -m bench.lighthouse URL [--preset desktop|mobile] [--runs N]

Lighthouse is installed from the npm registry into ``bench/lighthouse/node_modules`` by
``ensure_installed()`` (``npm ci --ignore-scripts``, version pinned in bench/lighthouse/package.json;
12.x, the newest line that runs on the machine's Node 20). It never downloads a browser: it runs
``CHROME_PATH=/usr/bin/chromium`` with the test suite's flags, whose host-resolver rule makes every
non-loopback host fail. ``mobile`` is Lighthouse's default (simulated Moto G Power, slow 4G, 4×
CPU); ``desktop`` is ``--preset=desktop``. Each page is run ``runs`` times; the median run (by
score) is kept.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent / "lighthouse"
CLI = HERE / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME = os.environ.get("ATLAS_CHROMIUM", "/usr/bin/chromium")
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync "
                "--disable-dev-shm-usage "
                '"--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1, EXCLUDE localhost"')
METRICS = {"fcp_ms": "first-contentful-paint", "lcp_ms": "largest-contentful-paint",
           "tbt_ms": "total-blocking-time", "cls": "cumulative-layout-shift",
           "si_ms": "speed-index"}


def ensure_installed() -> None:
    if CLI.exists():
        return
    npm = shutil.which("npm")
    if not npm:
        raise RuntimeError("npm not found: Lighthouse is installed with npm into bench/lighthouse/")
    subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=HERE, check=True,
                   env=dict(os.environ, PUPPETEER_SKIP_DOWNLOAD="1"))


def version() -> str:
    return json.loads((HERE / "node_modules" / "lighthouse" / "package.json").read_text())["version"]


def run_once(url: str, preset: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "lh.json"
        cmd = ["node", str(CLI), url, "--output=json", f"--output-path={out}",
               "--only-categories=performance", "--quiet", "--max-wait-for-load=60000",
               f"--chrome-flags={CHROME_FLAGS}"]
        if preset == "desktop":
            cmd.append("--preset=desktop")
        subprocess.run(cmd, env=dict(os.environ, CHROME_PATH=CHROME), check=True, timeout=300,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=tmp)
        lhr = json.loads(out.read_text())
    audits = lhr["audits"]
    row = {"score": lhr["categories"]["performance"]["score"]}
    for key, audit in METRICS.items():
        v = audits.get(audit, {}).get("numericValue")
        row[key] = round(v, 3 if key == "cls" else 0) if v is not None else None
    err = lhr.get("runtimeError")
    if err:
        row["error"] = err.get("message", str(err))
    return row


def run_retrying(url: str, preset: str, tries: int = 2) -> dict:
    """``run_once``, tried again when Lighthouse fails (a loaded machine can time it out); a row
    saying why when every try failed."""
    err = ""
    for _ in range(tries):
        try:
            return run_once(url, preset)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError, ValueError) as e:
            err = (getattr(e, "stderr", b"") or b"").decode(errors="replace")[-300:] or str(e)
    return {"score": None, **dict.fromkeys(METRICS), "error": err.strip()}


def run(url: str, preset: str, runs: int = 1) -> dict:
    """The median of ``runs`` Lighthouse runs (by score) with the scores of all of them."""
    rows = [run_retrying(url, preset) for _ in range(runs)]
    scored = sorted(rows, key=lambda r: r["score"] if r["score"] is not None else -1)
    best = dict(scored[len(scored) // 2])
    best["scores"] = [r["score"] for r in rows]
    if len(rows) > 1:
        lcps = [r["lcp_ms"] for r in rows if r["lcp_ms"] is not None]
        best["lcp_ms_median"] = statistics.median(lcps) if lcps else None
    return best


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("--preset", choices=("desktop", "mobile"), default="desktop")
    ap.add_argument("--runs", type=int, default=1)
    a = ap.parse_args()
    ensure_installed()
    print(json.dumps(run(a.url, a.preset, a.runs), indent=1))
