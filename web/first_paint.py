"""First paint from the server (issue 15, item 1): every page's initial HTML carries a static,
accessible rendition of its first screen for the release served, before any JavaScript runs.

app.py's ``index_string`` leaves ``components.first_paint.MARKER`` just before Dash's
``#react-entry-point``; this hook fills it per page: the navbar, the page's own heading and lead
(taken from its ``layout()``, which is cheap by rule), the footer's release line, and on ``/`` the
Overview's KPI cards and a static SVG of its default map (the same traces the map callback draws,
from assets/geo). The rendition lies over the app, which mounts beneath it; assets/atlas.js removes
it once ``#app-main`` holds the page. Built once per release (``@per_release``) and page.
"""
from __future__ import annotations

import json
import logging
import re
from html import escape
from pathlib import Path

import dash
from flask import Flask, Response, request

from components import first_paint as fp
from components import overview_views as views
from components import urls
from components.figures import overview as figs
from components.first_paint_map import choropleth_svg, colour
from components.kpi import headline, kpi_row, overview_kpis
from components.labels import GROUP
from components.shell import APP_NAME, footer, nav_pages
from components.theme import GEOJSON_URL
from data import memo
from data.db import DataError, QueryError
from data.queries import first_paint as q
from data.queries.release import release_info
from data.queries.sources import ordered as best_first


def _page_for(path: str) -> tuple[dict, dict] | None:
    """(registry entry, layout kwargs) of the page serving ``path``."""
    for p in dash.page_registry.values():
        if p.get("path") == path and not p.get("path_template"):
            return p, {}
        tpl = p.get("path_template")
        if tpl:
            rx = "^" + re.sub(r"<(\w+)>", r"(?P<\1>[^/]+)", tpl) + "$"
            m = re.match(rx, path)
            if m:
                return p, m.groupdict()
    return None


def _find(tree, pred):
    """The first component of a Dash tree for which ``pred`` holds (depth first)."""
    stack = [tree]
    while stack:
        c = stack.pop(0)
        if isinstance(c, (list, tuple)):
            stack[:0] = list(c)
            continue
        if c is None or isinstance(c, (str, int, float)):
            continue
        if pred(c):
            return c
        stack.insert(0, getattr(c, "children", None))
    return None


def _text(c) -> str:
    if c is None:
        return ""
    if isinstance(c, (str, int, float)):
        return str(c)
    if isinstance(c, (list, tuple)):
        return "".join(_text(x) for x in c)
    return _text(getattr(c, "children", None))


def _heading_lead(tree) -> tuple[str, str]:
    h1 = _find(tree, lambda c: type(c).__name__ == "H1")
    lead = _find(tree, lambda c: type(c).__name__ == "P" and "lead" in (getattr(c, "className", "") or ""))
    return _text(h1).strip(), _text(lead).strip()


