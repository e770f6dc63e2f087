"""HTML keys and narrow-screen lists for charts (issue 16): a key that wraps with the page instead
of a Plotly legend that covers the plot on a phone, and a list in place of a country × item matrix
whose cells are too small to read on a narrow screen (``.matrix-wide`` / ``.matrix-narrow`` in
assets/atlas.css switch between them at Bootstrap's md breakpoint)."""
from __future__ import annotations

from dash import html


def swatch(colour: str, *, glyph: str = "", round_: bool = False, outline: str = "#6c757d") -> html.Span:
    """A small coloured square (or dot), optionally with a glyph in it; decorative."""
    return html.Span(glyph, className="key-swatch" + (" key-swatch-round" if round_ else ""),
                     style={"backgroundColor": colour, "borderColor": outline}, **{"aria-hidden": "true"})


def key(title: str, entries: list[tuple], *, id_: str | None = None) -> html.Div:
    """A one-line (wrapping) key: ``title``, then ``(mark, label)`` entries; ``mark`` is any
    component (``swatch``) or a glyph string."""
    items = [html.Li([html.Span(m, className="key-glyph", **{"aria-hidden": "true"})
                      if isinstance(m, str) else m, label], className="key-item")
             for m, label in entries]
    return html.Div([html.Span(f"{title}:", className="key-title"), html.Ul(items, className="key-list")],
                    className="chart-key small", **({"id": id_} if id_ else {}))


def matrix_list(rows: list[tuple], *, empty: str) -> html.Ul:
    """The matrix as a list, one item per row: ``(title, [(mark, text)], note)``; a row without
    entries reads ``empty``."""
    out = []
    for title, entries, note in rows:
        body = ([html.Span([html.Span(m, className="key-glyph", **{"aria-hidden": "true"})
                            if isinstance(m, str) else m, t], className="matrix-list-entry")
                 for m, t in entries] or [html.Span(empty, className="text-body-secondary")])
        out.append(html.Li([html.Strong(title), " ", *body,
                            html.Span(note, className="matrix-list-note") if note else ""]))
    return html.Ul(out, className="matrix-list list-unstyled small mb-2")
