"""UI pieces of the cohort explorer (``/cohorts``): facet controls, facet options with live counts,
results-grid columns and rows, and the cohort detail panel body.

Everything here is built from plain values and frames handed in by the page; nothing queries data.
Words users read for vocabulary codes come from ``components/labels.py`` (grid, facets, charts
and CSV agree).
"""
from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from . import labels as L
from .fmt import NO_FIGURE, domain, is_missing, number, source_links

KIND_LABEL, DISEASE_LABEL, DATA_LABEL = L.COHORT_KIND, L.DISEASE_FOCUS, L.DATA_TYPE
ACCESS_LABEL, RECRUITMENT_LABEL = L.ACCESS_MODEL, L.RECRUITMENT
#: URL slug -> (band code used by the data, label shown); lower edges inclusive.
SIZE = dict(zip(("lt1k", "1k-10k", "10k-100k", "100k-1m", "ge1m", "unknown"), L.SIZE_BAND.items()))
BAND_SLUG = {band: slug for slug, (band, _) in SIZE.items()}
SIZE_LABEL = {slug: label for slug, (_, label) in SIZE.items()}

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
    body.append(html.Div(dbc.Checklist(id=f"cohorts-{key}", options=[], value=value,
                                       class_name="facet-list"),
                         role="group", **{"aria-labelledby": head_id},
                         style={"maxHeight": "16rem", "overflowY": "auto"} if key == "countries" else None))
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


# ---- results grid -------------------------------------------------------------------------------

_NUM = {"function": "params.value == null ? 'no public figure' : d3.format(',')(params.value)"}
#: grid column id -> public sort key (data.queries.cohorts.SORTABLE)
COL_SORT = {"name": "name", "acronym": "acronym", "countries": "countries", "kind": "kind",
            "participants": "participants", "participants_as_of": "participants_as_of",
            "wgs_count": "wgs", "wes_count": "wes", "genotyped_count": "genotyped",
            "access_model": "access", "recruitment_status": "recruitment", "confidence": "confidence"}
#: Columns the grid's own column filters may use (the rest have filter switched off).
FILTERABLE = {"name": "text", "acronym": "text", "countries": "text", "kind": "text",
              "participants": "number", "participants_as_of": "number", "wgs_count": "number",
              "wes_count": "number", "genotyped_count": "number", "data_types": "text",
              "access_model": "text", "recruitment_status": "text", "confidence": "text"}


def grid_columns(sort_key: str, descending: bool) -> list[dict]:
    """Column definitions; the column matching ``sort_key`` carries the initial sort."""
    def col(field, header, **kw):
        c = {"field": field, "headerName": header, "wrapHeaderText": True, "autoHeaderHeight": True, **kw}
        kind = FILTERABLE.get(field)
        c["filter"] = {"text": "agTextColumnFilter", "number": "agNumberColumnFilter"}.get(kind, False)
        if field not in COL_SORT:
            c["sortable"] = False
        if COL_SORT.get(field) == sort_key:
            c["sort"] = "desc" if descending else "asc"
        return c

    return [
        col("name", "Cohort", pinned="left", width=250, tooltipField="name"),
        col("acronym", "Acronym", width=110),
        col("countries", "Countries", width=150, tooltipField="countries"),
        col("kind", "Kind", width=150),
        col("participants", "Participants (as sourced)", type="numericColumn", valueFormatter=_NUM,
            width=170),
        col("participants_as_of", "As of", width=105, valueFormatter={"function": (
            "params.value != null ? String(params.value) : "
            "(params.data && params.data.participants != null ? 'not stated' : '')")}),
        col("size_band", "Size band", width=150),
        col("wgs_count", "WGS", type="numericColumn", valueFormatter=_NUM, width=140),
        col("wes_count", "WES", type="numericColumn", valueFormatter=_NUM, width=140),
        col("genotyped_count", "Genotyped", type="numericColumn", valueFormatter=_NUM, width=140),
        col("data_types", "Data types", width=220, tooltipField="data_types"),
        col("access_model", "Access model", width=170),
        col("access_route", "Where to apply", cellRenderer="markdown",
            cellRendererParams={"linkTarget": "_blank"}, width=180),
        col("recruitment_status", "Recruitment", width=120),
        col("confidence", "Confidence", width=110),
    ]


def countries_text(codes) -> str:
    codes = list(codes if codes is not None else [])
    return ", ".join(codes) if codes else "none listed (pan-European)"


