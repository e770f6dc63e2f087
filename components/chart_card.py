"""A chart card: title, one plain sentence, the graph, "show as table", CSV of exactly what is drawn,
and a provenance line (sources and "last updated").

IDs for a card with prefix ``p`` (``<page>-<thing>``): ``p-graph``, ``p-grid``, ``p-sentence``,
``p-sources``, ``p-table-toggle``, ``p-table-collapse``, ``p-csv``. The page fills ``p-graph.figure``,
the table's rows / column defs (``card_outputs``: Stores ``p-table-rows``, ``p-table-cols``) and
``p-sources.children`` from its own callbacks; the toggle and CSV export are wired here with
clientside callbacks (no server round trip).

The grid ``p-grid`` is mounted only when it is needed: when "Show as table" first opens, or when
"Download CSV" is pressed (then it is mounted with the same rows and exports them at once). A page
whose cards stay closed never loads AG Grid's community chunk (about 250 KB compressed).
"""
from __future__ import annotations

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import ClientsideFunction, Input, Output, State, clientside_callback, dcc, html

from .embed import embed_button, embed_panel, wire_embed
from .theme import graph_config

_WIRED: set[str] = set()


def data_grid(grid_id: str, *, csv_name: str, height: int = 320, **kwargs) -> dag.AgGrid:
    """An AG Grid with the atlas defaults: sortable, filterable, resizable columns, CSV export."""
    return dag.AgGrid(
        id=grid_id,
        rowData=[],
        columnDefs=kwargs.pop("columnDefs", []),
        defaultColDef={"sortable": True, "filter": True, "resizable": True, "minWidth": 90},
        # every column stays in the DOM: the grids are narrow tables, and screen readers, print
        # and find-in-page should see the source columns scrolled out of view too
        dashGridOptions={"animateRows": False, "suppressCellFocus": False,
                         "suppressColumnVirtualisation": True,
                         "ensureDomOrder": True, **kwargs.pop("dashGridOptions", {})},
        csvExportParams={"fileName": csv_name},
        style={"height": f"{height}px", "width": "100%"},
        **kwargs,
    )


def chart_card(prefix: str, title: str, *, sentence: str = "", csv_name: str | None = None,
               graph_height: int = 420, heading_level: int = 2, extra_controls=None,
               graph_kwargs: dict | None = None) -> dbc.Card:
    heading = (html.H2 if heading_level == 2 else html.H3)(title, id=f"{prefix}-title")
    _wire(prefix)
    return dbc.Card([
        dbc.CardHeader(heading),
        dbc.CardBody([
            html.P(sentence, id=f"{prefix}-sentence", className="chart-sentence small mb-2"),
            extra_controls if extra_controls is not None else html.Div(),
            dcc.Loading(dcc.Graph(id=f"{prefix}-graph", config=graph_config(),
                                  style={"height": f"{graph_height}px"},
                                  **(graph_kwargs or {})),
                        type="default", delay_show=300,
                        # the graph's height before its plotly chunk mounts it (assets/atlas.css)
                        parent_style={"--graph-h": f"{graph_height}px"}),
            html.Div([
                dbc.Button("Show as table", id=f"{prefix}-table-toggle", color="secondary",
                           outline=True, size="sm", className="me-2"),
                dbc.Button([html.I(className="bi bi-download me-1", **{"aria-hidden": "true"}),
                            "Download CSV"], id=f"{prefix}-csv", color="secondary", outline=True,
                           size="sm"),
                embed_button(prefix),
            ], className="chart-actions my-2 d-print-none"),
            embed_panel(prefix),
            dbc.Collapse(html.Div(id=f"{prefix}-table-slot"), id=f"{prefix}-table-collapse",
                         is_open=False),
            *table_stores(prefix, csv_name or f"{prefix}.csv"),
            html.Div(id=f"{prefix}-sources", className="small text-body-secondary mt-2"),
        ]),
    ], className="chart-card mb-3")


def table_stores(prefix: str, csv_name: str) -> list:
    """What the card's grid is mounted from: its rows, column defs and CSV export parameters (filled
    by the page) and the grid's own settings (``data_grid``'s props, without rows)."""
    spec = data_grid(f"{prefix}-grid", csv_name=csv_name).to_plotly_json()
    props = {k: v for k, v in spec["props"].items() if k not in ("rowData", "columnDefs")}
    grid = {"namespace": spec["namespace"], "type": spec["type"], "props": props}
    return [dcc.Store(id=f"{prefix}-table-rows", data=[]),
            dcc.Store(id=f"{prefix}-table-cols", data=[]),
            dcc.Store(id=f"{prefix}-table-csv", data={"fileName": csv_name}),
            dcc.Store(id=f"{prefix}-table-grid", data=grid)]


