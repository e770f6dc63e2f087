"""The Overview signatory timeline: who signed the 1+MG declaration when (one dot per dated
signatory), the lists of undated signatories and non-signatories, and the table behind it."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from components import fmt
from components.theme import PALETTE

from ._common import _missing, as_date, columns, domains, joined

DECLARATION = dt.date(2018, 4, 10)


def timeline_figure(sig: pd.DataFrame) -> go.Figure:
    """Who signed the 1+MG declaration when: one dot per dated signatory (open dot: month known,
    not the day), coloured EU / non-EU. Undated signatories and non-signatories are listed by
    :func:`timeline_lists`, not drawn."""
    dated = sig[sig.onemg_signatory & sig.signed_first.notna()]
    dated = dated.sort_values(["signed_first", "name"])
    fig = go.Figure()
    groups = [(True, "day", "EU member state", PALETTE[0], "circle"),
              (True, "month", "EU member state, month known", PALETTE[0], "circle-open"),
              (False, "day", "Non-EU country", PALETTE[5], "diamond"),
              (False, "month", "Non-EU country, month known", PALETTE[5], "diamond-open")]
    for eu, prec, name, colour, symbol in groups:
        g = dated[(dated.eu_member == eu) & ((dated.signed_precision == "day") == (prec == "day"))]
        if g.empty:
            continue
        fig.add_trace(go.Scatter(
            x=[as_date(d) for d in g.signed_first], y=list(g.name), mode="markers", name=name,
            marker={"color": colour, "symbol": symbol, "size": 11,
                    "line": {"width": 2, "color": colour}},
            customdata=list(g.iso3), text=[fmt.partial_date(d) for d in g.signed_date],
            hovertext=[f"Sources: {domains(u)}" for u in g.source_urls],
            hovertemplate="<b>%{y}</b><br>Signed %{text}<br>%{hovertext}<extra></extra>"))
    fig.add_shape(type="line", x0=DECLARATION, x1=DECLARATION, y0=0, y1=1,
                  yref="paper", line={"color": "#5c636a", "dash": "dot", "width": 1})
    fig.add_annotation(x=DECLARATION, y=1, yref="paper", yanchor="bottom",
                       text="Declaration, 10 Apr 2018", showarrow=False, xanchor="left",
                       font={"size": 11})
    fig.update_layout(
        height=max(260, 24 * len(dated) + 110), margin={"l": 120, "r": 16, "t": 28, "b": 40},
        yaxis={"categoryorder": "array", "categoryarray": list(dated.name), "autorange": "reversed",
               "title": None, "automargin": True},
        xaxis={"type": "date", "title": None},
        legend={"orientation": "h", "y": -0.08, "yanchor": "top", "x": 0},
    )
    return fig


def _status(r) -> str:
    if not r.onemg_signatory:
        return "not a signatory"
    return "signatory" if not _missing(r.signed_date) else "signatory (date not published)"


def timeline_lists(sig: pd.DataFrame) -> dict[str, list[str]]:
    """{"undated": [names of signatories without a published date], "non": [non-signatories]}."""
    undated = sig[sig.onemg_signatory & sig.signed_first.isna()]
    return {"undated": sorted(undated.name), "non": sorted(sig[~sig.onemg_signatory].name)}


def timeline_table(sig: pd.DataFrame) -> tuple[list[dict], list[dict]]:
    """(rowData, columnDefs): every atlas country with its 1+MG status and signature date."""
    rows = [{"country": r.name, "iso3": r.iso3, "status": _status(r),
             "signed": None if _missing(r.signed_date) else str(r.signed_date),
             "shown_as": (fmt.partial_date(r.signed_date) if not _missing(r.signed_date)
                          else ("date not published" if r.onemg_signatory else "—")),
             "precision": None if _missing(r.signed_precision) else r.signed_precision,
             "eu_member": "yes" if r.eu_member else "no",
             "sources": joined(r.source_urls)} for r in sig.itertuples()]
    cols = columns("country", "iso3", "status", "signed", "shown_as", "precision", "eu_member",
                   "sources", country={"pinned": "left"},
                   status={"headerName": "1+MG status", "minWidth": 200},
                   signed={"headerName": "Signed (as published)"},
                   precision={"headerName": "Date precision"},
                   eu_member={"headerName": "EU member"})
    return rows, cols
