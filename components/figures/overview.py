"""Pure figure builders for the Overview page: the choropleth of Europe, the progress-to-1M chart
and the 1+MG signatory timeline, plus the table rows (exactly what each figure draws, with sources).

Frames come from ``data.queries.overview``; nothing here queries. Every point carries its key
(ISO3) in ``customdata``. Missing figures are drawn apart (grey, "no public figure"), never as 0.
"""
from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import plotly.graph_objects as go

from components import fmt
from components.theme import (GEOJSON_URL, NO_DATA_COLOUR, OUTSIDE_COLOUR, PALETTE, SEQUENTIAL)

INDICATOR_LABELS = {
    "signatory": "1+MG signature (status and year joined)",
    "icpermed": "ICPerMed membership",
    "wgs": "Whole genomes sequenced (WGS), reported",
    "wgs_per_million": "WGS genomes per million inhabitants",
    "genotyped": "Participants genotyped (arrays)",
    "cohorts": "Cohorts in the atlas catalogue",
    "infra": "Infrastructure nodes and facilities",
    "goe": "Genome of Europe: planned samples",
}
SHORT_LABELS = {"wgs": "WGS genomes", "wgs_per_million": "WGS genomes per million",
                "genotyped": "Genotyped participants", "cohorts": "Cohorts catalogued",
                "infra": "Infrastructure nodes/facilities", "goe": "GoE planned samples"}
LOG_SCALE = frozenset({"wgs", "wgs_per_million", "genotyped", "goe"})
#: Status categories of the category indicators: (label, colour); years joined come first.
SIGNATORY_OTHER = {"signed_date_unknown": ("Signatory, date not published", PALETTE[2]),
                   "not_signatory": ("Not a signatory (by the end of the year)", PALETTE[1])}
ICPERMED = {"member": ("ICPerMed member (May 2018 list)", PALETTE[0]),
            "not_member": ("Not an ICPerMed member", PALETTE[1])}
MAP_TRACES = ("context", "no_figure", "values")  # fixed order: a Patch addresses them by index
PATCH_KEYS = ("locations", "z", "customdata", "hovertext", "colorscale", "zmin", "zmax",
              "showscale", "colorbar")


_missing = fmt.is_missing


