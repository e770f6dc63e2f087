"""Figures of the infrastructures page: the node map and the country × kind coverage matrix.

Pure builders: frames in, ``go.Figure`` out. Points carry their key in ``customdata``: the node
map its ``infra_id``; the matrix ``"iso3|kind"``; the participation bars ``"iso3|source"``
(strings: plotly.js leaves non-scalar heatmap customdata out of click events).
"""
from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from components import labels as L
from components.theme import GEOJSON_URL, PALETTE

from . import matrix

KIND_LABEL = L.INFRA_KIND
#: Okabe–Ito for the eight main kinds; three further dark, distinct colours for the rest (in the
#: order of the vocabulary).
KIND_COLOUR = dict(zip(KIND_LABEL, (PALETTE[0], PALETTE[1], PALETTE[2], PALETTE[3], PALETTE[5],
                                    PALETTE[7], PALETTE[4], PALETTE[6], "#882255", "#332288",
                                    "#8c8c8c")))
STATUS_LABEL = {**L.INFRA_STATUS, "none": "No node in the data"}
STATUS_SYMBOL = dict(zip(L.INFRA_STATUS, ("circle", "circle-open", "diamond-open", "x-thin-open")))
LOCATION_LABEL = L.LOCATION
#: The glyph of each status symbol, for the HTML key (``STATUS_SYMBOL`` draws them on the map).
STATUS_GLYPH = dict(zip(L.INFRA_STATUS, ("●", "○", "◇", "×")))
#: Coverage levels, worst first, with the colour and glyph of a matrix cell.
COVERAGE = (("none", "#f1f3f5", ""), (L.STATUS_UNKNOWN, "#bdbdbd", "?"),
            (L.PLANNED, "#c6dbef", "○"), (L.IN_DEVELOPMENT, "#6baed6", "◐"),
            (L.OPERATIONAL, "#08519c", "●"))
#: The participation bars beside the matrix: column, label, colour, link source.
PARTICIPATION_BARS = (("n_activities", "Funded activities", PALETTE[1], "activities"),
                      ("n_projects", "Research projects", PALETTE[2], "projects"))
MAP_LON, MAP_LAT = (-25.0, 45.0), (30.0, 71.5)


def kind_label(k) -> str:
    return L.label(KIND_LABEL, k)


def _spread(df: pd.DataFrame, radius: float = 0.35) -> pd.DataFrame:
    """Nodes sharing a place are drawn on a small ring around it (hover keeps the true place)."""
    out = df.copy()
    out["plot_lon"], out["plot_lat"] = out.lon.astype(float), out.lat.astype(float)
    for _key, g in out.groupby([out.lat.round(2), out.lon.round(2)], sort=False):
        n = len(g)
        if n < 2:
            continue
        for i, idx in enumerate(g.index):
            a = 2 * math.pi * i / n
            lat = float(out.at[idx, "lat"])
            out.at[idx, "plot_lat"] = lat + radius * math.sin(a)
            out.at[idx, "plot_lon"] = (float(out.at[idx, "lon"])
                                       + radius * math.cos(a) / max(math.cos(math.radians(lat)), 0.2))
    return out


def _hover(r) -> str:
    bits = [f"<b>{r.name}</b>", f"{kind_label(r.kind)} · {STATUS_LABEL.get(r.status, r.status)}"]
    if isinstance(r.parent, str):
        bits.append(f"Part of: {r.parent}")
    place = ", ".join(x for x in (r.city if isinstance(r.city, str) else "", r.country_name) if x)
    bits.append(f"{place}<br>Location: {LOCATION_LABEL.get(r.location_precision, 'not stated')}")
    if len(r.services):
        bits.append("Services: " + ", ".join(r.services))
    if len(r.standards):
        bits.append("Standards: " + ", ".join(r.standards))
    if not pd.isna(r.since_year):
        bits.append(f"Since {int(r.since_year)}")
    return "<br>".join(bits) + "<br><i>Click for sources</i>"


def _outline(iso3s) -> go.Choropleth:
    return go.Choropleth(geojson=GEOJSON_URL, featureidkey="properties.iso3", locations=list(iso3s),
                         z=[0] * len(iso3s), colorscale=[[0, "#eef1f4"], [1, "#eef1f4"]],
                         showscale=False, hoverinfo="skip", marker_line_color="#adb5bd",
                         marker_line_width=0.6, name="countries", showlegend=False)


def in_frame(lat, lon) -> bool:
    """Whether a point falls inside the map frame (points outside are listed, not drawn)."""
    return MAP_LAT[0] <= lat <= MAP_LAT[1] and MAP_LON[0] <= lon <= MAP_LON[1]


