"""Embeds: ``/embed/<chart>?<view state>`` serves one chart card (the figure its page draws, its
sources line, the release id and a link back to the full view) for other sites' ``<iframe>`` s.

The charts are declared once, in :data:`EMBEDS`: a chart card's prefix -> its page's path, the
page's view-state ``Spec`` and the page callback that fills the card (called as on the page's first
load, so the figure and sources line are the ones the page draws). Embeds are for other sites, so
input is not silently replaced: an unknown chart is a 404 and a parameter the ``Spec`` would
replace by a default is a 400 naming it. ``?release=`` pins the embed like any page
(web/pinning.py). Framing is allowed for these paths only (web/headers.py).
"""
from __future__ import annotations

import json
from collections.abc import Callable
from contextvars import copy_context
from dataclasses import dataclass
from html import escape
from urllib.parse import parse_qsl

import plotly.io as pio
from dash._callback_context import context_value
from dash._utils import AttributeDict
from flask import Flask, Response, request
from plotly.utils import PlotlyJSONEncoder

from components import urls
from components.theme import graph_config
from components.url_state import Spec
from data.queries.release import release_info


@dataclass(frozen=True)
class Embed:
    path: str  # the full view
    spec: Callable[[], Spec]
    fill: Callable[[], Callable]  # the page callback filling the card
    params: tuple[str, ...]  # the callback's arguments, in order (a name outside the Spec is None)
    title: str = ""  # the card's title (a callback's ``title`` output replaces it)
    name: str = ""  # the card's ``name`` in a callback filling several cards (``map_figure`` …)


def _spec(module: str, attr: str = "spec") -> Callable[[], Spec]:
    def get():
        from importlib import import_module
        found = getattr(import_module(f"pages.{module}"), attr)
        return found() if callable(found) else found
    return get


def _fill(module: str, name: str) -> Callable[[], Callable]:
    def get():
        from importlib import import_module
        return getattr(import_module(f"pages.{module}"), name)
    return get


_OVERVIEW = ("/", _spec("_overview_state", "SPEC"))
_INFRA = ("/infrastructures", _spec("_infra_state"))
_FUNDING = ("/funding", _spec("_funding_state"))
_INFRA_FILTERS = ("kind", "parent", "status", "service", "standard")
_FUNDING_FILTERS = ("programme", "kind", "topic")

#: Every embeddable chart card: its prefix -> where it lives and how it is filled.
EMBEDS: dict[str, Embed] = {
    "overview-map": Embed(*_OVERVIEW, _fill("_overview_callbacks", "update_map"),
                          ("indicator", "year"), "Map of Europe"),
    "overview-ranking": Embed(*_OVERVIEW, _fill("_overview_callbacks", "update_ranking"),
                              ("indicator", "year", "measure"), "Countries ranked"),
    "overview-progress": Embed(*_OVERVIEW, _fill("_overview_callbacks", "update_progress"),
                               ("metric", "proxies"),
                               "Progress towards one million genomes"),
    "infra-map": Embed(*_INFRA, _fill("_infra_callbacks", "render"),
                       (*_INFRA_FILTERS, "sort"), "Where the nodes are", "map"),
    "infra-coverage": Embed(*_INFRA, _fill("_infra_callbacks", "render"),
                            (*_INFRA_FILTERS, "sort"),
                            "Which countries have which kind of node", "coverage"),
    "funding-timeline": Embed(*_FUNDING, _fill("_funding_charts", "timeline"), _FUNDING_FILTERS,
                              "Activities over time"),
    "funding-budget": Embed(*_FUNDING, _fill("_funding_charts", "budget"),
                            (*_FUNDING_FILTERS, "group", "money", "scope"),
                            "Sourced budgets"),
    "funding-map": Embed(*_FUNDING, _fill("_funding_charts", "participation"),
                         (*_FUNDING_FILTERS, "view", "role"),
                         "Participation by country", "map"),
    "funding-calls-money": Embed(*_FUNDING, _fill("_funding_charts", "calls"), ("_raw",),
                                 "Call budgets", "money"),
    "funding-calls-counts": Embed(*_FUNDING, _fill("_funding_charts", "calls"), ("_raw",),
                                  "Proposals and projects per call", "counts"),
    "funding-outputs": Embed(*_FUNDING, _fill("_funding_charts", "outputs"),
                             (*_FUNDING_FILTERS, "x", "y"),
                             "Participation against outputs"),
}


class BadParam(ValueError):
    pass