def _overview_blocks(tree) -> list[str]:
    """The Overview's first screen as the page lays it out: the controls (as text), the headline
    and KPI strip, the ranked chart (static bars in its colours) and the map (SVG)."""
    from pages._overview_ranking import ranking_sentence  # the page's own words
    from pages._overview_state import RANKED, SPEC  # the page's own defaults (web may read pages)

    state, _ = SPEC.parse({})
    ind, grp, measure = state["indicator"], state["group"], state["measure"]
    ranked_ind = RANKED.get(ind, "wgs")
    d = q.overview(ind, state["year"], grp, ranked_ind)
    rel, eff, time_aware = d["release"], d["year"], d["time_aware"]
    cards = overview_kpis(d["kpis"], rel["built_date"])
    sentence = lambda i: _text(_find(tree, lambda c: getattr(c, "id", None) == i))  # noqa: E731
    # the controls, as the page draws them (their chosen values as text)
    ctl = [("Group of countries", GROUP[grp], "col-6 col-xl-3"),
           ("Indicator", figs.INDICATOR_LABELS[ind], "col-6 col-xl-3")]
    controls = "".join(f'<div class="{c}"><p class="form-label fw-semibold mb-1">{escape(lbl)}</p>'
                       f'<div class="form-select fp-select">{escape(v)}</div></div>'
                       for lbl, v, c in ctl)
    controls += ('<div class="col-12 col-xl-6"><p class="form-label fw-semibold mb-1">Year '
                 '(figures as known at the end of it)</p><div class="overview-year-slider">'
                 f'<p class="mb-0"><strong>{eff}</strong></p></div></div>')
    controls = f'<div class="row g-2 mb-2 align-items-start overview-controls">{controls}</div>'
    # the ranked chart
    rows, missing = figs.ranking_rows(d["ranking_frame"], figs.national_targets(d["targets"]),
                                      measure)
    fig = figs.ranking_figure(rows, ranked_ind, measure, year=eff, value_range=d["ranking_range"],
                              release_date=rel["built_date"])
    bar = fig.data[0]
    scale = [list(x) for x in bar.marker.colorscale]
    lo, hi = bar.marker.cmin, bar.marker.cmax
    top = max(bar.x) if len(bar.x) else 1
    ranking = fp.bars([(n, x / top if top else 0, t,
                        colour(scale, 0.0 if hi == lo else (z - lo) / (hi - lo)))
                       for n, x, t, z in zip(bar.y, bar.x, bar.text, bar.marker.color)])
    rank_title = f"{figs.SHORT_LABELS[ranked_ind]}: countries ranked, end of {eff}"
    rank_sources = escape(figs.missing_text(missing) + ("." if missing else ""))
    # the map
    traces = figs.map_traces(d["frame"], ind, year=eff if time_aware else None,
                             context=d["context"], value_range=d["value_range"],
                             release_date=rel["built_date"])
    title = figs.INDICATOR_LABELS[ind] + (f", end of {eff}" if time_aware else "")
    geo = json.loads((Path(dash.get_app().config.assets_folder)
                      / GEOJSON_URL.removeprefix("/assets/")).read_text())
    svg = choropleth_svg(geo, traces, label=f"Map of Europe: {title}",
                         description=sentence("overview-map-sentence")
                         or "Colour shows the indicator per country.",
                         frame=(figs.MAP_LON, figs.MAP_LAT))
    legend = fp.to_html(views.map_legend(ind, d["frame"]))
    sources = fp.to_html(views.map_sources(d["frame"], ind, rel, order=best_first))
    cols = [("col-12 col-xl-4 order-1", fp.to_html(headline(d["headline"]))),
            ("col-12 col-xl-8 order-3 order-xl-2", fp.to_html(kpi_row(cards, "overview"))),
            ("col-12 col-xl-7 order-2 order-xl-3",
             fp.chart_card(rank_title, ranking_sentence(measure, missing),
                           '<p class="fs-6 mb-1"><strong class="me-3">Rank by</strong>'
                           f"{escape(figs.MEASURES[measure])}</p>{ranking}",
                           rank_sources)),
            ("col-12 col-xl-5 order-4",
             fp.chart_card(title, sentence("overview-map-sentence"),
                           f'<ul class="map-legend list-inline small mb-1">{legend}</ul>{svg}',
                           sources))]
    first = "".join(f'<div class="{c}">{h}</div>' for c, h in cols)
    return [f'<div class="overview-page">{controls}<div class="row g-2 overview-first">{first}'
            "</div></div>"]

log = logging.getLogger(__name__)


@memo.per_release(size=64)
def rendition(path: str) -> str:
    """The first-paint HTML of the page at ``path`` for the served release (an unknown path:
    the not-found page's)."""
    found = _page_for(path) or _page_for("/404")
    if found is None:
        return ""
    page, kwargs = found
    layout = page["layout"](**kwargs) if callable(page["layout"]) else page["layout"]
    heading, lead = _heading_lead(layout)
    blocks = _overview_blocks(layout) if page.get("path") == "/" else []
    links = [(p["name"], p["relative_path"]) for p in nav_pages()]
    return fp.page(nav=fp.navbar(APP_NAME, links, path), heading=heading or page.get("name", ""),
                   lead=lead, blocks=blocks, footer=fp.to_html(footer(release_info())))


def install(server: Flask) -> None:
    marker = fp.MARKER.encode()

    @server.after_request
    def _first_paint(resp: Response) -> Response:
        if (resp.mimetype != "text/html" or resp.direct_passthrough or request.method != "GET"
                or request.path.startswith(("/_dash", "/assets/", urls.API_PREFIX,
                                            urls.DOWNLOADS_PREFIX))):
            return resp
        body = resp.get_data()
        if marker not in body:
            return resp
        try:
            html = rendition(request.path)
        except (DataError, QueryError) as e:  # e.g. a kept release older than the queries
            log.warning("no first paint for %s: %s", request.full_path, e.__class__.__name__)
            html = ""
        resp.set_data(body.replace(marker, html.encode(), 1))
        return resp
