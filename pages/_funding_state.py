"""URL state of /funding: the three multi-value filters (choices from the data's facets), the
view choices (grouping, measure, scope, count, role, scatter axes) and the selection. Shared by
the page's two callback modules; not a page (Dash Pages skips ``_`` modules)."""
from __future__ import annotations

from dash import Input

from components.funding_sections import GROUPS, MONEY, ROLES, SCOPES, VIEWS, X_CHOICES, Y_CHOICES
from components.multi_filters import facet_params
from components.url_state import Param, Spec
from data.queries import funding

FILTERS = (("programme", "programmes", "programme"), ("kind", "kinds", "kind of activity"),
           ("topic", "topics", "topic"))
FILTER_KEYS = tuple(name for name, _key, _label in FILTERS)
CHOICES = {"group": GROUPS, "money": MONEY, "scope": SCOPES, "view": VIEWS, "role": ROLES,
           "x": X_CHOICES, "y": Y_CHOICES}
VIEW_WORD = {"activities": "funded activities", "projects": "research projects",
             "calls": "PerMed calls"}
FILTER_INPUTS = [Input(f"funding-{k}", "value") for k in FILTER_KEYS]


def spec() -> Spec:
    return Spec((
        *facet_params(funding.facets(), FILTERS),
        *[Param(k, "choice", next(iter(v)), choices=tuple(v), label=k) for k, v in CHOICES.items()],
        Param("sel", "text", "", max_len=80, label="selection"),
    ))


def clean(**values) -> dict:
    return spec().clean(values)[0]


def flt(state) -> dict:
    """The query filters of a cleaned state."""
    return {"programmes": state["programme"], "kinds": state["kind"], "topics": state["topic"]}