def _list(v) -> list:
    """A list from a list, a numpy array (DuckDB list columns) or a missing value."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return []
    return [str(x) for x in v]


def _domains(urls, limit: int = 3) -> str:
    urls = _list(urls)
    ds = list(dict.fromkeys(fmt.domain(u) for u in urls))
    more = f" +{len(ds) - limit} more" if len(ds) > limit else ""
    return ", ".join(ds[:limit]) + more if ds else "no source listed"


def signatory_categories(frame: pd.DataFrame) -> list[tuple[str, str, str]]:
    """[(key, label, colour)] for the signature map: one per year joined (darkest = earliest),
    then "date not published", then "not a signatory". Stable across the year slider."""
    years = sorted({int(str(d)[:4]) for d in frame.signed_date if not _missing(d)})
    blues = list(reversed(SEQUENTIAL[2:]))
    cats = []
    for i, y in enumerate(years):
        colour = blues[min(len(blues) - 1, round(i * (len(blues) - 1) / max(1, len(years) - 1)))]
        cats.append((f"signed_{y}", f"Joined in {y}", colour))
    cats += [(k, lbl, c) for k, (lbl, c) in SIGNATORY_OTHER.items()]
    return cats


def _category_key(indicator: str, row) -> str:
    if indicator == "signatory":
        if row.category == "signed":
            return f"signed_{int(row.value)}"
        return "not_signatory" if row.category == "not_yet" else row.category
    return row.category


def legend_items(indicator: str, frame: pd.DataFrame) -> list[tuple[str, str]]:
    """[(colour, label)] for the HTML legend above the map: the status categories, or (numeric
    indicators, whose scale is the colour bar) the grey of "no public figure"."""
    if indicator == "signatory":
        return [(c, lbl) for _, lbl, c in signatory_categories(frame)]
    if indicator == "icpermed":
        return [(c, lbl) for lbl, c in ICPERMED.values()]
    return [(NO_DATA_COLOUR, fmt.NO_FIGURE.capitalize())]  # every country has a status above


def value_text(indicator: str, row, year: int | None) -> str:
    """What the map says about one country, in words ("35,279 genomes (3 programmes)")."""
    if indicator == "signatory":
        if row.category == "signed":
            return f"Signatory since {fmt.partial_date(row.as_of)}"
        if row.category == "signed_date_unknown":
            return "Signatory; date of signature not published"
        if row.category == "not_yet":
            return (f"Not yet a signatory at the end of {year} "
                    f"(signed {fmt.partial_date(row.signed_date)})")
        return "Not a signatory"
    if indicator == "icpermed":
        return ICPERMED[row.category][0]
    if _missing(row.value):
        return fmt.NO_FIGURE
    n = fmt.number(row.value)
    if indicator == "wgs":
        return f"{n} genomes ({_programmes(row)})"
    if indicator == "wgs_per_million":
        return (f"{fmt.number(row.value, 1)} per million ({fmt.number(row.raw_value)} genomes; "
                f"population {fmt.number(row.population)} in {row.population_year})")
    if indicator == "genotyped":
        return f"{n} participants ({_programmes(row)})"
    if indicator == "cohorts":
        return "none catalogued" if row.value == 0 else f"{n} cohorts catalogued"
    if indicator == "infra":
        return "none catalogued" if row.value == 0 else f"{n} nodes/facilities catalogued"
    return f"{n} samples planned"


def _programmes(row) -> str:
    n = row.n_programmes
    return "1 programme" if n == 1 else f"{n} programmes"


CATALOGUE_PAGES = {"cohorts": "the Cohorts page", "infra": "the Infrastructures page"}


def _hover(indicator: str, row, year: int | None, release_date: str) -> str:
    """Hover text: value in words, as-of date, source domains and confidence (or why not)."""
    text = value_text(indicator, row, year)
    lines = [f"<b>{row['name']}</b>"]
    if indicator in ("signatory", "icpermed"):
        lines.append(text)
    else:
        when = f" (by the end of {year})" if year is not None and text == fmt.NO_FIGURE else ""
        lines.append(f"{SHORT_LABELS[indicator]}: {text}{when}")
    if text == fmt.NO_FIGURE:
        kinds = [fmt.BASIS_LABEL.get(b, b) for b in _list(row.other_bases)]
        if kinds:
            lines.append(f"Only non-cumulative figures published: {', '.join(kinds)}")
    elif indicator in CATALOGUE_PAGES:
        lines += [f"Atlas catalogue, data release of {release_date}",
                  f"Sources: listed per row on {CATALOGUE_PAGES[indicator]}"]
    else:
        dated = not _missing(row.as_of) and row.category not in ("not_yet", "not_signatory")
        if dated:
            carried = " · cumulative, carried forward" if row.basis == "cumulative" else ""
            lines.append(f"As of {fmt.partial_date(row.as_of)}{carried}")
        conf = "not rated" if _missing(row.confidence) else row.confidence
        lines += [f"Sources: {_domains(row.source_urls)}", f"Confidence: {conf}"]
    lines.append("<i>Click to open the country profile</i>")
    return "<br>".join(lines)


def _log_ticks(lo: float, hi: float) -> tuple[list[float], list[str]]:
    vals, text = [], []
    steps = (1, 3) if hi - lo < 2.5 else (1,)  # few labels: the bar is narrow on phones
    for p in range(math.floor(lo), math.ceil(hi) + 1):
        for m in steps:
            v = m * 10 ** p
            if lo - 1e-9 <= math.log10(v) <= hi + 1e-9:
                vals.append(math.log10(v))
                text.append(_compact(v))
    return vals, text


def _compact(v: float) -> str:
    for div, suf in ((1e6, "M"), (1e3, "k")):
        if v >= div:
            return f"{v / div:g}{suf}"
    return f"{v:g}"


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
    hover = [_hover(indicator, r, year, release_date) for _, r in f.iterrows()]
    f = f.assign(_hover=hover)
    base = {"type": "choropleth", "geojson": GEOJSON_URL, "featureidkey": "properties.iso3",
            "marker": {"line": {"color": "white", "width": 0.6}}}
    ctx = {**base, "name": "other countries", "locations": list(context), "z": [0] * len(context),
           "colorscale": [[0, OUTSIDE_COLOUR], [1, OUTSIDE_COLOUR]], "showscale": False,
           "hoverinfo": "skip", "customdata": [None] * len(context)}
    if indicator in ("signatory", "icpermed"):
        none = f.iloc[0:0]
        vals = f
    else:
        none = f[f.value.isna()]
        vals = f[f.value.notna()]
    nofig = {**base, "name": fmt.NO_FIGURE, "locations": list(none.iso3), "z": [0] * len(none),
             "colorscale": [[0, NO_DATA_COLOUR], [1, NO_DATA_COLOUR]], "showscale": False,
             "customdata": list(none.iso3), "hovertext": list(none._hover),
             "hovertemplate": "%{hovertext}<extra></extra>"}
    val = {**base, "name": INDICATOR_LABELS[indicator], "locations": list(vals.iso3),
           "customdata": list(vals.iso3), "hovertext": list(vals._hover),
           "hovertemplate": "%{hovertext}<extra></extra>"}
    if indicator in ("signatory", "icpermed"):
        cats = (signatory_categories(frame) if indicator == "signatory"
                else [(k, lbl, c) for k, (lbl, c) in ICPERMED.items()])
        code = {k: i for i, (k, _, _) in enumerate(cats)}
        n = len(cats)
        scale = []
        for i, (_, _, c) in enumerate(cats):
            scale += [[i / n, c], [(i + 1) / n, c]]
        val.update(z=[code[_category_key(indicator, r)] for r in vals.itertuples()],
                   colorscale=scale, zmin=-0.5, zmax=n - 0.5, showscale=False,
                   colorbar=_colourbar(""))
    else:
        v = vals.value.astype(float)
        lo, hi = value_range or ((float(v[v > 0].min()), float(v.max())) if (v > 0).any()
                                 else (1.0, 10.0))
        title = SHORT_LABELS[indicator]
        if indicator in LOG_SCALE:
            zlo, zhi = math.log10(max(lo, 1e-9)), math.log10(max(hi, lo * 10 if hi <= lo else hi))
            tv, tt = _log_ticks(zlo, zhi)
            z = [math.log10(x) if x > 0 else zlo for x in v]
            val.update(colorbar=_colourbar(title + " (log scale)", tickvals=tv, ticktext=tt))
        else:
            zlo, zhi = 0.0, max(hi, 1.0)
            z = list(v)
            val.update(colorbar=_colourbar(title))
        val.update(z=z, colorscale=[[i / (len(SEQUENTIAL) - 2), c]
                                    for i, c in enumerate(SEQUENTIAL[1:])],
                   zmin=zlo, zmax=zhi, showscale=True)
    return [ctx, nofig, val]


def map_figure(traces: list[dict]) -> go.Figure:
    """A geo figure from :func:`map_traces` (geometry by URL; fitted to the drawn locations);
    its height follows the graph's container."""
    fig = go.Figure(data=traces)
    fig.update_layout(
        margin={"l": 0, "r": 0, "t": 0, "b": 60}, dragmode=False,
        geo={"fitbounds": "locations", "visible": False, "showframe": False,
             "projection": {"type": "azimuthal equal area"}, "bgcolor": "rgba(0,0,0,0)"},
        showlegend=False, uirevision="overview-map",
    )
    return fig


