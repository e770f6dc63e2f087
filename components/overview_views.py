"""The HTML pieces the Overview callbacks fill around its figures: the map legend, the sources
line of each card, the lists below the signatory timeline. Built from the frames and rows handed
in (and the release's id and date); nothing here queries.
"""
from __future__ import annotations

from collections import Counter

from dash import html

from components import fmt
from components.figures import overview as figs

SWATCH = {"display": "inline-block", "width": "0.9em", "height": "0.9em", "verticalAlign": "-0.1em",
          "border": "1px solid #6c757d"}
#: The catalogue indicators: where their rows (and each row's sources) are listed.
CATALOGUE_HREF = {"cohorts": "/cohorts", "infra": "/infrastructures"}


def by_use(lists) -> list[str]:
    """Distinct source URLs, the most cited first (so the sources line names the main ones)."""
    counts = Counter(u for lst in lists for u in lst if u)
    return [u for u, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def main_sources(urls: list[str], n: int = 4, order=list) -> list:
    """Links to the first URL of the ``n`` most cited domains (for a sources line); ``order``
    (data.queries.sources.ordered) puts them best class first, keeping that order within a class,
    so a secondary source is never named first."""
    seen: dict[str, str] = {}
    for u in order(urls):
        seen.setdefault(fmt.domain(u), u)
    return fmt.source_links(list(seen.values())[:n])


def _release(rel: dict) -> str:
    return f"Data release {rel['release_id']} of {rel['built_date']}."


def map_legend(ind: str, frame) -> list:
    """The legend above the map: one swatch and label per status category (or "no figure")."""
    return [html.Li([html.Span(className="map-swatch", style={**SWATCH, "background": c},
                               **{"aria-hidden": "true"}), " ", lbl],
                    className="list-inline-item me-3") for c, lbl in figs.legend_items(ind, frame)]


def map_sources(frame, ind: str, rel: dict, order=list) -> list:
    """The map card's sources line: the main sources (or where catalogue rows list theirs), the
    atlas countries not on this map, and the data release."""
    drawn = frame[frame.on_map.astype(bool)]
    urls = by_use(drawn.source_urls)
    off = sorted(frame[~frame.on_map.astype(bool)].name)
    bits: list = []
    if ind in CATALOGUE_HREF:
        bits += ["Counts of rows in the atlas catalogue (a row spanning several countries counts "
                 "in each; cohort participants overlap and are never added up). Each row's "
                 "sources are on ", html.A("its page", href=CATALOGUE_HREF[ind]), ". "]
    else:
        bits += [f"Sources: {len(urls)} public sources, listed per country in the table, "
                 "among them ", *main_sources(urls, order=order), ". "]
    if off:
        bits.append(f"Not on this map of Europe: {', '.join(off)} (see the country profile). ")
    bits.append(_release(rel))
    return bits


def progress_sources(rows: list[dict], rel: dict, not_added: list[str], order=list) -> list:
    """The progress card's sources line (from the table's rows), with the country targets left
    out of the committed path in a collapsed list when there are any."""
    urls = by_use([(r.get("sources") or "").split("; ") for r in rows])
    out: list = [f"Sources: {len(urls)} public sources, listed per figure in the table, among "
                 "them ", *main_sources(urls, order=order), ". " + _release(rel)]
    if not_added:
        out.append(html.Details([
            html.Summary("Country targets not added to the committed path (no target year)"),
            html.Ul([html.Li(t) for t in not_added], className="mb-0")],
            className="mt-1"))
    return out


def timeline_sources(sig, rel: dict) -> list[str]:
    """The timeline card's sources line: how many sources give the signature dates."""
    urls = by_use(sig.source_urls)
    return [f"Signature dates as published by the sources of each country row "
            f"({len(urls)} sources, listed per country in the table) · data release "
            f"{rel['release_id']} of {rel['built_date']}."]


def timeline_notes(lists: dict[str, list[str]]) -> list:
    """Below the timeline: the signatories without a published date and the non-signatories."""
    return [html.P([html.Strong("Signatories whose signature date is not published: "),
                    ", ".join(lists["undated"]) or "none", "."], className="mb-1"),
            html.P([html.Strong("Not signatories: "), ", ".join(lists["non"]) or "none", "."])]
