"""Figures of the country profile: genome figures over time, and the infrastructure-node map.

Pure builders: frames in, ``go.Figure`` out. Every point carries its key in ``customdata``
(``[iso3, figure_id]`` for figures, ``[iso3, "infra_id;infra_id"]`` for map points).
"""
from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import plotly.graph_objects as go

from .. import labels as L
from ..cells import is_missing, joined
from ..fmt import age_text, domain, number, partial_date
from ..labels import BASIS as BASIS_LABEL
from ..labels import METRIC as METRIC_LABEL
from ..labels import METRIC_SHORT
from ..theme import GEOJSON_URL, OUTSIDE_COLOUR, PALETTE

#: Marker of each achieved metric and line dash of each basis (in vocabulary order).
METRIC_SYMBOL = dict(zip(METRIC_LABEL, ("circle", "square", "diamond", "star")))
BASIS_DASH = dict(zip(BASIS_LABEL, ("solid", "dot", "dash", "dashdot")))
COMPARE_COLOUR = "#6c757d"


def short_name(name: str) -> str:
    """'Danish National Genome Center (DNGC …)' -> 'Danish National Genome Center'."""
    for sep in (" (", " - ", ": "):
        if sep in name and name.index(sep) > 3:
            name = name[: name.index(sep)]
    return name if len(name) <= 40 else name[:39] + "…"


def _hover(name, metric, value, basis, as_of, urls, conf, extra="") -> str:
    src = ", ".join(domain(u) for u in list(urls)[:3]) or "—"
    return (f"<b>{name}</b><br>{METRIC_LABEL.get(metric, metric)}: {number(value)}"
            f"<br>{BASIS_LABEL.get(basis, basis)} · as of {partial_date(as_of)}"
            f"<br>source: {src}<br>confidence: {conf}{extra}")


def _empty(message: str) -> go.Figure:
    fig = go.Figure()
    fig.update_layout(xaxis={"visible": False}, yaxis={"visible": False}, margin={"t": 16},
                      annotations=[{"text": message, "showarrow": False, "xref": "paper",
                                    "yref": "paper", "x": 0.5, "y": 0.5, "font": {"size": 15}}])
    return fig


def compare_metrics(figures: pd.DataFrame) -> list[str]:
    """Metrics a comparison overlays: those the country reports itself, and always WGS (a
    comparison never adds a scale the country's own figures do not use, except the headline)."""
    own = [] if figures is None or not len(figures) else list(
        figures[figures.metric != "target"].metric.unique())
    return sorted({L.WGS_SEQUENCED, *own})


def _totals(fig: go.Figure, totals: pd.DataFrame, label: str, colour: str, key: str, x_end,
            width: float, opacity: float) -> None:
    """Carried-forward totals as step lines, held to the right edge (a total stands until the
    next figure changes it)."""
    for metric, g in totals.groupby("metric", sort=True):
        n = g["n_countries"] if "n_countries" in g else [None] * len(g)
        conf = g["confidence"] if "confidence" in g else ["lowest of the figures used"] * len(g)
        hover = [_hover(label, metric, v, "cumulative", str(d)[:10], u, c,
                        f"<br>median of {k} signatories with a figure" if k else
                        "<br>carried-forward total")
                 for v, d, u, c, k in zip(g.value, g.date, g.source_urls, conf, n)]
        x, y = list(g.date), list(g.value)
        if pd.Timestamp(x[-1]) < x_end:
            x.append(x_end)
            y.append(y[-1])
            hover.append(hover[-1] + " (latest, carried forward)")
        fig.add_trace(go.Scatter(
            x=x, y=y, name=f"{label} · {METRIC_SHORT[metric]} (total)", mode="lines+markers",
            line={"color": colour, "width": width, "shape": "hv"},
            marker={"symbol": METRIC_SYMBOL[metric], "size": [7] * len(g) + [0] * (len(x) - len(g)),
                    "color": colour},
            opacity=opacity, customdata=[[key, metric]] * len(x), text=hover,
            hovertemplate="%{text}<extra></extra>"))


