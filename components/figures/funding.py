"""Figures of the funding page. Pure builders: frames in, ``go.Figure`` out.

Keys in ``customdata``: activity_id (timeline), group (budget bars), ISO3 (map, scatter),
``"iso3|item_id"`` (matrix), call_id (call charts). A missing value is never drawn as a zero bar:
it gets a "no public figure" label in its place.
"""
from __future__ import annotations

import math
import textwrap

import pandas as pd
import plotly.graph_objects as go

from components import labels as L
from components.fmt import NO_FIGURE, partial_date
from components.theme import GEOJSON_URL, PALETTE, SEQUENTIAL

from . import matrix

KIND_LABEL = L.ACTIVITY_KIND
#: Colour of each activity kind (in the order of the vocabulary).
KIND_COLOUR = dict(zip(KIND_LABEL, (PALETTE[1], PALETTE[3], PALETTE[0], PALETTE[2], PALETTE[5])))
MISSING_GREY = "#6c757d"


def euro(v) -> str:
    """'€375.0M', '€950k', or NO_FIGURE."""
    if v is None or pd.isna(v):
        return NO_FIGURE
    v = float(v)
    if abs(v) >= 1e6:
        return f"€{v / 1e6:,.1f}M"
    if abs(v) >= 1e3:
        return f"€{v / 1e3:,.0f}k"
    return f"€{v:,.0f}"


def topic_label(t: str) -> str:
    return L.label(L.PROJECT_TOPIC, t)


def short(s: str, n: int = 38) -> str:
    s = str(s)
    return s if len(s) <= n else s[: n - 1] + "…"


def wrap(s: str, width: int = 18, *, lines: int | None = None) -> str:
    """``s`` wrapped at ``width`` characters (plotly line breaks); with ``lines``, at most that many,
    the last one shortened with "…" when the text goes on."""
    got = textwrap.wrap(str(s), width) or [str(s)]
    if lines and len(got) > lines:
        got = got[: lines - 1] + [short(" ".join(got[lines - 1:]), width)]
    return "<br>".join(got)


def timeline_figure(rows: pd.DataFrame, today) -> go.Figure:
    """Gantt-style bars from start to end, grouped by programme (a bold header row per programme),
    coloured by kind.

    ``rows``: ``data.queries.funding.timeline_rows`` output; only ``drawable`` rows are drawn.
    Open-ended rows (no end date stated) are hatched and drawn up to ``today``.
    """
    d = rows[rows.drawable].sort_values(["programme_label", "bar_start", "label"]).copy()
    seen: dict[str, int] = {}
    ylab, order = [], []
    for prog, g in d.groupby("programme_label", sort=False):
        order.append(f"<b>{short(prog, 20)}</b>")
        for lbl in g.label:
            base = short(lbl, 18)
            seen[base] = seen.get(base, 0) + 1
            y = base + "\u200b" * (seen[base] - 1)  # keep repeated labels on their own rows
            ylab.append(y)
            order.append(y)
    d["y"] = ylab
    fig = go.Figure()
    headers = [o for o in order if o.startswith("<b>")]
    if len(d):
        fig.add_trace(go.Scatter(x=[d.bar_start.min().strftime("%Y-%m-%d")] * len(headers),
                                 y=headers, mode="markers", marker={"opacity": 0},
                                 hoverinfo="skip", showlegend=False))
    for kind, g in d.groupby("kind", sort=False):
        g = g.sort_values("open_ended", kind="stable")  # the legend swatch follows the first bar
        dur = [(e - s).total_seconds() * 1000 + 86_400_000 for s, e in zip(g.bar_start, g.bar_end)]
        hover = [f"<b>{r.name}</b><br>{KIND_LABEL.get(r.kind, r.kind)} · {r.programme_label}"
                 f"<br>Start: {partial_date(r.start_date)}<br>End: "
                 + (partial_date(r.end_date) if not r.open_ended else
                    "not stated (bar drawn up to today)") + "<br><i>Click for sources</i>"
                 for r in g.itertuples()]
        fig.add_trace(go.Bar(
            orientation="h", base=[s.strftime("%Y-%m-%d") for s in g.bar_start], x=dur, y=list(g.y),
            name=KIND_LABEL.get(kind, kind), customdata=list(g.activity_id), hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
            marker={"color": KIND_COLOUR.get(kind, "#8c8c8c"),
                    "pattern": {"shape": ["/" if o else "" for o in g.open_ended],
                                "fillmode": "overlay", "fgcolor": "white", "size": 7,
                                "solidity": 0.3}},
        ))
    if d.empty:
        fig.add_annotation(text="No activity with a start date matches these filters",
                           showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper",
                           font={"size": 14, "color": MISSING_GREY})
    t = pd.Timestamp(today).strftime("%Y-%m-%d")
    fig.add_shape(type="line", x0=t, x1=t, y0=0, y1=1, yref="paper",
                  line={"color": "#D55E00", "width": 2, "dash": "dot"})
    fig.add_annotation(x=t, y=0, yref="paper", yanchor="top", xanchor="center", showarrow=False,
                       text=f"Today, {pd.Timestamp(today).strftime('%-d %b %Y')}",
                       font={"color": "#A84300", "size": 12}, bgcolor="white")
    fig.update_yaxes(autorange="reversed", tickfont={"size": 11}, categoryorder="array",
                     categoryarray=order, automargin=True)
    fig.update_xaxes(type="date", side="top", gridcolor="#e9ecef", range=timeline_range(d, today))
    fig.update_layout(barmode="overlay", bargap=0.3, margin={"l": 8, "r": 16, "t": 40, "b": 30},
                      legend={"orientation": "h", "y": -0.03, "yanchor": "top", "x": 0},
                      clickmode="event")
    return fig