def grid_rows(df) -> list[dict]:
    """Rows for the results grid (display labels; counts stay numeric, missing -> null)."""
    def num(v):
        return None if is_missing(v) else int(v)

    rows = []
    for r in df.itertuples(index=False):
        url = None if is_missing(r.access_url) else r.access_url
        rows.append({
            "cohort_id": r.cohort_id, "name": r.name,
            "acronym": None if is_missing(r.acronym) else r.acronym,
            "countries": countries_text(r.countries_iso3),
            "kind": KIND_LABEL.get(r.kind, r.kind),
            "participants": num(r.participants), "participants_as_of": num(r.participants_as_of),
            "size_band": SIZE_LABEL[BAND_SLUG.get(r.size_band, "unknown")],
            "wgs_count": num(r.wgs_count), "wes_count": num(r.wes_count),
            "genotyped_count": num(r.genotyped_count),
            "data_types": ", ".join(DATA_LABEL.get(t, t) for t in (r.data_types if r.data_types is not None else [])),
            "access_model": ACCESS_LABEL.get(r.access_model, r.access_model),
            "access_route": f"[{domain(url)} ↗]({url})" if url else "not recorded",
            "access_url": url,
            "recruitment_status": RECRUITMENT_LABEL.get(r.recruitment_status, r.recruitment_status),
            "confidence": r.confidence,
        })
    return rows


# ---- detail panel ---------------------------------------------------------------------------------

def _dd(v):
    return html.Span(NO_FIGURE, className="no-figure") if v in (None, "") else v


def detail_body(row: dict, mentions: list[dict], names: dict[str, str]) -> list:
    """Every field of one cohort, its sources, confidence, notes and where it also appears."""
    codes = row.get("countries_iso3") or []
    part = row.get("participants")
    part_txt = (f"{number(part)} (as of {row['participants_as_of']})"
                if not is_missing(part) and not is_missing(row.get("participants_as_of"))
                else (f"{number(part)} (year not stated)" if not is_missing(part) else None))
    url = row.get("access_url")
    fields = [
        ("Acronym", row.get("acronym") or "—"),
        ("Countries", ", ".join(f"{names.get(c, c)} ({c})" for c in codes) or "none listed (pan-European)"),
        ("Kind", KIND_LABEL.get(row["kind"], row["kind"])),
        ("Disease focus", ", ".join(DISEASE_LABEL.get(d, d) for d in row.get("disease_focus") or []) or "—"),
        ("Participants (as sourced)", part_txt),
        ("Size band", SIZE_LABEL[BAND_SLUG.get(row.get("size_band"), "unknown")]),
        ("Whole genomes (WGS)", None if is_missing(row.get("wgs_count")) else number(row["wgs_count"])),
        ("Exomes (WES)", None if is_missing(row.get("wes_count")) else number(row["wes_count"])),
        ("Genotyped (arrays)", None if is_missing(row.get("genotyped_count")) else number(row["genotyped_count"])),
        ("Data types", ", ".join(DATA_LABEL.get(t, t) for t in row.get("data_types") or []) or "—"),
        ("Start year", "not stated" if is_missing(row.get("start_year")) else str(row["start_year"])),
        ("Recruitment", RECRUITMENT_LABEL.get(row["recruitment_status"], row["recruitment_status"])),
        ("Access model", ACCESS_LABEL.get(row["access_model"], row["access_model"])),
        ("Where to apply", html.A(url, href=url, target="_blank", rel="noopener noreferrer",
                                  id="cohorts-detail-access") if url else "no access route recorded"),
        ("Website", html.A(row["website"], href=row["website"], target="_blank", rel="noopener noreferrer")
         if row.get("website") else "—"),
        ("Confidence", row.get("confidence")),
        ("Notes", row.get("notes") or "—"),
    ]
    dl = html.Dl(sum(([html.Dt(k, className="col-sm-4"), html.Dd(_dd(v), className="col-sm-8")]
                      for k, v in fields), []), className="row small")
    also = (html.Ul([html.Li([m["name"], html.Span(f" · {m['source_table']} ({m['kind']}; mentions it by "
                                                   f"{m['matched_on']})", className="text-body-secondary")])
                     for m in mentions], className="small")
            if mentions else html.P("No infrastructure or funded activity in the atlas names this cohort.",
                                    className="small text-body-secondary"))
    multi = (html.P(f"Multi-country: listed under {len(codes)} countries, counted once in totals.",
                    className="small") if len(codes) > 1 else None)
    return [
        html.P("Participant figures overlap between cohorts (e.g. EPIC contains E3N) and are not additive.",
               className="small text-body-secondary"),
        multi, dl,
        html.H3("Sources", className="h6"), html.P(source_links(row.get("source_urls") or []), className="small"),
        html.H3("Also appears in", className="h6"), also,
    ]


# ---- grid column filters in the URL, and the order in which filters were added -------------------