def node_map(nodes: pd.DataFrame, outline_iso3, *, selected: str | None = None) -> go.Figure:
    """Nodes with coordinates as points over a grey outline of Europe; colour = kind, symbol = status.

    ``nodes``: rows of ``data.queries.infra.nodes`` (those without lat/lon are skipped).
    """
    fig = go.Figure(_outline(outline_iso3))
    located = _spread(nodes[nodes.lat.notna() & nodes.lon.notna()])
    for kind, g in located.groupby("kind", sort=False):
        fig.add_trace(go.Scattergeo(
            lon=g.plot_lon, lat=g.plot_lat, mode="markers", name=kind_label(kind),
            customdata=list(g.infra_id), text=[_hover(r) for r in g.itertuples()],
            hovertemplate="%{text}<extra></extra>", legendgroup=kind,
            marker={"color": KIND_COLOUR.get(kind, "#8c8c8c"),
                    "symbol": [STATUS_SYMBOL.get(s, "circle") for s in g.status],
                    "size": [15 if i == selected else 10 for i in g.infra_id],
                    "line": {"width": [2.5 if s != "operational" else 0.6 for s in g.status],
                             "color": [KIND_COLOUR.get(kind) if s != "operational" else "#343a40"
                                       for s in g.status]}},
        ))
    if located.empty:
        fig.add_annotation(text="No node with coordinates matches these filters", showarrow=False,
                           x=0.5, y=0.5, xref="paper", yref="paper",
                           font={"size": 14, "color": "#5c636a"}, bgcolor="white")
    fig.update_geos(visible=False, projection_type="mercator", lonaxis_range=list(MAP_LON),
                    lataxis_range=list(MAP_LAT), bgcolor="white", fitbounds=False)
    # The key (kinds and status symbols) is HTML beside the chart (components.infra_controls.map_key):
    # a Plotly legend of eleven kinds covered the map on a phone and was cut off on a desktop.
    fig.update_layout(margin={"l": 0, "r": 0, "t": 0, "b": 0}, clickmode="event", showlegend=False,
                      uirevision="infra-map")
    return fig


def coverage_figure(cov: pd.DataFrame, kinds: list[str], countries: pd.DataFrame,
                    participation: pd.DataFrame | None = None) -> go.Figure:
    """Heatmap of countries (rows, in ``countries`` order) × kinds (columns) coloured by coverage,
    with, when ``participation`` is given (iso3, n_activities, n_projects), bars of how many funded
    activities and research projects each country takes part in, on the same rows."""
    order = list(countries.iso3)
    names = dict(zip(countries.iso3, countries.name))
    level = {name: i for i, (name, _c, _g) in enumerate(COVERAGE)}
    glyph = {name: g for name, _c, g in COVERAGE}
    idx = cov.set_index(["iso3", "kind"])

    def cell(iso, k):
        r = idx.loc[(iso, k)] if (iso, k) in idx.index else None
        lev = r.coverage if r is not None else "none"
        n = int(r.n_nodes) if r is not None else 0
        return (level[lev], glyph[lev], f"{iso}|{k}",
                f"<b>{names[iso]}</b> · {kind_label(k)}<br>{STATUS_LABEL[lev]}"
                + (f" ({n} node{'s' if n != 1 else ''})" if n else "")
                + "<br><i>Click to list the nodes and sources</i>")

    z, text, custom, hover = matrix.cells(order, kinds, cell)
    nlev = len(COVERAGE)
    scale = matrix.step_scale(COVERAGE)
    with_bars = participation is not None
    fig = make_subplots(rows=1, cols=2 if with_bars else 1, shared_yaxes=True,
                        column_widths=[0.74, 0.26] if with_bars else None,
                        horizontal_spacing=0.02,
                        subplot_titles=(["Kinds of node", "Funded (n)"]
                                        if with_bars else None))
    ynames = [names[i] for i in order]
    fig.add_trace(go.Heatmap(
        z=z, x=[kind_label(k) for k in kinds], y=ynames, text=text, texttemplate="%{text}",
        customdata=custom, hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
        colorscale=scale, zmin=0, zmax=nlev, showscale=False, xgap=2, ygap=2, name="coverage"),
        row=1, col=1)
    if with_bars:
        p = participation.set_index("iso3").reindex(order)
        for col, label, colour, src in PARTICIPATION_BARS:
            vals = p[col].fillna(0).astype(int).tolist()
            fig.add_trace(go.Bar(
                x=vals, y=ynames, orientation="h", name=label, marker_color=colour,
                customdata=[f"{i}|{src}" for i in order], text=vals, textposition="outside",
                cliponaxis=False,
                hovertemplate=f"<b>%{{y}}</b><br>{label}: %{{x}} recorded<extra></extra>"),
                row=1, col=2)
        fig.update_xaxes(row=1, col=2, showgrid=True, rangemode="tozero")
    fig.update_yaxes(autorange="reversed", tickfont={"size": 11}, row=1, col=1)
    fig.update_xaxes(side="top", tickangle=-40, tickfont={"size": 11}, row=1, col=1)
    fig.update_layout(
        barmode="group", bargap=0.25,
        plot_bgcolor="white", margin={"l": 150, "r": 24, "t": 120, "b": 16},
        showlegend=False, clickmode="event",  # the key is HTML (infra_controls.coverage_key)
    )
    if with_bars:
        fig.update_layout(xaxis2={"side": "top", "gridcolor": "#e9ecef"})
        fig.layout.annotations[1].update(font={"size": 12})
        fig.layout.annotations[0].update(font={"size": 12}, y=1.0, yshift=95)
        fig.layout.annotations[1].update(y=1.0, yshift=95)
    return fig