def timeline_range(drawn: pd.DataFrame, today) -> list[str] | None:
    """The x range of the timeline: from the first start to the last end (or today, if later), with
    a margin of a few months, so the axis spans the data (not plotly's rounded-out years)."""
    if drawn.empty:
        return None
    lo = min(drawn.bar_start.min(), pd.Timestamp(today))
    hi = max(drawn.bar_end.max(), pd.Timestamp(today))
    pad = max((hi - lo) * 0.02, pd.Timedelta(days=60))
    return [(lo - pad).strftime("%Y-%m-%d"), (hi + pad).strftime("%Y-%m-%d")]


def budget_figure(groups: pd.DataFrame, label_of=str) -> go.Figure:
    """Horizontal bars of the sourced budget per group with "n of N with a published budget";
    groups with no published budget get a text label instead of a bar."""
    g = groups.iloc[::-1]
    if g.empty:
        fig = go.Figure()
        fig.add_annotation(text="No activity matches these filters", showarrow=False, x=0.5, y=0.5,
                           xref="paper", yref="paper", font={"size": 14, "color": MISSING_GREY})
        fig.update_xaxes(visible=False)
        fig.update_yaxes(visible=False)
        return fig
    has = g.amount_eur.notna()
    text = [f"{euro(a)} ({w} of {n})" if h else ""
            for a, w, n, h in zip(g.amount_eur, g.n_with_budget, g.n_total, has)]
    ylab = [wrap(label_of(x), 18, lines=2) for x in g.grp]  # two lines fit a 40 px row
    hover = [f"<b>{label_of(x)}</b><br>" + (f"{euro(a)}: {w} of {n} activities with a published "
                                             "budget" if h else f"no published budget (0 of {n})")
             for x, a, w, n, h in zip(g.grp, g.amount_eur, g.n_with_budget, g.n_total, has)]
    fig = go.Figure(go.Bar(
        orientation="h", x=[a if h else None for a, h in zip(g.amount_eur, has)], y=ylab,
        text=text, textposition="auto", insidetextanchor="end", cliponaxis=False,
        marker_color=PALETTE[0], customdata=list(g.grp), name="sourced budget", hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>"))
    for y, _w, n, h in zip(ylab, g.n_with_budget, g.n_total, has):
        if not h:
            fig.add_annotation(x=0, y=y, xanchor="left", showarrow=False,
                               text=f"no published budget (0 of {n})",
                               font={"color": MISSING_GREY, "size": 11})
    top = float(g.amount_eur.max()) if has.any() else 1.0
    fig.update_xaxes(title_text="€, sum of published figures", range=[0, top * 1.6],
                     tickprefix="€", tickformat="~s")
    fig.update_yaxes(automargin=True)
    fig.update_layout(margin={"l": 8, "r": 16, "t": 16, "b": 48}, showlegend=False,
                      clickmode="event")
    return fig


def participation_map(counts: pd.DataFrame, outline_iso3, *, what: str,
                      selected: str | None = None) -> go.Figure:
    """Choropleth of how many items each country takes part in (0 = none recorded), over a grey
    outline of Europe. ``counts``: iso3, country_name, n."""
    fig = go.Figure(go.Choropleth(
        geojson=GEOJSON_URL, featureidkey="properties.iso3", locations=list(outline_iso3),
        z=[0] * len(outline_iso3), colorscale=[[0, "#eef1f4"], [1, "#eef1f4"]], showscale=False,
        hoverinfo="skip", marker_line_color="#adb5bd", marker_line_width=0.5))
    c = counts[counts.iso3.isin(set(outline_iso3))]
    scale = [[i / (len(SEQUENTIAL) - 1), col] for i, col in enumerate(SEQUENTIAL)]
    fig.add_trace(go.Choropleth(
        geojson=GEOJSON_URL, featureidkey="properties.iso3", locations=list(c.iso3), z=list(c.n),
        customdata=list(c.iso3), colorscale=scale, zmin=0,
        marker_line_color=["#D55E00" if i == selected else ("#6c757d" if n == 0 else "white")
                           for i, n in zip(c.iso3, c.n)],
        marker_line_width=[3 if i == selected else (1.2 if n == 0 else 0.6)
                           for i, n in zip(c.iso3, c.n)],
        text=[f"<b>{nm}</b><br>{n} {what} recorded" for nm, n in zip(c.country_name, c.n)],
        hovertemplate="%{text}<br><i>Click to list them with sources</i><extra></extra>",
        colorbar={"title": {"text": "number"}, "thickness": 12, "len": 0.6}))
    fig.update_geos(visible=False, fitbounds=False, projection_type="mercator",
                    lonaxis_range=[-25, 45], lataxis_range=[33, 71.5])
    fig.update_layout(margin={"l": 0, "r": 0, "t": 0, "b": 0}, clickmode="event",
                      uirevision="funding-map")
    return fig


MATRIX_LEVELS = (("none", "#f1f3f5", ""), ("participant", "#6baed6", "P"),
                 ("coordinator", "#08519c", "C"))


def participation_matrix(links: pd.DataFrame, countries: pd.DataFrame, items: pd.DataFrame) -> go.Figure:
    """Heatmap of countries × items: coordinator (C), participant (P) or none recorded.
    ``links``: iso3, item_id, role; ``countries``: iso3, country_name (row order);
    ``items``: item_id, item_label (column order)."""
    role = {(r.iso3, r.item_id): r.role for r in links.itertuples()}
    lev = {n: i for i, (n, _c, _g) in enumerate(MATRIX_LEVELS)}
    glyph = {n: g for n, _c, g in MATRIX_LEVELS}

    def cell(c, it):
        r = role.get((c.iso3, it.item_id), "none")
        return (lev[r], glyph[r], f"{c.iso3}|{it.item_id}",
                f"<b>{c.country_name}</b> · {it.item_label}<br>"
                + ({"none": "not recorded as taking part"}.get(r, r)))

    z, text, custom, hover = matrix.cells(countries.itertuples(), items.itertuples(), cell)
    n = len(MATRIX_LEVELS)
    scale = matrix.step_scale(MATRIX_LEVELS)
    fig = go.Figure(go.Heatmap(
        z=z, x=[short(x, 24) for x in items.item_label], y=list(countries.country_name), text=text,
        texttemplate="%{text}", customdata=custom, hovertext=hover,
        hovertemplate="%{hovertext}<br><i>Click for sources</i><extra></extra>", colorscale=scale,
        zmin=0, zmax=n, showscale=False, xgap=2, ygap=2))
    for name, colour, g in reversed(MATRIX_LEVELS):
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", hoverinfo="skip",
                                 name=f"{g} {name if name != 'none' else 'not recorded'}".strip(),
                                 marker={"symbol": "square", "size": 12, "color": colour,
                                         "line": {"width": 1, "color": "#6c757d"}}))
    fig.update_yaxes(autorange="reversed", tickfont={"size": 11})
    fig.update_xaxes(side="top", tickangle=-45, tickfont={"size": 10})
    fig.update_layout(margin={"l": 150, "r": 16, "t": 140, "b": 30}, plot_bgcolor="white",
                      legend={"orientation": "h", "y": -0.01, "yanchor": "top"}, clickmode="event")
    return fig