_TEXT_OPS = {"contains", "notContains", "equals", "notEqual", "startsWith", "endsWith", "blank", "notBlank"}
_NUM_OPS = {"equals", "notEqual", "lessThan", "lessThanOrEqual", "greaterThan", "greaterThanOrEqual",
            "inRange", "blank", "notBlank"}


def _clean_condition(kind: str, c) -> dict | None:
    if not isinstance(c, dict) or c.get("filterType") not in (None, kind):
        return None
    op = c.get("type")
    if op not in (_TEXT_OPS if kind == "text" else _NUM_OPS):
        return None
    out = {"filterType": kind, "type": op}
    for key in ("filter", "filterTo"):
        if key not in c or c[key] is None:
            continue
        v = c[key]
        if kind == "text" and isinstance(v, str) and len(v) <= 100:
            out[key] = v
        elif kind == "number" and isinstance(v, (int, float)) and not isinstance(v, bool):
            out[key] = v
        else:
            return None
    return out


def clean_filter_model(model) -> tuple[dict, str | None]:
    """Keep only well-formed AG Grid text/number filters on allowed columns; (model, notice)."""
    if not model:
        return {}, None
    if not isinstance(model, dict):
        return {}, "The table column filters could not be read; they were cleared."
    out, bad = {}, []
    for col, spec in list(model.items())[:len(FILTERABLE)]:
        kind = FILTERABLE.get(col)
        if kind is None or not isinstance(spec, dict):
            bad.append(str(col)[:30])
            continue
        if "conditions" in spec:
            conds = [_clean_condition(kind, c) for c in (spec.get("conditions") or [])[:2]]
            if not conds or None in conds or spec.get("operator") not in ("AND", "OR"):
                bad.append(col)
                continue
            out[col] = {"filterType": kind, "operator": spec["operator"], "conditions": conds}
        else:
            c = _clean_condition(kind, spec)
            if c is None:
                bad.append(col)
                continue
            out[col] = c
    note = (f"Ignored table column filter(s) that could not be used: {', '.join(bad[:5])}."
            if bad else None)
    return out, note


#: state key (URL name) -> label used in "remove the last filter added"
STATE_FACETS = {"country": "Country", "kind": "Kind", "disease": "Disease focus", "data": "Data types",
                "access": "Access model", "recruit": "Recruitment", "size": "Size"}
_VALUE_LABELS = {"kind": KIND_LABEL, "disease": DISEASE_LABEL, "data": DATA_LABEL, "access": ACCESS_LABEL,
                 "recruit": RECRUITMENT_LABEL, "size": SIZE_LABEL}


def valid_history(history) -> list:
    """Only well-formed ``[key, value]`` entries survive (the history comes back from the browser)."""
    if not isinstance(history, list):
        return []
    keys = set(STATE_FACETS) | {"q", "dmatch", "datamatch"}
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
        items += [[m, "all"] for m in ("dmatch", "datamatch") if st.get(m) == "all"]
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
    if key in ("dmatch", "datamatch"):
        return f"match all ({'disease focus' if key == 'dmatch' else 'data types'})"
    return f"{STATE_FACETS[key]}: {_VALUE_LABELS.get(key, {}).get(value, value)}"


def kpis(s: dict) -> html.Div:
    """Totals of the selection; the participant sum is labelled as overlapping, never a head count."""
    def card(value, label, note, id_):
        return dbc.Col(html.Div([html.Div(value, className="kpi-value"),
                                 html.Div(label, className="kpi-label small"),
                                 html.Div(note, className="small text-body-secondary")],
                                className="kpi-card border rounded bg-white p-2 h-100", id=id_),
                       xs=6, xl=3, className="mb-2")

    psum = s.get("participants_sum")
    return dbc.Row([
        card(f"{s['n_cohorts']:,}", "cohorts", f"{s['n_multi_country']:,} multi-country (counted once)"
             + (f"; {s['n_no_country']} with no country listed" if s.get("n_no_country") else ""),
             "cohorts-kpi-cohorts"),
        card(NO_FIGURE if psum is None else f"{psum:,}", "participants, summed as sourced",
             f"over {s['n_with_participants']:,} cohorts with a figure; rows overlap, so this is not a "
             "head count", "cohorts-kpi-participants"),
        card(f"{s['data_types'].get('wgs', 0):,}", "hold whole genomes (WGS)",
             f"{s['data_types'].get(L.EHR_LINKAGE, 0):,} link to health records", "cohorts-kpi-wgs"),
        card(f"{s.get('n_with_access_url', 0):,}", "with a recorded access route",
             "see “Where to apply” in the table", "cohorts-kpi-access"),
    ], className="g-2")
