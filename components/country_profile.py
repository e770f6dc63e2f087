"""Sections of the country profile, built from the frames the page's callbacks hand over.

Nothing here queries data. Missing figures read :data:`components.fmt.NO_FIGURE`; ``unknown`` in
tri-state columns reads "unknown"; every value shown carries its source links and as-of date.
"""
from __future__ import annotations

import datetime as dt

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from . import labels as L
from . import urls
from .cells import joined
from .figures.country import short_name
from .fmt import NO_FIGURE, is_missing, number, partial_date, source_links
from .labels import BASIS as BASIS_LABEL
from .labels import INFRA_KIND as KIND_LABEL
from .labels import METRIC as METRIC_LABEL
from .labels import METRIC_SHORT, TRISTATE


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _label(v, labels: dict) -> str:
    """The label of code ``v`` (components/labels.py), or "unknown" when it is missing."""
    return L.label(labels, v) if not is_missing(v) else "unknown"


def _yes_no(v) -> str:
    return TRISTATE.get(str(v).lower(), "unknown") if not is_missing(v) else "unknown"


def signature_text(pos: dict) -> str:
    """'Signed on 10 Apr 2018 — one of the 13 first signatories on 10 Apr 2018.' and the like."""
    if not pos["signatory"]:
        return "Not a signatory of the 1+MG declaration."
    if not pos["date"]:
        return "Signatory of the 1+MG declaration; the signature date is not public."
    when = partial_date(pos["date"])
    on = "on " if pos["precision"] == "day" else "in "
    caveat = (f" Order counts the {pos['n_with_date']} signatories with a known date; "
              f"{pos['n_signatories'] - pos['n_with_date']} signature dates are not public."
              if pos["n_with_date"] < pos["n_signatories"] else "")
    if pos["precision"] == "day" and pos["same_date"] > 1 and pos["first"] == 1:
        rank = f"one of the {pos['same_date']} first signatories on {when}"
        caveat = ""
    elif pos["precision"] == "day" and pos["same_date"] == pos["last"] - pos["first"] + 1 > 1:
        rank = f"one of {pos['same_date']} countries signing on {when}"
    elif pos["first"] == pos["last"]:
        rank = f"the {ordinal(pos['first'])} signatory"
    else:
        rank = (f"between the {ordinal(pos['first'])} and {ordinal(pos['last'])} signatory "
                f"({'the month is known, not the day' if pos['precision'] == 'month' else 'dates overlap'})")
    return f"Signed {on}{when} — {rank}.{caveat}"


def summary_line(row) -> str:
    """One sentence on the country's latest figures (or their absence)."""
    bits = []
    for key, what in (("wgs", "whole genomes sequenced"), ("genotyped", "participants genotyped"),
                      ("wes", "exomes sequenced")):
        v = row[f"{key}_value"]
        if not is_missing(v):
            bits.append(f"{number(v)} {what} (as of {partial_date(row[f'{key}_as_of'])})")
    if not bits:
        return "No public figure of genomes sequenced or participants genotyped."
    if is_missing(row["wgs_value"]):
        bits.append("no public total of whole genomes sequenced")
    text = "; ".join(bits)
    return text[0].upper() + text[1:] + "."


def header(row, pos: dict, release: dict | None) -> html.Div:
    facts = [("EU member", _yes_no(row["eu_member"])), ("EEA member", _yes_no(row["eea_member"])),
             ("ICPerMed member", _yes_no(row["icpermed_member"]) + " (ICPerMed's 2018 statement)"),
             ("1+MG declaration", signature_text(pos)),
             ("GDI participant", _yes_no(row["gdi_participant"])),
             ("Genome of Europe participant", _yes_no(row["goe_participant"])),
             ("Population", f"{number(row['population'])} ({row['population_year']})")]
    rel = (f"Data release {release['release_id']}, built {release['built_date']}."
           if release else "")
    return html.Div([
        html.H1([row["name"], html.Small(f" {row['iso3']} · {row['iso2']}",
                                         className="text-body-secondary fs-5")],
                id="country-name"),
        html.P(summary_line(row), className="lead mb-2", id="country-summary"),
        html.Dl(sum(([html.Dt(k, className="col-sm-4 col-lg-3"),
                      html.Dd(v, className="col-sm-8 col-lg-9 mb-1")] for k, v in facts), []),
                className="row small mb-1", id="country-facts"),
        html.Small(["Country facts: ", *source_links(row["country_source_urls"]), ". ", rel],
                   className="text-body-secondary provenance d-block"),
        html.Details([html.Summary("Notes from the sources"), html.P(row["notes"] or "—",
                                                                     className="small")],
                     className="small mt-1 d-print-none") if not is_missing(row["notes"]) else None,
    ], id="country-header-body")


