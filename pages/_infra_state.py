"""URL state of /infrastructures: five multi-value filters whose choices come from the node table,
the country order of the coverage matrix and the selection. Not a page (Dash Pages skips ``_``
modules)."""
from __future__ import annotations

from components.infra_controls import SORTS
from components.multi_filters import facet_params
from components.url_state import Param, Spec
from data.queries import infra

FILTERS = (("kind", "kinds", "kind"), ("parent", "parents", "parent organisation"),
           ("status", "statuses", "status"), ("service", "services", "service"),
           ("standard", "standards", "standard"))
FILTER_KEYS = tuple(name for name, _key, _label in FILTERS)


def spec() -> Spec:
    """The page's URL spec; filter choices come from the data release."""
    return Spec((
        *facet_params(infra.facets(), FILTERS),
        Param("sort", "choice", "name", choices=tuple(SORTS), label="country order"),
        Param("sel", "text", "", max_len=60, label="selection"),
    ))


def filters(values) -> dict:
    """The query filters for the five filter values, cleaned."""
    state, _ = spec().clean(dict(zip(FILTER_KEYS, values)))
    return {"kinds": state["kind"], "parents": state["parent"], "statuses": state["status"],
            "services": state["service"], "standards": state["standard"]}
