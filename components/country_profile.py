"""The head of the country profile: who the country is (facts, 1+MG signature, a summary of its
figures) and the in-app "country not found" page.

Nothing here queries data. Tri-state facts read "yes" / "no" / "unknown"; the sections below the
head are in :mod:`components.country_sections`, the page's sources in
:mod:`components.country_sources`, its grids in :mod:`components.country_grids`.
"""
from __future__ import annotations

from dash import dcc, html

from . import urls
from .fmt import is_missing, number, partial_date, source_links
from .labels import TRISTATE


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _yes_no(v) -> str:
    return TRISTATE.get(str(v).lower(), "unknown") if not is_missing(v) else "unknown"


def signature_text(pos: dict) -> str:
    """'Signed on 10 Apr 2018 — one of the 13 first signatories on 10 Apr 2018.' and the like."""
    if not pos["signatory"]:
        return "Not a signatory of the 1+MG declaration."
    if not pos["date"]:
        return "Signatory of the 1+MG declaration; the signature date is not public."
    when = partial_date(pos["date"])
    on = "on " if pos["precision"] == "day" else "in "
    caveat = (f" Order counts the {pos['n_with_date']} signatories with a known date; "
              f"{pos['n_signatories'] - pos['n_with_date']} signature dates are not public."
              if pos["n_with_date"] < pos["n_signatories"] else "")
    if pos["precision"] == "day" and pos["same_date"] > 1 and pos["first"] == 1:
        rank = f"one of the {pos['same_date']} first signatories on {when}"
        caveat = ""
    elif pos["precision"] == "day" and pos["same_date"] == pos["last"] - pos["first"] + 1 > 1:
        rank = f"one of {pos['same_date']} countries signing on {when}"
    elif pos["first"] == pos["last"]:
        rank = f"the {ordinal(pos['first'])} signatory"
    else:
        rank = (f"between the {ordinal(pos['first'])} and {ordinal(pos['last'])} signatory "
                f"({'the month is known, not the day' if pos['precision'] == 'month' else 'dates overlap'})")
    return f"Signed {on}{when} — {rank}.{caveat}"


def summary_line(row) -> str:
    """One sentence on the country's latest figures (or their absence)."""
    bits = []
    for key, what in (("wgs", "whole genomes sequenced"), ("genotyped", "participants genotyped"),
                      ("wes", "exomes sequenced")):
        v = row[f"{key}_value"]
        if not is_missing(v):
            bits.append(f"{number(v)} {what} (as of {partial_date(row[f'{key}_as_of'])})")
    if not bits:
        return "No public figure of genomes sequenced or participants genotyped."
    if is_missing(row["wgs_value"]):
        bits.append("no public total of whole genomes sequenced")
    text = "; ".join(bits)
    return text[0].upper() + text[1:] + "."


def header(row, pos: dict, release: dict | None) -> html.Div:
    facts = [("EU member", _yes_no(row["eu_member"])), ("EEA member", _yes_no(row["eea_member"])),
             ("ICPerMed member", _yes_no(row["icpermed_member"]) + " (ICPerMed's 2018 statement)"),
             ("1+MG declaration", signature_text(pos)),
             ("GDI participant", _yes_no(row["gdi_participant"])),
             ("Genome of Europe participant", _yes_no(row["goe_participant"])),
             ("Population", f"{number(row['population'])} ({row['population_year']})")]
    rel = (f"Data release {release['release_id']}, built {release['built_date']}."
           if release else "")
    return html.Div([
        html.H1([row["name"], html.Small(f" {row['iso3']} · {row['iso2']}",
                                         className="text-body-secondary fs-5")],
                id="country-name"),
        html.P(summary_line(row), className="lead mb-2", id="country-summary"),
        html.Dl(sum(([html.Dt(k, className="col-sm-4 col-lg-3"),
                      html.Dd(v, className="col-sm-8 col-lg-9 mb-1")] for k, v in facts), []),
                className="row small mb-1", id="country-facts"),
        html.Small(["Country facts: ", *source_links(row["country_source_urls"]), ". ", rel],
                   className="text-body-secondary provenance d-block"),
        html.Details([html.Summary("Notes from the sources"), html.P(row["notes"] or "—",
                                                                     className="small")],
                     className="small mt-1 d-print-none") if not is_missing(row["notes"]) else None,
    ], id="country-header-body")


def not_found(res) -> html.Div:
    """The in-app 'country not found' page. The code is shown as text (Dash escapes it)."""
    sugg = [html.Li(dcc.Link(f"{name} ({iso3})", href=urls.country(iso3)))
            for iso3, name in res.suggestions]
    return html.Div([
        html.H1("Country not found", id="country-notfound-title"),
        html.P(["No country in the atlas has the code or name “",
                html.Strong(res.raw[:40] or "(empty)"),
                "”. Profiles use ISO 3166 codes such as FIN or FI."]),
        html.Div([html.P("Did you mean:"), html.Ul(sugg, id="country-suggestions")]) if sugg else
        html.P("No close match was found."),
        html.P(dcc.Link("See all 35 countries", href="/countries")),
    ], className="py-3")
