"""The Overview page's view state: the URL parameters (indicator, year, metric, proxies, ranking
measure, group) declared once for the layout, the callbacks and the address bar, and the sentence
each state shows.

(A leading underscore keeps Dash Pages from importing this module as a page.)
"""
from __future__ import annotations

from components.figures import overview as figs
from components.url_state import Param, Spec
from data import vocab as V
from data.queries import overview as q

SPEC = Spec((
    Param("indicator", "choice", "wgs", choices=tuple(q.INDICATORS), label="map indicator"),
    Param("year", "int", None, lo=q.FIRST_YEAR, hi=2100, label="year"),
    Param("metric", "choice", "wgs", choices=tuple(q.PROGRESS_METRICS), label="progress metric"),
    Param("proxies", "bool", False, label="“show proxies” option"),
    Param("measure", "choice", "total", choices=tuple(figs.MEASURES), label="ranking measure"),
    Param("group", "choice", V.SIGNATORIES, choices=V.GROUPS, label="group of countries"),
))
#: The map indicator -> the count the ranked chart ranks (others rank whole genomes).
RANKED = {"wgs": "wgs", "wgs_per_million": "wgs", "genotyped": "genotyped"}
#: The map indicators the year slider applies to (named where it is disabled).
TIME_AWARE = [figs.INDICATOR_LABELS[k] for k, m in q.INDICATORS.items() if m["time_aware"]]
PROGRESS_SENTENCE = {
    "wgs": "Sums reported sequenced genomes in national programmes: each programme's latest "
           "cumulative figure, carried forward, stacked by country. This is not the number of "
           "genomes accessible through 1+MG: no official count of those has been published. "
           "Annual counts (Sweden) and sub-programme subsets are not added.",
    "genotyped": "Sums participants genotyped on arrays in national programmes and biobanks (the "
                 "latest cumulative figure of each, carried forward). A genotyped participant is "
                 "not a sequenced genome, so the 1+MG genome targets are not drawn here.",
    "accessible": "Genomes a programme reports as released to researchers (only UK Biobank "
                  "publishes such a figure). No official count of genomes accessible through "
                  "1+MG has been published; the 1+MG goal is drawn for reference.",
}
COMMITTED_NOTE = (" Committed path: each programme's latest country-level cumulative target that "
                  "has a target year, added at the end of that year (Genome of Europe national "
                  "contributions at 2028); targets with no target year (listed below) and yearly "
                  "targets are left out; some targets count patients, not genomes (see the "
                  "table).")


def url_search(indicator, year, metric, proxies, last: int, measure=None, group=None) -> str:
    """The address bar's query string for a view: only non-default values; the latest year is
    the default (so a shared link keeps following new data)."""
    state, _ = SPEC.clean({"indicator": indicator, "year": year, "metric": metric,
                           "proxies": proxies, "measure": measure, "group": group})
    if state["year"] is not None and state["year"] >= last:
        state["year"] = None
    return SPEC.to_search(state)