def not_found(res) -> html.Div:
    """The in-app 'country not found' page. The code is shown as text (Dash escapes it)."""
    sugg = [html.Li(dcc.Link(f"{name} ({iso3})", href=urls.country(iso3)))
            for iso3, name in res.suggestions]
    return html.Div([
        html.H1("Country not found", id="country-notfound-title"),
        html.P(["No country in the atlas has the code or name “",
                html.Strong(res.raw[:40] or "(empty)"),
                "”. Profiles use ISO 3166 codes such as FIN or FI."]),
        html.Div([html.P("Did you mean:"), html.Ul(sugg, id="country-suggestions")]) if sugg else
        html.P("No close match was found."),
        html.P(dcc.Link("See all 35 countries", href="/countries")),
    ], className="py-3")


def _prov(urls, as_of=None, extra: str = "") -> html.Small:
    bits = [f"as of {partial_date(as_of)} · "] if as_of else []
    return html.Small([*bits, extra, *source_links(urls, limit=2)],
                      className="text-body-secondary d-block provenance")


def _table(head: list[str], rows: list, id_: str, caption: str) -> dbc.Table:
    return dbc.Table([html.Caption(caption, className="visually-hidden"),
                      html.Thead(html.Tr([html.Th(h, scope="col") for h in head])),
                      html.Tbody(rows)], id=id_, size="sm", striped=True, responsive=True,
                     className="small align-middle mb-1")


def initiatives_table(inits: pd.DataFrame, latest: pd.DataFrame) -> html.Div:
    """Initiatives with target, years and each programme's latest reported figures."""
    if not len(inits):
        return html.P("No national genome initiative is recorded for this country.",
                      className="text-body-secondary")
    rows = []
    for r in inits.itertuples():
        figs = latest[(latest.initiative_id == r.initiative_id) & (latest.metric != "target")]
        fig_cells = [html.Div([f"{number(f.value)} {METRIC_SHORT[f.metric]}"
                               + ("" if f.count_basis == "cumulative" else f" ({BASIS_LABEL[f.count_basis]})"),
                               _prov(f.source_urls, f.as_of_date)]) for f in figs.itertuples()]
        years = f"{'' if is_missing(r.start_year) else r.start_year}–" \
                f"{'' if is_missing(r.end_year_or_target_year) else r.end_year_or_target_year}"
        rows.append(html.Tr([
            html.Td([html.Strong(short_name(r.name)), html.Div(r.name, className="small text-body-secondary")
                     if short_name(r.name) != r.name else None]),
            html.Td(_label(r.kind, L.INITIATIVE_KIND)), html.Td(years if years != "–" else "unknown"),
            html.Td([html.Div(number(r.target_genomes) if not is_missing(r.target_genomes)
                              else "no numeric target", className="fw-semibold"),
                     html.Div(r.target_description or "", className="small")]),
            html.Td(fig_cells or html.Span(NO_FIGURE, className="no-figure")),
            html.Td(source_links(r.source_urls, limit=2))]))
    return _table(["Initiative", "Kind", "Years", "Target", "Latest reported figure", "Sources"],
                  rows, "country-initiatives-table", "National initiatives")


