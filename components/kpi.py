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
    short: str = ""  # one short line under the number (the full ``counts`` is in the about list)


def kpi_card(k: Kpi, page: str) -> html.Section:
    """A compact card (a labelled ``<section>``, id ``<page>-kpi-<key>``): the label, the big
    number, one short line and a link to where its sources are listed. What the figure counts
    in full and as of when (``counts``, ``as_of``) are in :func:`kpi_about` and the card's
    ``title``."""
    value = k.value if isinstance(k.value, str) else fmt.number(k.value)
    missing = value == fmt.NO_FIGURE
    body = [
        html.P(k.label, className="kpi-label mb-1", id=f"{page}-kpi-{k.key}-label"),
        html.P(value, className="kpi-value mb-1" + (" no-figure" if missing else ""),
               id=f"{page}-kpi-{k.key}-value"),
        *k.extra,
        html.P([k.short or k.as_of, *([" · ", html.A(k.link_text or "Sources", href=k.href)]
                                      if k.href else [])],
               className="kpi-short small text-body-secondary mb-0"),
    ]
    return html.Section(html.Div(body, className="card-body"), className="card kpi-card h-100",
                        id=f"{page}-kpi-{k.key}",
                        title=" ".join(x for x in (k.counts, k.as_of) if x) or None,
                        **{"aria-labelledby": f"{page}-kpi-{k.key}-label"})


def kpi_row(kpis: list[Kpi], page: str) -> dbc.Row:
    """Compact cards in one row: a strip that scrolls sideways on phones, one row on desktops."""
    return dbc.Row([dbc.Col(kpi_card(k, page), className="kpi-col") for k in kpis],
                   className="g-2 kpi-row")


def kpi_placeholders(labels: dict[str, str], page: str) -> dbc.Row:
    """The skeleton shown before the figures arrive: the labels and a "loading" value, as tall
    as the filled cards (the page does not move when they arrive)."""
    return kpi_row([Kpi(key, label, "…", "", "Loading…", short="…") for key, label in
                    labels.items()], page)


def kpi_about(kpis: list[Kpi], page: str) -> html.Details:
    """"About these figures": what each card counts, in full (collapsed, below the charts)."""
    return html.Details([
        html.Summary("About these figures", className="fw-semibold"),
        html.Dl([x for k in kpis for x in (html.Dt(k.label),
                                                      html.Dd(f"{k.counts} {k.as_of}.",
                                                              className="mb-2"))],
                className="small mt-2 mb-0"),
    ], id=f"{page}-about", className="mb-3")


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


def _progress_kpi(key: str, fig: dict, counts: str, short: str) -> Kpi:
    """A card of a progress metric: its total (naming the group it sums and its largest
    contributor), dated by the range of the figures summed."""
    return Kpi(key, OVERVIEW_LABELS[key], fig["total"], counts + _group_line(fig),
               _range(fig["oldest_as_of"], fig["newest_as_of"]),
               "Sources", LINKS["progress"], short=short)


def _catalogue_kpi(key: str, n: int, counts: str, short: str, release_date: str) -> Kpi:
    """A card counting rows of the atlas catalogue (dated by the data release, not by year)."""
    return Kpi(key, OVERVIEW_LABELS[key], n,
               counts + " Not dated by year: the catalogue of the data release.",
               f"Catalogue of the data release of {release_date}", "Browse", LINKS[key],
               short=short)


def pct(x: float) -> str:
    """A share as a percentage: one decimal under 10 % and over 99 % (never "0 %" for a small
    share, nor "100 %" for one short of all)."""
    v = x * 100
    return f"{v:.1f} %" if v < 10 or 99 < v < 100 else f"{round(v)} %"


def _end_of(year) -> str:
    return f"end of {year}" if year is not None else "latest"


