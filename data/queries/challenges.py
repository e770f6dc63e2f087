"""The three challenges of the 1+MG roadmap, as facts per country (never scores).

1. Secure cross-border access: 1+MG signatory; GDI participation and node status; a Federated EGA
   node; a Beacon (a node of kind ``beacon``, or a node stating the ``beacon`` service or the
   GA4GH Beacon v2 standard).
2. Common standards for data management and quality: the standards the country's nodes state
   support for.
3. Expertise in analysis: an ELIXIR node; funded activities with a ``training`` topic in which the
   country takes part or which it coordinates.

Each fact keeps the rows it rests on (``evidence``), with their source URLs.
"""
from __future__ import annotations

import pandas as pd

from .. import db
from .. import vocab as V
from . import funding, infra

#: fact key -> (challenge, short label, definition shown on the page)
FACTS = {
    "signatory": ("access", "1+MG signatory",
                  "The country signed the 1+MG declaration (date at the precision the source gives)."),
    "gdi": ("access", "GDI",
            "Whether a source names the country as a GDI participant, and the status of its GDI "
            "node row, if one is recorded."),
    "fega": ("access", "Federated EGA node",
             "A national Federated EGA node (or a Central EGA site) in the country, with its status."),
    "beacon": ("access", "Beacon",
               "A node in the country that is a Beacon, or states the beacon service or the GA4GH "
               "Beacon v2 standard."),
    "standards": ("standards", "Standards stated by its nodes",
                  "Standards that the sources of the country's nodes say they support. Empty means "
                  "no source stating support was found, not that none is used."),
    "elixir": ("expertise", "ELIXIR node",
               "An ELIXIR national node in the country, with its status."),
    "training": ("expertise", "Activities with a training topic",
                 "Funded activities tagged with the training topic that the country takes part in "
                 "or coordinates."),
}
CHALLENGES = {
    "access": "Secure cross-border access",
    "standards": "Common standards for data management and quality",
    "expertise": "Expertise in analysis",
}
STATUS_WORD = dict(zip(V.INFRA_STATUS, ("operational", "in development", "planned",
                                        "status unknown")))


def _node_fact(rows: pd.DataFrame) -> tuple[str, str]:
    if rows.empty:
        return "no node in the data", "none"
    best = max(rows.status, key=lambda s: infra.STATUS_RANK.get(s, 0))
    n = len(rows)
    return f"{STATUS_WORD[best]}{f' ({n} nodes)' if n > 1 else ''}", best


def _beacon_rows(nodes: pd.DataFrame) -> pd.DataFrame:
    mask = ((nodes.kind == V.BEACON) | nodes.services.map(lambda svc: "beacon" in svc)
            | nodes.standard_ids.map(lambda ids: "ga4gh-beacon-v2" in ids))
    return nodes[mask]


def _inputs():
    summary = db.query("challenges_countries")
    nodes = infra.nodes()
    training = funding.links(topics=["training"])
    training = training[training.source == "activities"]
    names = infra.facets()["standard_names"]
    return summary, nodes, training, names


