"""Grids and lists shared by the infrastructures, challenges and funding pages: sourced AG Grids
with CSV export (the export carries plain source URLs, the screen shows links), and lists of
rows with their sources for "click to see what this rests on" panels.
"""
from __future__ import annotations

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import ClientsideFunction, Input, Output, clientside_callback, html

from components.cells import joined
from components.fmt import NO_FIGURE, domain, source_links

_WIRED: set[str] = set()
#: AG Grid value formatter: a missing number reads "no public figure", others get separators.
NUMBER_FORMATTER = {"function": f"params.value == null ? '{NO_FIGURE}' : d3.format(',')(params.value)"}
#: A year, or "not stated" when the source gives none.
YEAR_FORMATTER = {"function": "params.value == null ? 'not stated' : params.value"}


def md_links(urls) -> str:
    """Markdown links labelled by domain; parentheses in URLs are escaped so links stay whole."""
    out = []
    for u in (urls if urls is not None else []):
        href = str(u).replace("(", "%28").replace(")", "%29").replace(" ", "%20")
        out.append(f"[{domain(u)}]({href})")
    return " · ".join(out)


def source_cells(urls) -> dict:
    """A row's two source cells: ``sources`` (links, on screen) and ``source_urls`` (the CSV)."""
    return {"sources": md_links(urls), "source_urls": joined(urls)}


def sourced_grid(grid_id: str, *, csv_name: str, export_fields: list[str] | None, height: int = 420,
                 row_id: str | None = None, **kwargs) -> dag.AgGrid:
    """An AG Grid whose CSV export holds exactly ``export_fields`` (plain values, hidden or not);
    ``None`` exports the displayed columns."""
    opts = {"animateRows": False, "ensureDomOrder": True, "suppressCellFocus": False,
            "enableCellTextSelection": True, **kwargs.pop("dashGridOptions", {})}
    extra = {"getRowId": f"params.data.{row_id}"} if row_id else {}
    return dag.AgGrid(
        id=grid_id, rowData=[], columnDefs=kwargs.pop("columnDefs", []),
        defaultColDef={"sortable": True, "filter": True, "resizable": True, "minWidth": 90,
                       "wrapText": True, "autoHeight": True, "cellStyle": {"lineHeight": "1.35"}},
        dashGridOptions=opts, csvExportParams={"fileName": csv_name,
                         **({"columnKeys": export_fields} if export_fields else {})},
        style={"height": f"{height}px", "width": "100%"}, **extra, **kwargs)


def register_csv(button_id: str, grid_id: str) -> None:
    """Wire a CSV button to its grid (clientside). Call at page-module import time, like
    ``components.chart_card.register``: callbacks created inside ``layout()`` may never reach
    the browser."""
    if button_id not in _WIRED:
        _WIRED.add(button_id)
        clientside_callback(ClientsideFunction("atlas", "exportCsv"),
                            Output(grid_id, "exportDataAsCsv"), Input(button_id, "n_clicks"),
                            prevent_initial_call=True)


def csv_button(button_id: str, grid_id: str, label: str = "Download CSV") -> dbc.Button:
    """A button that exports ``grid_id`` as CSV (clientside, no server round trip)."""
    register_csv(button_id, grid_id)
    return dbc.Button([html.I(className="bi bi-download me-1", **{"aria-hidden": "true"}), label],
                      id=button_id, color="secondary", outline=True, size="sm")


def hidden_cols(fields: list[str]) -> list[dict]:
    """Column definitions that exist only for the CSV export (``source_urls`` is headed "Source
    URLs")."""
    return [{"field": f, "hide": True, **({"headerName": "Source URLs"} if f == "source_urls" else {})}
            for f in fields]


def sources_column(min_width: int) -> dict:
    """The on-screen sources column: links labelled by domain (see :func:`md_links`); the CSV
    carries the plain ``source_urls`` instead."""
    return {"field": "sources", "headerName": "Sources", "cellRenderer": "ExternalLinks",  # atlas.js
            "minWidth": min_width, "filter": False}


def evidence_list(rows: list[dict], *, empty: str) -> html.Div:
    """Rows a view rests on, each with its table, id and source links.

    ``rows``: ``[{"label", "detail", "table", "id", "source_urls"}]``.
    """
    if not rows:
        return html.P(empty, className="small text-body-secondary mb-0")
    items = []
    for r in rows:
        items.append(html.Li([
            html.Strong(r["label"]), html.Span(f" — {r['detail']}" if r.get("detail") else ""),
            html.Br(),
            html.Small([f"{r['table']} row “{r['id']}” · source: "]
                       + (source_links(list(r.get("source_urls") or [])) or ["none recorded"]),
                       className="text-body-secondary provenance"),
        ], className="mb-2"))
    return html.Ul(items, className="list-unstyled small mb-0")
