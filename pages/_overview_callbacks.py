"""The Overview page's callbacks: the static parts (KPIs, signatory timeline, country list), the
map of one indicator by year, the progress chart, the URL state and opening a country profile.
Callbacks with more than three outputs name them (``output=dict(...)``) and return a dict.

(A leading underscore keeps Dash Pages from importing this module as a page.)
"""
from __future__ import annotations

import datetime as dt

from dash import ClientsideFunction, Input, Output, Patch, State, callback, clientside_callback, ctx, no_update

from components import overview_views as views
from components import urls
from components.catalogue_views import indicator_table
from components.chart_card import card_outputs
from components.figures import overview as figs
from components.kpi import headline, kpi_about, kpi_row, overview_kpis
from components.url_state import Param, Spec
from data.queries import catalogues
from data.queries import overview as q
from data.queries.release import release_info
from data.queries.sources import ordered as best_first
from pages._overview_ranking import gap_sentence, projection_sentence, update_ranking  # noqa: F401
from pages._overview_state import COMMITTED_NOTE, PROGRESS_SENTENCE, SPEC, TIME_AWARE, url_search


@callback(output=dict(**card_outputs("overview-timeline"),
                      notes=Output("overview-timeline-notes", "children"),
                      countries=Output("overview-country-jump", "options")),
          inputs=dict(_load=Input("overview-load", "data")))
def load_static(_load):
    """The parts that do not change with the view: the timeline, its table and notes, and the
    country list of "Open a country profile"."""
    rel = release_info()
    sig = q.signatories()
    rows, cols = figs.timeline_table(sig)
    countries = [{"label": n, "value": i} for i, n in zip(sig.iso3, sig.name)]
    countries.sort(key=lambda o: o["label"])
    return {"figure": figs.timeline_figure(sig), "rows": rows, "cols": cols,
            "sources": views.timeline_sources(sig, rel),
            "notes": views.timeline_notes(figs.timeline_lists(sig)), "countries": countries}


@callback(output=dict(headline=Output("overview-headline-box", "children"),
                      kpis=Output("overview-kpis", "children"),
                      about=Output("overview-about-box", "children")),
          inputs=dict(group=Input("overview-group", "value"),
                      year=Input("overview-year", "value")))
def update_headline(group, year):
    """The group's headline and the KPI cards (with "about these figures") as known at the end
    of the chosen year (the latest year while the slider has none)."""
    state, _ = SPEC.clean({"group": group, "year": year})
    eff = min(state["year"] if state["year"] is not None else q.last_year(), q.last_year())
    cards = overview_kpis(q.kpis(eff), release_info()["built_date"])
    return {"headline": headline(q.group_headline(state["group"], eff)),
            "kpis": kpi_row(cards, "overview"), "about": kpi_about(cards, "overview")}


@callback(Output("overview-catalogue", "children"), Input("overview-load", "data"))
def load_catalogue(_load):
    """What the national catalogues list per country (or "no catalogue harvested")."""
    return indicator_table(catalogues.by_country(), catalogues.harvest(), "overview-catalogue-table")


@callback(output=dict(**card_outputs("overview-map", "title"),
                      legend=Output("overview-map-legend", "children"),
                      year_max=Output("overview-year", "max"),
                      year_marks=Output("overview-year", "marks"),
                      year=Output("overview-year", "value"),
                      year_disabled=Output("overview-year", "disabled"),
                      year_help=Output("overview-year-help", "children"),
                      year_note=Output("overview-year-note", "children"),
                      last_year=Output("overview-last-year", "data")),
          inputs=dict(indicator=Input("overview-indicator", "value"),
                      year=Input("overview-year", "value")))
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
    rows, cols = figs.map_table(frame, ind, year=eff if time_aware else None,
                                time_aware=time_aware, release_date=rel["built_date"],
                                targets=figs.national_targets(q.committed_targets()))
    return {
        "figure": figs.map_figure(traces) if ctx.triggered_id is None else _values_only(traces),
        "rows": rows, "cols": cols, "sources": views.map_sources(frame, ind, rel, order=best_first),
        "title": figs.INDICATOR_LABELS[ind] + (f", end of {eff}" if time_aware else ""),
        "legend": views.map_legend(ind, frame), "year_max": last,
        "year_marks": {y: str(y) for y in range(q.FIRST_YEAR, last + 1)
                       if y % 2 == 0 or y == last},
        "year": eff if eff != year else no_update, "year_disabled": not time_aware,
        "year_help": _year_help(ind, eff, time_aware, rel["built_date"]), "year_note": note,
        "last_year": last,
    }


