"""In-app 404 page (Dash Pages shows it for any unknown path)."""
from __future__ import annotations

import dash
from dash import html

dash.register_page(__name__, path="/404", title="Page not found — 1+MG Atlas")


def layout(**_kwargs):
    return html.Div([
        html.H1("Page not found", id="notfound-title"),
        html.P("There is no page at this address. It may have moved, or the link may be mistyped."),
        html.Ul([
            html.Li(html.A("Overview of Europe's progress", href="/")),
            html.Li(html.A("All countries", href="/countries")),
            html.Li(html.A("Data, sources and downloads", href="/data")),
        ]),
    ], className="py-4", id="notfound")