def indicator_rows(row) -> dict:
    """``{key: (label, value text, as-of, urls)}`` for the key-indicator list of one country."""
    def fig(prefix):
        return (number(row[f"{prefix}_value"]), row.get(f"{prefix}_as_of"),
                row.get(f"{prefix}_source_urls", []))
    per_m = row["wgs_per_million"]
    return {
        "wgs": ("Whole genomes sequenced (sum of programmes' latest cumulative figures)", *fig("wgs")),
        "wgs_per_million": ("WGS per million inhabitants",
                            NO_FIGURE if is_missing(per_m) else f"{per_m:,.1f}", row["wgs_as_of"],
                            row["wgs_source_urls"]),
        "wes": ("Exomes sequenced", *fig("wes")),
        "genotyped": ("Participants genotyped", *fig("genotyped")),
        "accessible": ("Genomes made accessible by a programme", *fig("accessible")),
        "goe_planned": ("Genome of Europe planned samples", number(row["goe_planned_samples"]),
                        row["goe_planned_as_of"], row["goe_planned_source_urls"]),
        "cohorts": ("Cohorts and biobanks listed", number(row["n_cohorts"]), None, []),
        "nodes": ("Infrastructure nodes", number(row["n_infra_nodes"]), None, []),
        "activities": ("EU activities taken part in", number(row["n_activities"]), None, []),
        "funded_projects": ("Funded research projects (partial list)",
                            number(row["n_funded_projects"]), None, []),
        "initiatives": ("National initiatives", number(row["n_initiatives"]), None, []),
    }


def _cell(value, as_of, urls) -> html.Td:
    cls = "no-figure" if value == NO_FIGURE else "fw-semibold"
    return html.Td([html.Span(value, className=cls),
                    _prov(urls, as_of) if (as_of or len(urls)) and value != NO_FIGURE else None])


def indicators_table(row, compare_row=None, medians: dict | None = None,
                     compare_label: str = "") -> dbc.Table:
    """Key indicators of the country, with a comparison column (another country, or medians)."""
    mine = indicator_rows(row)
    other = indicator_rows(compare_row) if compare_row is not None else None
    head = ["Indicator", row["name"]] + ([compare_label] if compare_label else [])
    rows = []
    for key, (label, value, as_of, urls) in mine.items():
        cells = [html.Th(label, scope="row", className="fw-normal"), _cell(value, as_of, urls)]
        if other is not None:
            cells.append(_cell(*other[key][1:]))
        elif medians is not None:
            m = medians[key]
            txt = NO_FIGURE if m["value"] is None else (
                f"{m['value']:,.1f}" if key == "wgs_per_million" else number(m["value"]))
            cells.append(html.Td([html.Span(txt, className="fw-semibold"), html.Small(
                f" median of {m['n']} of {m['n_signatories']} signatories with a figure",
                className="text-body-secondary d-block")]))
        rows.append(html.Tr(cells))
    return _table(head, rows, "country-indicators-table", "Key indicators")


def figures_status(name: str, figures: pd.DataFrame) -> html.Div:
    """A plain statement of what is (not) public for the country."""
    achieved = figures[figures.metric != "target"] if len(figures) else figures
    if not len(figures):
        msg = (f"No public figure: no source gives a count of genomes sequenced, exomes or "
               f"genotyped participants for {name}, nor a target.")
    elif not len(achieved):
        msg = f"Only targets are public for {name}: no source gives an achieved count."
    elif ((achieved.metric == L.WGS_SEQUENCED) & (achieved.count_basis == "cumulative")).any():
        return html.Div(id="country-genomes-status-msg")
    else:
        shown = sorted({f"{METRIC_SHORT[m]} ({b})" for m, b in zip(achieved.metric,
                                                                  achieved.count_basis)})
        msg = (f"No public total of whole genomes sequenced for {name}. Shown: {', '.join(shown)}. "
               "Annual, proxy and subset figures keep their label and are never added up.")
    return dbc.Alert(msg, color="secondary", className="small py-2 mb-2",
                     id="country-genomes-status-msg")


