"""Building blocks of the Data & sources page (pages/data.py): static text sections and the pieces
its callback fills from the release. Pure: values in, Dash components out; no queries here.

(A leading underscore keeps Dash Pages from importing this module as a page.)
"""
from __future__ import annotations

import re
from pathlib import Path

import dash_bootstrap_components as dbc
from dash import dcc, html

from components import urls
from components.fmt import counted, partial_date
from data.publication import LICENCE

DOCS = Path(__file__).resolve().parents[1] / "docs"
NOTES = (("SOURCES-countries", "Countries, initiatives, genome figures, milestones"),
         ("SOURCES-cohorts", "Cohorts and biobanks"),
         ("SOURCES-infrastructures", "Infrastructures, activities, standards"),
         ("SOURCES-additions", "Later additions and corrections"),
         ("REFERENCE-README", "Conventions of the curated tables"))
TABLE_HOLDS = {
    "countries": "One row per country: membership, 1+MG signature, population",
    "initiatives": "National and pan-European genome programmes",
    "genome_counts": "Every dated genome figure as published",
    "milestones": "Dated events of the initiative",
    "cohorts": "Cohorts, biobanks and genomic collections",
    "infrastructures": "Research-infrastructure nodes and facilities",
    "activities": "EU projects, partnerships, calls, expert groups",
    "funded_projects": "Projects funded by ERA PerMed / EP PerMed calls (partial)",
    "calls": "Joint transnational funding calls",
    "standards": "Standards and agreements",
    "progress_by_country": "Derived: carried-forward totals per country and metric",
    "progress_series": "Derived: Europe-wide totals over time per metric",
    "country_figures_latest": "Derived: latest figure per programme, metric and basis",
    "country_summary": "Derived: one wide row per country with its key figures",
    "country_infra_counts": "Derived: nodes per country, kind and status",
    "country_geo": "Derived: label points and bounding boxes of the map",
    "release_changes": "Rows added, changed or removed since the previous release",
    "catalogue_datasets": "Harvested: dataset records the national catalogues list",
    "catalogue_nodes": "Harvested: the national catalogue nodes, their status and last harvest",
    "catalogue_by_country": "Harvested: individuals in 1+MG-compliant genomic datasets per country",
    "data_release": "The release itself: its number, date and notes",
    "falling_series": "Derived: programmes whose cumulative figures fall over time",
    "groups": "The groups of countries totals are summed over, with their definitions",
    "group_members": "Derived: each group's member countries, with dates",
    "group_progress": "Derived: each group's totals over time per metric",
    "source_domains": "Source sites and their class (primary, official, secondary …)",
    "source_refs": "Every citation: which row cites which source URL",
}


def markdown_sections(name: str) -> list[tuple[str, str]]:
    """``docs/<name>.md`` split at its ``###`` headings: [(title, body)]; text before the first
    heading has the title ``""``."""
    text = (DOCS / f"{name}.md").read_text(encoding="utf-8")
    parts = re.split(r"^### (.+)$", text, flags=re.M)
    out = [("", parts[0].strip())] if parts[0].strip() else []
    out += [(parts[i].strip(), parts[i + 1].strip()) for i in range(1, len(parts), 2)]
    return out


def pre(text: str, **kwargs) -> html.Pre:
    """Preformatted text that wraps instead of scrolling (a scrolling box needs keyboard focus)."""
    return html.Pre(text, className="bg-white border p-2 small",
                    style={"whiteSpace": "pre-wrap", "overflowWrap": "anywhere"}, **kwargs)


def scroll_box(table, label: str) -> html.Div:
    """A table that may scroll sideways on a phone; focusable so the keyboard can scroll it."""
    return html.Div(table, className="table-responsive", tabIndex="0", role="region",
                    **{"aria-label": label})


def md(text: str) -> dcc.Markdown:
    return dcc.Markdown(text, link_target="_blank", className="data-md")


def section(sid: str, title: str, *children, lead: str | None = None) -> html.Section:
    return html.Section([html.H2(title, id=f"{sid}-title", className="h4 mt-4"),
                         *([html.P(lead, className="text-body-secondary")] if lead else []),
                         *children], id=sid, **{"aria-labelledby": f"{sid}-title"})


