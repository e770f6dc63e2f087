"""What the national catalogues list (harvested; evidence ``catalogued`` / ``live``), as tables.

Pure: frames from ``data.queries.catalogues`` in (None when nothing was harvested), components out.
Without a harvest every block says :data:`NO_CATALOGUE`, never zero; a demonstration harvest
(``python -m data.harvest --demo``) is labelled as one wherever it is shown.
"""
from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from components import labels
from components.fmt import domain, is_missing, number

NO_CATALOGUE = "no catalogue harvested"
INDICATOR = "Individuals in catalogued 1+MG-compliant genomic datasets"
DEMO = ("Demonstration: these catalogues are loopback test nodes serving sample files "
        "(python -m data.harvest --demo), not real national catalogues.")


def _when(ts) -> str:
    """'2026-12-04 03:29 UTC' from '2026-12-04T03:29:21Z' (or NO_CATALOGUE's 'never')."""
    return "never" if is_missing(ts) else f"{str(ts)[:10]} {str(ts)[11:16]} UTC"


def _country(r) -> str:
    return r.country_iso3 if is_missing(r.country_name) else r.country_name


def _table(header: list[str], rows: list[list], id_: str) -> dbc.Table:
    return dbc.Table([html.Thead(html.Tr([html.Th(h, scope="col") for h in header])),
                      html.Tbody([html.Tr([html.Td(c) for c in r]) for r in rows])],
                     id=id_, size="sm", striped=True, className="small mb-1")


def preamble(entry: dict | None, id_: str) -> list:
    """The harvest's time and evidence level, and the demonstration label when it is one."""
    if not entry:
        return [html.P(NO_CATALOGUE, id=id_, className="text-muted mb-1")]
    text = (f"{labels.EVIDENCE['catalogued']}: harvested {_when(entry['harvested_at'])} "
            f"from {len(entry['nodes'])} node(s).")
    out = [html.P(text, id=id_, className="small mb-1")]
    if entry.get("demo"):
        out.insert(0, dbc.Alert(DEMO, color="warning", className="py-1 small mb-1",
                                id=f"{id_}-demo"))
    return out


def indicator_table(frame, entry: dict | None, id_: str) -> list:
    """Per country: the indicator, its datasets, how many publish no count, how fresh it is."""
    out = preamble(entry, f"{id_}-note")
    if frame is None:
        return out
    rows = [[_country(r), number(r.individuals_1mg_genomic),
             number(r.n_datasets_1mg_genomic), number(r.n_without_count),
             _when(r.oldest_harvested_at) if r.n_datasets_1mg_genomic else "–"]
            for r in frame.itertuples()]
    return [*out, _table(["Country", INDICATOR, "Datasets", "Without a count", "Harvested"],
                         rows, id_)]


def nodes_table(frame, entry: dict | None, id_: str) -> list:
    """Every configured node: kind, status, last harvest, last success, datasets, address."""
    out = preamble(entry, f"{id_}-note")
    if frame is None:
        return out
    rows = []
    for r in frame.itertuples():
        status = r.status if r.kind != "beacon" else (
            labels.EVIDENCE["live"] if r.alive else "not answering")
        rows.append([_country(r), r.node, r.kind, status,
                     _when(r.attempted_at), _when(r.last_success_at),
                     "–" if r.kind == "beacon" else number(r.n_datasets),
                     html.A(domain(r.url) or r.url, href=r.url)])
    return [*out, _table(["Country", "Node", "Kind", "Status", "Last harvest", "Last success",
                          "Datasets", "Address"], rows, id_)]


def country_section(indicator, nodes, datasets, entry: dict | None, id_: str) -> list:
    """A country's catalogued figure, its nodes with their freshness, and its datasets."""
    if entry is None:
        return preamble(entry, f"{id_}-note")
    value = indicator.individuals_1mg_genomic.iloc[0] if indicator is not None and len(indicator) \
        else None
    out = [*preamble(entry, f"{id_}-note"),
           html.P([html.Strong(f"{INDICATOR}: "), html.Span(number(value), id=f"{id_}-value")],
                  className="mb-1")]
    if nodes is not None and len(nodes):
        out += nodes_table(nodes, None, f"{id_}-nodes")[1:]
    else:
        out.append(html.P("No node of this country is harvested.", className="small text-muted"))
    if datasets is not None and len(datasets):
        rows = [[r.dataset_id, r.title or "", number(r.individuals),
                 "yes" if r.compliant_1mg else "no", "yes" if r.genomic else "no",
                 str(r.modified or "")[:10], r.node] for r in datasets.itertuples()]
        out.append(_table(["Dataset", "Title", "Individuals", "1+MG compliant", "Genomic",
                           "Modified", "Node"], rows, f"{id_}-datasets"))
    return out
