"""The "Embed" part of a chart card: a button that shows the ``<iframe>`` snippet of the current
view (``/embed/<prefix>?<the page's URL state>&release=<id>``) in a readonly textarea, with a copy
button. Only the cards listed in :data:`EMBEDDABLE` offer it; web/embed.py serves exactly those
(a test checks both lists are one).

IDs for card ``p``: ``p-embed`` (the button), ``p-embed-collapse``, ``p-embed-code`` (textarea),
``p-embed-copy``, ``p-embed-status`` (says it was copied, to screen readers too).
"""
from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import ClientsideFunction, Input, Output, State, clientside_callback, dcc, html

from . import urls

#: Chart cards that can be embedded (their prefixes) -> the snippet's iframe height in pixels.
EMBEDDABLE = {"overview-map": 520, "overview-ranking": 520, "overview-progress": 460,
              "infra-map": 640, "infra-coverage": 640, "funding-timeline": 720,
              "funding-budget": 520, "funding-map": 560, "funding-calls-money": 460,
              "funding-calls-counts": 460, "funding-outputs": 520}

_WIRED: set[str] = set()

# The snippet and copy functions are assets/atlas.js's embedSnippet and embedCopy (one copy for
# every card; inline functions per card made every page's HTML ~20 KB heavier). They find the
# card's embed path and iframe height on its label's data attributes.


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
                   "sources and data release):", htmlFor=code_id, className="small mb-1",
                   id=f"{prefix}-embed-label",
                   **{"data-embed": urls.embed(prefix), "data-height": str(EMBEDDABLE[prefix])}),
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
        ClientsideFunction("atlas", "embedSnippet"),
        Output(f"{prefix}-embed-collapse", "is_open"), Output(f"{prefix}-embed-code", "value"),
        Input(f"{prefix}-embed", "n_clicks"), State(f"{prefix}-embed-collapse", "is_open"),
        State(f"{prefix}-embed-collapse", "id"), prevent_initial_call=True,
    )
    clientside_callback(
        ClientsideFunction("atlas", "embedCopy"), Output(f"{prefix}-embed-status", "children"),
        Input(f"{prefix}-embed-copy", "n_clicks"), State(f"{prefix}-embed-code", "value"),
        State(f"{prefix}-embed-code", "id"), prevent_initial_call=True,
    )
