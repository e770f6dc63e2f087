"""The challenges grid: one row per country, one column per fact, grouped by challenge; each cell
styled by the fact's state (text always says it, colour only helps)."""
from __future__ import annotations

from .labels import IN_DEVELOPMENT

STATE_STYLE = {
    "operational": {"backgroundColor": "#d0e4f5"}, "yes": {"backgroundColor": "#d0e4f5"},
    IN_DEVELOPMENT: {"backgroundColor": "#e8f1fa"}, "planned": {"backgroundColor": "#f1f6fb"},
    "unknown": {"backgroundColor": "#efefef"},
    "none": {"color": "#5c636a", "fontStyle": "italic"}, "no": {"color": "#5c636a", "fontStyle": "italic"},
}
GROUPS = {"all": "All countries", "eu": "EU member states", "signatories": "1+MG signatories"}


def _style(key: str) -> dict:
    base = {"lineHeight": "1.35", "paddingTop": "6px", "paddingBottom": "6px"}
    return {"styleConditions": [
        {"condition": f"params.data.{key}_state == '{state}'", "style": {**base, **style}}
        for state, style in STATE_STYLE.items()], "defaultStyle": base}


def columns(facts: dict, challenges: dict) -> list[dict]:
    """Column groups per challenge; ``facts``: key -> (challenge, label, definition)."""
    # Not pinned: a pinned column beside column groups leaves an empty ARIA header row group (axe).
    # Narrow, so a phone shows a fact beside each country; the grid scrolls inside, not the page.
    cols: list[dict] = [{"field": "name", "headerName": "Country", "width": 120, "minWidth": 100}]
    for ch, title in challenges.items():
        kids = [{"field": k, "headerName": lbl, "headerTooltip": d, "cellStyle": _style(k),
                 "minWidth": 160 if k != "standards" else 220, "wrapText": True, "autoHeight": True,
                 "tooltipField": k}
                for k, (c, lbl, d) in facts.items() if c == ch]
        cols.append({"headerName": title, "children": kids})
    return cols


def export_fields(facts: dict) -> list[str]:
    return ["name", "iso3", *facts, *(f"{k}_state" for k in facts)]


def hidden(facts: dict) -> list[dict]:
    return [{"field": "iso3", "hide": True}, *({"field": f"{k}_state", "hide": True} for k in facts)]
