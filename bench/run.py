"""Run every benchmark side by side and write bench/RESULTS.md.

    python -m bench.run            # full run (~6 min on 2 cores)
    python -m bench.run --quick    # shorter loads, fewer repetitions (smoke test)
    python -m bench.run --only first_load lighthouse throughput --record after
                                   # issue 15's goal figures (bench/issue15.json)

Lighthouse (``bench/lighthouse.py``) is installed by npm into bench/lighthouse/ on first use and
runs on /usr/bin/chromium, offline; it never downloads a browser. Not run in CI.

Each figure is a ratio of two things measured in the same run on the same machine:
callback over HTTP ÷ the same data function in-process; first load ÷ a static HTML floor holding the
same Plotly figure and bundle; interaction bytes ÷ the values' bytes; callback throughput ÷ a bare
Flask endpoint returning the same query result; latency on ×100 synthetic data ÷ on the real data.
All traffic goes to 127.0.0.1 only; every loop is bounded.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
# In this process the query cache is off, so in-process and scale timings measure the queries
# themselves; the servers measured below run with the production default (cache on).
os.environ["ATLAS_QUERY_CACHE"] = "0"
SERVER_ENV = {"ATLAS_QUERY_CACHE": "512"}
RESULTS = ROOT / "bench" / "RESULTS.md"
sys.path.insert(0, str(ROOT))

from bench import interactions as I  # noqa: E402
from bench.load import percentile  # noqa: E402
from bench.load import run as load_run  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(cmd: list[str], env_extra: dict | None = None, health: str = "/healthz"):
    port = _free_port()
    env = dict(os.environ, PORT=str(port), HOST="127.0.0.1", DASH_DISABLE_VERSION_CHECK="true",
               **(env_extra or {}))
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            with urllib.request.urlopen(base + health, timeout=2):
                return proc, base
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError(f"{cmd} did not start")


def gunicorn(app: str, env_extra: dict | None = None, health: str = "/healthz"):
    return start([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", app],
                 {**SERVER_ENV, **(env_extra or {})}, health)


def post_timings(base: str, body: dict, n: int) -> list[float]:
    import http.client
    from urllib.parse import urlparse

    u = urlparse(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    data = json.dumps(body).encode()
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        conn.request("POST", "/_dash-update-component", body=data,
                     headers={"Content-Type": "application/json", "Accept-Encoding": "gzip"})
        r = conn.getresponse()
        r.read()
        assert r.status in (200, 204), r.status
        out.append((time.perf_counter() - t0) * 1000)
    conn.close()
    return out


def timeit(fn, n: int) -> list[float]:
    fn()
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def stats(xs: list[float]) -> dict:
    return {"p50": round(percentile(xs, 50), 2), "p95": round(percentile(xs, 95), 2),
            "min": round(min(xs), 2), "max": round(max(xs), 2), "n": len(xs)}


# --- 1. callback overhead ------------------------------------------------------------------------
def bench_callbacks(base: str, calls: list[dict], n: int) -> list[dict]:
    rows = []
    for it in I.INTERACTIONS:
        match = [c for c in calls if it["output"] in (c.get("output") or "") and c["status"] == 200
                 and (it.get("page") is None or c["page"] == it["page"])]
        if not match:
            rows.append({"name": it["name"], "missing": f"no recorded callback for {it['output']}"})
            continue
        http = stats(post_timings(base, match[0]["body"], n))
        inproc = stats(timeit(it["inprocess"], n))
        rows.append({"name": it["name"], "http": http, "inprocess": inproc,
                     "ratio_p50": round(http["p50"] / max(inproc["p50"], 1e-6), 2)})
    return rows


# --- 2. first load vs a static floor -------------------------------------------------------------
FIRST_CHART_JS = """() => new Promise(res => {
  const t0 = performance.now();
  const check = () => {
    const g = document.querySelector('.js-plotly-plot');
    if (g && g._fullLayout && g.querySelector('.main-svg')) { res(performance.now()); }
    else if (performance.now() - t0 > 30000) { res(-1); }
    else { requestAnimationFrame(check); }
  };
  check();
})"""

#: The first map painted: a choropleth's country paths drawn (the floor draws the same figure).
FIRST_MAP_JS = """() => new Promise(res => {
  const t0 = performance.now();
  const check = () => {
    if (document.querySelector('.js-plotly-plot .choroplethlayer path.choroplethlocation')) {
      res(performance.now()); }
    else if (performance.now() - t0 > 30000) { res(-1); }
    else { requestAnimationFrame(check); }
  };
  check();
})"""


def _measure_page(browser, url: str, with_map: bool = False, graph: str = "") -> dict:
    """First chart (and first map) times and bytes of one cold load; ``figure`` is the figure of
    the graph ``graph`` (a CSS selector; the page's first chart when empty)."""
    ctx = browser.new_context(viewport={"width": 1440, "height": 900})
    pg = ctx.new_page()
    cdp = ctx.new_cdp_session(pg)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    sizes, types = {}, {}
    cdp.on("Network.responseReceived", lambda e: types.__setitem__(e["requestId"], e["type"]))
    cdp.on("Network.loadingFinished",
           lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
    pg.goto(url)
    t_chart = pg.evaluate(FIRST_CHART_JS)
    t_map = pg.evaluate(FIRST_MAP_JS) if with_map else -1
    pg.wait_for_load_state("networkidle")
    fig = pg.evaluate("""(sel) => { const g = document.querySelector(sel + ' .js-plotly-plot');
        return g ? {data: g.data, layout: g.layout} : null; }""", graph)
    total = sum(sizes.values())
    js = sum(v for k, v in sizes.items() if types.get(k) == "Script")
    ctx.close()
    return {"first_chart_ms": round(t_chart, 1),
            "first_map_ms": round(t_map, 1) if t_map >= 0 else None, "bytes": total, "js_bytes": js, "figure": fig}


STATIC_TEMPLATE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<link rel="stylesheet" href="/assets/vendor/bootstrap/bootstrap.min.css">
<script src="/assets/plotly-custom.min.js"></script></head><body>
<div id="g" style="height:420px"></div>
<script src="/floor.js"></script></body></html>"""


def floor_app(figure: dict):
    """A bare Flask app serving one static page that draws ``figure`` with the same bundle."""
    from flask import Flask, Response
    from flask_compress import Compress

    app = Flask(__name__, static_folder=str(ROOT / "assets"), static_url_path="/assets")
    app.config["COMPRESS_ALGORITHM"] = ["br", "gzip"]
    Compress(app)
    js = (f"Plotly.newPlot('g', {json.dumps(figure['data'])}, {json.dumps(figure['layout'])}, "
          "{displaylogo:false, topojsonURL:'/assets/topojson/'});")

    @app.get("/")
    def index():
        return Response(STATIC_TEMPLATE, mimetype="text/html")

    @app.get("/floor.js")
    def floor_js():
        return Response(js, mimetype="text/javascript")

    @app.get("/healthz")
    def health():
        return "ok"

    return app


#: The first figure of each page measured by bench_first_load (the floors draw them).
FIGURES: dict[str, dict] = {}
#: Pages with the choropleth map (the goal "first map drawn ÷ floor"): their floor draws the map.
MAP_PAGES = {"/": "#overview-map-graph"}


def bench_first_load(base: str, pages: list[str], reps: int) -> list[dict]:
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    rows = []
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path in pages:
            with_map = path in MAP_PAGES
            runs = [_measure_page(b, base + path, with_map, MAP_PAGES.get(path, ""))
                    for _ in range(reps)]
            fig = runs[-1]["figure"]
            FIGURES[path] = fig
            if not fig:
                rows.append({"page": path, "missing": "no chart on page"})
                continue
            with tempfile.TemporaryDirectory() as tmp:
                (Path(tmp) / "fig.json").write_text(json.dumps(fig))
                proc, fbase = start([sys.executable, "-m", "bench.floor", str(Path(tmp) / "fig.json")])
                try:
                    floors = [_measure_page(b, fbase + "/", with_map) for _ in range(reps)]
                finally:
                    proc.terminate()
            app_ms = [r["first_chart_ms"] for r in runs]
            floor_ms = [r["first_chart_ms"] for r in floors]
            maps = [r["first_map_ms"] for r in runs if r["first_map_ms"] is not None]
            floor_maps = [r["first_map_ms"] for r in floors if r["first_map_ms"] is not None]
            if maps and floor_maps:
                rows_map = {"app_first_map_ms": stats(maps), "floor_first_map_ms": stats(floor_maps),
                            "ratio_map_p50": round(percentile(maps, 50) / percentile(floor_maps, 50), 2)}
            else:
                rows_map = {}
            rows.append({**rows_map,
                "page": path,
                "app_first_chart_ms": stats(app_ms), "floor_first_chart_ms": stats(floor_ms),
                "app_bytes": runs[-1]["bytes"], "app_js_bytes": runs[-1]["js_bytes"],
                "floor_bytes": floors[-1]["bytes"],
                "ratio_time_p50": round(percentile(app_ms, 50) / percentile(floor_ms, 50), 2),
                "ratio_bytes": round(runs[-1]["bytes"] / floors[-1]["bytes"], 2),
            })
        b.close()
    return rows


# --- 2b. Lighthouse, every page and the floor ----------------------------------------------------
ALL_PAGES = ["/", "/countries", "/cohorts", "/infrastructures", "/funding", "/challenges", "/data",
             "/country/FIN"]


def bench_lighthouse(base: str, pages: list[str], runs: int) -> list[dict]:
    """Lighthouse desktop and mobile for every page, and for the static floor of ``/`` (the same
    map figure and plotly bundle in one HTML file)."""
    from bench import lighthouse

    lighthouse.ensure_installed()
    rows = []
    for path in pages:
        rows.append({"page": path, **{preset: lighthouse.run(base + path, preset, runs)
                                      for preset in ("desktop", "mobile")}})
    fig = FIGURES.get("/")
    if fig:
        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / "fig.json").write_text(json.dumps(fig))
            proc, fbase = start([sys.executable, "-m", "bench.floor", str(Path(tmp) / "fig.json")])
            try:
                rows.append({"page": "floor", **{preset: lighthouse.run(fbase + "/", preset, runs)
                                                 for preset in ("desktop", "mobile")}})
            finally:
                proc.terminate()
    return rows


# --- 3. interaction payload ----------------------------------------------------------------------
def bench_payload(base: str, calls: list[dict]) -> list[dict]:
    import http.client
    from urllib.parse import urlparse

    rows = []
    u = urlparse(base)
    for it in I.PAYLOADS:
        match = [c for c in calls if it["output"] in (c.get("output") or "") and c["status"] == 200
                 and c["page"] == it["page"]]
        if not match:
            rows.append({"name": it["name"], "missing": f"no recorded callback for {it['output']}"})
            continue
        body = json.dumps(it["interaction"](match[0]["body"])).encode()
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
        conn.request("POST", "/_dash-update-component", body=body,
                     headers={"Content-Type": "application/json"})
        raw = conn.getresponse().read()
        conn.request("POST", "/_dash-update-component", body=body,
                     headers={"Content-Type": "application/json", "Accept-Encoding": "gzip"})
        wire = len(conn.getresponse().read())
        conn.close()
        resp = json.loads(raw)
        fig_bytes = len(json.dumps(resp["response"][it["output"].split(".")[0]],
                                   separators=(",", ":")).encode())
        vb = len(json.dumps(it["values"](resp), separators=(",", ":")).encode())
        rows.append({"name": it["name"], "response_bytes": len(raw), "wire_bytes_gzip": wire,
                     "figure_patch_bytes": fig_bytes, "values_bytes": vb,
                     "ratio": round(fig_bytes / vb, 2), "ratio_whole_response": round(len(raw) / vb, 2)})
    return rows


# --- 4. throughput vs bare Flask ------------------------------------------------------------------
def bench_throughput(base: str, calls: list[dict], seconds: float, clients_list=(16, 64)) -> list[dict]:
    """The recorded cohort callback replayed against the app (its answer memoised per release after
    the first call, as in production: web/callback_memo.py), against a second app server that
    computes every answer (``ATLAS_CALLBACK_MEMO=0``), and a bare Flask endpoint serialising the
    same (memoised) query result."""
    it = I.THROUGHPUT
    match = [c for c in calls if it["output"] in (c.get("output") or "") and c["status"] == 200]
    if not match:
        return [{"missing": f"no recorded callback for {it['output']}"}]
    body = json.dumps(match[0]["body"]).encode()
    cb = [("POST", "/_dash-update-component", body)]
    proc, bare = gunicorn("bench.bare:app", health="/healthz")
    proc_c, computed = gunicorn("app:server", {"ATLAS_CALLBACK_MEMO": "0"})
    rows = []
    try:
        for clients in clients_list:
            a = load_run(base, cb, clients, seconds)
            c = load_run(computed, cb, clients, seconds)
            b = load_run(bare, [("GET", "/query", None)], clients, seconds)
            rows.append({"clients": clients, "app": a, "app_computed": c, "bare_flask": b,
                         "ratio_rps": round(a["rps"] / max(b["rps"], 1e-6), 2),
                         "ratio_rps_computed": round(c["rps"] / max(b["rps"], 1e-6), 2),
                         "load": loadavg()})
    finally:
        proc.terminate()
        proc_c.terminate()
    return rows


# --- 5. scale -------------------------------------------------------------------------------------
def bench_scale(n: int) -> list[dict]:
    from bench import synthetic
    from data import db
    from data.pipeline.build import build

    rows = []
    dirs = {1: ROOT / "data" / "built"}
    for k in (10, 100):
        src = synthetic.make(k)
        out = src.parent / "built"
        t0 = time.perf_counter()
        build(src, out)
        rows.append({"scale": k, "pipeline_build_s": round(time.perf_counter() - t0, 2)})
        dirs[k] = out
    results = {}
    for k, d in dirs.items():
        os.environ["ATLAS_DATA_DIR"] = str(d)
        db.reset()
        results[k] = {name: stats(timeit(fn, n)) for name, fn in I.SCALE.items()}
        results[k]["cohort_rows"] = db.release().manifest["tables"]["cohorts"]["rows"]
    os.environ.pop("ATLAS_DATA_DIR", None)
    db.reset()
    out = []
    for name in I.SCALE:
        out.append({"query": name, **{f"x{k}_p50_ms": results[k][name]["p50"] for k in dirs},
                    "ratio_x100": round(results[100][name]["p50"] / results[1][name]["p50"], 2)})
    return out + rows


# --- report ---------------------------------------------------------------------------------------
def loadavg() -> str:
    """The machine's 1/5/15-minute load averages now (it is shared: see RESULTS.md)."""
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def machine() -> dict:
    import dash
    import duckdb
    import pandas
    import plotly

    try:
        chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True,
                                  text=True, timeout=20).stdout.strip()
    except OSError:
        chromium = "not found"
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), "?")
    return {"date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(int(mem) / 1024 / 1024, 1),
            "python": platform.python_version(), "dash": dash.__version__,
            "plotly": plotly.__version__, "duckdb": duckdb.__version__,
            "pandas": pandas.__version__, "chromium": chromium, "load_start": loadavg()}