def grouped_bars_with_gaps(cats: list[str], keys: list[str], series: list[tuple[str, list, str]],
                           *, money: bool) -> go.Figure:
    """Horizontal grouped bars, one row of bars per category (so long category names and value
    labels never run together on a narrow screen); a missing value gets "no public figure" written
    in its slot (a text-only scatter in the same offset group), never a zero bar.
    ``series``: (name, values, colour)."""
    fig = go.Figure()
    top = 0.0
    for i, (name, vals, colour) in enumerate(series):
        present = [v is not None and not pd.isna(v) for v in vals]
        top = max([top, *(float(v) for v, p in zip(vals, present) if p)])
        fig.add_trace(go.Bar(
            orientation="h", y=cats, x=[v if p else None for v, p in zip(vals, present)], name=name,
            marker_color=colour, offsetgroup=str(i), customdata=keys,
            text=[(euro(v) if money else f"{int(v):,}") if p else "" for v, p in zip(vals, present)],
            textposition="outside", cliponaxis=False, constraintext="none", textfont={"size": 10},
            hovertemplate=f"<b>%{{y}}</b><br>{name}: %{{text}}<extra></extra>"))
        miss = [c for c, p in zip(cats, present) if not p]
        if miss:
            fig.add_trace(go.Scatter(
                y=miss, x=[0] * len(miss), orientation="h", mode="text", text=[NO_FIGURE] * len(miss),
                textposition="middle right", textfont={"color": MISSING_GREY, "size": 9},
                offsetgroup=str(i), showlegend=False, name=f"{name}: {NO_FIGURE}",
                hovertemplate=f"<b>%{{y}}</b><br>{name}: {NO_FIGURE}<extra></extra>"))
    fig.update_yaxes(autorange="reversed", tickfont={"size": 11}, automargin=True)
    # the axis spans the data, with room for the value written after the longest bar
    fig.update_xaxes(side="top", range=[0, (top or 1.0) * 1.3], gridcolor="#e9ecef")
    fig.update_layout(barmode="group", scattermode="group", bargap=0.2,
                      legend={"orientation": "h", "y": -0.02, "yanchor": "top", "x": 0},
                      margin={"l": 8, "r": 16, "t": 28, "b": 16}, clickmode="event")
    if money:
        fig.update_xaxes(tickprefix="€", tickformat="~s")
    return fig


