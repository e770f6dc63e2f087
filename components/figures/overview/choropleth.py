"""The Overview map: the three choropleth traces of one indicator (context outline, no public
figure, values), the geo figure drawing them, and the table of exactly what the map draws.

Every point carries its key (ISO3) in ``customdata``. Missing figures are drawn apart (grey,
"no public figure"), never as 0.
"""
from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from components import fmt
from components.theme import GEOJSON_URL, NO_DATA_COLOUR, OUTSIDE_COLOUR, SEQUENTIAL

from ._common import _missing, columns, compact, joined
from .map_text import CATEGORY_INDICATORS, INDICATOR_LABELS, SHORT_LABELS, categories, category_key, hover, value_text

LOG_SCALE = frozenset({"wgs", "wgs_per_million", "genotyped", "goe"})
MAP_TRACES = ("context", "no_figure", "values")  # fixed order: a Patch addresses them by index
#: The map's frame (lon, lat): the atlas's countries in Europe and around the Mediterranean, from
#: Iceland to Turkey and Israel; overseas parts (Azores, Canaries, Svalbard) fall outside it.
#: The first paint's SVG (components/first_paint_map.py) crops to the same box.
MAP_LON = (-24.5, 45.0)
MAP_LAT = (29.5, 71.2)
PATCH_KEYS = ("locations", "z", "customdata", "hovertext", "colorscale", "zmin", "zmax",
              "showscale", "colorbar")


def _log_ticks(lo: float, hi: float) -> tuple[list[float], list[str]]:
    vals, text = [], []
    steps = (1, 3) if hi - lo < 2.5 else (1,)  # few labels: the bar is narrow on phones
    for p in range(math.floor(lo), math.ceil(hi) + 1):
        for m in steps:
            v = m * 10 ** p
            if lo - 1e-9 <= math.log10(v) <= hi + 1e-9:
                vals.append(math.log10(v))
                text.append(compact(v))
    return vals, text


def _colourbar(title: str, **kw) -> dict:
    return {"title": {"text": title, "side": "top"}, "orientation": "h", "x": 0.5,
            "xanchor": "center", "y": -0.01, "yanchor": "top", "thickness": 12, "len": 0.7, **kw}


def map_traces(frame: pd.DataFrame, indicator: str, *, year: int | None, context: list[str],
               value_range: tuple[float, float] | None = None,
               release_date: str = "") -> list[dict]:
    """The three choropleth traces (context outline, no public figure, values) as plain dicts.

    ``frame``: rows of ``map_indicator`` (only ``on_map`` rows are drawn); ``context``: ISO3 codes
    of the geometry's other countries (drawn pale, no hover); ``value_range``: (min, max) fixing
    the colour scale across years.
    """
    f = frame[frame.on_map.astype(bool)].reset_index(drop=True)
    f = f.assign(_hover=[hover(indicator, r, year, release_date) for _, r in f.iterrows()])
    base = {"type": "choropleth", "geojson": GEOJSON_URL, "featureidkey": "properties.iso3",
            "marker": {"line": {"color": "white", "width": 0.6}}}
    ctx = {**base, "name": "other countries", "locations": list(context), "z": [0] * len(context),
           "colorscale": [[0, OUTSIDE_COLOUR], [1, OUTSIDE_COLOUR]], "showscale": False,
           "hoverinfo": "skip", "customdata": [None] * len(context)}
    if indicator in CATEGORY_INDICATORS:
        none, vals = f.iloc[0:0], f
    else:
        none, vals = f[f.value.isna()], f[f.value.notna()]
    nofig = {**base, "name": fmt.NO_FIGURE, "locations": list(none.iso3), "z": [0] * len(none),
             "colorscale": [[0, NO_DATA_COLOUR], [1, NO_DATA_COLOUR]], "showscale": False,
             "customdata": list(none.iso3), "hovertext": list(none._hover),
             "hovertemplate": "%{hovertext}<extra></extra>"}
    val = {**base, "name": INDICATOR_LABELS[indicator], "locations": list(vals.iso3),
           "customdata": list(vals.iso3), "hovertext": list(vals._hover),
           "hovertemplate": "%{hovertext}<extra></extra>"}
    if indicator in CATEGORY_INDICATORS:
        val.update(_category_scale(frame, vals, indicator))
    else:
        val.update(_value_scale(vals, indicator, value_range))
    return [ctx, nofig, val]


def _category_scale(frame: pd.DataFrame, vals: pd.DataFrame, indicator: str) -> dict:
    """z and a stepped colour scale: one band per status category (stable across years)."""
    cats = categories(indicator, frame)
    code = {k: i for i, (k, _, _) in enumerate(cats)}
    n = len(cats)
    scale = []
    for i, (_, _, c) in enumerate(cats):
        scale += [[i / n, c], [(i + 1) / n, c]]
    return {"z": [code[category_key(indicator, r)] for r in vals.itertuples()],
            "colorscale": scale, "zmin": -0.5, "zmax": n - 0.5, "showscale": False,
            "colorbar": _colourbar("")}


