"""What the server-rendered first screen of ``/`` shows (issue 15, item 1): the Overview's KPI
figures and its default map, from the same queries the page's callbacks run, so the rendition can
never show a figure the page would not. Memoised per release (the rendition is built once per
release and worker)."""
from __future__ import annotations

from data import memo
from data.queries import overview as q
from data.queries.release import release_info


@memo.per_release
def overview(indicator: str, year: int | None) -> dict:
    """``{kpis, frame, context, value_range, year, time_aware, release}`` of the Overview's map of
    ``indicator`` at the end of ``year`` (None: the latest year), as ``update_map`` draws it."""
    last = q.last_year()
    eff = last if year is None else min(year, last)
    time_aware = q.INDICATORS[indicator]["time_aware"]
    return {"kpis": q.kpis(), "frame": q.map_indicator(indicator, eff if time_aware else None),
            "context": q.context_codes(), "value_range": q.indicator_range(indicator),
            "year": eff, "time_aware": time_aware, "release": release_info()}