def outputs_scatter(df: pd.DataFrame, x: str, y: str, x_label: str, y_label: str,
                    *, log_y: bool) -> go.Figure:
    """One point per country with both values: participation (x) against an output (y)."""
    d = df[df[x].notna() & df[y].notna()]
    if log_y:
        d = d[d[y] > 0]
    # countries at the same point share one label (and one hover listing them all)
    together: dict[tuple, list[str]] = {}
    for iso, a, b in zip(d.iso3, d[x], d[y]):
        together.setdefault((a, b), []).append(iso)
    text, hover, first = [], [], set()
    names = dict(zip(d.iso3, d.name))
    for _iso, a, b in zip(d.iso3, d[x], d[y]):
        isos = together[(a, b)]
        text.append(", ".join(isos) if (a, b) not in first else "")
        first.add((a, b))
        hover.append("<b>" + ", ".join(names[i] for i in isos) + f"</b><br>{x_label}: {int(a)}"
                     f"<br>{y_label}: {int(b):,}")
    top = float(d[x].max()) if len(d) else 1.0
    xr = (-0.6, top * 1.05 + 0.6)
    text, where = place_labels(list(d[x]), list(d[y]), text, xr, log_y=log_y)
    fig = go.Figure(go.Scatter(
        x=d[x], y=d[y], mode="markers+text", text=text, textposition=where,
        textfont={"size": 10}, customdata=list(d.iso3), cliponaxis=False,
        marker={"size": 10, "color": PALETTE[0], "line": {"width": 0.6, "color": "white"}},
        hovertext=hover, hovertemplate="%{hovertext}<extra></extra>"))
    fig.update_xaxes(title_text=x_label, range=list(xr))
    fig.update_yaxes(title_text=y_label + (" (log scale)" if log_y else ""),
                     type="log" if log_y else "linear")
    fig.update_layout(margin={"l": 72, "r": 16, "t": 16, "b": 56}, showlegend=False,
                      clickmode="event")
    return fig