def genome_figure(iso3: str, name: str, figures: pd.DataFrame, compare: pd.DataFrame | None = None,
                  compare_label: str = "", log: bool = False,
                  own_total: pd.DataFrame | None = None,
                  compare_figures: pd.DataFrame | None = None) -> go.Figure:
    """Figures of one country over time, one trace per programme × metric × basis.

    ``figures``: rows of ``country_genome_counts`` (targets included: drawn as horizontal lines from
    their as-of date to the right edge). ``compare``: carried-forward totals to overlay, columns
    ``metric``, ``date``, ``value``, ``source_urls`` and optionally ``n_countries``,
    ``confidence``. ``own_total``: the country's own carried-forward totals (``progress`` rows),
    drawn for a metric only where two or more programmes add up. ``compare_figures``: the
    compared country's own figures, so its totals are drawn at their periods' starts too.
    A figure is drawn at the start of its period (``as_of_first``: "2024" on the 2024 tick).
    """
    compare_starts = period_starts(compare_figures)
    figures = figures if figures is not None else pd.DataFrame()
    if compare is not None and len(compare):
        compare = compare[compare.metric.isin(compare_metrics(figures))]
    compare = compare if compare is not None and len(compare) else None
    if not len(figures) and compare is None:
        return _empty(f"No public figure for {name}")
    starts = period_starts(figures)
    dates = [pd.Timestamp(d) for d in figures.get("as_of_first", figures.get("as_of_last", []))]
    if compare is not None:
        dates += [drawn_date(d, compare_starts) for d in compare.date]
    x_end = max(dates) if dates else pd.Timestamp(dt.date.today())
    if dates and x_end == min(dates):
        x_end = x_end + pd.Timedelta(days=365)
    fig = go.Figure()
    progs = list(dict.fromkeys(figures.get("programme", [])))
    colour = {p: PALETTE[i % (len(PALETTE) - 1)] for i, p in enumerate(progs)}
    achieved = figures[figures.metric != "target"] if len(figures) else figures
    for (prog, metric, basis), g in achieved.groupby(["programme", "metric", "count_basis"], sort=False):
        pname = short_name(g.programme_name.iloc[0])
        label = f"{pname} · {METRIC_SHORT[metric]}" + ("" if basis == "cumulative" else f" ({basis})")
        fig.add_trace(go.Scatter(
            x=_x(g), y=g.value, name=label, mode="lines+markers",
            line={"color": colour[prog], "dash": BASIS_DASH[basis], "width": 2},
            marker={"symbol": METRIC_SYMBOL[metric] + ("" if basis == "cumulative" else "-open"),
                    "size": 10, "color": colour[prog], "line": {"width": 2, "color": colour[prog]}},
            customdata=[[iso3, f] for f in g.figure_id],
            text=[_hover(pname, metric, r.value, basis, r.as_of_date, r.source_urls, r.confidence)
                  for r in g.itertuples()],
            hovertemplate="%{text}<extra></extra>"))
    targets = figures[figures.metric == "target"] if len(figures) else figures
    # One line per programme, basis and value: a target restated later with the same value is
    # the same line (its hover names every source); a changed target is a new line.
    for (prog, basis, value), g in targets.groupby(["programme", "count_basis", "value"], sort=False):
        g = g.sort_values(["as_of_last", "as_of_first"] if "as_of_first" in g else "as_of_last")
        first = g.iloc[0]
        pname = short_name(first.programme_name)
        urls = list(dict.fromkeys(u for lst in g.source_urls for u in lst))
        restated = ("" if len(g) == 1 else "<br>restated: " + ", ".join(
            partial_date(d) for d in g.as_of_date.iloc[1:]))
        hover = _hover(f"Target · {pname}", "target", value, basis, first.as_of_date, urls,
                       first.confidence, restated)
        per = "" if basis == "cumulative" else f" per year ({basis})"
        fig.add_trace(go.Scatter(
            x=[_x(g)[0], x_end], y=[value, value], mode="lines+markers",
            name=f"Target {number(value)}{per} · {pname}",
            line={"color": colour[prog], "dash": "longdash", "width": 1.5},
            marker={"symbol": "line-ew-open", "size": 12, "color": colour[prog]},
            customdata=[[iso3, first.figure_id]] * 2, text=[hover] * 2,
            hovertemplate="%{text}<extra></extra>"))
    own = own_totals_drawn(own_total)
    if own is not None and len(own):
        _totals(fig, own.assign(date=[drawn_date(d, starts) for d in own.date]),
                f"{name} (sum of programmes)", "#343a40", iso3, x_end, width=1.5, opacity=0.9)
    if compare is not None:
        compare = compare.assign(date=[drawn_date(d, compare_starts) for d in compare.date]) \
            if compare_starts else compare
        _totals(fig, compare, compare_label, COMPARE_COLOUR, "compare", x_end, width=3, opacity=0.7)
    yaxis = {"title": {"text": "reported count"}, "rangemode": "tozero",
             "type": "log" if log else "linear"}
    notes = []
    if not log:
        top = data_top(figures, own, compare)
        far = targets[targets.value > TARGET_SQUASH * top] if top and len(targets) else targets.iloc[:0]
        if len(far):
            yaxis.update(range=[0, top * 1.15], autorange=False)
            notes = [f"Target {number(v)}{'' if b == 'cumulative' else f' per year ({b})'} · "
                     f"{short_name(n)} ↑ above this scale"
                     for v, b, n in dict.fromkeys(zip(far.value, far.count_basis, far.programme_name))]
    n = len(fig.data)
    legend_h = LEGEND_ROW * n
    bottom = LEGEND_GAP + legend_h
    fig.update_layout(
        yaxis=yaxis, height=PLOT_HEIGHT + len(notes) * NOTE_ROW + bottom + 16,
        # One entry a line under the plot, never over it (long programme names, phones).
        legend={"orientation": "v", "y": -LEGEND_GAP / (PLOT_HEIGHT + len(notes) * NOTE_ROW),
                "yanchor": "top", "x": 0, "xanchor": "left", "font": {"size": 11}},
        hovermode="closest", margin={"t": 16 + len(notes) * NOTE_ROW, "r": 16, "b": bottom},
        annotations=[{"text": t, "xref": "paper", "yref": "paper", "x": 0, "xanchor": "left",
                      "y": 1, "yanchor": "bottom", "yshift": 4 + i * NOTE_ROW, "showarrow": False,
                      "font": {"size": 11}} for i, t in enumerate(notes)])
    return fig


