"""Write bench/RESULTS.md from bench/out/results.json (``python -m bench.report`` re-renders it)."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

ISSUE15 = Path(__file__).resolve().parent / "issue15.json"
#: RESULTS.md keeps what follows this line as it is (hand-written sections of one-off runs).
KEEP = "<!-- Sections below are kept by bench.report as they are (one-off runs, written by hand). -->"

GOALS = {
    "callback": ("callback p50 ≤ 3× the in-process query", 3.0),
    "first_load": ("first load ≤ 1.3× the static floor", 1.3),
    "js": ("≤ 1 MB compressed JavaScript on first load", 1_000_000),
    "payload": ("interaction payload ≤ 1.5× the values", 1.5),
    "throughput": ("throughput ≥ 0.5× bare Flask", 0.5),
    "scale": ("×100 data ≤ 2× latency", 2.0),
}


def _rate(x: dict | None) -> str:
    return f"{x['rps']} ({x['p50_ms']} / {x['p99_ms']})" if x else "–"


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
         f"Load average (1/5/15 min; the machine is shared with other agents' work) at the start "
         f"{m.get('load_start', '?')}, at the end {m.get('load_end', '?')}.",
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
    L += ["", "## Throughput (callback endpoint ÷ bare Flask returning the same query result)", "",
          "One recorded cohort callback replayed: against the app as it serves (answer memoised per "
          "release after the first call, web/callback_memo.py), against the app computing every "
          "answer (`ATLAS_CALLBACK_MEMO=0`), and against a bare Flask endpoint serialising the same "
          "memoised query result. Load average (1/5/15 min) when the row finished.", ""]
    L += _table(["clients", "app req/s, memoised answer (p50 / p99 ms, errors)",
                 "app req/s, computed each call (p50 / p99 ms)", "bare Flask req/s (p50 / p99 ms)",
                 "ratio memoised", "ratio computed", "goal ≥ 0.5×", "load"],
                r.get("throughput", []), lambda row: [row["missing"]],
                lambda row, a, b: [row["clients"],
                                   f"{a['rps']} ({a['p50_ms']} / {a['p99_ms']}, {a['errors']})",
                                   _rate(row.get("app_computed")),
                                   f"{b['rps']} ({b['p50_ms']} / {b['p99_ms']})",
                                   f"{row['ratio_rps']}×", f"{row.get('ratio_rps_computed', '–')}×",
                                   _ok(row["ratio_rps"] >= 0.5), row.get("load", "")],
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
    L += lighthouse_section(r.get("lighthouse"))
    L += issue15_section()
    if notes:
        L += ["", "## Where a goal is missed: why, and what would close it", "", notes]
    kept = path.read_text().split(KEEP, 1)[1] if path.exists() and KEEP in path.read_text() else "\n"
    path.write_text("\n".join(L) + "\n\n" + KEEP + kept)


def _lh(row: dict, preset: str) -> str:
    x = row.get(preset) or {}
    if x.get("score") is None:
        return "–"
    return f"{x['score']:.2f} (LCP {x['lcp_ms'] / 1000:.1f} s, TBT {x['tbt_ms']:.0f} ms, CLS {x['cls']})"


def lighthouse_section(rows: list[dict] | None) -> list[str]:
    if not rows:
        return []
    floor = next((row for row in rows if row["page"] == "floor"), None)
    fm = (floor or {}).get("mobile", {}).get("score")
    out = ["", "## Lighthouse performance (desktop preset; mobile default: simulated slow 4G, 4× CPU)", "",
           "The npm package `lighthouse` (bench/lighthouse/), run on /usr/bin/chromium offline; the "
           "median of the runs by score. `floor` is the static floor of `/` (its map figure and plotly "
           "bundle in one HTML file).", "",
           "| page | desktop score (LCP, TBT, CLS) | mobile score (LCP, TBT, CLS) | desktop ≥ 0.9 | "
           "mobile ≥ floor | LCP mobile ≤ 2.5 s |", "|---|---|---|---|---|---|"]
    for row in rows:
        d, m = row.get("desktop", {}), row.get("mobile", {})
        goals = ["", "", ""] if row["page"] == "floor" else [
            _ok((d.get("score") or 0) >= 0.9), _ok(fm is not None and (m.get("score") or 0) >= fm),
            _ok((m.get("lcp_ms") or 1e9) <= 2500)]
        out.append(f"| `{row['page']}` | {_lh(row, 'desktop')} | {_lh(row, 'mobile')} | "
                   + " | ".join(goals) + " |")
    return out


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, cwd=ISSUE15.parent, timeout=10).stdout.strip()
    except OSError:
        return "?"


def issue15_figures(r: dict) -> dict:
    """The figures issue 15's goals are stated in, from one run's results."""
    fig: dict = {"date": r["machine"]["date"], "commit": _commit(), "quick": r.get("quick")}
    lh = r.get("lighthouse") or []
    fig["lighthouse"] = {row["page"]: {p: {k: (row.get(p) or {}).get(k) for k in ("score", "lcp_ms", "cls", "tbt_ms")}
                                       for p in ("desktop", "mobile")} for row in lh}
    home = next((row for row in r.get("first_load", []) if row.get("page") == "/"), {})
    if "ratio_map_p50" in home:
        fig["first_map"] = {"app_ms": home["app_first_map_ms"]["p50"],
                            "floor_ms": home["floor_first_map_ms"]["p50"], "ratio": home["ratio_map_p50"]}
    if "app_bytes" in home:
        fig["bytes_home"] = {"app": home["app_bytes"], "floor": home["floor_bytes"],
                             "ratio": home["ratio_bytes"]}
    tp = [row for row in r.get("throughput", []) if "ratio_rps" in row]
    if tp:
        fig["throughput"] = {str(row["clients"]): row["ratio_rps"] for row in tp}
        if all("ratio_rps_computed" in row for row in tp):
            fig["throughput_computed"] = {str(row["clients"]): row["ratio_rps_computed"] for row in tp}
    fig["load"] = [r["machine"].get("load_start"), r["machine"].get("load_end")]
    return fig


def record_issue15(r: dict, which: str) -> None:
    data = json.loads(ISSUE15.read_text()) if ISSUE15.exists() else {}
    data[which] = issue15_figures(r)
    ISSUE15.write_text(json.dumps(data, indent=1) + "\n")


def _goal_rows(f: dict) -> dict:
    """Goal name -> (value text, met) for one of before/after."""
    lh = f.get("lighthouse", {})
    pages = {p: v for p, v in lh.items() if p != "floor"}
    floor_m = (lh.get("floor") or {}).get("mobile", {}).get("score")
    rows = {}
    if pages:
        d = {p: v["desktop"]["score"] or 0 for p, v in pages.items()}
        m = {p: v["mobile"]["score"] or 0 for p, v in pages.items()}
        lcp = {p: v["mobile"]["lcp_ms"] or 1e9 for p, v in pages.items()}
        rows["desktop"] = (f"{min(d.values()):.2f}–{max(d.values()):.2f} "
                           f"({sum(x >= 0.9 for x in d.values())}/{len(d)} pages ≥ 0.9)",
                           all(x >= 0.9 for x in d.values()))
        rows["mobile"] = (f"{min(m.values()):.2f}–{max(m.values()):.2f} vs floor {floor_m} "
                          f"({sum(floor_m is not None and x >= floor_m for x in m.values())}/{len(m)})",
                          floor_m is not None and all(x >= floor_m for x in m.values()))
        cls = {f"{p} {k}": v[k]["cls"] for p, v in pages.items() for k in ("desktop", "mobile")
               if v[k]["cls"] is not None}
        over = sorted(k for k, x in cls.items() if x > 0.05)
        rows["cls"] = (f"max {max(cls.values()):.3f}; over 0.05: {', '.join(over) or 'none'}"
                       if cls else "–", bool(cls) and not over)
        rows["lcp"] = (f"{min(lcp.values()) / 1000:.1f}–{max(lcp.values()) / 1000:.1f} s "
                       f"({sum(x <= 2500 for x in lcp.values())}/{len(lcp)} pages ≤ 2.5 s)",
                       all(x <= 2500 for x in lcp.values()))
    if "first_map" in f:
        fm = f["first_map"]
        rows["map"] = (f"{fm['ratio']}× ({fm['app_ms']:.0f} / {fm['floor_ms']:.0f} ms)", fm["ratio"] <= 1.5)
    if "bytes_home" in f:
        b = f["bytes_home"]
        rows["bytes"] = (f"{b['ratio']}× ({b['app']:,} / {b['floor']:,})", b["ratio"] <= 1.3)
    if "throughput" in f:
        t = f["throughput"]
        c = f.get("throughput_computed")
        text = ", ".join(f"{v}× at {k} clients" for k, v in t.items())
        if c:
            text = (f"memoised answer: {text}; computed each call: "
                    + ", ".join(f"{v}× at {k}" for k, v in c.items()))
        rows["throughput"] = (text, all(v >= 0.5 for v in t.values()))
    return rows


GOAL_NAMES = {"desktop": "Lighthouse desktop ≥ 0.9, every page",
              "mobile": "Lighthouse mobile ≥ the floor's, every page",
              "lcp": "LCP ≤ 2.5 s, simulated mobile, every page",
              "cls": "CLS ≤ 0.05, every page, desktop and mobile (Lighthouse)",
              "map": "first map drawn ÷ floor ≤ 1.5× (`/`, desktop 1440×900)",
              "bytes": "first-load bytes of `/` ≤ 1.3× floor",
              "throughput": "callback ÷ bare Flask throughput ≥ 0.5×"}


def issue15_section() -> list[str]:
    if not ISSUE15.exists():
        return []
    data = json.loads(ISSUE15.read_text())
    before, after = data.get("before", {}), data.get("after", {})
    b, a = _goal_rows(before), _goal_rows(after)
    out = ["", "## Issue 15 goals, before and after", "",
           f"Before: main at `{before.get('commit', '?')}` ({before.get('date', '?')}); after: "
           f"`{after.get('commit', '–')}` ({after.get('date', '–')}). Recorded by "
           "`python -m bench.run --only first_load lighthouse throughput --record before|after` "
           "(bench/issue15.json).", "",
           "| goal | before | after | met after |", "|---|---|---|---|"]
    for key, name in GOAL_NAMES.items():
        bv = b.get(key, ("–", False))[0]
        av, met = a.get(key, ("–", None))
        out.append(f"| {name} | {bv} | {av} | {'' if met is None else _ok(met)} |")
    note = data.get("notes")
    if note:
        out += ["", note]
    return out


if __name__ == "__main__":
    root = Path(__file__).resolve().parent
    res = json.loads((root / "out" / "results.json").read_text())
    notes_file = root / "NOTES.md"
    write(res, root / "RESULTS.md", notes_file.read_text() if notes_file.exists() else "")
