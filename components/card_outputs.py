"""Named callback outputs that fill a chart card (see :mod:`components.chart_card` for its IDs).

A page callback that fills a card writes its figure, its table (rows and columns) and its sources
line; these helpers name those outputs once, so every page declares them the same way::

    @callback(output={**card_outputs("overview-map"), "title": Output(...)}, inputs=...)
    def update_map(...):
        return {**card_values(fig, rows, cols, sources), "title": ...}

With ``name``, the keys are prefixed (``map_figure``, ``map_rows`` …), for callbacks that fill
several cards at once.
"""
from __future__ import annotations

from dash import Output

def _key(name: str, part: str) -> str:
    return f"{name}_{part}" if name else part


def grid_outputs(grid_id: str, name: str = "") -> dict[str, Output]:
    """``{rows, cols}`` outputs of an AG Grid (its row data and column definitions)."""
    return {_key(name, "rows"): Output(grid_id, "rowData"),
            _key(name, "cols"): Output(grid_id, "columnDefs")}


def card_outputs(prefix: str, name: str = "", *, style: bool = False,
                 csv: bool = False) -> dict[str, Output]:
    """``{figure, rows, cols, sources}`` outputs of card ``prefix``; ``style`` adds the graph's
    style (its height), ``csv`` the grid's CSV export parameters (its file name)."""
    out = {_key(name, "figure"): Output(f"{prefix}-graph", "figure"),
           **grid_outputs(f"{prefix}-grid", name),
           _key(name, "sources"): Output(f"{prefix}-sources", "children")}
    if style:
        out[_key(name, "style")] = Output(f"{prefix}-graph", "style")
    if csv:
        out[_key(name, "csv")] = Output(f"{prefix}-grid", "csvExportParams")
    return out


def card_values(figure, rows, cols, sources, name: str = "", **extra) -> dict:
    """The return values matching :func:`card_outputs` (``extra``: ``style=``, ``csv=``)."""
    values = {"figure": figure, "rows": rows, "cols": cols, "sources": sources, **extra}
    return {_key(name, part): v for part, v in values.items()}
