"""What the server-rendered first screen of ``/`` shows (issue 15, item 1): the Overview's
headline, KPI figures, ranked chart and default map, from the same queries the page's callbacks
run, so the rendition can never show a figure the page would not. Memoised per release (the
rendition is built once per release and worker)."""
from __future__ import annotations

from data import memo
from data.queries import overview as q
from data.queries.release import release_info


@memo.per_release
def overview(indicator: str, year: int | None, group: str = "signatories",
             ranked: str = "wgs") -> dict:
    """``{kpis, headline, frame, context, value_range, ranking_frame, ranking_range, targets,
    year, time_aware, release}`` of the Overview at the end of ``year`` (None: the latest year):
    the map of ``indicator`` as ``update_map`` draws it, the ranking of ``ranked`` as
    ``update_ranking`` does, the headline of ``group`` and the KPI cards as ``update_headline``."""
    last = q.last_year()
    eff = last if year is None else min(year, last)
    time_aware = q.INDICATORS[indicator]["time_aware"]
    return {"kpis": q.kpis(eff), "headline": q.group_headline(group, eff),
            "frame": q.map_indicator(indicator, eff if time_aware else None),
            "context": q.context_codes(), "value_range": q.indicator_range(indicator),
            "ranking_frame": q.map_indicator(ranked, eff),
            "ranking_range": q.indicator_range(ranked), "targets": q.committed_targets(),
            "year": eff, "time_aware": time_aware, "release": release_info()}