def overview_kpis(k: dict, release_date: str) -> list[Kpi]:
    """The five Overview cards from ``data.queries.overview.kpis(year)`` and the release date."""
    s, w, g, year = k["signatories"], k["wgs"], k["genotyped"], k.get("year")
    non_eu = " and ".join(s["non_eu_names"]) or "none"
    undated = (f" {s['n_date_unknown']} signature dates are not published (counted at every "
               "year)." if s["n_date_unknown"] else "")
    return [
        Kpi("signatories", OVERVIEW_LABELS["signatories"], s["n"],
            f"By the {_end_of(year)}: {s['n_eu']} EU member states and {s['n_non_eu']} non-EU "
            f"countries ({non_eu}) have signed the declaration.{undated}",
            f"Latest signature: {fmt.partial_date(s['latest_signed'])}", "Sources",
            LINKS["timeline"], short=f"{s['n_eu']} EU + {s['n_non_eu']} non-EU, {_end_of(year)}"),
        _progress_kpi("wgs", w,
                      f"Sum of the latest cumulative figure of each national programme at the "
                      f"{_end_of(year)}, over the {w['n_countries']} countries that report one "
                      f"({w['n_programmes']} programmes). Not a count of genomes accessible "
                      "through 1+MG: none has been published.",
                      f"All atlas countries; {w['n_countries']} report"),
        _progress_kpi("genotyped", g,
                      f"Counted apart from sequenced genomes (a genotyped participant is not a "
                      f"sequenced genome): latest cumulative figures at the {_end_of(year)} in "
                      f"{g['n_countries']} countries.",
                      f"All countries; {g['n_countries']} report"),
        _catalogue_kpi("cohorts", k["n_cohorts"],
                       "Cohorts, biobanks and genomic collections in the atlas catalogue (rows, "
                       "not people). Their participants overlap (EPIC contains E3N, for "
                       "example), so they are never added up.", "rows, never added up",
                       release_date),
        _catalogue_kpi("infra", k["n_infra"],
                       f"National nodes and facilities of research infrastructures (ELIXIR, "
                       f"BBMRI-ERIC, GDI and others) in {k['n_infra_countries']} countries; "
                       f"{k['n_infra_operational']} are operational.",
                       f"{k['n_infra_countries']} countries, {k['n_infra_operational']} "
                       "operational", release_date),
    ]


#: The headline's caveat (the figure is never a count of what 1+MG makes accessible).
NOT_ACCESSIBLE = "Not a count of genomes accessible through 1+MG."


def headline(h: dict | None, page: str = "overview") -> html.Section:
    """The headline card (id ``<page>-headline``) of ``data.queries.overview.group_headline``:
    the group's reported sequenced genomes at the end of the year, its share of one million, the
    largest contributor's share of it and the caveat; "no public figure" when the group has none
    (``h`` None: the loading skeleton, as tall as the filled card)."""
    if h is None:
        lead, value, share, largest = "Sequenced genomes reported", "…", "…", "…"
    else:
        t = h["total"]
        lead = f"Sequenced genomes reported · {labels.GROUP[h['group']]}, {_end_of(h['year'])}"
        if t is None:
            value, share, largest = fmt.NO_FIGURE, "", "No member reports a figure by then."
        else:
            value = fmt.number(t["value"])
            share = f"{pct(t['share_of_goal'])} of one million"
            largest = (f"Largest contributor: {t['largest_name']}, {pct(t['largest_share'])}; "
                       f"{t['n_countries']} countries report.")
    return html.Section(html.Div([
        html.P(lead, className="kpi-label mb-1", id=f"{page}-headline-label"),
        html.P([html.Span(value, id=f"{page}-headline-value",
                          className="kpi-value" + (" no-figure" if value == fmt.NO_FIGURE
                                                   else "")),
                " ", html.Span(share, id=f"{page}-headline-share", className="headline-share")],
               className="mb-1"),
        html.P(largest, id=f"{page}-headline-largest", className="small mb-1"),
        html.P([NOT_ACCESSIBLE, " ", html.A("Sources", href=LINKS["progress"])],
               id=f"{page}-headline-caveat", className="small text-body-secondary mb-0"),
    ], className="card-body"), className="card kpi-card headline-card h-100", id=f"{page}-headline",
        role="region", **{"aria-labelledby": f"{page}-headline-label"})