#: The smallest plot area the scatter is drawn in (a phone), for placing its labels.
LABEL_BOX_PX = (230, 330)
_POSITIONS = ("top center", "bottom center", "middle right", "middle left")


def place_labels(xs: list, ys: list, texts: list[str], x_range, *, log_y: bool,
                 px: tuple[int, int] = LABEL_BOX_PX) -> tuple[list[str], list[str]]:
    """Point labels that do not run into each other: each label takes the first of above, below,
    right, left of its point where it overlaps no label placed before it and no other point (on a
    plot area of ``px`` pixels, the smallest it is drawn in); a label with no free place is left out
    (the hover and the table still name the point). Returns (texts, textpositions)."""
    w_px, h_px = px
    if not xs:
        return [], []
    ty = [math.log10(v) if log_y else float(v) for v in ys]
    lo, hi = min(ty), max(ty)
    pad = (hi - lo) * 0.08 or 1.0
    ylo, yhi = lo - pad, hi + pad

    def to_px(a, b):
        return ((a - x_range[0]) / (x_range[1] - x_range[0]) * w_px,
                (b - ylo) / (yhi - ylo) * h_px)

    pts = [to_px(a, b) for a, b in zip(xs, ty)]
    taken = [(px_ - 6, py - 6, px_ + 6, py + 6) for px_, py in pts]  # the markers
    out_t, out_p = [], []
    for (cx, cy), t in zip(pts, texts):
        if not t:
            out_t.append("")
            out_p.append("top center")
            continue
        w, h = len(t) * 6.2 + 4, 13
        boxes = {"top center": (cx - w / 2, cy + 7, cx + w / 2, cy + 7 + h),
                 "bottom center": (cx - w / 2, cy - 7 - h, cx + w / 2, cy - 7),
                 "middle right": (cx + 7, cy - h / 2, cx + 7 + w, cy + h / 2),
                 "middle left": (cx - 7 - w, cy - h / 2, cx - 7, cy + h / 2)}
        own = (cx - 6, cy - 6, cx + 6, cy + 6)
        for pos in _POSITIONS:
            b = boxes[pos]
            if b[0] < -4 or b[2] > w_px + 4:
                continue
            if not any(o != own and b[0] < o[2] and o[0] < b[2] and b[1] < o[3] and o[1] < b[3]
                       for o in taken):
                taken.append(b)
                out_t.append(t)
                out_p.append(pos)
                break
        else:
            out_t.append("")
            out_p.append("top center")
    return out_t, out_p