def toc(items: list[tuple[str, str]]) -> html.Nav:
    """The page's contents, one link a line (a tap target each); it stays in view on wide screens."""
    return html.Nav([html.P("On this page", className="fw-semibold small mb-1", id="data-toc-title"),
                     html.Ul([html.Li(html.A(t, href=f"#{sid}"), className="mb-1") for sid, t in items],
                             className="list-unstyled small mb-0")],
                    **{"aria-labelledby": "data-toc-title"}, id="data-toc",
                    className="mb-3 pt-xl-4 sticky-xl-top")


def notes_links() -> html.Ul:
    return html.Ul([html.Li([html.A(f"{n}.md", href=urls.note(n), target="_blank"),
                             f": {what}"]) for n, what in NOTES], className="small")


_DT, _DD = "col-sm-3 col-lg-2", "col-sm-9 col-lg-10"


def _short_hash(h: str, n: int = 16) -> html.Code:
    return html.Code(h[:n] + "…", title=h)


def release_block(info: dict, sha256: dict[str, str]) -> list:
    """Release facts and the table list with row counts, hashes and stable download links."""
    rid = info["release_id"]
    built = info["built_at"].replace("T", " ").replace("Z", " UTC")
    prev = info.get("previous_release")
    facts = html.Dl([
        html.Dt("Release", className=_DT), html.Dd(html.Code(rid, id="data-release-id"),
                                                   className=_DD),
        html.Dt("Built", className=_DT),
        html.Dd([partial_date(info["built_date"]), f" ({built})"], id="data-release-date",
                className=_DD),
        html.Dt("Previous release", className=_DT),
        html.Dd(html.Code(prev) if prev else "none (first release)", className=_DD),
    ], className="row mb-2")
    wide, phone = "d-none d-md-table-cell", "d-md-none"
    head = html.Thead(html.Tr([html.Th("Table", scope="col"),
                               html.Th("What it holds", scope="col", className=wide),
                               html.Th("Rows", scope="col", className=f"text-end {wide}"),
                               html.Th("SHA-256", scope="col", className=wide),
                               html.Th("Download", scope="col")]))
    order = {t: i for i, t in enumerate(TABLE_HOLDS)}
    body = html.Tbody([
        # On a phone what it holds, its rows and its hash move under the name and the two links
        # stack: the download links stay in view and the name keeps the width.
        html.Tr([html.Th([html.Code(t, className="text-break"),
                          html.Div(TABLE_HOLDS.get(t, ""), className=f"small fw-normal {phone}"),
                          html.Div([f"{counted(n, 'row')} · SHA-256 ",
                                    _short_hash(sha256[t], 10)],
                                   className=f"small fw-normal text-body-secondary {phone}")],
                         scope="row"),
                 html.Td(TABLE_HOLDS.get(t, ""), className=wide),
                 html.Td(f"{n:,}", className=f"text-end {wide}"),
                 html.Td(_short_hash(sha256[t]), className=wide),
                 html.Td([html.A("CSV", href=urls.table_download(rid, t, "csv"), download="",
                                 className="data-dl-csv d-block d-md-inline",
                                 **{"aria-label": f"{t} as CSV"}),
                          html.Span(" · ", className="d-none d-md-inline"),
                          html.A("Parquet", href=urls.table_download(rid, t, "parquet"),
                                 download="", className="d-block d-md-inline mt-2 mt-md-0",
                                 **{"aria-label": f"{t} as Parquet"})], className="text-nowrap")])
        for t, n in sorted(info["tables"].items(), key=lambda kv: (order.get(kv[0], 99), kv[0]))])
    bundle = html.P([
        dbc.Button([html.I(className="bi bi-file-earmark-zip me-1", **{"aria-hidden": "true"}),
                    "Download everything (ZIP)"], href=urls.bundle(rid),
                   download="", color="primary", size="sm", id="data-bundle", external_link=True),
        html.Span(" every table as CSV, the data dictionary, the source notes, the citation and "
                  "the manifest.", className="small")])
    stable = html.P([
        "These links name the release, so they always give the same bytes. ",
        html.Code(urls.download("latest", "<table>.csv")), " (or ", html.Code(".parquet"), ", ",
        html.Code(urls.bundle("latest")), ") always gives the newest release. CSV files "
        "join list values with “;” and leave missing values empty. A missing value is never 0."],
        className="small text-body-secondary")
    table = scroll_box(html.Table([head, body], className="table table-sm align-middle"),
                       "Tables of this release")
    return [facts, bundle, table, stable, open_data_block(rid)]


