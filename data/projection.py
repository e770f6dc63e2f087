"""When would one million reported sequenced genomes be reached at the recent pace? Pure maths.

Method (stated on /data, "How the projection is made", and in bench/RESULTS.md):

1. Input: a group's year-end values (the carried-forward total at 31 December of each year).
2. Window: the last :data:`WINDOW` year-end values. Fewer than :data:`MIN_POINTS`: no projection.
3. Trend: an ordinary least-squares line ``value = a + b·year`` through the window. A pace of
   zero or less: no projection.
4. Guard: if one step between consecutive year-ends supplies at least :data:`JUMP_SHARE` of the
   window's whole increase and one contributor supplies at least :data:`CONTRIBUTOR_SHARE` of that
   step, the "pace" is one programme's publication, not a trend: no projection, said in words.
5. Crossing: the year at which the line reaches the goal. Bands: the years at which the
   prediction interval of a single future value (Student t with n − 2 degrees of freedom from the
   residuals, widened for the distance from the window's centre) first reaches the goal (its upper
   edge: the earliest year) and where its lower edge reaches it (the latest year), for the 50 % and
   80 % intervals. A lower edge that never reaches the goal before :data:`HORIZON` gives no latest
   year (open-ended band).

Nothing here reads data: series in, a dict out.
"""
from __future__ import annotations

import math

from scipy import stats

GOAL = 1_000_000
WINDOW = 5
MIN_POINTS = 4
JUMP_SHARE = 0.5
CONTRIBUTOR_SHARE = 0.8
LEVELS = (0.5, 0.8)
HORIZON = 2100


def _fit(years: list[float], values: list[float]) -> dict:
    n = len(years)
    ty, tv = sum(years) / n, sum(values) / n
    sxx = sum((y - ty) ** 2 for y in years)
    b = sum((y - ty) * (v - tv) for y, v in zip(years, values)) / sxx
    a = tv - b * ty
    resid = [v - (a + b * y) for y, v in zip(years, values)]
    s = math.sqrt(sum(r * r for r in resid) / (n - 2)) if n > 2 else 0.0
    return {"a": a, "b": b, "s": s, "n": n, "mean_year": ty, "sxx": sxx}


def predict(fit: dict, year: float, level: float | None = None) -> tuple[float, float, float]:
    """(central, low, high) value of the trend at ``year``; with ``level`` None, low = high =
    central."""
    c = fit["a"] + fit["b"] * year
    if level is None or fit["s"] == 0:
        return c, c, c
    q = stats.t.ppf(0.5 + level / 2, fit["n"] - 2)
    half = q * fit["s"] * math.sqrt(1 + 1 / fit["n"] + (year - fit["mean_year"]) ** 2 / fit["sxx"])
    return c, c - half, c + half


def _first_year(fit: dict, level: float | None, edge: int, goal: float, start: float) -> float | None:
    """First year (monthly steps from ``start``) at which the band's ``edge`` (1 low, 2 high)
    reaches ``goal``; None before HORIZON."""
    y = start
    while y <= HORIZON:
        if predict(fit, y, level)[edge] >= goal:
            return round(y, 2)
        y += 1 / 12
    return None


def project(series: list[tuple[int, float]], *, goal: float = GOAL,
            contributors: dict[int, tuple[str, float]] | None = None) -> dict:
    """Project when ``goal`` is reached from year-end values ``[(year, value), …]``.

    ``contributors``: for a year, (name, share of that year's step supplied by its largest
    contributor). Returns ``{"ok": True, "crossing": year (decimal), "bands": {0.5: (early, late),
    0.8: …}, "pace": per year, "window": [(year, value)], "fit": …}`` or ``{"ok": False,
    "reason": words, "window": …}``. A goal already reached gives ok with ``"reached": year``.
    """
    pts = sorted((int(y), float(v)) for y, v in series if v is not None)
    window = pts[-WINDOW:]
    out = {"ok": False, "window": window, "goal": goal}
    reached = [y for y, v in pts if v >= goal]
    if reached:
        return {**out, "ok": True, "reached": reached[0], "crossing": float(reached[0]),
                "bands": {}, "pace": None}
    if len(window) < MIN_POINTS:
        return {**out, "reason": f"too few year-end values to project from ({len(window)}; "
                                 f"at least {MIN_POINTS} are needed)"}
    rise = window[-1][1] - window[0][1]
    steps = [(window[i][0], window[i][1] - window[i - 1][1]) for i in range(1, len(window))]
    if rise > 0:
        year, step = max(steps, key=lambda s: s[1])
        who = (contributors or {}).get(year)
        if step >= JUMP_SHARE * rise and who and who[1] >= CONTRIBUTOR_SHARE:
            return {**out, "reason": (
                f"one jump dominates the recent pace: {round(100 * step / rise)} % of the rise "
                f"since {window[0][0]} came in {year}, {round(100 * who[1])} % of it from "
                f"{who[0]}; a trend through it would project one publication, not a pace")}
    fit = _fit([y for y, _ in window], [v for _, v in window])
    if fit["b"] <= 0:
        return {**out, "reason": "the reported total has not grown over the recent years"}
    start = float(window[-1][0])
    crossing = (goal - fit["a"]) / fit["b"]
    bands = {lv: (_first_year(fit, lv, 2, goal, start), _first_year(fit, lv, 1, goal, start))
             for lv in LEVELS}
    return {**out, "ok": True, "crossing": round(crossing, 2), "bands": bands, "pace": fit["b"],
            "fit": fit}


def backtest(series: list[tuple[int, float]], cutoffs: tuple[int, ...] = (2021, 2022, 2023),
             contributors: dict[int, tuple[str, float]] | None = None) -> list[dict]:
    """For each cutoff year: the trend fitted to the year-ends known then (guard noted, not
    applied), and for every later year-end reported its projected value, the reported value and
    the error (projected − reported, and as a share of reported)."""
    pts = sorted((int(y), float(v)) for y, v in series)
    rows = []
    for cut in cutoffs:
        known = [(y, v) for y, v in pts if y <= cut]
        window = known[-WINDOW:]
        verdict = project(known, contributors=contributors)
        if len(window) < 3:
            rows.append({"cutoff": cut, "year": None, "projected": None, "reported": None,
                         "error": None, "error_share": None, "guard": verdict.get("reason")})
            continue
        fit = _fit([y for y, _ in window], [v for _, v in window])
        for y, v in pts:
            if y > cut:
                p = predict(fit, y)[0]
                rows.append({"cutoff": cut, "year": y, "projected": round(p), "reported": round(v),
                             "error": round(p - v), "error_share": (p - v) / v if v else None,
                             "guard": verdict.get("reason")})
    return rows
