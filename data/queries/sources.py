"""Source quality at run time: every merged list of sources is ordered best class first."""
from __future__ import annotations

from collections.abc import Iterable

from .. import db
from ..sourcing import order_urls


def domain_classes() -> dict[str, str]:
    """``{domain: source_class}`` for every domain the release's sources cite (none for a kept
    release published before sources were classed: its lists keep their order)."""
    if "source_domains" not in db.release().manifest["tables"]:
        return {}
    df = db.query("source_domain_classes")
    return dict(zip(df.domain, df.source_class))


def ordered(urls: Iterable[str]) -> list[str]:
    """Distinct URLs, best class first (a secondary source is never named first)."""
    return order_urls(urls, domain_classes())