def open_data_block(rid: str) -> html.P:
    """Where harvesters and tools find the release described: licence, DCAT-AP, data package."""
    return html.P([
        "Licence: ", html.A(LICENCE["id"], href=LICENCE["url"], rel="license"),
        " (the facts come from the public sources each row cites). Catalogues harvest the "
        "DCAT-AP description of every table from ", html.A(html.Code(urls.CATALOG_TTL),
                                                          href=urls.CATALOG_TTL),
        " (or ", html.A(html.Code(urls.CATALOG_JSONLD), href=urls.CATALOG_JSONLD), "). ",
        "The ZIP holds a Frictionless ", html.Code("datapackage.json"),
        " (fields, types, keys, missing values, licence, sources; also ",
        html.A("beside the downloads", href=urls.datapackage(rid), id="data-datapackage"),
        "); every CSV names it and the licence in its ", html.Code("Link"), " header."],
        className="small text-body-secondary", id="data-open-data")


def cite_block(citation: dict) -> list:
    return [
        html.P("Cite the atlas together with the data release you used, so that others can get "
               "the same numbers. A figure's own source is in its source URLs: cite it as well."),
        pre(citation["text"], id="data-cite-text"),
        html.P("BibTeX:", className="small mb-1"),
        pre(citation["bibtex"], id="data-cite-bibtex"),
    ]


def _breakable(name: str) -> list:
    """A domain with line-break opportunities after each dot and slash (narrow screens)."""
    out: list = []
    for part in re.split(r"(?<=[./])", name):
        out += [part, html.Wbr()]
    return out[:-1]


def _source_table(rows: list[dict], tid: str | None = None) -> html.Div:
    wide = "d-none d-md-table-cell"
    head = html.Thead(html.Tr([html.Th("Publisher", scope="col"),
                               html.Th("Rows", scope="col", className="text-end",
                                       title="Rows supported: curated rows citing it"),
                               html.Th("URLs", scope="col", className="text-end"),
                               html.Th("Rows per table", scope="col", className=wide)]))
    body = []
    for r in rows:
        per_table = ", ".join(f"{t} {n}" for t, n in r["rows_by_table"].items())
        domains = ([html.Small([html.Br(), ", ".join(r["domains"])],
                               className="text-body-secondary d-none d-md-inline")]
                   if r["domains"] != [r["name"]] else [])
        body.append(html.Tr([
            # On a phone the per-table counts move under the name instead of a fourth column.
            html.Th([*_breakable(r["name"]), *domains,
                     html.Small([html.Br(), per_table], className="d-md-none")],
                    scope="row", className="fw-normal"),
            html.Td(f"{r['n_rows']:,}", className="text-end"),
            html.Td(f"{r['n_urls']:,}", className="text-end"),
            html.Td(per_table, className=f"small {wide}"),
        ]))
    kw = {"id": tid} if tid else {}
    return scroll_box(html.Table([head, html.Tbody(body)],
                                 className="table table-sm align-top mb-1", **kw),
                      "Sources by publisher")


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")


def md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", str(text))


def _md_list(lines: list[str]) -> dcc.Markdown:
    # One Markdown component renders a long list far faster than one Dash component per item.
    return dcc.Markdown("\n".join(f"- {line}" for line in lines), className="small")


def sources_block(df, totals: dict, shown: int = 10) -> list:
    """Sources grouped by publisher, most-cited first: the top ``shown`` as a table, the rest as
    a folded list."""
    rows = df.to_dict("records")
    out = [html.P(f"{totals['urls']:,} source URLs on {totals['domains']:,} sites "
                  f"({totals['publishers']:,} publishers) back the rows of the ten curated "
                  f"tables, with {totals['references']:,} citations in all. “Rows” counts the "
                  "curated rows that cite a publisher. One row often cites several "
                  "publishers.", id="data-sources-summary"),
           _source_table(rows[:shown], "data-sources-table")]
    if len(rows) > shown:
        rest = [f"{md_escape(r['name'])}: {counted(r['n_rows'], 'row')}, {counted(r['n_urls'], 'URL')} "
                f"({md_escape(', '.join(f'{t} {n}' for t, n in r['rows_by_table'].items()))})"
                for r in rows[shown:]]
        out.append(html.Details([html.Summary(f"{len(rows) - shown:,} more publishers — show"),
                                 _md_list(rest)], className="mb-2", id="data-sources-rest"))
    return out
