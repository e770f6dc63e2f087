"""Small text and table helpers shared by the Overview figure builders: list cells, source
domains, compact numbers, wrapped hover text, dates, and the columns of the Overview tables."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from components import fmt
from components.cells import items, joined  # noqa: F401  (list cells: "a; b")

_missing = fmt.is_missing


def as_list(v) -> list:
    """A list from a list, a numpy array (DuckDB list columns) or a missing value."""
    return [str(x) for x in items(v)]


def domains(urls, limit: int = 3) -> str:
    """The distinct domains of ``urls`` ("a.org, b.eu +2 more"), or "no source listed"."""
    ds = list(dict.fromkeys(fmt.domain(u) for u in as_list(urls)))
    more = f" +{len(ds) - limit} more" if len(ds) > limit else ""
    return ", ".join(ds[:limit]) + more if ds else "no source listed"


def compact(v: float) -> str:
    """1500000 -> "1.5M", 3000 -> "3k"."""
    for div, suf in ((1e6, "M"), (1e3, "k")):
        if v >= div:
            return f"{v / div:g}{suf}"
    return f"{v:g}"


def wrap(text, width: int = 70, limit: int = 280) -> str:
    """``text`` cut to ``limit`` characters and wrapped with ``<br>`` for a hover label."""
    s = str(text or "")
    s = s if len(s) <= limit else s[: limit - 1] + "…"
    words, lines, cur = s.split(), [], ""
    for w in words:
        if len(cur) + len(w) + 1 > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}".strip()
    return "<br>".join(lines + [cur])


def as_date(v) -> dt.date:
    return pd.Timestamp(v).date()


#: The columns several Overview tables share, declared once (a table adds or overrides keys).
_SHARED = {
    "country": {"headerName": "Country"},
    "iso3": {"headerName": "ISO3", "maxWidth": 90},
    "value": {"headerName": "Value", "type": "numericColumn"},
    "shown_as": {"headerName": "Shown as"},
    "as_of": {"headerName": "As of"},
    "basis": {"headerName": "Basis"},
    "programmes": {"headerName": "Programmes"},
    "confidence": {"headerName": "Confidence"},
    "sources": {"headerName": "Sources", "minWidth": 260},
    "note": {"headerName": "Note", "minWidth": 260},
}


def columns(*fields: str, **extra: dict) -> list[dict]:
    """AG Grid column definitions for ``fields`` in order: the shared definition of each,
    updated with ``extra[field]`` (which must name the header of a field not shared)."""
    return [{"field": f, **_SHARED.get(f, {}), **extra.get(f, {})} for f in fields]
