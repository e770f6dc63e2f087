"""URL state of the country profile: ``?compare=`` (another country, or the median of the
signatories) and ``?scale=`` (linear or log). Not a page (Dash Pages skips ``_`` modules)."""
from __future__ import annotations

from components.url_state import Param, Spec
from data.memo import per_release
from data.queries import country_profile as q

MEDIAN = "median"
NONE = "none"  # "no comparison" (dbc.Select keeps "" for its hidden placeholder option)


@per_release
def spec() -> Spec:
    """The page's URL parameters; compare choices are the countries of the loaded release."""
    return Spec((
        Param("compare", "choice", NONE, choices=(NONE, MEDIAN, *q.codes().iso3),
              label="comparison"),
        Param("scale", "choice", "linear", choices=("linear", "log"), label="scale")))
