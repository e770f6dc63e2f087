"""Source quality as data: classify every URL the sources cite by its domain.

``source_domains.csv`` (a curated table, one row per domain) gives each domain a class from
``vocab.SOURCE_CLASSES`` (best first: primary, official, scholarly, news, secondary) and, for a
secondary domain, its kind (mirror, content farm, document-sharing site, ...). The domain of a URL
is its host, lower-cased, without a leading ``www.``, a trailing dot or a port.

Validation (problems as ``file:row:column: message``):
- a URL whose host is a bare IP address (v4 or v6) is refused: cite the publisher's host name;
- a URL whose domain is not in the table is refused, so the table stays complete;
- a row whose sources (``source_urls``) are all secondary is refused, and so is a link column
  (``website``, ``url``, ``access_url``) that points at a secondary domain: a secondary source never
  stands alone.

The build then orders every list of sources best class first (stable within a class) and publishes
``source_refs`` (every reference with its domain and class).
"""
from __future__ import annotations

import pandas as pd

from ..sourcing import RANK, host_of, is_ip, order_urls
from .validate import Parsed, Problem

FILE = "source_domains.csv"
#: Columns holding the sources a row rests on (one set per row), and single-URL link columns.
SOURCE_COLUMNS = ("source_urls", "source_url")
LINK_COLUMNS = ("url", "website", "access_url")


def domain_classes(parsed: dict[str, Parsed]) -> dict[str, tuple[str, str | None]]:
    """``{domain: (class, secondary kind)}`` from the curated table."""
    return {r.domain: (r.source_class, r.secondary_kind) for r in parsed["source_domains"].rows}


def _check_table(p: Parsed, problems: list[Problem]) -> None:
    for r, line in zip(p.rows, p.lines):
        if host_of(f"https://{r.domain}/") != r.domain or "/" in r.domain:
            problems.append(Problem(FILE, line, "domain",
                                    f"'{r.domain}' is not a bare domain as URLs are matched "
                                    "(lower case, no www., port, path or trailing dot)"))
        if (r.source_class == "secondary") != (r.secondary_kind is not None):
            problems.append(Problem(FILE, line, "secondary_kind",
                                    "a secondary domain needs its kind, and only a secondary one has a "
                                    "kind"))


def _urls(row, col: str) -> list[str]:
    v = getattr(row, col, None)
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


def check_sources(parsed: dict[str, Parsed], problems: list[Problem]) -> None:
    """Report unclassified and bare-IP URLs and rows that rest only on secondary sources."""
    table = parsed["source_domains"]
    _check_table(table, problems)
    classes = domain_classes(parsed)
    for name, p in parsed.items():
        if name == "source_domains":
            continue
        cols = [c for c in p.spec.columns if c in SOURCE_COLUMNS + LINK_COLUMNS]
        for row, line in zip(p.rows, p.lines):
            for col in cols:
                found = []
                for url in _urls(row, col):
                    host = host_of(url)
                    if is_ip(host):
                        problems.append(Problem(p.spec.file, line, col,
                                                f"'{url[:80]}' has a bare IP address as host; cite the "
                                                "publisher's own page by its host name"))
                    elif host not in classes:
                        problems.append(Problem(p.spec.file, line, col,
                                                f"domain '{host}' is not classified; add it to {FILE} "
                                                "with its source class"))
                    else:
                        found.append((host, *classes[host]))
                if found and all(c == "secondary" for _, c, _ in found):
                    what = ", ".join(f"{h} ({k})" for h, _, k in found)
                    problems.append(Problem(p.spec.file, line, col,
                                            f"rests only on secondary sources: {what}; cite the "
                                            "publisher, an official body, a paper or a news report, "
                                            "or withhold the row"))


def order_sources(frames: dict[str, pd.DataFrame], classes) -> None:
    """Order every list of source URLs best class first, in place (stable within a class)."""
    by_domain = {d: c for d, (c, _) in classes.items()}
    for df in frames.values():
        for col in [c for c in df.columns if str(c).endswith("source_urls")]:
            df[col] = [order_urls(v, by_domain) if isinstance(v, list) else v for v in df[col]]


def source_refs(frames: dict[str, pd.DataFrame], keys: dict[str, str], classes) -> pd.DataFrame:
    """One row per (source table, row, column, URL): the domain and class of every reference."""
    rows = []
    for name, key in keys.items():
        df = frames[name]
        cols = [c for c in df.columns if c in ("source_urls",) + LINK_COLUMNS]
        for rec in df[[key, *cols]].itertuples(index=False):
            for col, v in zip(cols, rec[1:]):
                urls = v if isinstance(v, list) else ([] if v is None or pd.isna(v) else [v])
                for pos, url in enumerate(urls):
                    host = host_of(url)
                    cls, kind = classes[host]
                    rows.append({"source_table": name, "row_key": str(rec[0]), "column": col,
                                 "position": pos, "url": url, "domain": host, "source_class": cls,
                                 "class_rank": RANK[cls], "secondary_kind": kind})
    return pd.DataFrame(rows, columns=["source_table", "row_key", "column", "position", "url",
                                       "domain", "source_class", "class_rank", "secondary_kind"])
