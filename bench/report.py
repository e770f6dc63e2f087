"""Write bench/RESULTS.md from bench/out/results.json (``python -m bench.report`` re-renders it)."""
from __future__ import annotations

import json
from pathlib import Path

GOALS = {
    "callback": ("callback p50 ≤ 3× the in-process query", 3.0),
    "first_load": ("first load ≤ 1.3× the static floor", 1.3),
    "js": ("≤ 1 MB compressed JavaScript on first load", 1_000_000),
    "payload": ("interaction payload ≤ 1.5× the values", 1.5),
    "throughput": ("throughput ≥ 0.5× bare Flask", 0.5),
    "scale": ("×100 data ≤ 2× latency", 2.0),
}


def _ok(flag: bool) -> str:
    return "met" if flag else "**missed**"


def _table(header: list[str], rows: list[dict], missing, cells, *parts: str) -> list[str]:
    """A Markdown table: the header, then one line per result row.

    ``cells(row, *(row[p] for p in parts))`` gives a row's cells; a row that records why it was not
    measured (a ``missing`` key) gets ``missing(row)`` and blank cells for the rest.
    """
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        if "missing" in row:
            first = missing(row)
            out.append("| " + " | ".join(str(c) for c in first) + " |" + " |" * (len(header) - len(first)))
        else:
            out.append("| " + " | ".join(str(c) for c in cells(row, *(row[p] for p in parts))) + " |")
    return out


def write(r: dict, path: Path, notes: str = "") -> None:
    m = r["machine"]
    L = ["# Benchmark results", "",
         f"Run `python -m bench.run` ({'quick' if r.get('quick') else 'full'} run) on {m['date']}.",
         f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB. "
         f"Python {m['python']}, Dash {m['dash']}, Plotly {m['plotly']}, DuckDB {m['duckdb']}, "
         f"pandas {m['pandas']}, {m['chromium']}.",
         "Server: `gunicorn -c gunicorn.conf.py app:server` (2 workers × 4 threads) on 127.0.0.1; the "
         "load generator (Python threads) runs on the same 2 cores, so absolute rates are lower "
         "bounds; every figure below is a ratio measured side by side in the same run.",
         "Servers run with the production default, query results cached per data release "
         "(`ATLAS_QUERY_CACHE=512`); in-process and scale timings run the queries uncached.", ""]
    L += ["## Callback overhead (HTTP ÷ in-process)", ""]
    L += _table(["interaction", "HTTP p50 / p95 ms (min–max)", "in-process p50 / p95 ms", "ratio p50",
                 "goal ≤ 3×"], r.get("callbacks", []), lambda row: [row["name"], row["missing"]],
                lambda row, h, i: [row["name"], f"{h['p50']} / {h['p95']} ({h['min']}–{h['max']})",
                                   f"{i['p50']} / {i['p95']}", f"{row['ratio_p50']}×",
                                   _ok(row["ratio_p50"] <= 3)],
                "http", "inprocess")
    L += ["", "## First load (app ÷ static HTML floor with the same figure and bundle)", ""]
    L += _table(["page", "first chart p50 ms app / floor (min–max app)", "bytes app / floor (compressed)",
                 "JS bytes", "time ratio", "bytes ratio", "goal ≤ 1.3×", "JS ≤ 1 MB"],
                r.get("first_load", []), lambda row: [row["page"], row["missing"]],
                lambda row, a, f: [f"`{row['page']}`", f"{a['p50']} / {f['p50']} ({a['min']}–{a['max']})",
                                   f"{row['app_bytes']:,} / {row['floor_bytes']:,}",
                                   f"{row['app_js_bytes']:,}", f"{row['ratio_time_p50']}×",
                                   f"{row['ratio_bytes']}×", _ok(row["ratio_time_p50"] <= 1.3),
                                   _ok(row["app_js_bytes"] <= 1_000_000)],
                "app_first_chart_ms", "floor_first_chart_ms")
    L += ["", "## Interaction payload (response bytes ÷ bytes of the values drawn)", "",
          "The map's figure update is a `dash.Patch` of per-trace arrays; the callback's whole answer also "
          "carries the table rows, legend and sources shown beside the map.", ""]
    L += _table(["interaction", "map Patch bytes", "values (z) bytes", "Patch ÷ values",
                 "whole answer bytes (gzip on the wire)", "goal ≤ 1.5×"],
                r.get("payload", []), lambda row: [row["name"], row["missing"]],
                lambda row: [row["name"], f"{row['figure_patch_bytes']:,}", f"{row['values_bytes']:,}",
                             f"{row['ratio']}×",
                             f"{row['response_bytes']:,} ({row['wire_bytes_gzip']:,})",
                             _ok(row["ratio"] <= 1.5)])
    L += ["", "## Throughput (callback endpoint ÷ bare Flask returning the same query result)", ""]
    L += _table(["clients", "app req/s (p50 / p99 ms, errors)", "bare Flask req/s (p50 / p99 ms)",
                 "ratio", "goal ≥ 0.5×"], r.get("throughput", []), lambda row: [row["missing"]],
                lambda row, a, b: [row["clients"],
                                   f"{a['rps']} ({a['p50_ms']} / {a['p99_ms']}, {a['errors']})",
                                   f"{b['rps']} ({b['p50_ms']} / {b['p99_ms']})",
                                   f"{row['ratio_rps']}×", _ok(row["ratio_rps"] >= 0.5)],
                "app", "bare_flask")
    ld = r.get("load")
    if ld:
        L += ["", "## Load run (all pages' callbacks + page loads)", "",
              f"{ld['clients']} concurrent clients for {ld['seconds']} s: {ld['requests']:,} requests, "
              f"**{ld['errors']} errors**, {ld['rps']} req/s, latency p50 {ld['p50_ms']} ms, "
              f"p95 {ld['p95_ms']} ms, **p99 {ld['p99_ms']} ms**."]
    L += ["", "## Scale (seeded synthetic data ×10, ×100; never shown by the app)", ""]
    L += _table(["query", "×1 p50 ms", "×10 p50 ms", "×100 p50 ms", "×100 ÷ ×1", "goal ≤ 2×"],
                [row for row in r.get("scale", []) if "query" in row], None,
                lambda row: [row["query"], row["x1_p50_ms"], row["x10_p50_ms"], row["x100_p50_ms"],
                             f"{row['ratio_x100']}×", _ok(row["ratio_x100"] <= 2)])
    builds = [row for row in r.get("scale", []) if "pipeline_build_s" in row]
    if builds:
        L.append("")
        L.append("Pipeline build time: " + ", ".join(f"×{b['scale']} {b['pipeline_build_s']} s"
                                                     for b in builds) + ".")
    if notes:
        L += ["", "## Where a goal is missed: why, and what would close it", "", notes]
    path.write_text("\n".join(L) + "\n")


if __name__ == "__main__":
    root = Path(__file__).resolve().parent
    res = json.loads((root / "out" / "results.json").read_text())
    notes_file = root / "NOTES.md"
    write(res, root / "RESULTS.md", notes_file.read_text() if notes_file.exists() else "")
