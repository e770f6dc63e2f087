"""Overview (/): where Europe stands on the 1+MG goal — headline figures, a map of one indicator
per country (by year where figures are dated), progress towards one million genomes with the
targets, and who signed the declaration when. View state (indicator, year, metric, proxies) is
in the URL.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter

import dash
import dash_bootstrap_components as dbc
from dash import (Input, Output, Patch, State, callback, clientside_callback, ctx, dcc, html,
                  no_update)

from components import fmt
from components.chart_card import chart_card, notices, register, url_sync
from components.figures import overview as figs
from components.kpi import OVERVIEW_LABELS, kpi_placeholders, kpi_row, overview_kpis
from components.url_state import Param, Spec
from data.queries import overview as q
from data.queries.release import release_info

dash.register_page(__name__, path="/", name="Overview", order=0, nav=True,
                   title="Overview — 1+MG Atlas",
                   description="Where Europe stands on the 1+ Million Genomes goal.")

SPEC = Spec((
    Param("indicator", "choice", "wgs", choices=tuple(q.INDICATORS), label="map indicator"),
    Param("year", "int", None, lo=q.FIRST_YEAR, hi=2100, label="year"),
    Param("metric", "choice", "wgs", choices=tuple(q.PROGRESS_METRICS), label="progress metric"),
    Param("proxies", "bool", False, label="“show proxies” option"),
))
CARDS = ("overview-map", "overview-progress", "overview-timeline")
register(*CARDS)  # clientside wiring at import (see CONTRIBUTING "Pitfalls")
url_sync("overview")

SWATCH = {"display": "inline-block", "width": "0.9em", "height": "0.9em", "verticalAlign": "-0.1em",
          "border": "1px solid #6c757d"}
TIME_AWARE = [figs.INDICATOR_LABELS[k] for k, m in q.INDICATORS.items() if m["time_aware"]]
PROGRESS_SENTENCE = {
    "wgs": "Sums reported sequenced genomes in national programmes: each programme's latest "
           "cumulative figure, carried forward, stacked by country. This is not the number of "
           "genomes accessible through 1+MG: no official count of those has been published. "
           "Annual counts (Sweden) and sub-programme subsets are not added.",
    "genotyped": "Sums participants genotyped on arrays in national programmes and biobanks (the "
                 "latest cumulative figure of each, carried forward). A genotyped participant is "
                 "not a sequenced genome, so the 1+MG genome targets are not drawn here.",
    "accessible": "Genomes a programme reports as released to researchers (only UK Biobank "
                  "publishes such a figure). No official count of genomes accessible through "
                  "1+MG has been published; the 1+MG goal is drawn for reference.",
}
COMMITTED_NOTE = (" Committed path: each programme's latest country-level cumulative target that "
                  "has a target year, added at the end of that year (Genome of Europe national "
                  "contributions at 2028); targets with no target year (listed below) and yearly "
                  "targets are left out; some targets count patients, not genomes (see the "
                  "table).")


def _card(prefix: str, title: str, *, graph_style: dict, **kwargs):
    """components.chart_card.chart_card with a CSS height for its graph (chart_card takes pixels;
    the map and the progress chart need more height on phones than a fixed pixel value gives)."""
    card = chart_card(prefix, title, **kwargs)
    stack = [card]
    while stack:
        c = stack.pop()
        if getattr(c, "id", None) == f"{prefix}-graph":
            c.style = graph_style
            return card
        kids = getattr(c, "children", None)
        stack.extend(kids if isinstance(kids, list) else [kids] if kids is not None else [])
    raise LookupError(f"{prefix}-graph")


def _controls(state: dict) -> html.Div:
    options = [{"label": lbl, "value": k} for k, lbl in figs.INDICATOR_LABELS.items()]
    return dbc.Row([
        dbc.Col([dbc.Label("Indicator", html_for="overview-indicator", className="fw-semibold"),
                 dbc.Select(id="overview-indicator", options=options, value=state["indicator"])],
                md=4, className="mb-2"),
        dbc.Col([html.Div("Year (figures as known at the end of it)", id="overview-year-label",
                          className="form-label fw-semibold"),
                 html.Div(dcc.Slider(id="overview-year", min=q.FIRST_YEAR, max=q.FIRST_YEAR + 8,
                                     step=1, value=state["year"], disabled=True, marks=None,
                                     allow_direct_input=False),
                          role="group", **{"aria-labelledby": "overview-year-label"}),
                 html.P(id="overview-year-help", className="small text-body-secondary mb-0"),
                 html.P(id="overview-year-note", className="small text-warning-emphasis mb-0",
                        role="status")], md=5, className="mb-2"),
        dbc.Col([dbc.Label("Open a country profile", html_for="overview-country-jump",
                           className="fw-semibold"),
                 dbc.InputGroup([dbc.Select(id="overview-country-jump", options=[],
                                            placeholder="Choose a country"),
                                 dbc.Button("Open", id="overview-country-open", color="primary")])],
                md=3, className="mb-2"),
        dbc.Col(html.Ul(id="overview-map-legend", className="map-legend list-inline small mb-1"),
                xs=12),
    ], className="g-3 align-items-start")


def _progress_controls(state: dict) -> html.Div:
    # dbc widgets render native radios/checkbox with labels (dcc's Dash 4 lists fail axe checks)
    return html.Div([
        html.Fieldset([
            html.Legend("Figure shown (never added together)", className="fs-6 fw-semibold mb-1"),
            dbc.RadioItems(id="overview-metric", value=state["metric"], inline=True,
                           name="overview-metric",
                           options=[{"label": lbl, "value": k}
                                    for k, lbl in figs.METRIC_LABELS.items()]),
        ], className="mb-1"),
        dbc.Switch(id="overview-proxies", value=state["proxies"],
                   label="Show proxy figures (prescriptions, reports, patients enrolled: not "
                         "genomes; dotted, never added)"),
    ], className="mb-2")


def layout(**kwargs):
    state, notes = SPEC.parse(kwargs)
    return html.Div([
        html.H1("Where Europe stands on the 1+ Million Genomes goal", className="h3"),
        html.P("Headline figures, a map by country, progress towards one million genomes and who "
               "has signed the 1+MG declaration. Every figure links to its public source.",
               className="lead fs-6"),
        notices(notes, "overview-notices"),
        *url_sync("overview"),
        dcc.Store(id="overview-load", data=0), dcc.Store(id="overview-last-year"),
        dcc.Location(id="overview-location", refresh="callback-nav"),
        dcc.Loading(html.Div(kpi_placeholders(OVERVIEW_LABELS, "overview"), id="overview-kpis"),
                    delay_show=300),
        _card("overview-map", "Map of Europe", csv_name="overview-map.csv",
              graph_style={"height": "min(660px, 105vw)"},
              sentence="Colour shows the chosen indicator per country; grey means no public "
                       "figure (never zero). Hover for the value, its date, sources and "
                       "confidence; click a country to open its profile.",
              extra_controls=_controls(state)),
        _card("overview-progress", "Progress towards one million genomes",
              csv_name="overview-progress.csv",
              graph_style={"height": "calc(520px + max(0px, 768px - 100vw) * 0.6)"},
              sentence=PROGRESS_SENTENCE[state["metric"]],
              extra_controls=_progress_controls(state)),
        _card("overview-timeline", "Who signed the 1+MG declaration, and when",
              csv_name="overview-signatories.csv", graph_style={"minHeight": "300px"},
              sentence="Each dot is the date a country signed; open dots are known only to the "
                       "month. Undated signatories and non-signatories are listed below the "
                       "chart."),
        html.Div(id="overview-timeline-notes", className="small mb-3"),
    ])


@callback(Output("overview-kpis", "children"), Output("overview-timeline-graph", "figure"),
          Output("overview-timeline-grid", "rowData"),
          Output("overview-timeline-grid", "columnDefs"),
          Output("overview-timeline-sources", "children"),
          Output("overview-timeline-notes", "children"),
          Output("overview-country-jump", "options"), Input("overview-load", "data"))
def load_static(_):
    rel = release_info()
    sig = q.signatories()
    rows, cols = figs.timeline_table(sig)
    lists = figs.timeline_lists(sig)
    notes = [html.P([html.Strong("Signatories whose signature date is not published: "),
                     ", ".join(lists["undated"]) or "none", "."], className="mb-1"),
             html.P([html.Strong("Not signatories: "), ", ".join(lists["non"]) or "none", "."])]
    urls = _by_use(sig.source_urls)
    sources = [f"Signature dates as published by the sources of each country row "
               f"({len(urls)} sources, listed per country in the table) · data release "
               f"{rel['release_id']} of {rel['built_date']}."]
    countries = [{"label": n, "value": i} for i, n in zip(sig.iso3, sig.name)]
    countries.sort(key=lambda o: o["label"])
    return (kpi_row(overview_kpis(q.kpis(), rel["built_date"]), "overview"),
            figs.timeline_figure(sig), rows, cols, sources, notes, countries)


@callback(Output("overview-map-graph", "figure"), Output("overview-map-grid", "rowData"),
          Output("overview-map-grid", "columnDefs"), Output("overview-map-sources", "children"),
          Output("overview-map-title", "children"), Output("overview-map-legend", "children"),
          Output("overview-year", "max"), Output("overview-year", "marks"),
          Output("overview-year", "value"), Output("overview-year", "disabled"),
          Output("overview-year-help", "children"), Output("overview-year-note", "children"),
          Output("overview-last-year", "data"),
          Input("overview-indicator", "value"), Input("overview-year", "value"))
def update_map(indicator, year):
    """Initial call: the whole figure. Later calls: a Patch with values only (never geometry)."""
    state, bad = SPEC.clean({"indicator": indicator, "year": year})
    ind, last = state["indicator"], q.last_year()
    note = " ".join(bad)
    eff = state["year"] if state["year"] is not None else last
    if eff > last:
        note, eff = f"No figure is dated after {last}; showing the end of {last}.", last
    time_aware = q.INDICATORS[ind]["time_aware"]
    frame = q.map_indicator(ind, eff if time_aware else None)
    rel = release_info()
    traces = figs.map_traces(frame, ind, year=eff if time_aware else None,
                             context=q.context_codes(),
                             value_range=q.indicator_range(ind), release_date=rel["built_date"])
    if ctx.triggered_id is None:
        fig = figs.map_figure(traces)
    else:
        fig = Patch()
        for i, tr in enumerate(traces[1:], start=1):
            for key in figs.PATCH_KEYS:
                if key in tr:
                    fig["data"][i][key] = tr[key]
    rows, cols = figs.map_table(frame, ind, year=eff if time_aware else None,
                                time_aware=time_aware, release_date=rel["built_date"])
    title = figs.INDICATOR_LABELS[ind] + (f", end of {eff}" if time_aware else "")
    help_ = (f"Status on 31 Dec {eff}: countries that signed later are shown as not (yet) "
             "signatories." if ind == "signatory" else
             f"Each country's latest cumulative figure dated on or before 31 Dec {eff}, carried "
             "forward." if time_aware else
             f"Not dated by year: the map shows the data release of {rel['built_date']}. The year "
             f"applies to: {', '.join(TIME_AWARE)}.")
    marks = {y: str(y) for y in range(q.FIRST_YEAR, last + 1) if y % 2 == 0 or y == last}
    value_out = eff if eff != year else no_update
    return (fig, rows, cols, _map_sources(frame, ind, rel), title, _legend(ind, frame), last,
            marks, value_out, not time_aware, help_, note, last)


def _legend(ind: str, frame) -> list:
    return [html.Li([html.Span(className="map-swatch", style={**SWATCH, "background": c},
                               **{"aria-hidden": "true"}), " ", lbl],
                    className="list-inline-item me-3") for c, lbl in figs.legend_items(ind, frame)]


def _map_sources(frame, ind: str, rel: dict) -> list:
    drawn = frame[frame.on_map.astype(bool)]
    urls = _by_use(drawn.source_urls)
    off = sorted(frame[~frame.on_map.astype(bool)].name)
    bits: list = []
    if ind in ("cohorts", "infra"):
        href = "/cohorts" if ind == "cohorts" else "/infrastructures"
        bits += ["Counts of rows in the atlas catalogue (a row spanning several countries counts "
                 "in each; cohort participants overlap and are never added up). Each row's "
                 "sources are on ", html.A("its page", href=href), ". "]
    else:
        bits += [f"Sources: {len(urls)} public sources, listed per country in the table, "
                 "among them ", *_main_sources(urls), ". "]
    if off:
        bits.append(f"Not on this map of Europe: {', '.join(off)} (see the country profile). ")
    bits.append(f"Data release {rel['release_id']} of {rel['built_date']}.")
    return bits


@callback(Output("overview-progress-graph", "figure"), Output("overview-progress-grid", "rowData"),
          Output("overview-progress-grid", "columnDefs"),
          Output("overview-progress-sentence", "children"),
          Output("overview-progress-sources", "children"),
          Input("overview-metric", "value"), Input("overview-proxies", "value"))
def update_progress(metric, proxies):
    state, _ = SPEC.clean({"metric": metric, "proxies": proxies})
    m = state["metric"]
    by, tot = q.progress_by_country(m), q.progress_series(m)
    eu = q.eu_targets() if m != "genotyped" else None
    ct = q.committed_targets() if m == "wgs" else None
    path = q.committed_path(ct) if ct is not None else None
    px = q.proxies(m) if state["proxies"] else None
    ends = [figs.as_date(d) for d in by.date]
    ends += [dt.date(int(y), 12, 31) for y in (eu.target_year if eu is not None else [])]
    ends += [figs.as_date(d) for d in (path.date if path is not None else [])]
    fig = figs.progress_figure(by, tot, metric=m, eu_targets=eu, committed=path, proxies=px,
                               x_end=max(ends) if ends else None)
    rows, cols = figs.progress_table(by, tot, metric=m, eu_targets=eu, committed_targets=ct,
                                     proxies=px)
    sentence = PROGRESS_SENTENCE[m] + (COMMITTED_NOTE if m == "wgs" else "")
    if state["proxies"] and (px is None or px.empty):
        sentence += " No proxy figure is published for this metric."
    urls = _by_use([(r.get("sources") or "").split("; ") for r in rows])
    rel = release_info()
    sources = [f"Sources: {len(urls)} public sources, listed per figure in the table, among them ",
               *_main_sources(urls), f". Data release {rel['release_id']} of {rel['built_date']}."]
    if ct is not None and (~ct.in_path).any():
        sources.append(html.Details([
            html.Summary("Country targets not added to the committed path (no target year)"),
            html.Ul([html.Li(t) for t in figs.targets_not_added(ct)], className="mb-0")],
            className="mt-1"))
    return fig, rows, cols, sentence, sources


def _by_use(lists) -> list[str]:
    """Distinct source URLs, the most cited first (so the sources line names the main ones)."""
    counts = Counter(u for lst in lists for u in lst if u)
    return [u for u, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _main_sources(urls: list[str], n: int = 4) -> list:
    """Links to the first URL of the ``n`` most cited domains (for a sources line)."""
    seen: dict[str, str] = {}
    for u in urls:
        seen.setdefault(fmt.domain(u), u)
    return fmt.source_links(list(seen.values())[:n])


# dcc.Slider (Dash 4) cannot name its thumb (role="slider"): point it at the visible label.
clientside_callback(
    """function (max) {
        var t = document.querySelector('#overview-year [role="slider"]');
        if (t) { t.setAttribute('aria-labelledby', 'overview-year-label'); }
        return window.dash_clientside.no_update;
    }""",
    Output("overview-year-label", "title"), Input("overview-year", "max"))


@callback(Output("overview-url-search", "data"), Input("overview-indicator", "value"),
          Input("overview-year", "value"), Input("overview-metric", "value"),
          Input("overview-proxies", "value"), Input("overview-last-year", "data"))
def sync_url(indicator, year, metric, proxies, last):
    if last is None:  # the year range is not known yet
        return no_update
    state, _ = SPEC.clean({"indicator": indicator, "year": year, "metric": metric,
                           "proxies": proxies})
    if state["year"] is not None and state["year"] >= last:
        state["year"] = None
    return SPEC.to_search(state)


@callback(Output("overview-location", "pathname"), Input("overview-map-graph", "clickData"),
          Input("overview-country-open", "n_clicks"), State("overview-country-jump", "value"),
          prevent_initial_call=True)
def open_country(click, _n, chosen):
    """Go to /country/<ISO3> for a clicked country or the chosen one; anything else is ignored."""
    raw = chosen if ctx.triggered_id == "overview-country-open" else _clicked(click)
    spec = Spec((Param("country", "choice", None, choices=tuple(q.country_codes())),))
    iso3 = spec.clean({"country": raw})[0]["country"]
    return f"/country/{iso3}" if iso3 else no_update


def _clicked(click):
    try:
        v = click["points"][0]["customdata"]
    except (TypeError, KeyError, IndexError):
        return None
    return v[0] if isinstance(v, list) and v else v
