"""Controls and text blocks of the infrastructures page (built from values handed in; no data)."""
from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from components.chart_key import key, swatch
from components.figures.infra import (
    COVERAGE,
    KIND_COLOUR,
    LOCATION_LABEL,
    PARTICIPATION_BARS,
    STATUS_GLYPH,
    STATUS_LABEL,
    kind_label,
)
from components.multi_filters import multi_filter

FILTERS = (
    ("kind", "Kind of node"), ("parent", "Parent organisation"), ("status", "Status"),
    ("service", "Service stated"), ("standard", "Standard stated"),
)
SORTS = {"name": "Countries A–Z", "gaps": "Fewest kinds present first"}


def filter_panel() -> dbc.Card:
    """The five multi-select filters."""
    cols = [dbc.Col(multi_filter(f"infra-{key}", label), xs=12, md=6, xl=True, className="mb-2")
            for key, label in FILTERS]
    return dbc.Card(dbc.CardBody([
        html.H2("Filter the nodes", className="h6 mb-2"),
        dbc.Row(cols, className="g-2 align-items-start"),
        html.Div([
            html.Small("Within a filter a node matches any chosen value; across filters it must "
                       "match all. Filters apply to the map, the matrix and the table.",
                       className="text-body-secondary me-3"),
            dbc.Button("Clear filters", id="infra-reset", color="link", size="sm",
                       className="p-0 align-baseline"),
        ], className="d-flex flex-wrap align-items-baseline"),
    ]), className="mb-3 d-print-none")


def option_list(values, labeller=None) -> list[dict]:
    return [{"label": labeller(v) if labeller else v, "value": v} for v in values]


def label_status(s: str) -> str:
    return STATUS_LABEL.get(s, s)


def label_service(s: str) -> str:
    return s.replace("_", " ")


def unplaced_block(unplaced, outside, total: int) -> html.Div:
    """'n of N nodes have no coordinates' with the list grouped by country, and the nodes that lie
    outside the map frame."""
    n = len(unplaced)
    parts = []
    if total == 0:
        parts.append(html.P("No node matches these filters; clear a filter to see more.",
                            className="small mb-0", id="infra-unplaced-count"))
    elif n == 0:
        parts.append(html.P(f"All {total} nodes shown have coordinates.", className="small mb-0",
                            id="infra-unplaced-count"))
    else:
        by_country: dict[str, list[str]] = {}
        for r in unplaced.itertuples():
            key = r.country_name if isinstance(r.country_name, str) else "No country stated"
            by_country.setdefault(key, []).append(f"{r.name} ({kind_label(r.kind)})")
        items = [html.Li([html.Strong(f"{c}: "), "; ".join(v)]) for c, v in sorted(by_country.items())]
        parts.append(html.Details([
            html.Summary(f"{n} of {total} nodes have no coordinates and are not on the map "
                         "(they are in the matrix and the table)", id="infra-unplaced-count"),
            html.Ul(items, className="small mt-2 mb-0", id="infra-unplaced-list"),
        ], className="small"))
    if len(outside):
        names = "; ".join(f"{r.name} ({r.country_name})" for r in outside.itertuples())
        parts.append(html.P(f"Outside the map frame ({len(outside)}): {names}.",
                            className="small mb-0 mt-1", id="infra-outside"))
    return html.Div(parts, className="mb-3")


def node_evidence_rows(rows) -> list[dict]:
    """Node rows as evidence items for components.infra_tables.evidence_list."""
    out = []
    for r in rows.itertuples():
        where = ", ".join(x for x in (r.city if isinstance(r.city, str) else "",
                                      r.country_name if isinstance(r.country_name, str) else "") if x)
        loc = LOCATION_LABEL.get(r.location_precision, LOCATION_LABEL["none"])
        out.append({"label": r.name, "table": "infrastructures", "id": r.infra_id,
                    "detail": f"{kind_label(r.kind)}; {label_status(r.status)}"
                              + (f"; {where}" if where else "") + f"; location: {loc}",
                    "source_urls": list(r.source_urls)})
    return out


def map_key() -> html.Div:
    """The node map's key (every kind's colour, every status's symbol): static, so the page does
    not move when the map arrives, and wrapping on a phone instead of covering the map."""
    return html.Div([
        key("Kind", [(swatch(c, round_=True, outline="#343a40"), kind_label(k))
                     for k, c in KIND_COLOUR.items()]),
        key("Status", [(STATUS_GLYPH[s], label_status(s)) for s in STATUS_GLYPH]),
    ], id="infra-map-key")


def coverage_key() -> html.Div:
    """The coverage matrix's key: the cell colours (with their glyphs) and the bars."""
    return html.Div([
        key("Cells", [(swatch(c, glyph=g), STATUS_LABEL[name]) for name, c, g in reversed(COVERAGE)]),
        key("Bars", [(swatch(c), label) for _col, label, c, _src in PARTICIPATION_BARS],
            id_="infra-coverage-bars-key"),
    ], id="infra-coverage-key", className="matrix-wide")
