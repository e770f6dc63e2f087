"""KPI cards: one headline figure each, with exactly what it counts, as of when, and where its
sources are listed. Built from plain values handed in; nothing here queries.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import dash_bootstrap_components as dbc
from dash import html

from . import fmt, labels


@dataclass(frozen=True)
class Kpi:
    """One card. ``value`` is a number (formatted here) or a ready string; None -> NO_FIGURE."""

    key: str
    label: str
    value: object
    counts: str
    as_of: str
    link_text: str = ""
    href: str = ""
    extra: list = field(default_factory=list)


def kpi_card(k: Kpi, page: str) -> html.Section:
    """A card (a labelled ``<section>``, id ``<page>-kpi-<key>``) with the big number, what it
    counts, as of when and a link to where its sources are listed."""
    value = k.value if isinstance(k.value, str) else fmt.number(k.value)
    missing = value == fmt.NO_FIGURE
    body = [
        html.P(k.label, className="kpi-label mb-1", id=f"{page}-kpi-{k.key}-label"),
        html.P(value, className="kpi-value mb-1" + (" no-figure" if missing else ""),
               id=f"{page}-kpi-{k.key}-value"),
        html.P(k.counts, className="small mb-1"),
        *k.extra,
        html.P(k.as_of, className="small text-body-secondary mb-1"),
    ]
    if k.href:
        body.append(html.A(k.link_text or "Sources", href=k.href, className="small"))
    return html.Section(html.Div(body, className="card-body"), className="card kpi-card h-100",
                        id=f"{page}-kpi-{k.key}",
                        **{"aria-labelledby": f"{page}-kpi-{k.key}-label"})


def kpi_row(kpis: list[Kpi], page: str) -> dbc.Row:
    """Cards in a responsive row: one column on phones, two on tablets, all in a row on desktops."""
    return dbc.Row([dbc.Col(kpi_card(k, page), xs=12, sm=6, xl=True, className="mb-3")
                    for k in kpis], className="g-3 kpi-row")


def kpi_placeholders(labels: dict[str, str], page: str) -> dbc.Row:
    """The skeleton shown before the figures arrive: the labels and a "loading" value."""
    return kpi_row([Kpi(key, label, "…", "Loading…", "") for key, label in labels.items()],
                   page)


#: Where the overview's KPI cards send readers for the full lists and their sources.
LINKS = {"timeline": "#overview-timeline-title", "progress": "#overview-progress-title",
         "cohorts": "/cohorts", "infra": "/infrastructures"}
OVERVIEW_LABELS = {"signatories": "1+MG signatory countries",
                   "wgs": "Sequenced genomes reported (WGS)",
                   "genotyped": labels.METRIC["genotyped"],
                   "cohorts": "Cohorts catalogued",
                   "infra": "Infrastructure nodes"}


def _range(oldest, newest) -> str:
    if fmt.is_missing(newest):
        return "No dated figure"
    if oldest == newest:
        return f"Figures dated {fmt.partial_date(newest)}"
    return f"Figures dated {fmt.partial_date(oldest)} to {fmt.partial_date(newest)}"


def _group_line(fig: dict) -> str:
    """' Sums every country in the atlas; United Kingdom: 85 %. EU-27: 52,277 (Finland: 59 %).'"""
    grp, eu = fig.get("group"), fig.get("eu_total")
    if not grp:
        return ""
    out = (f" Sums: {labels.GROUP[grp['group_id']].lower()}; largest contributor "
           f"{grp['largest_name']}: {round(grp['largest_share'] * 100)} %.")
    if eu:
        out += (f" {labels.GROUP[eu['group_id']]}: {fmt.number(eu['value'])} "
                f"({eu['largest_name']}: {round(eu['largest_share'] * 100)} %).")
    return out


def _progress_kpi(key: str, fig: dict, counts: str) -> Kpi:
    """A card of a progress metric: its total (naming the group it sums and its largest
    contributor), dated by the range of the figures summed."""
    return Kpi(key, OVERVIEW_LABELS[key], fig["total"], counts + _group_line(fig),
               _range(fig["oldest_as_of"], fig["newest_as_of"]),
               "Progress chart and sources", LINKS["progress"])


def _catalogue_kpi(key: str, n: int, counts: str, what: str, release_date: str) -> Kpi:
    """A card counting rows of the atlas catalogue (dated by the data release)."""
    return Kpi(key, OVERVIEW_LABELS[key], n, counts,
               f"Catalogue of the data release of {release_date}",
               f"Browse the {what} and their sources", LINKS[key])


def overview_kpis(k: dict, release_date: str) -> list[Kpi]:
    """The five Overview cards from ``data.queries.overview.kpis()`` and the release date."""
    s, w, g = k["signatories"], k["wgs"], k["genotyped"]
    non_eu = " and ".join(s["non_eu_names"])
    undated = (f" {s['n_date_unknown']} signature dates are not published."
               if s["n_date_unknown"] else "")
    return [
        Kpi("signatories", OVERVIEW_LABELS["signatories"], s["n"],
            f"{s['n_eu']} EU member states and {s['n_non_eu']} non-EU countries "
            f"({non_eu}) have signed the declaration.{undated}",
            f"Latest signature on record: {fmt.partial_date(s['latest_signed'])}",
            "Who joined when, with sources", LINKS["timeline"]),
        _progress_kpi("wgs", w,
                      f"Sum of the latest cumulative figure of each national programme, over the "
                      f"{w['n_countries']} countries that report one ({w['n_programmes']} "
                      "programmes). Not a count of genomes accessible through 1+MG: none has been "
                      "published."),
        _progress_kpi("genotyped", g,
                      f"Counted apart from sequenced genomes (a genotyped participant is not a "
                      f"sequenced genome): latest cumulative figures in {g['n_countries']} "
                      "countries."),
        _catalogue_kpi("cohorts", k["n_cohorts"],
                       "Cohorts, biobanks and genomic collections in the atlas catalogue (rows, "
                       "not people). Their participants overlap (EPIC contains E3N, for "
                       "example), so they are never added up.", "cohorts", release_date),
        _catalogue_kpi("infra", k["n_infra"],
                       f"National nodes and facilities of research infrastructures (ELIXIR, "
                       f"BBMRI-ERIC, GDI and others) in {k['n_infra_countries']} countries; "
                       f"{k['n_infra_operational']} are operational.", "infrastructures",
                       release_date),
    ]