def _values_only(traces: list[dict]) -> Patch:
    """A Patch of the drawn traces' values (the context layer and the geometry never change)."""
    fig = Patch()
    for i, tr in enumerate(traces[1:], start=1):
        for key in figs.PATCH_KEYS:
            if key in tr:
                fig["data"][i][key] = tr[key]
    return fig


def _year_help(ind: str, eff: int, time_aware: bool, release_date: str) -> str:
    if ind == "signatory":
        return (f"Status on 31 Dec {eff}: countries that signed later are shown as not (yet) "
                "signatories.")
    if time_aware:
        return (f"Each country's latest cumulative figure dated on or before 31 Dec {eff}, "
                "carried forward.")
    return (f"Not dated by year: the map shows the data release of {release_date}. The year "
            f"applies to: {', '.join(TIME_AWARE)}.")


@callback(output=dict(**card_outputs("overview-progress", "sentence")),
          inputs=dict(metric=Input("overview-metric", "value"),
                      proxies=Input("overview-proxies", "value")))
def update_progress(metric, proxies):
    """The progress chart of one metric (with its targets, and proxies when asked), its table,
    sentence and sources line."""
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
    if m == "wgs":
        sentence += gap_sentence(path, tot) + projection_sentence()
    if state["proxies"] and (px is None or px.empty):
        sentence += " No proxy figure is published for this metric."
    not_added = figs.targets_not_added(ct) if ct is not None else []
    return {"figure": fig, "rows": rows, "cols": cols, "sentence": sentence,
            "sources": views.progress_sources(rows, release_info(), not_added, order=best_first)}


# dcc.Slider (Dash 4) cannot name its thumb (role="slider"): point it at the visible label.
clientside_callback(ClientsideFunction("atlas", "nameSliderThumb"),
                    Output("overview-year-label", "title"), Input("overview-year", "max"),
                    State("overview-year", "id"), State("overview-year-label", "id"))


@callback(Output("overview-url-search", "data"), Input("overview-indicator", "value"),
          Input("overview-year", "value"), Input("overview-metric", "value"),
          Input("overview-proxies", "value"), Input("overview-last-year", "data"),
          Input("overview-measure", "value"), Input("overview-group", "value"))
def sync_url(indicator, year, metric, proxies, last, measure=None, group=None):
    if last is None:  # the year range is not known yet
        return no_update
    return url_search(indicator, year, metric, proxies, last, measure, group)


@callback(Output("overview-location", "pathname"), Input("overview-map-graph", "clickData"),
          Input("overview-country-open", "n_clicks"), State("overview-country-jump", "value"),
          Input("overview-ranking-graph", "clickData"), prevent_initial_call=True)
def open_country(click, _n, chosen, ranked_click=None):
    """Go to /country/<ISO3> for a clicked country (map or ranked bar) or the chosen one;
    anything else is ignored."""
    raw = (chosen if ctx.triggered_id == "overview-country-open"
           else _clicked(ranked_click) if ctx.triggered_id == "overview-ranking-graph"
           else _clicked(click))
    spec = Spec((Param("country", "choice", None, choices=tuple(q.country_codes())),))
    iso3 = spec.clean({"country": raw})[0]["country"]
    return urls.country(iso3) if iso3 else no_update


def _clicked(click):
    try:
        v = click["points"][0]["customdata"]
    except (TypeError, KeyError, IndexError):
        return None
    return v[0] if isinstance(v, list) and v else v
