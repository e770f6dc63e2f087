"""The sources of the country profile: every URL the page uses, once, with what it supports
(the numbered list at the page foot, which is also the printed brief's footnotes), and the short
sources line under each chart card."""
from __future__ import annotations

import pandas as pd
from dash import html

from .figures.country import short_name
from .fmt import number, partial_date, source_links
from .labels import METRIC as METRIC_LABEL

#: Sections of the profile that a printed brief keeps (see assets/print.css); a source used only
#: by other sections is left out of the printed footnotes.
PRINT_SECTIONS = frozenset({"facts", "figures", "comparison", "initiatives", "cohorts"})
PRINT_COHORTS = 5  # the printed brief shows the largest cohorts only (print.css: nth-child(n+6))


def sources_list(entries: list[tuple[str, str, str]]) -> html.Div:
    """Every URL used on the page once, numbered, with what it supports (the print footnotes).

    ``entries``: (url, what it supports, section).
    """
    grouped: dict[str, list[str]] = {}
    sections: dict[str, set] = {}
    for url, what, section in entries:
        if isinstance(url, str) and url:
            if what not in grouped.setdefault(url, []):
                grouped[url].append(what)
            sections.setdefault(url, set()).add(section)
    if not grouped:
        return html.P("No source is used on this page.")
    items = [html.Li([html.A(url, href=url, target="_blank", rel="noopener noreferrer",
                             className="source-link"),
                      " — " + "; ".join(w[:5]) + (f"; and {len(w) - 5} more" if len(w) > 5 else "")],
                     className=None if sections[url] & PRINT_SECTIONS else "d-print-none")
             for url, w in grouped.items()]
    return html.Ol(items, className="small country-sources-list", id="country-sources-list")


def figure_entries(figures: pd.DataFrame) -> list[tuple[str, str, str]]:
    """(url, what, section) for the figures of the genome chart."""
    out = []
    for r in figures.itertuples():
        what = (f"{METRIC_LABEL.get(r.metric, r.metric).lower()}: {number(r.value)} "
                f"({short_name(r.programme_name)}, {partial_date(r.as_of_date)})")
        out += [(u, what, "figures") for u in r.source_urls]
    return out


def sources_note(url_lists, what: str) -> html.Small:
    """A chart card's sources line: the distinct sources' domains (full list at the page foot)."""
    urls = list(dict.fromkeys(u for lst in url_lists for u in lst))
    if not urls:
        return html.Small(f"No source: nothing is drawn for {what}.")
    return html.Small([f"Sources ({what}): ", *source_links(urls, limit=6),
                       ". Every URL is listed under “Sources for this page”."])


def page_entries(row, sections: dict) -> list[tuple[str, str, str]]:
    """(url, what it supports, section) for every section of the page; ``sections`` maps a
    section name to its frame (initiatives, figures, cohorts, nodes, activities, milestones)."""
    out = [(u, "country facts (membership, signature, population)", "facts")
           for u in row["country_source_urls"]]
    label = {"initiatives": ("initiative", "name"), "cohorts": ("cohort", "name"),
             "nodes": ("infrastructure node", "name"), "activities": ("activity", "name"),
             "milestones": ("milestone", "title")}
    for key, df in sections.items():
        if key == "figures":
            out += figure_entries(df)
            continue
        what, col = label[key]
        for i, r in enumerate(df.itertuples()):
            sec = "cohorts-more" if key == "cohorts" and i >= PRINT_COHORTS else key
            out += [(u, f"{what}: {short_name(getattr(r, col))}", sec) for u in r.source_urls]
    return out
