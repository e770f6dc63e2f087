"""The Overview's ranked chart callback, and the sentences beside the committed path: the gap
between the targets with a year and what is reported, and the projection to one million (or why
there is none).

(A leading underscore keeps Dash Pages from importing this module as a page.)
"""
from __future__ import annotations

import pandas as pd
from dash import Input, callback

from components import overview_views as views
from components.chart_card import card_outputs
from components.figures import overview as figs
from components.labels import GROUP
from data.queries import overview as q
from data.queries import projection
from data.queries.release import release_info
from data.queries.sources import ordered as best_first
from data.vocab import SIGNATORIES
from pages._overview_state import RANKED, SPEC


@callback(output=dict(**card_outputs("overview-ranking", "title", "sentence")),
          inputs=dict(indicator=Input("overview-indicator", "value"),
                      year=Input("overview-year", "value"),
                      measure=Input("overview-measure", "value")))
def update_ranking(indicator, year, measure):
    """The countries ranked by the chosen count (the map's, or whole genomes) at the end of the
    chosen year, as a total, per million or % of their national target."""
    state, _ = SPEC.clean({"indicator": indicator, "year": year, "measure": measure})
    ind, m, last = RANKED.get(state["indicator"], "wgs"), state["measure"], q.last_year()
    eff = min(state["year"] if state["year"] is not None else last, last)
    rel = release_info()
    frame = q.map_indicator(ind, eff)
    ranked, missing = figs.ranking_rows(frame, figs.national_targets(q.committed_targets()), m)
    rng = q.indicator_range("wgs_per_million" if ind == "wgs" and m == "per_million" else ind)
    fig = figs.ranking_figure(ranked, ind, m, year=eff, value_range=rng,
                              release_date=rel["built_date"])
    rows, cols = figs.ranking_table(ranked, m, year=eff)
    sentence = ranking_sentence(m, missing)
    urls = views.by_use(ranked.source_urls)
    sources = [*([figs.missing_text(missing) + ". "] if missing else []),
               (f"Sources: {len(urls)} public sources, listed per country in the table, among "
                "them "), *views.main_sources(urls, order=best_first),
               f". Data release {rel['release_id']}."]
    title = f"{figs.SHORT_LABELS[ind]}: countries ranked, end of {eff}"
    return {"figure": fig, "rows": rows, "cols": cols, "sources": sources, "title": title,
            "sentence": sentence}


def ranking_sentence(measure: str, missing: list[str]) -> str:
    """The ranked chart's sentence (the countries without a figure are listed below it)."""
    out = "Largest first, in the map's colours; click a bar to open the country profile. "
    if measure == "pct_target":
        out += ("National target: the sum of the latest targets of the country's own "
                "programmes (some count patients, not genomes). ")
    if missing:
        out += f"{len(missing)} countries have no public figure (listed below the chart)."
    return out


def gap_sentence(path: pd.DataFrame | None, total: pd.DataFrame) -> str:
    """"Targets with a year add up to N by YYYY; reported so far: M." (or "")."""
    if path is None or path.empty or total.empty:
        return ""
    return (f" Targets with a year add up to {int(path.value.iloc[-1]):,} by "
            f"{pd.Timestamp(path.date.iloc[-1]).year}; reported so far: "
            f"{int(total.value.iloc[-1]):,}.")


def projection_sentence(group: str = SIGNATORIES) -> str:
    """The projection to one million for ``group`` in words, or why none is drawn."""
    p = projection.projection_for(group)
    who = GROUP[group].lower() if group != SIGNATORIES else "the declaration's signatories"
    if not p["ok"]:
        return f" No projection to one million for {who}: {p['reason']} (method on /data)."
    if p.get("reached"):
        return f" {GROUP[group]} reported one million by the end of {p['reached']}."
    lo, hi = p["bands"][0.8]
    band = f"{int(lo)}–{int(hi)}" if lo and hi else f"from {int(lo)}, open-ended" if lo else ""
    return (f" Projection (not data): at the pace of the last year-ends, {who} would reach one "
            f"million around {int(p['crossing'])}" + (f" (80 % band {band})" if band else "")
            + "; method and backtest on /data.")
