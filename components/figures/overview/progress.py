"""The Overview progress chart: cumulative reported figures of one metric over time, stacked by
country (steps carried forward), with the total, the EU-level targets and the committed path;
proxy figures are separate dotted lines, never stacked or summed."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from components import fmt, labels
from components.theme import PALETTE

from ._common import as_date, compact, domains, wrap

METRIC_LABELS = {"wgs": labels.METRIC[labels.WGS_SEQUENCED], "genotyped": "Participants genotyped",
                 "accessible": "Genomes released to researchers"}
METRIC_UNITS = {"wgs": "genomes", "genotyped": "participants", "accessible": "genomes"}
TOP_N = 7
OTHERS_COLOUR = "#8c8c8c"


def progress_bands(by_country: pd.DataFrame, top_n: int = TOP_N) -> tuple[list, dict]:
    """(band names in stack order, {iso3: band}) — the ``top_n`` countries with the largest latest
    value get their own band; the rest share "Other countries"."""
    if by_country.empty:
        return [], {}
    latest = by_country.sort_values("date").groupby("iso3").tail(1)
    latest = latest.sort_values(["value", "iso3"], ascending=[False, True])
    top = list(latest.iso3[:top_n])
    rest = list(latest.iso3[top_n:])
    names = dict(zip(latest.iso3, latest.name))
    band = {i: names[i] for i in top} | {i: f"Other countries ({len(rest)})" for i in rest}
    order = [names[i] for i in top] + ([f"Other countries ({len(rest)})"] if rest else [])
    return order, band


def _carried(by_country: pd.DataFrame, grid: list[dt.date]) -> pd.DataFrame:
    """Each country's carried-forward value (and as-of) at every grid date; NaN before its first."""
    out = []
    for iso3, g in by_country.groupby("iso3", sort=True):
        g = g.sort_values("date")
        dates = [as_date(d) for d in g.date]
        for d in grid:
            k = sum(1 for x in dates if x <= d) - 1
            if k >= 0:
                r = g.iloc[k]
                out.append({"iso3": iso3, "grid_date": d, "value": int(r.value),
                            "as_of": r.latest_as_of})
    return pd.DataFrame(out, columns=["iso3", "grid_date", "value", "as_of"])


def progress_figure(by_country: pd.DataFrame, totals: pd.DataFrame, *, metric: str,
                    eu_targets: pd.DataFrame | None = None, committed: pd.DataFrame | None = None,
                    proxies: pd.DataFrame | None = None, x_end: dt.date | None = None) -> go.Figure:
    """Cumulative reported figures of ONE metric over time, stacked by country (steps carried
    forward), with the total, and — for genome metrics — the 1+MG goal, its end-2022 deadline,
    the Genome of Europe target and the committed path. Proxies (if given) are separate dotted
    traces, never stacked."""
    fig = go.Figure()
    # the stack stops at the last dated figure: nothing is projected forward
    grid = sorted({as_date(d) for d in by_country.date})
    last = grid[-1] if grid else dt.date.today()
    _add_stack(fig, by_country, grid)
    if len(totals):
        _add_total(fig, totals, METRIC_UNITS[metric])
    if metric != "genotyped":
        _add_targets(fig, eu_targets, committed if metric == "wgs" else None, x_end or last)
    if proxies is not None and len(proxies):
        _add_proxies(fig, proxies)
    fig.update_layout(
        margin={"l": 56, "r": 16, "t": 24, "b": 32}, hovermode="closest",
        yaxis={"title": {"text": f"Cumulative {METRIC_UNITS[metric]} reported"},
               "rangemode": "tozero", "tickformat": "~s"},
        xaxis={"title": None, "type": "date"},
        # above the plot: a legend below it covers the date labels on narrow screens
        legend={"orientation": "h", "yref": "container", "y": 1, "yanchor": "top", "x": 0,
                "font": {"size": 11}},
    )
    return fig


def _add_stack(fig: go.Figure, by_country: pd.DataFrame, grid: list[dt.date]) -> None:
    """One stacked band per top country (and one for the others), carried forward in steps."""
    order, band = progress_bands(by_country)
    cf = _carried(by_country, grid)
    cf["band"] = cf.iso3.map(band)
    names = dict(zip(by_country.iso3, by_country.name))
    for i, b in enumerate(order):
        sub = cf[cf.band == b]
        members = sorted(sub.iso3.unique())
        ys, texts = [], []
        for d in grid:
            at = sub[sub.grid_date == d]
            ys.append(int(at.value.sum()) if len(at) else None)
            texts.append("<br>".join(f"{names[r.iso3]}: {fmt.number(r.value)} "
                                     f"(as of {fmt.partial_date(r.as_of)})"
                                     for r in at.itertuples()) or fmt.NO_FIGURE)
        colour = PALETTE[i] if i < TOP_N else OTHERS_COLOUR
        fig.add_trace(go.Scatter(
            x=grid, y=ys, name=b, stackgroup="reported", mode="lines", line_shape="hv",
            hoveron="points+fills",
            line={"width": 0.5, "color": colour}, fillcolor=colour,
            customdata=[";".join(members)] * len(grid), text=texts,
            hovertemplate=f"<b>{b}</b><br>%{{x|%d %b %Y}}<br>%{{text}}<extra></extra>"))


