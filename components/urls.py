"""Every internal URL of the atlas, built in one place (pure functions: no Dash, no data layer).

Pages, components and web/ link to a country profile, a filtered cohort search, a download, an API
path or a Data-page section only through these builders; a meta-test
(tests/unit/test_urls.py) fails when such a path is formatted anywhere else.

Query strings hold only the values given (``None``, ``""`` and empty lists are left out), in the
order given, lists comma-separated; page state goes through ``Spec.to_search``
(components/url_state.py), which uses :func:`query_string` too.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from urllib.parse import parse_qs, urlencode

API_PREFIX = "/api/v1"
DOWNLOADS_PREFIX = "/downloads"
DATA_PAGE = "/data"
COHORTS_PAGE = "/cohorts"
#: ``?release=<id>``: any page, API call or download serves that kept release (web/pinning.py).
RELEASE_PARAM = "release"
EMBED_PREFIX = "/embed"
CATALOG = "/catalog"
CATALOG_TTL = CATALOG + ".ttl"
CATALOG_JSONLD = CATALOG + ".jsonld"
#: What a download address looks like (for error messages and the Data page).
DOWNLOAD_PATTERNS = (f"{DOWNLOADS_PREFIX}/<latest or release id>/<table>.csv|.parquet or "
                     f"{DOWNLOADS_PREFIX}/<latest or release id>/bundle.zip")
LATEST_PATTERNS = (f"{DOWNLOADS_PREFIX}/latest/<table>.csv, .parquet or "
                   f"{DOWNLOADS_PREFIX}/latest/bundle.zip")


def query_string(pairs: Iterable[tuple[str, object]] | Mapping[str, object]) -> str:
    """``?a=b&c=d`` of the pairs with a value (``""`` when none has one); lists joined by commas,
    booleans ``true``/``false``; commas are kept readable."""
    items = pairs.items() if isinstance(pairs, Mapping) else pairs
    out = []
    for k, v in items:
        if isinstance(v, (list, tuple, set, frozenset)):
            v = ",".join(str(x) for x in v)
        elif isinstance(v, bool):
            v = "true" if v else "false"
        if v is None or v == "":
            continue
        out.append((k, str(v)))
    return "?" + urlencode(out, safe=",") if out else ""


def embed(chart: str, search: str = "", release: str | None = None) -> str:
    """``/embed/<chart>?<view state>&release=<id>``: one chart card for other sites' iframes."""
    pairs = [(k, v[-1]) for k, v in parse_qs(search.lstrip("?")).items() if k != RELEASE_PARAM]
    return f"{EMBED_PREFIX}/{chart}" + query_string([*pairs, (RELEASE_PARAM, release)])


def country(iso3: str) -> str:
    """The profile of a country: ``/country/<ISO3>``."""
    return f"/country/{iso3}"


def cohorts(filters: Mapping[str, object] | None = None, spec=None) -> str:
    """The cohort explorer, filtered. With the page's ``spec`` (a url_state.Spec) the filters are
    written as the page writes its own state (only non-default values, in the spec's order);
    without one, as :func:`query_string` writes them."""
    filters = dict(filters or {})
    search = spec.to_search({**spec.defaults(), **filters}) if spec is not None else \
        query_string(filters)
    return COHORTS_PAGE + search


def download(release: str, filename: str) -> str:
    """A file of a release (``latest`` or a release id): ``/downloads/<release>/<file>``."""
    return f"{DOWNLOADS_PREFIX}/{release}/{filename}"


def table_download(release: str, table: str, ext: str) -> str:
    """One table of a release as ``csv`` or ``parquet``."""
    return download(release, f"{table}.{ext}")


def bundle(release: str) -> str:
    """Every table of a release as CSV, with the notes, citation and manifest (ZIP)."""
    return download(release, "bundle.zip")


def downloads(release: str, tables: Iterable[str]) -> dict:
    """``{"bundle": url, "tables": {table: {"csv": url, "parquet": url}}}`` of a release."""
    return {"bundle": bundle(release),
            "tables": {t: {ext: table_download(release, t, ext) for ext in ("csv", "parquet")}
                       for t in tables}}


def note(name: str) -> str:
    """A curated source note (``name`` from the downloads' allow-list)."""
    return f"{DOWNLOADS_PREFIX}/notes/{name}.md"


def api(path: str = "", params: Mapping[str, object] | None = None, **kw) -> str:
    """An API address: ``/api/v1<path>`` plus the query string of ``params`` / keywords."""
    return API_PREFIX + path + query_string({**(params or {}), **kw})


def data_page(anchor: str | None = None) -> str:
    """The Data & sources page, or one of its sections (``data-api``, ``data-downloads`` …)."""
    return DATA_PAGE + (f"#{anchor}" if anchor else "")


def catalog_node(name: str) -> str:
    """A node of the DCAT catalogue (dataset, distribution, publisher): ``/catalog.ttl#<name>``."""
    return f"{CATALOG_TTL}#{name}"


def datapackage(release: str) -> str:
    """The Frictionless Data Package describing a release's tables."""
    return download(release, "datapackage.json")