#: Heights of the genome chart (px): plot area, one legend line, space for the x-axis labels above
#: the legend, one line of "target above this scale" notes above the plot.
PLOT_HEIGHT, LEGEND_ROW, LEGEND_GAP, NOTE_ROW = 320, 19, 44, 18
#: A target more than this many times the largest other value drawn would squash the figures into
#: the bottom of a linear axis: the axis then spans the figures and the target is a note on top.
TARGET_SQUASH = 3


def data_top(figures: pd.DataFrame, *totals) -> float:
    """The largest value drawn that is not a target (0 when none)."""
    vals = [float(v) for v in figures[figures.metric != "target"].value] if len(figures) else []
    for t in totals:
        if t is not None and len(t):
            vals += [float(v) for v in t.value]
    return max(vals, default=0.0)


def period_starts(figures: pd.DataFrame | None) -> dict:
    """``as_of_last`` -> earliest ``as_of_first`` among the figures ending then: where a figure
    dated by year or month (and a total it changes) is drawn, so 2024 sits on the 2024 tick."""
    if figures is None or not len(figures) or "as_of_first" not in figures:
        return {}
    out: dict = {}
    for last, first in zip(figures.as_of_last, figures.as_of_first):
        if not is_missing(last) and not is_missing(first):
            key = pd.Timestamp(last)
            out[key] = min(out.get(key, pd.Timestamp(first)), pd.Timestamp(first))
    return out


def drawn_date(date, starts: dict) -> pd.Timestamp:
    """Where a date that ends a period is drawn (its period's start when known, else itself)."""
    d = pd.Timestamp(date)
    return starts.get(d, d)


def _x(g: pd.DataFrame) -> list:
    """x of figures: the start of their period (a figure of 2024 on the 2024 tick, not at its end)."""
    col = g.as_of_first if "as_of_first" in g else g.as_of_last
    return [pd.Timestamp(v) for v in col]