def map_table(frame: pd.DataFrame, indicator: str, *, year: int | None,
              time_aware: bool, release_date: str = "") -> tuple[list[dict], list[dict]]:
    """(rowData, columnDefs): one row per country drawn on the map: value, as-of, sources."""
    f = frame[frame.on_map.astype(bool)]
    rows = []
    for _, r in f.iterrows():
        txt = value_text(indicator, r, year)
        numeric = indicator not in ("signatory", "icpermed") and not _missing(r.value)
        rows.append({
            "country": r["name"], "iso3": r.iso3, "end_of_year": year if time_aware else None,
            "value": (float(r.value) if indicator == "wgs_per_million" else int(r.value))
            if numeric else None,
            "shown_as": txt,
            "as_of": (f"data release {release_date}" if indicator in ("cohorts", "infra")
                      else (None if _missing(r.as_of) else str(r.as_of))),
            "basis": None if _missing(r.basis) else r.basis,
            "programmes": "; ".join(_list(r.programmes)) or None,
            "confidence": None if _missing(r.confidence) else r.confidence,
            "sources": "; ".join(_list(r.source_urls)) or None,
        })
    cols = [{"field": "country", "headerName": "Country", "pinned": "left", "minWidth": 130},
            {"field": "iso3", "headerName": "ISO3", "maxWidth": 90},
            {"field": "end_of_year", "headerName": "End of year", "hide": not time_aware},
            {"field": "value", "headerName": "Value", "type": "numericColumn"},
            {"field": "shown_as", "headerName": "Shown as", "minWidth": 220},
            {"field": "as_of", "headerName": "As of"},
            {"field": "basis", "headerName": "Basis"},
            {"field": "programmes", "headerName": "Programmes"},
            {"field": "confidence", "headerName": "Confidence"},
            {"field": "sources", "headerName": "Sources", "minWidth": 260}]
    return rows, cols