def cohorts_table(cohorts: pd.DataFrame) -> html.Div:
    if not len(cohorts):
        return html.P("No cohort or biobank in this country is listed.", className="text-body-secondary")
    rows = []
    for r in cohorts.itertuples():
        size = (html.Span(NO_FIGURE, className="no-figure") if is_missing(r.participants) else
                [number(r.participants), html.Small(
                    f" ({r.participants_as_of})" if not is_missing(r.participants_as_of)
                    else " (year not given)")])
        multi = f" · {len(r.countries_iso3)} countries" if r.multi_country else ""
        access = (html.A("access page", href=r.access_url, target="_blank", rel="noopener noreferrer")
                  if isinstance(r.access_url, str) and r.access_url else "no access page public")
        rows.append(html.Tr([html.Td([r.name, html.Small(multi, className="text-body-secondary")]),
                             html.Td(_label(r.kind, L.COHORT_KIND)), html.Td(size),
                             html.Td(", ".join(_label(t, L.DATA_TYPE) for t in r.data_types) or "unknown"),
                             html.Td(_label(r.access_model, L.ACCESS_MODEL)), html.Td(access),
                             html.Td(source_links(r.source_urls, limit=2))]))
    return html.Div([
        _table(["Cohort", "Kind", "Participants", "Data types", "Access model", "Access",
                "Sources"], rows, "country-cohorts-table", "Cohorts in this country"),
        html.P("Cohorts overlap (a biobank may hold other collections): participants are not "
               "added up.", className="small text-body-secondary mb-0"),
        html.P(f"This printed brief lists the {PRINT_COHORTS} largest of {len(cohorts)} cohorts; "
               "the full list is online.", className="small d-none d-print-block mb-0")
        if len(cohorts) > PRINT_COHORTS else None])


def infra_list(nodes: pd.DataFrame) -> html.Div:
    """Nodes grouped by kind, then status; nodes without a public location are marked."""
    if not len(nodes):
        return html.P("No research-infrastructure node is listed in this country.",
                      className="text-body-secondary")
    kinds = []
    for kind, g in nodes.groupby("kind", sort=True):
        items = []
        for status, gs in g.groupby("status", sort=True):
            names = []
            for r in gs.itertuples():
                where = L.LOCATION_NOTE.get(r.location_precision, "")
                names.append(html.Li([r.name, f" ({r.city})" if isinstance(r.city, str) else "",
                                      html.Small(where, className="text-body-secondary"), " ",
                                      *source_links(r.source_urls, limit=1)]))
            items.append(html.Li([html.Span(_label(status, L.INFRA_STATUS), className="fw-semibold"),
                                  html.Ul(names, className="mb-1")]))
        kinds.append(html.Li([html.Strong(f"{_label(kind, KIND_LABEL)} ({len(g)})"),
                              html.Ul(items, className="list-unstyled ms-2")]))
    return html.Ul(kinds, className="small mb-0", id="country-infra-list")


def activities_table(acts: pd.DataFrame) -> html.Div:
    if not len(acts):
        return html.P("This country takes part in none of the listed funded activities.",
                      className="text-body-secondary")
    rows = []
    for r in acts.itertuples():
        title = r.acronym if isinstance(r.acronym, str) and r.acronym else short_name(r.name)
        when = f"{partial_date(r.start_date)} – " + (partial_date(r.end_date) if isinstance(
            r.end_date, str) else "")
        prog = " · ".join(x for x in (r.programme, r.call) if isinstance(x, str) and x)
        rows.append(html.Tr([html.Td([html.Strong(title), html.Div(r.name, className="small")
                                      if title != r.name else None]),
                             html.Td(_label(r.kind, L.ACTIVITY_KIND)), html.Td(prog or "—"), html.Td(when),
                             html.Td(r.role), html.Td(source_links(r.source_urls, limit=2))]))
    return _table(["Activity", "Kind", "Programme / call", "Dates", "Role", "Sources"], rows,
                  "country-activities-table", "Funded activities")


def milestones_list(ms: pd.DataFrame, today: dt.date | None = None) -> html.Div:
    if not len(ms):
        return html.P("No milestone of the initiative names this country.",
                      className="text-body-secondary")
    today = today or dt.date.today()
    items = [html.Li([html.Strong(partial_date(r.date)),
                      " (planned) " if pd.Timestamp(r.date_last).date() > today else " ",
                      f"— {r.title}. ", *source_links(r.source_urls, limit=2)])
             for r in ms.itertuples()]
    return html.Ul(items, className="small mb-0", id="country-milestones-list")


#: Sections of the profile that a printed brief keeps (see assets/print.css); a source used only
#: by other sections is left out of the printed footnotes.
PRINT_SECTIONS = frozenset({"facts", "figures", "comparison", "initiatives", "cohorts"})
PRINT_COHORTS = 5  # the printed brief shows the largest cohorts only (print.css: nth-child(n+6))


