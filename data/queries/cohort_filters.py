"""The cohort filters, declared once: names, types, allowed values, defaults and their meaning.

The cohort explorer's URL state (pages/_cohorts_state.py derives its ``Spec``) and the public API
``/api/v1/cohorts`` (data/api_endpoints.py derives its parameters and their OpenAPI description)
both read :data:`COHORT_FILTERS`, so the page's link and the API take the same names and values and
return the same rows (tests/unit/test_cohort_filters_property.py checks it). Importing this module
touches no data.

Kinds: ``multi`` (a comma-separated subset of ``choices``; empty = any), ``one`` (one of
``choices``) and ``text``. ``aliases`` and ``value_aliases`` are the names and values the page's
links used before the two were unified; the page still reads them so shared links keep working
(the API never took them and does not).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pycountry

from ..vocab import ACCESS_MODELS, COHORT_KINDS, DATA_TYPES, DISEASE_FOCUS, RECRUITMENT, SIZE_BANDS
from .cohorts import DEFAULT_SORT, MATCH_MODES, SORTS, CohortFilters

#: ISO 3166-1 alpha-3 codes (and Kosovo's XKX): what a cohort's ``countries_iso3`` may hold.
ISO3 = tuple(sorted({c.alpha_3 for c in pycountry.countries} | {"XKX"}))
#: The page's former URL slugs of the size bands (``size=lt1k``) -> the band codes.
SIZE_SLUGS = dict(zip(("lt1k", "1k-10k", "10k-100k", "100k-1m", "ge1m", "unknown"), SIZE_BANDS,
                      strict=True))


@dataclass(frozen=True)
class Filter:
    name: str                   # the query parameter, on the page and in the API
    kind: str                   # "multi" | "one" | "text"
    field: str | None           # the CohortFilters field it sets (None: not a filter, e.g. sort)
    label: str                  # short noun for notices ("Ignored unknown country value(s) …")
    description: str            # for the API documentation
    choices: tuple = ()
    default: Any = None         # "one" only; "multi" means "any" when empty, "text" when ""
    upper: bool = False         # values are upper-cased before they are checked (ISO codes)
    max_len: int = 100          # "text" only
    example: str | None = None
    aliases: tuple[str, ...] = ()
    value_aliases: tuple[tuple[str, str], ...] = ()


COHORT_FILTERS: tuple[Filter, ...] = (
    Filter("country", "multi", "countries", "country",
           "ISO3 codes; a cohort matches if any of its countries is selected.",
           choices=ISO3, upper=True, example="FIN"),
    Filter("kind", "multi", "kinds", "kind", "Kinds of cohort.", choices=COHORT_KINDS),
    Filter("disease", "multi", "disease_focus", "disease focus", "Disease focus.",
           choices=DISEASE_FOCUS),
    Filter("disease_match", "one", "disease_match", "disease-focus match",
           "any (default) or all of the disease values.", choices=MATCH_MODES, default="any",
           aliases=("dmatch",)),
    Filter("data_type", "multi", "data_types", "data type", "Data types.", choices=DATA_TYPES,
           example="wgs", aliases=("data",)),
    Filter("data_match", "one", "data_match", "data-type match",
           "any (default) or all of the data types.", choices=MATCH_MODES, default="any",
           aliases=("datamatch",)),
    Filter("access", "multi", "access_models", "access model", "Access models.",
           choices=ACCESS_MODELS),
    Filter("recruitment", "multi", "recruitment", "recruitment status", "Recruitment status.",
           choices=RECRUITMENT, aliases=("recruit",)),
    Filter("size_band", "multi", "size_bands", "size band",
           "Participant bands (order of magnitude).", choices=SIZE_BANDS, aliases=("size",),
           value_aliases=tuple(SIZE_SLUGS.items())),
    Filter("q", "text", "text", "search text", "Literal text in name, acronym or notes.",
           example="biobank"),
    Filter("sort", "one", None, "sort order",
           "Order: <column>_asc or <column>_desc (ties by cohort_id).", choices=SORTS,
           default=DEFAULT_SORT),
)
BY_NAME = {f.name: f for f in COHORT_FILTERS}
#: The names that select rows (everything but the order).
ROW_FILTERS = tuple(f.name for f in COHORT_FILTERS if f.field)


def to_filters(values: dict) -> CohortFilters:
    """A :class:`CohortFilters` from already validated values keyed by filter name (a missing or
    ``None`` value means the default: any)."""
    out = {}
    for f in COHORT_FILTERS:
        v = values.get(f.name)
        if f.field is None or v is None:
            continue
        out[f.field] = tuple(v) if f.kind == "multi" else v
    return CohortFilters(**out)
