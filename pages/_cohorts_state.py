"""The cohort explorer's state: its URL ``Spec`` (derived from the one declaration of the cohort
filters, data/queries/cohort_filters.py, that ``/api/v1/cohorts`` reads too) plus the page's own
view parameters, and the helpers that turn a state into query filters.

A private sibling of pages/cohorts.py (the ``_`` prefix keeps Dash Pages from registering it).
"""
from __future__ import annotations

import json

from components import cohort_grid as GRID
from components.figures import cohorts as FIG
from components.url_state import Param, Spec
from data.queries import cohorts as Q
from data.queries.cohort_filters import COHORT_FILTERS, ROW_FILTERS, to_filters

_KIND = {"multi": "multi", "one": "choice", "text": "text"}


def _param(f) -> Param:
    return Param(f.name, _KIND[f.kind], [] if f.kind == "multi" else f.default or "",
                 choices=f.choices, max_len=f.max_len, label=f.label, aliases=f.aliases,
                 value_aliases=f.value_aliases, upper=f.upper)


SPEC = Spec((
    *(_param(f) for f in COHORT_FILTERS),
    Param("map", "choice", "cohorts", choices=tuple(FIG.MAP_METRICS), label="map measure"),
    Param("gf", "text", "", max_len=800, label="table column filter"),
    Param("cohort", "text", "", max_len=80, label="cohort"),
))
#: The filter controls: state key (filter name) -> control id. Multi-valued facets are checklists.
CONTROL = {"q": "cohorts-q", "country": "cohorts-countries", "kind": "cohorts-kinds",
           "disease": "cohorts-disease", "data_type": "cohorts-data", "access": "cohorts-access",
           "recruitment": "cohorts-recruitment", "size_band": "cohorts-size",
           "disease_match": "cohorts-disease-match", "data_match": "cohorts-data-match"}
MULTI = tuple(f.name for f in COHORT_FILTERS if f.kind == "multi")
MATCH = tuple(f.name for f in COHORT_FILTERS if f.field and f.kind == "one")
#: What the rows depend on (filters + sort): ``cohorts-query`` changes only when these do.
QUERY_KEYS = (*ROW_FILTERS, "sort")
REGIONS = {"nordic": ("Nordic countries", ("DNK", "FIN", "ISL", "NOR", "SWE")),
           "baltic": ("Baltic states", ("EST", "LVA", "LTU"))}


def clean(st) -> dict:
    """A stored state back through the Spec (a forged request gets the same treatment as a URL)."""
    return SPEC.clean(st if isinstance(st, dict) else {})[0]


def filters_of(st: dict) -> Q.CohortFilters:
    return to_filters(st)


def parse_json(text):
    try:
        return json.loads(text) if text else {}
    except ValueError:
        return "unreadable"


def dump_json(model) -> str:
    return json.dumps(model, separators=(",", ":")) if model else ""


def sort_from(column_state, current: str) -> str:
    """The grid's single sorted column -> a public sort key (current one if nothing usable)."""
    if not isinstance(column_state, list):
        return current
    for c in column_state:
        if isinstance(c, dict) and c.get("sort") in ("asc", "desc") and c.get("colId") in GRID.COL_SORT:
            return f"{GRID.COL_SORT[c['colId']]}_{c['sort']}"
    return Q.DEFAULT_SORT if column_state else current
