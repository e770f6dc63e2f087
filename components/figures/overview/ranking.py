"""The Overview's ranked chart: countries sorted by value for the chosen indicator, as a total,
per million inhabitants or as % of the country's own national target, and its table (exactly the
bars drawn, with value, target, % of target, as-of and sources).

Same colours and hover as the map (``choropleth``/``map_text``); every bar carries its ISO3 in
``customdata`` (a click opens the profile, as on the map). Countries without a figure for the
measure are listed by name ("no public figure"), never drawn as 0.
"""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components import fmt

from ._common import _missing, columns, joined
from .choropleth import _value_scale
from .map_text import SHORT_LABELS, hover

#: Ranking measure -> the words of its switch and axis.
MEASURES = {"total": "Total", "per_million": "Per million inhabitants",
            "pct_target": "% of national target"}
#: Indicators the ranking can rank (counts of genomes or participants).
RANKABLE = ("wgs", "genotyped")
#: The map indicator whose colour scale and hover a measure of ``wgs`` shares.
_MAP_TWIN = {"total": "wgs", "per_million": "wgs_per_million"}


def national_targets(targets: pd.DataFrame) -> dict[str, int]:
    """ISO3 -> the sum of the country's programmes' latest national targets (rows of
    ``committed_targets``)."""
    if targets.empty:
        return {}
    return {k: int(v) for k, v in targets.groupby("iso3").value.sum().items()}


def ranking_rows(frame: pd.DataFrame, targets: dict[str, int], measure: str
                 ) -> tuple[pd.DataFrame, list[str]]:
    """(ranked, missing): ``frame`` (rows of ``map_indicator`` for a count indicator) with
    ``measure_value``, ``target`` and ``pct_target`` added, sorted largest first, only the rows
    with a figure for ``measure``; and the names of the countries without one, in name order."""
    if measure not in MEASURES:
        raise ValueError(f"unknown ranking measure {measure!r}")
    f = frame.copy()
    raw = f.raw_value.astype(float)
    f["target"] = [targets.get(i) for i in f.iso3]
    tgt = pd.to_numeric(f.target, errors="coerce").astype(float)
    f["pct_target"] = (raw / tgt * 100).where(tgt > 0).round(1)
    pop = pd.to_numeric(f.population, errors="coerce").astype(float)
    f["measure_value"] = {"total": raw,
                          "per_million": (raw / pop * 1_000_000).where(pop > 0).round(1),
                          "pct_target": f.pct_target}[measure]
    has = f.measure_value.notna()
    ranked = f[has].sort_values(["measure_value", "name"], ascending=[False, True])
    return ranked.reset_index(drop=True), sorted(f[~has].name)


def missing_text(missing: list[str]) -> str:
    """"No public figure: Austria, Belgium (2)" or "" when every country has a figure."""
    return f"{fmt.NO_FIGURE.capitalize()}: {', '.join(missing)} ({len(missing)})" if missing else ""


def ranking_figure(ranked: pd.DataFrame, indicator: str, measure: str, *, year: int | None,
                   value_range: tuple[float, float] | None = None,
                   release_date: str = "") -> go.Figure:
    """Horizontal bars, largest at the top, coloured on the map's scale for the same values."""
    twin = _MAP_TWIN.get(measure, indicator) if indicator == "wgs" else indicator
    scaled = ranked.assign(value=ranked.measure_value)
    if measure == "pct_target":  # no map twin: a linear scale of the same colours, 0-100 %
        shown = ranked
        scale = {"z": list(ranked.measure_value.clip(upper=100)), "zmin": 0.0, "zmax": 100.0,
                 "colorscale": _value_scale(scaled, "cohorts", None)["colorscale"]}
    else:
        shown = scaled
        scale = _value_scale(scaled, twin, value_range)
    texts = []
    for _, r in shown.iterrows():
        lines = hover(twin if measure != "pct_target" else indicator, r, year, release_date)
        if not _missing(r.target):
            pct = "" if _missing(r.pct_target) else f" ({r.pct_target:g} % of it)"
            extra = f"<br>National target: {int(r.target):,}{pct}"
            head, sep, tail = lines.partition("<br><i>")
            lines = head + extra + sep + tail
        texts.append(lines)
    fig = go.Figure(go.Bar(
        x=list(ranked.measure_value), y=list(ranked.name), orientation="h",
        customdata=list(ranked.iso3), hovertext=texts,
        hovertemplate="%{hovertext}<extra></extra>",
        marker={"color": scale["z"], "colorscale": scale["colorscale"], "cmin": scale["zmin"],
                "cmax": scale["zmax"], "line": {"width": 0}},
        text=[_bar_label(v, measure) for v in ranked.measure_value], textposition="outside",
        cliponaxis=False))
    fig.update_layout(
        margin={"l": 0, "r": 40, "t": 4, "b": 30}, showlegend=False, dragmode=False,
        bargap=0.25, xaxis={"title": {"text": _axis_title(indicator, measure), "standoff": 4},
                            "fixedrange": True, "showgrid": True, "automargin": True},
        yaxis={"autorange": "reversed", "fixedrange": True, "automargin": True},
        uirevision="overview-ranking")
    return fig


def _axis_title(indicator: str, measure: str) -> str:
    return f"{SHORT_LABELS[indicator]}, {MEASURES[measure].lower()}" if measure != "total" \
        else SHORT_LABELS[indicator]


def _bar_label(v: float, measure: str) -> str:
    if measure == "pct_target":
        return f"{v:g} %"
    return f"{v:,.1f}" if measure == "per_million" else f"{int(v):,}"


def ranking_table(ranked: pd.DataFrame, measure: str, *, year: int | None
                  ) -> tuple[list[dict], list[dict]]:
    """(rowData, columnDefs): one row per bar drawn, in the bars' order."""
    rows = [{
        "rank": i + 1, "country": r["name"], "iso3": r.iso3, "end_of_year": year,
        "value": float(r.measure_value) if measure != "total" else int(r.measure_value),
        "reported": None if _missing(r.raw_value) else int(r.raw_value),
        "target": None if _missing(r.target) else int(r.target),
        "pct_target": None if _missing(r.pct_target) else float(r.pct_target),
        "as_of": None if _missing(r.as_of) else str(r.as_of),
        "sources": joined(r.source_urls) or None,
    } for i, (_, r) in enumerate(ranked.iterrows())]
    cols = columns("rank", "country", "iso3", "end_of_year", "value", "reported", "target",
                   "pct_target", "as_of", "sources",
                   rank={"headerName": "Rank", "maxWidth": 80},
                   country={"pinned": "left", "minWidth": 130},
                   end_of_year={"headerName": "End of year", "hide": year is None},
                   value={"headerName": MEASURES[measure]},
                   reported={"headerName": "Reported", "type": "numericColumn"},
                   target={"headerName": "National target", "type": "numericColumn"},
                   pct_target={"headerName": "% of target", "type": "numericColumn"})
    return rows, cols