def sources_list(entries: list[tuple[str, str, str]]) -> html.Div:
    """Every URL used on the page once, numbered, with what it supports (the print footnotes).

    ``entries``: (url, what it supports, section).
    """
    grouped: dict[str, list[str]] = {}
    sections: dict[str, set] = {}
    for url, what, section in entries:
        if isinstance(url, str) and url:
            if what not in grouped.setdefault(url, []):
                grouped[url].append(what)
            sections.setdefault(url, set()).add(section)
    if not grouped:
        return html.P("No source is used on this page.")
    items = [html.Li([html.A(url, href=url, target="_blank", rel="noopener noreferrer",
                             className="source-link"),
                      " — " + "; ".join(w[:5]) + (f"; and {len(w) - 5} more" if len(w) > 5 else "")],
                     className=None if sections[url] & PRINT_SECTIONS else "d-print-none")
             for url, w in grouped.items()]
    return html.Ol(items, className="small country-sources-list", id="country-sources-list")


def figure_entries(figures: pd.DataFrame) -> list[tuple[str, str, str]]:
    """(url, what, section) for the figures of the genome chart."""
    out = []
    for r in figures.itertuples():
        what = (f"{METRIC_LABEL.get(r.metric, r.metric).lower()}: {number(r.value)} "
                f"({short_name(r.programme_name)}, {partial_date(r.as_of_date)})")
        out += [(u, what, "figures") for u in r.source_urls]
    return out


NUM_FMT = f"params.value == null ? '{NO_FIGURE}' : d3.format(',')(params.value)"
DEC_FMT = f"params.value == null ? '{NO_FIGURE}' : d3.format(',.1f')(params.value)"


def column_defs(cols: list[tuple[str, str, str]]) -> list[dict]:
    """AG Grid column definitions from ``(field, header, kind)``; kind ``int``/``dec`` columns
    stay numeric (they sort as numbers) and show NO_FIGURE for a missing value."""
    out = []
    for field, head, kind in cols:
        d: dict = {"field": field, "headerName": head}
        if kind in ("int", "dec"):
            d.update(type="numericColumn", filter="agNumberColumnFilter",
                     valueFormatter={"function": NUM_FMT if kind == "int" else DEC_FMT})
        elif kind == "wide":
            d.update(minWidth=260, tooltipField=field)
        out.append(d)
    return out


def sources_note(url_lists, what: str) -> html.Small:
    """A chart card's sources line: the distinct sources' domains (full list at the page foot)."""
    urls = list(dict.fromkeys(u for lst in url_lists for u in lst))
    if not urls:
        return html.Small(f"No source: nothing is drawn for {what}.")
    return html.Small([f"Sources ({what}): ", *source_links(urls, limit=6),
                       ". Every URL is listed under “Sources for this page”."])


def page_entries(row, sections: dict) -> list[tuple[str, str, str]]:
    """(url, what it supports, section) for every section of the page; ``sections`` maps a
    section name to its frame (initiatives, figures, cohorts, nodes, activities, milestones)."""
    out = [(u, "country facts (membership, signature, population)", "facts")
           for u in row["country_source_urls"]]
    label = {"initiatives": ("initiative", "name"), "cohorts": ("cohort", "name"),
             "nodes": ("infrastructure node", "name"), "activities": ("activity", "name"),
             "milestones": ("milestone", "title")}
    for key, df in sections.items():
        if key == "figures":
            out += figure_entries(df)
            continue
        what, col = label[key]
        for i, r in enumerate(df.itertuples()):
            sec = "cohorts-more" if key == "cohorts" and i >= PRINT_COHORTS else key
            out += [(u, f"{what}: {short_name(getattr(r, col))}", sec) for u in r.source_urls]
    return out


def infra_rows(nodes: pd.DataFrame) -> list[dict]:
    """Rows of the node map's table: every node, mapped or not, with its sources."""
    where = L.LOCATION_MAPPED
    return [{"name": r.name, "kind": KIND_LABEL.get(r.kind, r.kind), "status": _label(r.status, L.INFRA_STATUS),
             "city": r.city if isinstance(r.city, str) else "",
             "lat": "none public" if is_missing(r.lat) else f"{r.lat:.4f}",
             "lon": "none public" if is_missing(r.lon) else f"{r.lon:.4f}",
             "location": where.get(r.location_precision, r.location_precision),
             "source_urls": joined(r.source_urls), "infra_id": r.infra_id}
            for r in nodes.itertuples()]