# --- Progress to 1M --------------------------------------------------------------------------
METRIC_LABELS = {"wgs": "Whole genomes sequenced (WGS)", "genotyped": "Participants genotyped",
                 "accessible": "Genomes released to researchers"}
METRIC_UNITS = {"wgs": "genomes", "genotyped": "participants", "accessible": "genomes"}
TOP_N = 7
OTHERS_COLOUR = "#8c8c8c"


def as_date(v) -> dt.date:
    return pd.Timestamp(v).date()


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
    unit = METRIC_UNITS[metric]
    fig = go.Figure()
    dates = sorted({as_date(d) for d in by_country.date})
    last = dates[-1] if dates else dt.date.today()
    grid = dates  # the stack stops at the last dated figure: nothing is projected forward
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
    if len(totals):
        t = totals.sort_values("date")
        fig.add_trace(go.Scatter(
            x=[as_date(d) for d in t.date], y=list(t.value), name="Total reported", mode="lines",
            line_shape="hv",
            line={"color": "#000000", "width": 2}, customdata=["total"] * len(t),
            text=[f"{n} countries, {p} programmes" for n, p in zip(t.n_countries, t.n_programmes)],
            hovertemplate=f"<b>Total reported</b><br>%{{x|%d %b %Y}}: %{{y:,}} {unit}"
                          "<br>%{text}<extra></extra>"))
    if metric != "genotyped":
        _add_targets(fig, eu_targets, committed if metric == "wgs" else None, x_end or last)
    for (iso3, prog), g in (proxies.groupby(["iso3", "programme"], sort=True)
                            if proxies is not None and len(proxies) else []):
        g = g.sort_values("date")
        label = f"Proxy, not genomes: {prog}"  # short: the legend must fit a phone
        fig.add_trace(go.Scatter(
            x=[as_date(d) for d in g.date], y=list(g.value), name=label, mode="lines+markers",
            line={"dash": "dot", "color": "#6c3d91", "width": 1.5}, marker={"size": 7},
            customdata=[iso3] * len(g),
            text=[_wrap(q) for q in g.quote_or_basis],
            hovertemplate=f"<b>{label}</b> ({g.name.iloc[0]})<br>%{{x|%b %Y}}: %{{y:,}}<br>"
                          "%{text}<extra></extra>"))
    fig.update_layout(
        margin={"l": 56, "r": 16, "t": 24, "b": 32}, hovermode="closest",
        yaxis={"title": {"text": f"Cumulative {unit} reported"}, "rangemode": "tozero",
               "tickformat": "~s"},
        xaxis={"title": None, "type": "date"},
        # above the plot: a legend below it covers the date labels on narrow screens
        legend={"orientation": "h", "yref": "container", "y": 1, "yanchor": "top", "x": 0,
                "font": {"size": 11}},
    )
    return fig


def _wrap(text, width: int = 70, limit: int = 280) -> str:
    s = str(text or "")
    s = s if len(s) <= limit else s[: limit - 1] + "…"
    words, lines, cur = s.split(), [], ""
    for w in words:
        if len(cur) + len(w) + 1 > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}".strip()
    return "<br>".join(lines + [cur])


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
            label = f"1+MG goal: {_compact(r.value)} genomes accessible by end {r.target_year}"
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
            customdata=["EU", "EU"], text=[_wrap(r.quote_or_basis)] * 2,
            hovertemplate=(f"<b>{label}</b><br>%{{text}}<br>Set {fmt.partial_date(r.as_of_date)}"
                           f" · source: {_domains(r.source_urls)}<extra></extra>")))
    if committed is not None and len(committed):
        c = committed.sort_values("date")
        fig.add_trace(go.Scatter(
            x=[as_date(d) for d in c.date], y=list(c.value), mode="lines+markers", line_shape="hv",
            name="Committed: sum of dated national targets",
            line={"color": "#CC79A7", "dash": "dashdot", "width": 2},
            customdata=["committed"] * len(c),
            text=[f"+{fmt.number(a)}: " + _wrap(", ".join(p), 60) for a, p in
                  zip(c.added, c.programmes)],
            hovertemplate="<b>Committed by end %{x|%Y}</b>: %{y:,}<br>%{text}<extra></extra>"))