def view_state(embed: Embed, args) -> dict:
    """The embed's state from the query string: strict (a 400 names what is wrong)."""
    spec = embed.spec()
    by_name = {p.name: p for p in spec.params}
    unknown = [k for k in args if k not in by_name and k != urls.RELEASE_PARAM]
    if unknown:
        takes = [n for n in embed.params if n in by_name]
        raise BadParam(f"Unknown parameter “{unknown[0][:40]}”; this chart takes "
                       + (", ".join(takes) + " (and release)." if takes else "only release."))
    state = {}
    for name, param in by_name.items():  # the page's other parameters are checked too
        value, note = param.clean(args.get(name))
        if note:
            raise BadParam(f"Parameter “{name}”: {note.replace('; showing the default.', '.')}")
        state[name] = value
    return state


def _call(fn, *args):
    def run():
        context_value.set(AttributeDict(triggered_inputs=[]))
        return fn(*args)
    return copy_context().run(run)


def to_html(node) -> str:
    """A Dash ``html.*`` tree (or strings, lists) as HTML."""
    if node is None or node is False:
        return ""
    if isinstance(node, (list, tuple)):
        return "".join(to_html(n) for n in node)
    if not hasattr(node, "_type"):
        return escape(str(node))
    tag = node._type.lower()
    attrs = ""
    for prop, attr in (("href", "href"), ("className", "class"), ("title", "title")):
        v = getattr(node, prop, None)
        if v:
            attrs += f' {attr}="{escape(str(v))}"'
    if tag == "a":
        attrs += ' target="_blank" rel="noopener"'
    return f"<{tag}{attrs}>{to_html(getattr(node, 'children', None))}</{tag}>"


def _figure_json(fig) -> str:
    if hasattr(fig, "to_plotly_json"):
        return pio.to_json(fig, validate=False)
    return json.dumps(fig, cls=PlotlyJSONEncoder)


def _error(status: int, title: str, message: str) -> Response:
    body = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}'
            f' · 1+MG Atlas</title></head><body><main><h1>{escape(title)}</h1>'
            f'<p id="embed-error">{escape(message)}</p></main></body></html>')
    resp = Response(body, status=status, mimetype="text/html")
    resp.headers["Cache-Control"] = "no-store"
    return resp


def render(chart: str) -> Response:
    embed = EMBEDS.get(chart)
    if embed is None:
        return _error(404, "No such chart",
                      f"There is no embeddable chart “{chart[:40]}”. Embeddable charts: "
                      + ", ".join(EMBEDS) + ".")
    try:
        state = view_state(embed, request.args)
    except BadParam as e:
        return _error(400, "Embed parameter not valid", str(e))
    raw = _call(embed.fill(), *(state.get(n) for n in embed.params))
    part = (lambda k: f"{embed.name}_{k}") if embed.name else (lambda k: k)
    out = {k: raw.get(part(k)) for k in ("figure", "sources", "title")}
    rel = release_info()
    release = rel["release_id"]
    search = embed.spec().to_search({n: state[n] for n in embed.params if n in state})
    full = embed.path + urls.query_string(
        [*[(k, v) for k, v in _pairs(search)], (urls.RELEASE_PARAM, release)])
    title = out.get("title") or embed.title or chart
    fig_json = _figure_json(out["figure"]).replace("</", "<\\/")
    config = json.dumps({**graph_config(), "responsive": True})
    body = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(str(title))} · 1+MG Atlas</title>
<style>body{{margin:0;font-family:system-ui,sans-serif;color:#212529;background:#fff}}
.embed{{display:flex;flex-direction:column;height:100vh;box-sizing:border-box;padding:8px}}
h1{{font-size:1rem;margin:0 0 4px}}#embed-graph{{flex:1;min-height:240px}}
.embed-foot{{font-size:.8rem;color:#555;margin-top:4px}}a{{color:#0b5ed7}}</style>
<script src="/assets/plotly-custom.min.js"></script></head>
<body><main class="embed"><h1 id="embed-title">{escape(str(title))}</h1>
<div id="embed-graph" role="img" aria-label="{escape(str(title))}"></div>
<p class="embed-foot" id="embed-sources">{to_html(out.get("sources"))}</p>
<p class="embed-foot">Data release <span id="embed-release">{escape(release)}</span> ·
<a id="embed-full" href="{escape(full)}" target="_top">Open the full view in the 1+MG Atlas</a>
· CC BY 4.0</p></main>
<script type="application/json" id="embed-figure">{fig_json}</script>
<script>(function(){{var f=JSON.parse(document.getElementById("embed-figure").textContent);
Plotly.newPlot("embed-graph",f.data,f.layout||{{}},{config});}})();</script>
</body></html>"""
    return Response(body, mimetype="text/html")


def _pairs(search: str):
    return parse_qsl(search.lstrip("?"))


def install(server: Flask) -> None:
    server.add_url_rule(urls.EMBED_PREFIX + "/<path:chart>", "embed", lambda chart: render(chart))
