"""The multi-select filter of the infrastructures and funding pages: its control, the summary of
what is chosen, and its URL parameters (choices taken from a facet of the data)."""
from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from components.url_state import Param


def multi_filter(id_: str, label: str) -> html.Details:
    """A keyboard-operable multi-select: a disclosure whose summary names the filter and how many
    values are chosen, holding a checklist (options and values are filled by a callback).
    The page updates ``<id>-summary`` with :func:`summary_text`."""
    return html.Details([
        html.Summary([html.Span(label, className="fw-semibold", id=f"{id_}-label"), ": ",
                      html.Span("all", id=f"{id_}-summary")], className="small"),
        html.Div(dbc.Checklist(id=id_, options=[], value=[], className="small mt-1"),
                 role="group", style={"maxHeight": "240px", "overflowY": "auto"},
                 **{"aria-labelledby": f"{id_}-label"}),
    ], className="border rounded px-2 py-1 bg-white")


def summary_text(values) -> str:
    n = len(values) if isinstance(values, (list, tuple)) else 0
    return "all" if n == 0 else f"{n} chosen"


def facet_params(facets: dict, declared) -> tuple[Param, ...]:
    """Multi-value URL parameters, none chosen by default, whose choices are facets of the data.

    ``declared``: ``(name, facet key, label)`` for each filter, in the page's order.
    """
    return tuple(Param(name, "multi", [], choices=tuple(facets[key]), label=label)
                 for name, key, label in declared)