def progress_table(by_country: pd.DataFrame, totals: pd.DataFrame, *, metric: str,
                   eu_targets: pd.DataFrame | None = None,
                   committed_targets: pd.DataFrame | None = None,
                   proxies: pd.DataFrame | None = None) -> tuple[list[dict], list[dict]]:
    """(rowData, columnDefs): every figure the progress chart draws, one row each, with sources."""
    _, band = progress_bands(by_country)
    rows = []
    for r in by_country.sort_values(["iso3", "date"]).itertuples():
        rows.append({"series": f"Stacked: {band[r.iso3]}", "country": r.name, "iso3": r.iso3,
                     "date": str(as_date(r.date)), "value": int(r.value), "as_of": r.latest_as_of,
                     "basis": "cumulative", "programmes": "; ".join(_list(r.programmes)),
                     "confidence": r.confidence, "sources": "; ".join(_list(r.source_urls))})
    for r in totals.itertuples():
        rows.append({"series": "Total reported", "date": str(as_date(r.date)),
                     "value": int(r.value), "basis": "sum of cumulative",
                     "note": f"{r.n_countries} countries, {r.n_programmes} programmes"})
    if metric != "genotyped":
        for r in (eu_targets.itertuples() if eu_targets is not None else []):
            if r.programme in ("onemg", "goe"):
                rows.append({"series": "EU-level target (line)", "country": "EU",
                             "programmes": r.programme, "date": f"{r.target_year}",
                             "value": int(r.value), "as_of": r.as_of_date, "basis": "target",
                             "confidence": r.confidence, "sources": "; ".join(_list(r.source_urls)),
                             "note": r.quote_or_basis})
    if metric == "wgs" and committed_targets is not None:
        for r in committed_targets[committed_targets.in_path].itertuples():
            rows.append({"series": "Committed path (target added at the end of its year)",
                         "country": r.name, "iso3": r.iso3, "programmes": r.programme,
                         "date": None if _missing(r.target_year) else str(int(r.target_year)),
                         "value": int(r.value), "as_of": r.as_of_date, "basis": "target",
                         "confidence": r.confidence, "sources": "; ".join(_list(r.source_urls)),
                         "note": r.quote_or_basis})
    for r in (proxies.itertuples() if proxies is not None else []):
        rows.append({"series": "Proxy (not genomes; not summed)", "country": r.name,
                     "iso3": r.iso3, "programmes": r.programme, "date": str(as_date(r.date)),
                     "value": int(r.value), "as_of": r.as_of_date, "basis": "proxy",
                     "confidence": r.confidence, "sources": "; ".join(_list(r.source_urls)),
                     "note": r.quote_or_basis})
    cols = [{"field": "series", "headerName": "Series", "minWidth": 200, "pinned": "left"},
            {"field": "country", "headerName": "Country"},
            {"field": "iso3", "headerName": "ISO3", "maxWidth": 90},
            {"field": "date", "headerName": "Date / target year"},
            {"field": "value", "headerName": "Value", "type": "numericColumn"},
            {"field": "as_of", "headerName": "As of (as published)"},
            {"field": "basis", "headerName": "Basis"},
            {"field": "programmes", "headerName": "Programmes"},
            {"field": "confidence", "headerName": "Confidence"},
            {"field": "sources", "headerName": "Sources", "minWidth": 260},
            {"field": "note", "headerName": "Note", "minWidth": 260}]
    return rows, cols


def targets_not_added(committed_targets: pd.DataFrame) -> list[str]:
    """Country targets left out of the committed path (no target year), one line each."""
    t = committed_targets[~committed_targets.in_path]
    return [f"{r.name}, {r.programme}: {fmt.number(r.value)} (set {fmt.partial_date(r.as_of_date)})"
            for r in t.itertuples()]


