"""Pure figure builders for the cohort explorer: a Europe choropleth of the selection per country and
bars of data-type availability. Frame in, ``go.Figure`` out; every point carries its key
(ISO3 or data-type code) in ``customdata``.
"""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..theme import GEOJSON_URL, NO_DATA_COLOUR, OUTSIDE_COLOUR, PALETTE, SEQUENTIAL

# Start the scale at a clearly blue step so the lowest value never reads as "no data" grey.
_SCALE = [[i / (len(SEQUENTIAL) - 3), c] for i, c in enumerate(SEQUENTIAL[2:])]

#: The map's base layer: the European countries plus neighbours drawn in the atlas GeoJSON.
MAP_METRICS = {"cohorts": "Cohorts", "participants": "Participants (single-country cohorts)"}


def _geo() -> dict:
    return dict(visible=False, projection={"type": "conic equal area", "parallels": [43, 62],
                                           "rotation": {"lon": 12}},
                lataxis={"range": [34, 71.5]}, lonaxis={"range": [-25, 42]}, showframe=False,
                bgcolor="rgba(0,0,0,0)")


def empty_figure(message: str) -> go.Figure:
    """A blank figure that says why it is blank."""
    fig = go.Figure()
    fig.update_layout(xaxis={"visible": False}, yaxis={"visible": False}, height=None,
                      annotations=[{"text": message, "showarrow": False, "font": {"size": 14},
                                    "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5}])
    return fig


def country_map(df: pd.DataFrame, metric: str, base_iso3: list[str], selected=(),
                outside_iso3=()) -> go.Figure:
    """Choropleth of the selection per country.

    ``df`` columns: iso3, name, n_cohorts, n_multi_country, participants_single,
    n_single_without_figure. ``metric``: ``cohorts`` (cohorts naming the country; a multi-country
    cohort counts in each of its countries) or ``participants`` (sum of sourced participants of
    single-country cohorts; overlapping, not a head count). Countries in ``base_iso3`` without a value
    are drawn grey and remain clickable; ``selected`` countries get a dark outline. ``outside_iso3``
    (neighbours no cohort names) are drawn pale, without hover or click.
    """
    selected = set(selected or ())
    col = "n_cohorts" if metric == "cohorts" else "participants_single"
    have = df[df[col].notna() & (df[col] > 0)] if len(df) else df
    rest = [i for i in base_iso3 if i not in set(have.iso3 if len(have) else [])]
    names = dict(zip(df.iso3, df.name)) if len(df) else {}

    def outline(codes):
        return ({"color": ["#000000" if c in selected else "#ffffff" for c in codes],
                 "width": [2.5 if c in selected else 0.5 for c in codes]})

    fig = go.Figure()
    outside = [c for c in outside_iso3 if c not in set(base_iso3)]
    if outside:
        fig.add_trace(go.Choropleth(
            geojson=GEOJSON_URL, featureidkey="properties.iso3", locations=outside, z=[0] * len(outside),
            colorscale=[[0, OUTSIDE_COLOUR], [1, OUTSIDE_COLOUR]], showscale=False, hoverinfo="skip",
            marker={"line": {"color": "#cccccc", "width": 0.4}}, name="no cohorts listed"))
    fig.add_trace(go.Choropleth(
        geojson=GEOJSON_URL, featureidkey="properties.iso3", locations=rest, z=[0] * len(rest),
        customdata=[[c] for c in rest], colorscale=[[0, NO_DATA_COLOUR], [1, NO_DATA_COLOUR]],
        showscale=False, marker={"line": outline(rest)}, name="none in selection",
        hovertemplate=("%{customdata[0]}: no cohort in the selection" if metric == "cohorts" else
                       "%{customdata[0]}: no participant figure from single-country cohorts")
        + "<br>Click to toggle this country<extra></extra>",
    ))
    if len(have):
        hover = [
            (f"<b>{names.get(r.iso3, r.iso3)}</b><br>{int(r.n_cohorts)} cohort(s), "
             f"{int(r.n_multi_country)} of them multi-country")
            + (f"<br>{int(r.participants_single):,} participants in single-country cohorts (overlapping)"
               + (f"; {int(r.n_single_without_figure)} without a figure" if r.n_single_without_figure else "")
               if pd.notna(r.participants_single) else "<br>no participant figure from single-country cohorts")
            for r in have.itertuples()]
        fig.add_trace(go.Choropleth(
            geojson=GEOJSON_URL, featureidkey="properties.iso3", locations=list(have.iso3),
            z=[float(v) for v in have[col]], customdata=[[c] for c in have.iso3], text=hover,
            colorscale=_SCALE,
            zmin=0, marker={"line": outline(list(have.iso3))}, name=MAP_METRICS[metric],
            colorbar={"title": {"text": "cohorts" if metric == "cohorts" else "participants",
                                "side": "top"}, "orientation": "h", "x": 0.5, "xanchor": "center",
                      "y": 0, "yanchor": "top", "thickness": 10, "len": 0.5, "separatethousands": True},
            hovertemplate="%{text}<br>Click to toggle this country<extra></extra>",
        ))
    fig.update_geos(**_geo())
    fig.update_layout(margin={"l": 0, "r": 0, "t": 4, "b": 56}, dragmode=False, showlegend=False,
                      clickmode="event")
    return fig


def data_type_bars(df: pd.DataFrame, n_total: int) -> go.Figure:
    """Horizontal bars: how many cohorts in the selection hold each data type.

    ``df`` columns: data_type (code), label, n_cohorts. ``n_total`` is the selection size (the axis
    maximum), so each bar reads as "n of N cohorts".
    """
    d = df.sort_values(["n_cohorts", "label"], ascending=[True, False])
    fig = go.Figure(go.Bar(
        x=d.n_cohorts, y=d.label, orientation="h", customdata=[[c] for c in d.data_type],
        marker={"color": PALETTE[0]}, text=[f"{n:,}" for n in d.n_cohorts], textposition="outside",
        cliponaxis=False,
        hovertemplate="%{y}: %{x:,} of " + f"{n_total:,}" + " cohorts<extra></extra>",
    ))
    # The labels size the left margin (automargin), so a phone keeps the bars' room; the axis title
    # stays short enough for a 300 px wide plot.
    fig.update_layout(margin={"l": 8, "r": 40, "t": 8, "b": 40},
                      xaxis={"title": {"text": f"cohorts, of {n_total:,}"},
                             "range": [0, max(n_total, 1) * 1.1], "rangemode": "tozero"},
                      yaxis={"automargin": True}, bargap=0.25, dragmode=False)
    return fig