SECTIONS = ("callbacks", "first_load", "lighthouse", "payload", "throughput", "load", "scale")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--only", nargs="+", choices=SECTIONS, default=list(SECTIONS),
                    help="run only these sections (the others keep their last results)")
    ap.add_argument("--lighthouse-runs", type=int,
                    help="Lighthouse runs per page and preset (default 3, 1 with --quick)")
    ap.add_argument("--record", choices=("before", "after"),
                    help="also keep issue 15's goal figures of this run as its before/after "
                         "(bench/issue15.json, rendered into RESULTS.md)")
    args = ap.parse_args()
    only = set(args.only)
    n = 20 if args.quick else 100
    load_s = 5 if args.quick else 30
    reps = 2 if args.quick else 5
    OUT.mkdir(exist_ok=True)
    last = OUT / "results.json"
    results = json.loads(last.read_text()) if last.exists() and only != set(SECTIONS) else {}
    results.update({"machine": machine(), "quick": args.quick})
    proc, base = gunicorn("app:server")
    try:
        from bench.payloads import record

        calls = []
        if only & {"callbacks", "payload", "throughput", "load"}:
            calls = record(base, with_responses=True)
            (OUT / "payloads.json").write_text(json.dumps(calls))
        if "callbacks" in only:
            results["callbacks"] = bench_callbacks(base, calls, n)
        if only & {"first_load", "lighthouse"}:
            results["first_load"] = bench_first_load(base, I.FIRST_LOAD_PAGES, reps)
        if "lighthouse" in only:
            results["lighthouse"] = bench_lighthouse(base, ALL_PAGES, args.lighthouse_runs
                                                     or (1 if args.quick else 3))
        if "payload" in only:
            results["payload"] = bench_payload(base, calls)
        if "throughput" in only:
            results["throughput"] = bench_throughput(base, calls, load_s)
        if "load" in only:
            results["load"] = load_run(base, [("POST", "/_dash-update-component",
                                               json.dumps(c["body"]).encode())
                                              for c in calls if c["status"] == 200]
                                       + [("GET", p, None) for p in ("/", "/healthz")],
                                       64, 10 if args.quick else 60)
    finally:
        proc.terminate()
    if "scale" in only:
        results["scale"] = bench_scale(max(10, n // 5))
    results["machine"]["load_end"] = loadavg()
    last.write_text(json.dumps(results, indent=1, default=str))
    from bench import report

    if args.record:
        report.record_issue15(results, args.record)
    notes = ROOT / "bench" / "NOTES.md"
    report.write(results, RESULTS, notes.read_text() if notes.exists() else "")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