def country_facts() -> pd.DataFrame:
    """One row per profiled country: iso3, name, eu_member, and for each fact key in :data:`FACTS` a display
    text ``<key>`` and a state ``<key>_state`` ('yes' / 'operational' / 'in_development' /
    'planned' / 'unknown' / 'no' / 'none') for styling."""
    summary, nodes, training, names = _inputs()
    rows = []
    for c in summary.itertuples():
        mine = nodes[nodes.country_iso3 == c.iso3]
        r = {"iso3": c.iso3, "name": c.name, "eu_member": bool(c.eu_member)}
        if c.onemg_signatory:
            when = c.onemg_signed_date
            r["signatory"] = f"yes, signed {_date(when)}" if isinstance(when, str) else "yes (date not found)"
            r["signatory_state"] = "yes"
        else:
            r["signatory"], r["signatory_state"] = "not recorded as signatory", "no"
        gtext, gstate = _node_fact(mine[mine.kind == V.GDI_NODE])
        part = {"true": "participant", "false": "not a participant",
                "unknown": "participation unknown"}.get(c.gdi_participant, "participation unknown")
        r["gdi"] = f"{part}; node: {gtext}"
        r["gdi_state"] = gstate if gstate != "none" else {"true": "yes", "false": "no"}.get(
            c.gdi_participant, "unknown")
        r["fega"], r["fega_state"] = _node_fact(mine[mine.kind == V.FEGA_NODE])
        r["beacon"], r["beacon_state"] = _node_fact(_beacon_rows(mine))
        stated = sorted({s for lst in mine.standard_ids for s in lst})
        r["standards"] = ("; ".join(names.get(s, s) for s in stated) if stated
                          else "none stated in the data")
        r["standards_state"] = "yes" if stated else "none"
        r["elixir"], r["elixir_state"] = _node_fact(mine[mine.kind == V.ELIXIR_NODE])
        t = training[training.iso3 == c.iso3]
        r["training"] = (f"{len(t)}: " + ", ".join(t.item_label)) if len(t) else "none recorded"
        r["training_state"] = "yes" if len(t) else "none"
        rows.append(r)
    return pd.DataFrame(rows)


def _date(s: str) -> str:
    from calendar import month_abbr

    parts = s.split("-")
    if len(parts) == 1:
        return parts[0]
    mon = month_abbr[int(parts[1])]
    return f"{mon} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {mon} {parts[0]}"


def country_name(iso3: str) -> str | None:
    """The name of a profiled country (None when there is no such profile)."""
    c = db.query("challenges_countries")
    hit = c[c.iso3 == iso3]
    return None if hit.empty else str(hit.name.iloc[0])


def evidence(iso3: str, fact: str) -> list[dict]:
    """The rows a fact rests on: ``[{"table", "id", "label", "detail", "source_urls"}]``.
    Unknown ``fact`` raises ValueError; an unknown country gives an empty list."""
    if fact not in FACTS:
        raise ValueError(f"unknown fact {fact!r}")
    summary, nodes, training, names = _inputs()
    c = summary[summary.iso3 == iso3]
    if c.empty:
        return []
    c = c.iloc[0]
    mine = nodes[nodes.country_iso3 == iso3]
    out: list[dict] = []

    def country_row(detail: str) -> None:
        out.append({"table": "countries", "id": iso3, "label": c["name"], "detail": detail,
                    "source_urls": list(c.source_urls)})

    def node_rows(rows: pd.DataFrame) -> None:
        for n in rows.itertuples():
            std = ", ".join(names.get(s, s) for s in n.standard_ids)
            out.append({"table": "infrastructures", "id": n.infra_id, "label": n.name,
                        "detail": f"{n.kind}; {STATUS_WORD.get(n.status, n.status)}"
                                  + (f"; standards: {std}" if std else ""),
                        "source_urls": list(n.source_urls)})

    if fact == "signatory":
        signed = c.onemg_signed_date if isinstance(c.onemg_signed_date, str) else "date not found"
        country_row(f"onemg_signatory = {str(bool(c.onemg_signatory)).lower()}; signed: {signed}"
                    + (f"; notes: {c.notes}" if isinstance(c.notes, str) and c.notes else ""))
    elif fact == "gdi":
        country_row(f"gdi_participant = {c.gdi_participant}"
                    + (f"; notes: {c.notes}" if isinstance(c.notes, str) and c.notes else ""))
        node_rows(mine[mine.kind == V.GDI_NODE])
    elif fact == "fega":
        node_rows(mine[mine.kind == V.FEGA_NODE])
    elif fact == "beacon":
        node_rows(_beacon_rows(mine))
    elif fact == "standards":
        node_rows(mine[mine.standard_ids.map(len) > 0])
    elif fact == "elixir":
        node_rows(mine[mine.kind == V.ELIXIR_NODE])
    elif fact == "training":
        for t in training[training.iso3 == iso3].itertuples():
            out.append({"table": "activities", "id": t.item_id, "label": t.item_label,
                        "detail": f"topic: training; role: {t.role}",
                        "source_urls": list(t.source_urls)})
    return out
