"""The cohort explorer's facets (``/cohorts``): the words for the vocabulary codes, the facet
controls, their options with live counts, and the order in which filters were added.

Everything here is built from plain values handed in by the page; nothing queries data. Words users
read for vocabulary codes come from ``components/labels.py`` (grid, facets, charts and CSV agree).
The results grid is components/cohort_grid.py; totals and the detail panel are
components/cohort_summary.py.
"""
from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from . import labels as L

KIND_LABEL, DISEASE_LABEL, DATA_LABEL = L.COHORT_KIND, L.DISEASE_FOCUS, L.DATA_TYPE
ACCESS_LABEL, RECRUITMENT_LABEL = L.ACCESS_MODEL, L.RECRUITMENT
#: size band (data/vocab.py SIZE_BANDS, in order) -> label shown; lower edges inclusive.
SIZE_LABEL = L.SIZE_BAND

#: facet control id suffix -> (heading, labels)
FACETS = {
    "countries": ("Country", None),
    "kinds": ("Kind of cohort", KIND_LABEL),
    "disease": ("Disease focus", DISEASE_LABEL),
    "data": ("Data types", DATA_LABEL),
    "access": ("Access model", ACCESS_LABEL),
    "recruitment": ("Recruitment", RECRUITMENT_LABEL),
    "size": ("Size (participants)", SIZE_LABEL),
}


def facet_block(key: str, value: list, *, match_value: str | None = None, open_: bool = True,
                extra=None) -> html.Details:
    """One facet: a disclosure with a labelled checkbox group (and an any/all switch for list facets)."""
    heading, _ = FACETS[key]
    head_id = f"cohorts-{key}-heading"
    body = []
    if match_value is not None:
        body.append(html.Div([
            html.Span("Match", id=f"cohorts-{key}-match-label", className="me-2 small"),
            html.Div(dbc.RadioItems(id=f"cohorts-{key}-match", value=match_value, inline=True,
                                    options=[{"label": "any selected", "value": "any"},
                                             {"label": "all selected", "value": "all"}],
                                    class_name="small"),
                     role="radiogroup", className="d-inline-block",
                     **{"aria-labelledby": f"cohorts-{key}-match-label {head_id}"}),
        ], className="mb-1"))
    if extra is not None:
        body.append(extra)
    # dbc.Checklist renders plain labelled checkboxes; Dash 4's dcc.Checklist nests inputs inside
    # role="option" elements of an unnamed listbox, which axe reports as serious violations.
    # The options (with their counts) arrive from a callback: start with every option of a
    # vocabulary, counts pending, so the column does not grow under the reader; the country list
    # scrolls inside a box of fixed height.
    _, labels = FACETS[key]
    body.append(html.Div(dbc.Checklist(id=f"cohorts-{key}", options=placeholder_options(labels, value),
                                       value=value, class_name="facet-list"),
                         role="group", **{"aria-labelledby": head_id},
                         style={"height": "16rem", "overflowY": "auto"} if key == "countries" else None))
    return html.Details([html.Summary(heading, id=head_id, className="fw-semibold"),
                         html.Div(body, className="pt-1")],
                        open=open_, className="facet border-bottom py-2", id=f"cohorts-{key}-facet")


def facet_options(counts: dict, selected, labels: dict | None = None, order=None) -> list[dict]:
    """Checklist options ``label (n)``; values that would leave/add no cohort are disabled unless
    selected (a selected value must stay removable)."""
    selected = set(selected or [])
    keys = list(order) if order is not None else list(counts)
    keys += [k for k in selected if k not in keys]
    out = []
    for v in keys:
        n = int(counts.get(v, 0))
        label = (labels or {}).get(v, v)
        out.append({"label": html.Span([label, html.Span(f"{n:,}", className="badge rounded-pill "
                                                         "text-bg-light border ms-2 fw-normal")]),
                    "value": v, "disabled": n == 0 and v not in selected})
    return out


def placeholder_options(labels: dict | None, selected) -> list[dict]:
    """The options a facet starts with before its counts arrive: every value of its vocabulary
    (``labels``; none for the country list) with a pending count, or the selected values."""
    keys = list(labels) if labels else []
    keys += [k for k in (selected or []) if k not in keys]
    return [{"label": html.Span([(labels or {}).get(v, v),
                                 html.Span("…", className="badge rounded-pill text-bg-light border ms-2 "
                                                          "fw-normal", **{"aria-hidden": "true"})]),
             "value": v} for v in keys]


