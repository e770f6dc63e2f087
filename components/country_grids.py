"""AG Grid pieces of the country pages: column definitions from ``(field, header, kind)`` (used
by the profile's chart tables and by the /countries index) and the rows of the node map's table."""
from __future__ import annotations

import pandas as pd

from . import labels as L
from .cells import joined
from .country_sections import code_label
from .fmt import NO_FIGURE, is_missing
from .labels import INFRA_KIND as KIND_LABEL
from .labels import LOCATION_MAPPED

INFRA_COLS = [("name", "Node", "wide"), ("kind", "Kind", ""), ("status", "Status", ""),
              ("city", "City", ""), ("location", "Location", ""), ("lat", "Latitude", ""),
              ("lon", "Longitude", ""), ("source_urls", "Sources", "wide"), ("infra_id", "Id", "")]
GENOME_COLS = [("series", "Series", ""), ("programme", "Programme", "wide"), ("metric", "Metric", ""),
               ("count_basis", "Basis", ""), ("value", "Value", "int"), ("as_of", "As of", ""),
               ("age", "Age at release", ""), ("confidence", "Confidence", ""), ("source_urls", "Sources", "wide"),
               ("quote_or_basis", "Basis in the source", "wide"), ("figure_id", "Figure id", ""),
               ("release", "Data release", "")]
NUM_FMT = f"params.value == null ? '{NO_FIGURE}' : d3.format(',')(params.value)"
DEC_FMT = f"params.value == null ? '{NO_FIGURE}' : d3.format(',.1f')(params.value)"


def column_defs(cols: list[tuple[str, str, str]]) -> list[dict]:
    """AG Grid column definitions from ``(field, header, kind)``; kind ``int``/``dec`` columns
    stay numeric (they sort as numbers) and show NO_FIGURE for a missing value."""
    out = []
    for field, head, kind in cols:
        d: dict = {"field": field, "headerName": head}
        if kind in ("int", "dec"):
            d.update(type="numericColumn", filter="agNumberColumnFilter",
                     valueFormatter={"function": NUM_FMT if kind == "int" else DEC_FMT})
        elif kind == "wide":
            d.update(minWidth=260, tooltipField=field)
        out.append(d)
    return out


def infra_rows(nodes: pd.DataFrame) -> list[dict]:
    """Rows of the node map's table: every node, mapped or not, with its sources."""
    where = LOCATION_MAPPED
    return [{"name": r.name, "kind": KIND_LABEL.get(r.kind, r.kind), "status": code_label(r.status, L.INFRA_STATUS),
             "city": r.city if isinstance(r.city, str) else "",
             "lat": "none public" if is_missing(r.lat) else f"{r.lat:.4f}",
             "lon": "none public" if is_missing(r.lon) else f"{r.lon:.4f}",
             "location": where.get(r.location_precision, r.location_precision),
             "source_urls": joined(r.source_urls), "infra_id": r.infra_id}
            for r in nodes.itertuples()]