def _add_total(fig: go.Figure, totals: pd.DataFrame, unit: str) -> None:
    t = totals.sort_values("date")
    fig.add_trace(go.Scatter(
        x=[as_date(d) for d in t.date], y=list(t.value), name="Total reported", mode="lines",
        line_shape="hv",
        line={"color": "#000000", "width": 2}, customdata=["total"] * len(t),
        text=[f"{n} countries, {p} programmes" for n, p in zip(t.n_countries, t.n_programmes)],
        hovertemplate=f"<b>Total reported</b><br>%{{x|%d %b %Y}}: %{{y:,}} {unit}"
                      "<br>%{text}<extra></extra>"))


def _add_proxies(fig: go.Figure, proxies: pd.DataFrame) -> None:
    for (iso3, prog), g in proxies.groupby(["iso3", "programme"], sort=True):
        g = g.sort_values("date")
        label = f"Proxy, not genomes: {prog}"  # short: the legend must fit a phone
        fig.add_trace(go.Scatter(
            x=[as_date(d) for d in g.date], y=list(g.value), name=label, mode="lines+markers",
            line={"dash": "dot", "color": "#6c3d91", "width": 1.5}, marker={"size": 7},
            customdata=[iso3] * len(g),
            text=[wrap(q) for q in g.quote_or_basis],
            hovertemplate=f"<b>{label}</b> ({g.name.iloc[0]})<br>%{{x|%b %Y}}: %{{y:,}}<br>"
                          "%{text}<extra></extra>"))


def _add_targets(fig: go.Figure, eu: pd.DataFrame | None, committed: pd.DataFrame | None,
                 x_end: dt.date) -> None:
    """EU-level target lines (1+MG from its declaration to the chart's end; Genome of Europe up to
    its target year), the 1+MG deadline and the committed path. Lines are drawn, never summed."""
    colours = {"onemg": "#D55E00", "goe": "#009E73"}
    for r in (eu.itertuples() if eu is not None else []):
        if r.programme not in colours:
            continue
        deadline = dt.date(int(r.target_year), 12, 31)
        if r.programme == "onemg":
            label = f"1+MG goal: {compact(r.value)} genomes accessible by end {r.target_year}"
            end = x_end
            fig.add_shape(type="line", x0=deadline, x1=deadline, y0=0, y1=1, yref="paper",
                          line={"color": colours["onemg"], "dash": "dot", "width": 1.5})
            fig.add_annotation(x=deadline, y=1, yref="paper", showarrow=False, xanchor="right",
                               yanchor="top", font={"size": 11},
                               text=f"1+MG deadline (end {r.target_year})")
        else:
            label = f"Genome of Europe: {fmt.number(r.value)} by {r.target_year}"
            end = deadline
        start = as_date(pd.Timestamp(str(r.as_of_date)))
        fig.add_trace(go.Scatter(
            x=[start, end], y=[int(r.value)] * 2, name=label, mode="lines",
            line={"color": colours[r.programme], "dash": "dash", "width": 2},
            customdata=["EU", "EU"], text=[wrap(r.quote_or_basis)] * 2,
            hovertemplate=(f"<b>{label}</b><br>%{{text}}<br>Set {fmt.partial_date(r.as_of_date)}"
                           f" · source: {domains(r.source_urls)}<extra></extra>")))
    if committed is not None and len(committed):
        c = committed.sort_values("date")
        fig.add_trace(go.Scatter(
            x=[as_date(d) for d in c.date], y=list(c.value), mode="lines+markers", line_shape="hv",
            name="Committed: sum of dated national targets",
            line={"color": "#CC79A7", "dash": "dashdot", "width": 2},
            customdata=["committed"] * len(c),
            text=[f"+{fmt.number(a)}: " + wrap(", ".join(p), 60) for a, p in
                  zip(c.added, c.programmes)],
            hovertemplate="<b>Committed by end %{x|%Y}</b>: %{y:,}<br>%{text}<extra></extra>"))