# ---- the order in which filters were added ----------------------------------------------------

#: state key (URL name) -> label used in "remove the last filter added"
STATE_FACETS = {"country": "Country", "kind": "Kind", "disease": "Disease focus",
                "data_type": "Data types", "access": "Access model", "recruitment": "Recruitment",
                "size_band": "Size"}
#: match-mode state key -> the facet it switches
MATCHES = {"disease_match": "disease focus", "data_match": "data types"}
_VALUE_LABELS = {"kind": KIND_LABEL, "disease": DISEASE_LABEL, "data_type": DATA_LABEL,
                 "access": ACCESS_LABEL, "recruitment": RECRUITMENT_LABEL, "size_band": SIZE_LABEL}


def valid_history(history) -> list:
    """Only well-formed ``[key, value]`` entries survive (the history comes back from the browser)."""
    if not isinstance(history, list):
        return []
    keys = set(STATE_FACETS) | set(MATCHES) | {"q"}
    return [list(h) for h in history[:200]
            if isinstance(h, (list, tuple)) and len(h) == 2 and h[0] in keys and isinstance(h[1], str)]


def update_history(history: list, old: dict, new: dict) -> list:
    """The filters currently applied, in the order they were added (``[key, value]`` pairs).

    Added facet values, a match switched to "all" and a search text go to the end; anything no
    longer applied is dropped. Filters present in ``new`` but unknown to ``history`` (e.g. from a
    restored URL) are appended in URL order.
    """
    def applied(st):
        items = [[k, v] for k in STATE_FACETS for v in (st.get(k) or [])]
        items += [[m, "all"] for m in MATCHES if st.get(m) == "all"]
        if st.get("q"):
            items.append(["q", st["q"]])
        return items

    now = applied(new)
    before = [h for h in valid_history(history) if h in applied(old or {})]
    kept = [h for h in before if h in now]
    return kept + [h for h in now if h not in kept]


def history_label(item) -> str:
    key, value = item
    if key == "q":
        return f"search “{value}”"
    if key in MATCHES:
        return f"match all ({MATCHES[key]})"
    return f"{STATE_FACETS[key]}: {_VALUE_LABELS.get(key, {}).get(value, value)}"


# ---- the filter column ----------------------------------------------------------------------------

def facets_panel(st: dict, regions: dict) -> html.Section:
    """The filter column: search box, every facet (restored from ``st``, keyed by filter name), the
    region shortcuts (``{key: (label, iso3 codes)}``) and "clear all"; a toggle on small screens."""
    facets = [
        html.Div([html.Label("Search name, acronym or notes", htmlFor="cohorts-q", className="form-label small"),
                  dcc.Input(id="cohorts-q", type="search", value=st["q"], debounce=0.6, maxLength=100,
                            className="form-control form-control-sm", autoComplete="off")], className="mb-2"),
        facet_block("countries", st["country"], extra=html.Div(
            [html.Span("Add: ", className="small me-1")]
            + [dbc.Button(label, id={"type": "cohorts-region", "region": key}, size="sm", color="link",
                          className="p-0 me-2 small") for key, (label, _) in regions.items()],
            className="mb-1")),
        facet_block("kinds", st["kind"], open_=False),
        facet_block("disease", st["disease"], match_value=st["disease_match"], open_=False),
        facet_block("data", st["data_type"], match_value=st["data_match"]),
        facet_block("access", st["access"]),
        facet_block("recruitment", st["recruitment"], open_=False),
        facet_block("size", st["size_band"], open_=False),
        dbc.Button("Clear all filters", id="cohorts-clear", color="secondary", outline=True, size="sm",
                   className="mt-2"),
    ]
    return html.Section([
        html.H2("Filters", className="h5 d-none d-lg-block"),
        dbc.Button([html.I(className="bi bi-funnel me-1", **{"aria-hidden": "true"}),
                    html.Span("Filters", id="cohorts-filters-toggle-label")],
                   id="cohorts-filters-toggle", color="secondary", outline=True, size="sm",
                   className="d-lg-none mb-2 w-100"),
        # Always shown from lg up (d-lg-block beats .collapse); a toggle on small screens.
        dbc.Collapse(facets, id="cohorts-filters-collapse", is_open=False, className="d-lg-block"),
    ], className="facets", **{"aria-label": "Filters"})