def _value_scale(vals: pd.DataFrame, indicator: str,
                 value_range: tuple[float, float] | None) -> dict:
    """z, a sequential colour scale and its colour bar (log scale for the large counts)."""
    v = vals.value.astype(float)
    lo, hi = value_range or ((float(v[v > 0].min()), float(v.max())) if (v > 0).any()
                             else (1.0, 10.0))
    title = SHORT_LABELS[indicator]
    if indicator in LOG_SCALE:
        zlo, zhi = math.log10(max(lo, 1e-9)), math.log10(max(hi, lo * 10 if hi <= lo else hi))
        tv, tt = _log_ticks(zlo, zhi)
        z = [math.log10(x) if x > 0 else zlo for x in v]
        bar = _colourbar(title + " (log scale)", tickvals=tv, ticktext=tt)
    else:
        zlo, zhi = 0.0, max(hi, 1.0)
        z = list(v)
        bar = _colourbar(title)
    return {"colorbar": bar, "z": z, "zmin": zlo, "zmax": zhi, "showscale": True,
            "colorscale": [[i / (len(SEQUENTIAL) - 2), c] for i, c in enumerate(SEQUENTIAL[1:])]}


def map_figure(traces: list[dict]) -> go.Figure:
    """A geo figure from :func:`map_traces` (geometry by URL), cropped to ``MAP_LON`` ×
    ``MAP_LAT`` (the countries drawn, without overseas parts); its height follows the graph's
    container and the colour bar lies inside it, below the map."""
    fig = go.Figure(data=traces)
    lon0, lat0 = sum(MAP_LON) / 2, sum(MAP_LAT) / 2
    fig.update_layout(
        margin={"l": 0, "r": 0, "t": 0, "b": 50}, dragmode=False,
        geo={"fitbounds": False, "visible": False, "showframe": False,
             "projection": {"type": "azimuthal equal area", "rotation": {"lon": lon0, "lat": lat0}},
             "center": {"lon": lon0, "lat": lat0},
             "lonaxis": {"range": list(MAP_LON)}, "lataxis": {"range": list(MAP_LAT)},
             "bgcolor": "rgba(0,0,0,0)"},
        showlegend=False, uirevision="overview-map",
    )
    return fig


#: The map indicators whose figure is compared with the country's national genome target.
TARGETED = ("wgs", "wgs_per_million")


def map_table(frame: pd.DataFrame, indicator: str, *, year: int | None,
              time_aware: bool, release_date: str = "",
              targets: dict[str, int] | None = None) -> tuple[list[dict], list[dict]]:
    """(rowData, columnDefs): one row per country drawn on the map: value, as-of, sources; for
    the WGS indicators also the national target (``ranking.national_targets``) and the reported
    figure as % of it."""
    f = frame[frame.on_map.astype(bool)]
    with_target = indicator in TARGETED and targets is not None
    rows = []
    for _, r in f.iterrows():
        numeric = indicator not in CATEGORY_INDICATORS and not _missing(r.value)
        tgt = (targets or {}).get(r.iso3) if with_target else None
        pct = (round(float(r.raw_value) / tgt * 100, 1)
               if tgt and not _missing(r.raw_value) else None)
        rows.append({
            "country": r["name"], "iso3": r.iso3, "end_of_year": year if time_aware else None,
            "value": (float(r.value) if indicator == "wgs_per_million" else int(r.value))
            if numeric else None,
            "shown_as": value_text(indicator, r, year),
            "as_of": (f"data release {release_date}" if indicator in ("cohorts", "infra")
                      else (None if _missing(r.as_of) else str(r.as_of))),
            "basis": None if _missing(r.basis) else r.basis,
            "programmes": joined(r.programmes) or None,
            "confidence": None if _missing(r.confidence) else r.confidence,
            "sources": joined(r.source_urls) or None,
            **({"target": tgt, "pct_target": pct} if with_target else {}),
        })
    cols = columns("country", "iso3", "end_of_year", "value", "shown_as",
                   *(("target", "pct_target") if with_target else ()), "as_of", "basis",
                   "programmes", "confidence", "sources",
                   country={"pinned": "left", "minWidth": 130},
                   end_of_year={"headerName": "End of year", "hide": not time_aware},
                   shown_as={"minWidth": 220},
                   target={"headerName": "National target", "type": "numericColumn"},
                   pct_target={"headerName": "% of target", "type": "numericColumn"})
    return rows, cols

