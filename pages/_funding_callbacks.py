"""Callbacks of /funding for its controls: validate the URL and fill the filters (``init``),
summarise them, turn a click into a selection and show the rows behind it (``detail``, which also
writes the view into the URL). The charts are filled by ``_funding_charts``."""
from __future__ import annotations

from dash import Input, Output, callback, ctx, html, no_update

from components.chart_card import notices
from components.figures.funding import KIND_LABEL, topic_label
from components.funding_views import activity_items, group_detail
from components.infra_tables import evidence_list
from components.multi_filters import summary_text
from data import vocab as V
from data.queries import funding
from pages._funding_state import CHOICES, FILTER_INPUTS, FILTER_KEYS, VIEW_WORD, clean, flt, spec


@callback(
    output={**{f"{k}_options": Output(f"funding-{k}", "options") for k in FILTER_KEYS},
            **{k: Output(f"funding-{k}", "value") for k in (*FILTER_KEYS, *CHOICES)},
            "selection": Output("funding-selection", "data"),
            "notices": Output("funding-notices", "children")},
    inputs={"raw": Input("funding-url-in", "data"), "_reset": Input("funding-reset", "n_clicks")},
)
def init(raw, _reset):
    """Validate the URL (or clear the filters) and fill the controls."""
    f = funding.facets()
    opts = {"programme_options": [{"label": p, "value": p} for p in f["programmes"]],
            "kind_options": [{"label": KIND_LABEL.get(k, k), "value": k} for k in f["kinds"]],
            "topic_options": [{"label": topic_label(t), "value": t} for t in f["topics"]]}
    if ctx.triggered_id == "funding-reset":
        return {**opts, **{k: [] for k in FILTER_KEYS},
                **dict.fromkeys(CHOICES, no_update), "selection": no_update, "notices": no_update}
    state, notes = spec().parse(raw if isinstance(raw, dict) else {})
    return {**opts, **{k: state[k] for k in (*FILTER_KEYS, *CHOICES)}, "selection": state["sel"],
            "notices": notices(notes, "funding-notices-list")}


@callback(*[Output(f"funding-{k}-summary", "children") for k in FILTER_KEYS], *FILTER_INPUTS)
def summaries(*values):
    """How many values each filter has chosen ("all" when none)."""
    return tuple(summary_text(v) for v in values)


@callback(
    Output("funding-selection", "data", allow_duplicate=True),
    Input("funding-timeline-graph", "clickData"), Input("funding-budget-graph", "clickData"),
    Input("funding-map-graph", "clickData"), Input("funding-matrix-graph", "clickData"),
    prevent_initial_call=True,
)
def select(t_click, b_click, m_click, x_click):
    """A click on a bar, a country or a cell selects what it shows."""
    prefix = {"funding-timeline-graph": ("act", t_click), "funding-budget-graph": ("grp", b_click),
              "funding-map-graph": ("country", m_click), "funding-matrix-graph": ("cell", x_click)}
    what, click = prefix.get(ctx.triggered_id, (None, None))
    try:
        cd = click["points"][0]["customdata"]
    except (TypeError, KeyError, IndexError):
        return no_update
    return f"{what}:{cd}" if isinstance(cd, str) else no_update


@callback(
    Output("funding-act-detail", "children"), Output("funding-part-detail", "children"),
    Output("funding-url-search", "data"),
    Input("funding-selection", "data"), *FILTER_INPUTS,
    *[Input(f"funding-{k}", "value") for k in CHOICES],
)
def detail(sel, programme, kind, topic, *choices):
    """The rows behind the selection, with sources; and the view written into the URL."""
    st = clean(programme=programme, kind=kind, topic=topic, **dict(zip(CHOICES, choices)),
               sel=sel if isinstance(sel, str) else "")
    what, _, arg = st["sel"].partition(":")
    act = part = no_update
    if what == "act":
        a = funding.activities()
        a = a[a.activity_id == arg]
        act = evidence_list(activity_items(a), empty="") if len(a) else _bad()
    elif what == "grp":
        act = _group_detail(st, arg)
    elif what in ("country", "cell"):
        part = _country_detail(st, what, arg)
    elif st["sel"]:
        part = _bad()
    return act, part, spec().to_search(st)


def _country_detail(st, what: str, arg: str) -> html.Div:
    """The items a country (or one country × item cell) is recorded in."""
    iso, _, item = arg.partition("|")
    lk = funding.links(**flt(st))
    lk = lk[(lk.source == st["view"]) & (lk.iso3 == iso)]
    if st["role"] == "coordinator":
        lk = lk[lk.role == "coordinator"]
    if what == "cell":
        lk = lk[lk.item_id == item]
    items = [{"label": r.item_label, "detail": f"{r.country_name}: {r.role}", "id": r.item_id,
              "table": {"activities": "activities", "projects": "funded_projects",
                        "calls": "calls"}[st["view"]], "source_urls": list(r.source_urls)}
             for r in lk.itertuples()]
    return html.Div([evidence_list(items, empty=f"No {VIEW_WORD[st['view']]} recorded for "
                                                f"{iso} with the current choices."),
                     html.P("Taking part is not money received.",
                            className="small text-body-secondary mt-2 mb-0")])


def _group_detail(st, grp) -> html.Div:
    a = funding.activities(**flt(st))
    a = a[(a.kind == V.FUNDING_CALL) == (st["scope"] == "calls")]
    a = a[a.topics.map(lambda t: grp in t)] if st["group"] == "topic" else a[a.programme_label == grp]
    if a.empty:
        return _bad()
    col = "eu_contribution_eur" if st["money"] == "eu_contribution" else "budget_eur"
    title = topic_label(grp) if st["group"] == "topic" else grp
    return group_detail(title, a[a[col].notna()], a[a[col].isna()])


def _bad() -> html.P:
    return html.P("The selection in the link does not match anything with the current choices; "
                  "click a bar, country or cell to choose again.", className="small mb-0")