def infra_map(iso3: str, nodes: pd.DataFrame, frame: pd.DataFrame) -> go.Figure:
    """The country's outline (neighbours in light grey) with its located nodes as points.

    Nodes at the same place share one marker listing them all; open markers locate a city centroid,
    not the building. Nodes without coordinates are not drawn (the page lists them).
    """
    focus = frame[frame.focus]
    fig = go.Figure(go.Choropleth(
        geojson=GEOJSON_URL, featureidkey="properties.iso3", locations=list(frame.iso3),
        z=[1 if f else 0 for f in frame.focus], zmin=0, zmax=1, showscale=False,
        colorscale=[[0, OUTSIDE_COLOUR], [1, "#dbe9f6"]], marker={"line": {"color": "#adb5bd",
                                                                          "width": 0.6}},
        hoverinfo="skip", name="country outline"))
    located = nodes[nodes.lat.notna()] if len(nodes) else nodes
    for (precision, label), symbol in zip(L.LOCATION_LEGEND.items(), ("circle", "circle-open")):
        sub = located[located.location_precision == precision] if len(located) else located
        if not len(sub):
            continue
        groups = sub.groupby(["lat", "lon"], sort=True)
        lat, lon, text, ids, size = [], [], [], [], []
        for (la, lo), g in groups:
            lat.append(la)
            lon.append(lo)
            size.append(10 + 3 * min(len(g) - 1, 4))
            ids.append([iso3, ";".join(g.infra_id)])
            lines = [f"{r.name} — {r.kind.replace('_', ' ')}, {r.status.replace('_', ' ')}"
                     for r in g.itertuples()]
            text.append(f"<b>{g.city.iloc[0] if isinstance(g.city.iloc[0], str) else ''}</b> "
                        f"({label})<br>" + "<br>".join(lines))
        fig.add_trace(go.Scattergeo(
            lat=lat, lon=lon, mode="markers", name=f"nodes · {label}", text=text,
            customdata=ids, hovertemplate="%{text}<extra></extra>",
            marker={"symbol": symbol, "size": size, "color": PALETTE[5],
                    "line": {"width": 2, "color": PALETTE[5]}}))
    geo = {"visible": False, "projection": {"type": "mercator"}, "showframe": False,
           "bgcolor": "white"}
    if len(focus):
        f = focus.iloc[0]
        lo0 = max(f.min_lon, f.label_lon - 16)
        lo1 = min(f.max_lon, f.label_lon + 16)
        la0 = max(f.min_lat, f.label_lat - 10)
        la1 = min(f.max_lat, f.label_lat + 10)
        if len(located):
            lo0, lo1 = min(lo0, located.lon.min()), max(lo1, located.lon.max())
            la0, la1 = min(la0, located.lat.min()), max(la1, located.lat.max())
        # Widen the shorter side so the map fills a landscape card (about 1.6:1) instead of a
        # narrow strip; cos(latitude) converts degrees of longitude to distance.
        shrink = max(math.cos(math.radians((la0 + la1) / 2)), 0.2)
        width, height = (lo1 - lo0) * shrink, la1 - la0
        if width < 1.6 * height:
            extra = (1.6 * height / shrink - (lo1 - lo0)) / 2
            lo0, lo1 = lo0 - extra, lo1 + extra
        else:
            extra = (width / 1.6 - height) / 2
            la0, la1 = la0 - extra, la1 + extra
        pad_lo, pad_la = max((lo1 - lo0) * 0.06, 0.6), max((la1 - la0) * 0.06, 0.4)
        geo["lonaxis"] = {"range": [lo0 - pad_lo, lo1 + pad_lo]}
        geo["lataxis"] = {"range": [la0 - pad_la, la1 + pad_la]}
    fig.update_layout(geo=geo, margin={"l": 0, "r": 0, "t": 0, "b": 0},
                      legend={"orientation": "h", "y": -0.02, "x": 0}, showlegend=True)
    return fig



def own_totals_drawn(own_total: pd.DataFrame | None) -> pd.DataFrame | None:
    """The rows of the country's own totals that :func:`genome_figure` draws (metrics where two or
    more programmes add up)."""
    if own_total is None or not len(own_total):
        return None
    multi = own_total.groupby("metric").n_programmes.max()
    return own_total[own_total.metric.isin(multi[multi > 1].index)]


def genome_table(figures: pd.DataFrame, compare: pd.DataFrame | None = None,
                 compare_label: str = "", own_total: pd.DataFrame | None = None,
                 name: str = "") -> pd.DataFrame:
    """Exactly what :func:`genome_figure` draws, one row per point, with the source columns."""
    if compare is not None and len(compare):
        compare = compare[compare.metric.isin(compare_metrics(figures))]
    rows = []
    for r in (figures.itertuples() if figures is not None else []):
        rows.append({"series": "target" if r.metric == "target" else "reported figure",
                     "programme": short_name(r.programme_name), "metric": r.metric,
                     "count_basis": r.count_basis, "value": int(r.value),
                     "as_of_date": r.as_of_date, "as_of": partial_date(r.as_of_date),
                     "age": age_text(getattr(r, "age_months", None), getattr(r, "may_be_outdated", None)),
                     "confidence": r.confidence, "source_urls": joined(r.source_urls),
                     "quote_or_basis": r.quote_or_basis, "figure_id": r.figure_id})
    for label, frame in ((f"{name} (sum of programmes)", own_totals_drawn(own_total)),
                         (compare_label, compare)):
        for r in (frame.itertuples() if frame is not None else []):
            n = getattr(r, "n_countries", None)
            rows.append({"series": label, "programme": "carried-forward total"
                         + (f" (median of {n} signatories)" if n else ""),
                         "metric": r.metric, "count_basis": "cumulative", "value": float(r.value),
                         "as_of_date": str(r.date)[:10], "as_of": partial_date(str(r.date)[:10]),
                         "age": "", "confidence": getattr(r, "confidence", "") or "",
                         "source_urls": joined(r.source_urls), "quote_or_basis": "",
                         "figure_id": ""})
    return pd.DataFrame(rows, columns=["series", "programme", "metric", "count_basis", "value",
                                       "as_of_date", "as_of", "age", "confidence",
                                       "source_urls", "quote_or_basis", "figure_id"])