# --- Signatory timeline ----------------------------------------------------------------------
def timeline_figure(sig: pd.DataFrame) -> go.Figure:
    """Who signed the 1+MG declaration when: one dot per dated signatory (open dot: month known,
    not the day), coloured EU / non-EU. Undated signatories and non-signatories are listed by
    :func:`timeline_lists`, not drawn."""
    dated = sig[sig.onemg_signatory & sig.signed_first.notna()]
    dated = dated.sort_values(["signed_first", "name"])
    fig = go.Figure()
    groups = [(True, "day", "EU member state", PALETTE[0], "circle"),
              (True, "month", "EU member state, month known", PALETTE[0], "circle-open"),
              (False, "day", "Non-EU country", PALETTE[5], "diamond"),
              (False, "month", "Non-EU country, month known", PALETTE[5], "diamond-open")]
    for eu, prec, name, colour, symbol in groups:
        g = dated[(dated.eu_member == eu) & ((dated.signed_precision == "day") == (prec == "day"))]
        if g.empty:
            continue
        fig.add_trace(go.Scatter(
            x=[as_date(d) for d in g.signed_first], y=list(g.name), mode="markers", name=name,
            marker={"color": colour, "symbol": symbol, "size": 11,
                    "line": {"width": 2, "color": colour}},
            customdata=list(g.iso3), text=[fmt.partial_date(d) for d in g.signed_date],
            hovertext=[f"Sources: {_domains(u)}" for u in g.source_urls],
            hovertemplate="<b>%{y}</b><br>Signed %{text}<br>%{hovertext}<extra></extra>"))
    fig.add_shape(type="line", x0=dt.date(2018, 4, 10), x1=dt.date(2018, 4, 10), y0=0, y1=1,
                  yref="paper", line={"color": "#5c636a", "dash": "dot", "width": 1})
    fig.add_annotation(x=dt.date(2018, 4, 10), y=1, yref="paper", yanchor="bottom",
                       text="Declaration, 10 Apr 2018", showarrow=False, xanchor="left",
                       font={"size": 11})
    fig.update_layout(
        height=max(260, 24 * len(dated) + 110), margin={"l": 120, "r": 16, "t": 28, "b": 40},
        yaxis={"categoryorder": "array", "categoryarray": list(dated.name), "autorange": "reversed",
               "title": None, "automargin": True},
        xaxis={"type": "date", "title": None},
        legend={"orientation": "h", "y": -0.08, "yanchor": "top", "x": 0},
    )
    return fig


def _status(r) -> str:
    if not r.onemg_signatory:
        return "not a signatory"
    return "signatory" if not _missing(r.signed_date) else "signatory (date not published)"


def timeline_lists(sig: pd.DataFrame) -> dict[str, list[str]]:
    """{"undated": [names of signatories without a published date], "non": [non-signatories]}."""
    undated = sig[sig.onemg_signatory & sig.signed_first.isna()]
    return {"undated": sorted(undated.name), "non": sorted(sig[~sig.onemg_signatory].name)}


def timeline_table(sig: pd.DataFrame) -> tuple[list[dict], list[dict]]:
    """(rowData, columnDefs): every atlas country with its 1+MG status and signature date."""
    rows = [{"country": r.name, "iso3": r.iso3, "status": _status(r),
             "signed": None if _missing(r.signed_date) else str(r.signed_date),
             "shown_as": (fmt.partial_date(r.signed_date) if not _missing(r.signed_date)
                          else ("date not published" if r.onemg_signatory else "—")),
             "precision": None if _missing(r.signed_precision) else r.signed_precision,
             "eu_member": "yes" if r.eu_member else "no",
             "sources": "; ".join(_list(r.source_urls))} for r in sig.itertuples()]
    cols = [{"field": "country", "headerName": "Country", "pinned": "left"},
            {"field": "iso3", "headerName": "ISO3", "maxWidth": 90},
            {"field": "status", "headerName": "1+MG status", "minWidth": 200},
            {"field": "signed", "headerName": "Signed (as published)"},
            {"field": "shown_as", "headerName": "Shown as"},
            {"field": "precision", "headerName": "Date precision"},
            {"field": "eu_member", "headerName": "EU member"},
            {"field": "sources", "headerName": "Sources", "minWidth": 260}]
    return rows, cols