#: The parts of a card that its page's callbacks fill: name -> (id suffix, property).
CARD_PARTS = {"figure": ("graph", "figure"), "rows": ("table-rows", "data"),
              "cols": ("table-cols", "data"), "sources": ("sources", "children"),
              "title": ("title", "children"), "sentence": ("sentence", "children"),
              "csv": ("table-csv", "data"), "style": ("graph", "style")}


def card_outputs(prefix: str, *extra: str, name: str = "") -> dict[str, Output]:
    """Named callback outputs for card ``prefix``: ``figure``, ``rows``, ``cols`` and ``sources``,
    plus the ``extra`` parts named in ``CARD_PARTS`` (``title``, ``sentence``, ``csv``, ``style``).
    Use as ``@callback(output=dict(**card_outputs("p"), ...))`` and return a dict of the names.
    A callback that fills several cards gives each a ``name``: its keys become ``map_figure``,
    ``map_rows`` … (see :func:`card_values`)."""
    names = ("figure", "rows", "cols", "sources", *extra)
    return {_named(name, n): Output(f"{prefix}-{CARD_PARTS[n][0]}", CARD_PARTS[n][1])
            for n in names}


def card_values(figure, rows, cols, sources, *, name: str = "", **extra) -> dict:
    """The values for :func:`card_outputs` with the same ``name`` (``extra``: ``style=`` …)."""
    values = {"figure": figure, "rows": rows, "cols": cols, "sources": sources, **extra}
    return {_named(name, n): v for n, v in values.items()}


def grid_outputs(grid_id: str) -> dict[str, Output]:
    """``rows`` and ``cols`` outputs of a grid outside a chart card (row data, column defs)."""
    return {"rows": Output(grid_id, "rowData"), "cols": Output(grid_id, "columnDefs")}


def _named(name: str, part: str) -> str:
    return f"{name}_{part}" if name else part


def register(*prefixes: str) -> None:
    """Register the clientside wiring of chart cards. Call at page-module import time (not inside
    ``layout()``): callbacks created while a layout runs may never reach the browser under gunicorn."""
    for prefix in prefixes:
        _wire(prefix)


def _wire(prefix: str) -> None:
    if prefix in _WIRED:
        return
    _WIRED.add(prefix)
    wire_embed(prefix)
    clientside_callback(
        ClientsideFunction("atlas", "toggle"),
        Output(f"{prefix}-table-collapse", "is_open"), Output(f"{prefix}-table-toggle", "children"),
        Input(f"{prefix}-table-toggle", "n_clicks"), State(f"{prefix}-table-collapse", "is_open"),
        prevent_initial_call=True,
    )
    clientside_callback(
        ClientsideFunction("atlas", "mountGrid"),
        Output(f"{prefix}-table-slot", "children"),
        Input(f"{prefix}-table-toggle", "n_clicks"), Input(f"{prefix}-csv", "n_clicks"),
        Input(f"{prefix}-table-rows", "data"), Input(f"{prefix}-table-cols", "data"),
        Input(f"{prefix}-table-csv", "data"), State(f"{prefix}-table-grid", "data"),
        State(f"{prefix}-table-slot", "children"),
        prevent_initial_call=True,
    )


def url_sync(page: str) -> list:
    """The hidden pieces that mirror a page's state into the address bar: a Store and its callback.

    The page's callbacks write ``<page>-url-search.data`` (from ``Spec.to_search``). Call it once at
    page-module import time too (``url_sync(page)`` at module level) so the callback is registered
    before the app starts serving.
    """
    sid = f"{page}-url-search"
    if sid not in _WIRED:
        _WIRED.add(sid)
        clientside_callback(ClientsideFunction("atlas", "syncUrl"), Output(sid, "clear_data"),
                            Input(sid, "data"), prevent_initial_call=True)
    return [dcc.Store(id=sid)]


def notices(messages: list[str], id_: str) -> html.Div:
    """A small dismissable notice listing input that was ignored or replaced by a default."""
    if not messages:
        return html.Div(id=id_)
    return html.Div(dbc.Alert([html.Strong("Some of the link could not be used. "),
                               html.Ul([html.Li(m) for m in messages], className="notice-list mb-0")],
                              color="warning", dismissable=True, className="small py-2"),
                    id=id_, role="status")
