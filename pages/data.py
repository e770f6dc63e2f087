"""/data — Data & sources: what the figures mean, how derived ones are computed, the served release
(date, row counts, hashes) and what changed since the previous one, every source grouped by
publisher, known conflicts and gaps, downloads, the public API and how to cite.

``layout`` is static text plus empty containers; one callback fills the release-dependent parts.
"""
from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, callback, dcc, html

from components import urls
from components.catalogue_views import nodes_table
from components.labels import SOURCE_CLASS
from components.public_url import base_url
from data import db
from data.queries import catalog, catalogues, groups
from data.queries.release import release_info
from pages import _data_sections as sec
from pages._data_api import api_section
from pages._data_changes import changes_block, quality_block

dash.register_page(__name__, path="/data", name="Data & sources", order=6, nav=True,
                   title="Data & sources — 1+MG Atlas",
                   description="What the figures mean, methods, sources, conflicts and gaps, "
                               "downloads, API and citation of the 1+MG Atlas data release.")

METHODS = dict(sec.markdown_sections("data-methods"))
CONFLICTS = sec.markdown_sections("known-conflicts-and-gaps")
SECTIONS = [
    ("data-release", "Current data release and downloads"),
    ("data-changes", "What changed since the previous release"),
    ("data-catalogues", "National catalogues harvested"),
    ("data-meaning", "What the figures mean"),
    ("data-methods", "How derived figures are computed"),
    ("data-sources", "Sources"),
    ("data-conflicts", "Known conflicts and gaps"),
    ("data-api", "Public API"),
    ("data-cite", "How to cite"),
]
TITLES = dict(SECTIONS)


#: The room each block the callback fills keeps from the start, so nothing in view moves when it
#: arrives (the first is a screen tall: what follows it starts below the fold).
RESERVED = {"data-release-body": "100vh", "data-changes-body": "12rem", "data-sources-body": "12rem",
            "data-catalogues-body": "1.5rem", "data-cite-body": "16rem"}


def _loading(cid: str) -> dcc.Loading:
    return dcc.Loading(html.Div(id=cid, style={"minHeight": RESERVED[cid]}), type="default",
                       delay_show=300)


def _sections() -> list:
    conflicts = []
    for title, body in CONFLICTS:
        if title:
            conflicts.append(html.H3(title, className="h6 mt-3"))
        conflicts.append(sec.md(body))
    return [
        sec.section("data-release", TITLES["data-release"], _loading("data-release-body")),
        sec.section("data-changes", TITLES["data-changes"], _loading("data-changes-body")),
        sec.section("data-catalogues", TITLES["data-catalogues"], _loading("data-catalogues-body")),
        sec.section("data-meaning", TITLES["data-meaning"], sec.md(METHODS["What the figures mean"])),
        sec.section("data-methods", TITLES["data-methods"],
                sec.md(METHODS["How derived figures are computed"])),
        sec.section("data-sources", TITLES["data-sources"], _loading("data-sources-body"),
                html.P(["The same list as ",
                        html.A("CSV", href=urls.api("/sources", format="csv", limit=500)),
                        ", or one row per URL: ",
                        html.A("by URL (CSV)", href=urls.api("/sources", group="url",
                                                             format="csv", limit=500)), "."],
                       className="small mt-2")),
        sec.section("data-conflicts", TITLES["data-conflicts"], *conflicts,
                html.P("The full research notes, with every source read:",
                       className="small mt-3 mb-1"), sec.notes_links()),
        sec.section("data-api", TITLES["data-api"], *api_section()),
        sec.section("data-cite", TITLES["data-cite"], _loading("data-cite-body")),
    ]


def layout(**_kwargs):
    return html.Div([
        dcc.Store(id="data-load", data=1),
        html.H1("Data & sources", className="h3"),
        html.P("Every number in the atlas comes from a public source, named next to it, with the "
               "date it refers to. This page explains what the numbers mean and how the derived "
               "ones are computed. It lists every source and the places where sources disagree "
               "or say nothing. Here you can also download the data, query it through the API, "
               "and find how to cite it.", className="mb-2"),
        # The contents: under the introduction, or beside the text (and in view) on wide screens.
        dbc.Row([dbc.Col(sec.toc(SECTIONS), xl=2, className="order-xl-last"),
                 dbc.Col(_sections(), xl=10)]),
    ], id="data-page", className="data-page",
        # Bootstrap's pink code colour is 4.3:1 on the page background; this one is AA (6.9:1).
        style={"maxWidth": "88rem", "--bs-code-color": "#a01e55"})


@callback(
    output={"release": Output("data-release-body", "children"),
            "changes": Output("data-changes-body", "children"),
            "sources": Output("data-sources-body", "children"),
            "cite": Output("data-cite-body", "children")},
    inputs={"_load": Input("data-load", "data")},
)
def fill(_load):
    """Everything on the page that depends on the served release."""
    info = release_info()
    tables = catalog.loaded_tables()
    sha = {t: db.manifest()["tables"][t]["sha256"] for t in tables}
    counts = catalog.change_counts()
    changes = catalog.release_changes().to_dict("records")
    for r in changes:
        r["changed_columns"] = list(r["changed_columns"] if r["changed_columns"] is not None else [])
    quality = quality_block(catalog.figures_by_source_class(), SOURCE_CLASS,
                            groups.members(), catalog.table_frame("falling_series"))
    return {"release": sec.release_block(info, sha),
            "changes": changes_block(counts, info["previous_release"], changes) + quality,
            "sources": sec.sources_block(catalog.sources("publisher"), catalog.source_totals()),
            "cite": sec.cite_block(catalog.citation(info, base_url() or ""))}



@callback(Output("data-catalogues-body", "children"), Input("data-load", "data"))
def fill_catalogues(_load):
    """The harvested national catalogue nodes: last harvest, status (or none harvested)."""
    return nodes_table(catalogues.nodes(), catalogues.harvest(), "data-catalogues-table")
