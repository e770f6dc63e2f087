"""Formatting of values, partial dates and provenance links (the labels of codes live in
``components/labels.py``).

Missing figures are always the phrase :data:`NO_FIGURE`, never 0 or a blank.
"""
from __future__ import annotations

import calendar
from urllib.parse import urlparse

from dash import html

from .cells import is_missing
from .labels import NO_FIGURE  # noqa: F401  (stated in labels; fmt is where callers look)


def aged(text: str, outdated) -> str:
    """``text`` followed by the "may be outdated" mark when ``outdated`` is true (a missing flag
    is not a mark)."""
    from .labels import AGE_MARK
    return f"{text} · {AGE_MARK['may_be_outdated']}" if not is_missing(outdated) and bool(outdated) else text


def age_text(months, outdated) -> str:
    """A figure's age at the release date: "32 months · may be outdated", "5 months", or ""."""
    if is_missing(months):
        return ""
    return aged(f"{int(months)} month{'s' if int(months) != 1 else ''}", outdated)


def number(v, digits: int = 0) -> str:
    """'1,234,567' (or NO_FIGURE when missing)."""
    if is_missing(v):
        return NO_FIGURE
    return f"{float(v):,.{digits}f}" if digits else f"{int(round(float(v))):,}"


def counted(n: int, one: str, many: str | None = None) -> str:
    """A count with its noun, never "row(s)": '1 row', '1,234 rows', counted(2, "entry", "entries")."""
    return f"{int(n):,} {one if int(n) == 1 else (many or one + 's')}"


def partial_date(s) -> str:
    """'2018' -> '2018', '2018-09' -> 'Sep 2018', '2018-09-06' -> '6 Sep 2018'. Missing -> 'date unknown'."""
    if is_missing(s) or not s:
        return "date unknown"
    parts = str(s).split("-")
    if len(parts) == 1:
        return parts[0]
    mon = calendar.month_abbr[int(parts[1])]
    if len(parts) == 2:
        return f"{mon} {parts[0]}"
    return f"{int(parts[2])} {mon} {parts[0]}"


def domain(url: str) -> str:
    host = urlparse(url).netloc.lower()
    return host.removeprefix("www.")


def source_links(urls, limit: int | None = None) -> list:
    """A list of <a> elements labelled by domain, opening in a new tab: one per domain (the same
    URL counted once), "×3" after a domain cited by three URLs; "+n more" past ``limit`` URLs."""
    urls = list(dict.fromkeys(urls)) if urls is not None else []
    shown = urls[:limit] if limit else urls
    # A domain is named once: its first URL is the link, "×3" says how many of its URLs are cited.
    by_domain: dict[str, list[str]] = {}
    for u in shown:
        by_domain.setdefault(domain(u), []).append(u)
    out: list = []
    for i, (name, us) in enumerate(by_domain.items()):
        if i:
            out.append(", ")
        out.append(html.A(name, href=us[0], target="_blank", rel="noopener noreferrer",
                          title="\n".join(us), className="source-link"))
        if len(us) > 1:
            out.append(f" ×{len(us)}")
    if limit and len(urls) > limit:
        out.append(f" +{len(urls) - limit} more")
    return out
