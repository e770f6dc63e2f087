"""How a source URL is matched to its domain and ranked by class (a leaf module: no data access).

Shared by the offline pipeline (which classifies every URL against ``source_domains.csv``) and the
run-time queries (which order merged lists of sources best class first).
"""
from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

from .vocab import SOURCE_CLASSES

RANK = {c: i for i, c in enumerate(SOURCE_CLASSES)}


def host_of(url: str) -> str:
    """The domain a URL names: its host lower-cased, without ``www.``, a trailing dot or a port."""
    host = (urlsplit(url.strip()).hostname or "").rstrip(".").lower()
    return host.removeprefix("www.")


def is_ip(host: str) -> bool:
    """Whether a host is a bare IP address (v4 or v6)."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def order_urls(urls: Iterable[str], classes: Mapping[str, str]) -> list[str]:
    """Distinct URLs, best class first (stable within a class); ``classes``: domain -> class.

    An unknown domain ranks with the secondary ones (the pipeline refuses such a URL anyway)."""
    worst = len(SOURCE_CLASSES) - 1
    distinct = list(dict.fromkeys(urls))
    return sorted(distinct, key=lambda u: RANK.get(classes.get(host_of(u), ""), worst))
