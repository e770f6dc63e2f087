"""The "Embed" part of a chart card: a button that shows the ``<iframe>`` snippet of the current
view (``/embed/<prefix>?<the page's URL state>&release=<id>``) in a readonly textarea, with a copy
button. Only the cards listed in :data:`EMBEDDABLE` offer it; web/embed.py serves exactly those
(a test checks both lists are one).

IDs for card ``p``: ``p-embed`` (the button), ``p-embed-collapse``, ``p-embed-code`` (textarea),
``p-embed-copy``, ``p-embed-status`` (says it was copied, to screen readers too).
"""
from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import Input, Output, State, clientside_callback, dcc, html

from . import urls

#: Chart cards that can be embedded (their prefixes) -> the snippet's iframe height in pixels.
EMBEDDABLE = {"overview-map": 520, "overview-ranking": 520, "overview-progress": 460,
              "infra-map": 640, "infra-coverage": 640, "funding-timeline": 720,
              "funding-budget": 520, "funding-map": 560, "funding-calls-money": 460,
              "funding-calls-counts": 460, "funding-outputs": 520}

_WIRED: set[str] = set()

# The current view's query string (without release) + the shown release (the footer's, or the
# page's ?release=); the snippet is shown when the collapse opens.
_SNIPPET = """
function (n, isOpen) {
    var open = !isOpen;
    var params = new URLSearchParams(window.location.search);
    var rel = params.get("__RELEASE__");
    var shown = document.getElementById("app-release");
    var m = shown && /Data release (\\S+)/.exec(shown.textContent || "");
    if (!rel && m) { rel = m[1]; }
    params.delete("__RELEASE__");
    if (rel) { params.set("__RELEASE__", rel); }
    var qs = params.toString();
    var src = window.location.origin + "__EMBED__" + (qs ? "?" + qs : "");
    var head = document.getElementById("__CHART__-title");
    var title = "1+MG Atlas: " + ((head && head.textContent) || "chart").replace(/&/g, "&amp;")
        .replace(/"/g, "&quot;").replace(/</g, "&lt;");
    return [open, "<iframe src=\\"" + src.replace(/&/g, "&amp;") + "\\" title=\\"" + title +
            "\\" width=\\"100%\\" height=\\"__HEIGHT__\\" style=\\"border:0\\" loading=\\"lazy\\"></iframe>"];
}
""".replace("__RELEASE__", urls.RELEASE_PARAM)

_COPY = """
function (n, code) {
    var area = document.getElementById("__CHART__-embed-code");
    if (area) { area.focus(); area.select(); }
    var fallback = function () { try { document.execCommand("copy"); } catch (e) {} };
    if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(code).catch(fallback);
    } else { fallback(); }
    return "Copied: paste it into your page's HTML.";
}
"""


def embed_button(prefix: str):
    """The "Embed" button for the card's actions row (nothing when the card is not embeddable)."""
    if prefix not in EMBEDDABLE:
        return None
    return dbc.Button([html.I(className="bi bi-code-slash me-1", **{"aria-hidden": "true"}),
                       "Embed"], id=f"{prefix}-embed", color="secondary", outline=True,
                      size="sm", className="embed-toggle")


def embed_panel(prefix: str):
    """The collapsed snippet panel under the actions row (nothing when not embeddable)."""
    if prefix not in EMBEDDABLE:
        return None
    code_id = f"{prefix}-embed-code"
    return dbc.Collapse(html.Div([
        html.Label("Paste this into your page to embed the chart as shown here (with its "
                   "sources and data release):", htmlFor=code_id, className="small mb-1"),
        html.Div([
            dcc.Textarea(id=code_id, readOnly=True, rows=3, value="",
                          className="form-control form-control-sm font-monospace embed-code"),
            dbc.Button("Copy", id=f"{prefix}-embed-copy", color="primary", size="sm",
                       className="mt-1"),
            html.Span(id=f"{prefix}-embed-status", className="small ms-2", role="status",
                      **{"aria-live": "polite"}),
        ]),
    ], className="embed-panel my-2"), id=f"{prefix}-embed-collapse", is_open=False)


def wire_embed(prefix: str) -> None:
    """The clientside wiring of an embeddable card (called with the card's own, at import time)."""
    if prefix not in EMBEDDABLE or prefix in _WIRED:
        return
    _WIRED.add(prefix)
    clientside_callback(
        _SNIPPET.replace("__EMBED__", urls.embed(prefix)).replace("__CHART__", prefix)
        .replace("__HEIGHT__", str(EMBEDDABLE[prefix])),
        Output(f"{prefix}-embed-collapse", "is_open"), Output(f"{prefix}-embed-code", "value"),
        Input(f"{prefix}-embed", "n_clicks"), State(f"{prefix}-embed-collapse", "is_open"),
        prevent_initial_call=True,
    )
    clientside_callback(
        _COPY.replace("__CHART__", prefix), Output(f"{prefix}-embed-status", "children"),
        Input(f"{prefix}-embed-copy", "n_clicks"), State(f"{prefix}-embed-code", "value"),
        prevent_initial_call=True,
    )
