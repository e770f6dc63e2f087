"""Countries index: /countries — all 35 countries with their key indicators, each opening its profile.

An AG Grid (sortable, filterable, CSV of exactly the rows shown). Figures stay numeric so they sort
as numbers; a missing figure reads "no public figure". Each figure column has its as-of and source
columns next to it.
"""
from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import ClientsideFunction, Input, Output, callback, clientside_callback, dcc, html

from components import urls
from components.cells import joined
from components.chart_card import data_grid, grid_outputs
from components.country_grids import column_defs
from components.fmt import is_missing, partial_date
from data.db import release as current_release
from data.queries import country_profile as q

dash.register_page(__name__, path="/countries", name="Countries", order=1, nav=True,
                   title="Countries — 1+MG Atlas",
                   description="All 35 countries of the atlas with their genome figures, cohorts, "
                               "infrastructure nodes and activities, each linked to its profile.")

COLS = [("signed_sort", "1+MG signature", ""), ("wgs_value", "WGS genomes", "int"),
        ("wgs_as_of", "WGS as of", ""), ("wgs_per_million", "WGS per million", "dec"),
        ("genotyped_value", "Genotyped", "int"), ("genotyped_as_of", "Genotyped as of", ""),
        ("n_cohorts", "Cohorts", "int"), ("n_infra_nodes", "Infrastructure nodes", "int"),
        ("n_activities", "EU activities", "int"), ("n_funded_projects", "Funded projects", "int"),
        ("eu_member", "EU member", ""), ("gdi", "GDI participant", ""),
        ("goe", "Genome of Europe participant", ""), ("wgs_sources", "WGS sources", "wide"),
        ("genotyped_sources", "Genotyped sources", "wide"), ("iso3", "ISO3", ""),
        ("release", "Data release", "")]


INTRO = ("The 35 countries of the atlas: EU members, the UK, Norway, Iceland, Switzerland and "
         "ICPerMed partners. Select a country's name to open its profile. “WGS genomes” is the sum "
         "of each programme's latest cumulative figure; genotyped participants are a different "
         "measure and are never added to it.")


def layout(**_query):
    return html.Div([
        html.H1("Countries", id="countries-title"), html.P(INTRO, className="mb-2"),
        dbc.Button([html.I(className="bi bi-download me-1", **{"aria-hidden": "true"}), "Download CSV"],
                   id="countries-csv", color="secondary", outline=True, size="sm",
                   className="mb-2 d-print-none"),
        dcc.Loading(data_grid("countries-grid", csv_name="countries.csv", height=640,
                              dashGridOptions={"tooltipShowDelay": 300}), delay_show=300),
        html.P(id="countries-sources", className="small text-body-secondary mt-2"),
        html.Nav([html.H2("All country profiles", className="h6"),
                  html.Ul(id="countries-links", className="list-inline small")],
                 **{"aria-label": "Country profiles"}, className="mt-3"),
    ])


clientside_callback(ClientsideFunction("atlas", "exportCsv"),
                    Output("countries-grid", "exportDataAsCsv"), Input("countries-csv", "n_clicks"),
                    prevent_initial_call=True)


def name_column() -> dict:
    """The country name as a link to its profile (markdown in the grid; plain name in the CSV)."""
    return {"field": "name_link", "headerName": "Country", "cellRenderer": "markdown",
            "pinned": "left", "minWidth": 170, "sort": "asc",
            "valueFormatter": {"function": "params.data.name"},
            "filterValueGetter": {"function": "params.data.name"}}


def index_rows(df, release_id: str) -> list[dict]:
    rows = []
    for r in df.to_dict("records"):
        signed = ("not a signatory" if not r["onemg_signatory"] else
                  "date not public" if is_missing(r["onemg_signed_date"])
                  else partial_date(r["onemg_signed_date"]))
        rows.append({
            "iso3": r["iso3"], "name": r["name"], "name_link": f"[{r['name']}]({urls.country(r['iso3'])})",
            "signed_sort": r["onemg_signed_date_first"] or "", "signed_label": signed,
            **{k: None if is_missing(r[k]) else r[k] for k in (
                "wgs_value", "wgs_per_million", "genotyped_value", "n_cohorts", "n_infra_nodes",
                "n_activities", "n_funded_projects")},
            "wgs_as_of": "" if is_missing(r["wgs_as_of"]) else r["wgs_as_of"],
            "wgs_as_of_label": _as_of(r["wgs_as_of"]),
            "genotyped_as_of": "" if is_missing(r["genotyped_as_of"]) else r["genotyped_as_of"],
            "genotyped_as_of_label": _as_of(r["genotyped_as_of"]),
            "wgs_sources": joined(r["wgs_source_urls"]),
            "genotyped_sources": joined(r["genotyped_source_urls"]),
            "eu_member": "yes" if r["eu_member"] else "no",
            "gdi": r["gdi_participant"].replace("true", "yes").replace("false", "no"),
            "goe": r["goe_participant"].replace("true", "yes").replace("false", "no"),
            "release": release_id})
    return rows


def _as_of(v) -> str:
    return "n/a" if is_missing(v) else partial_date(v)


@callback(output={**grid_outputs("countries-grid"), "links": Output("countries-links", "children"),
                  "note": Output("countries-sources", "children")},
          inputs={"_title": Input("countries-title", "children")})
def fill_index(_title):
    df = q.country_index()
    cols = column_defs(COLS)
    for col in cols:
        if col.get("minWidth") is None:
            col.update(width=140, wrapHeaderText=True, autoHeaderHeight=True)
        label = {"signed_sort": "signed_label", "wgs_as_of": "wgs_as_of_label",
                 "genotyped_as_of": "genotyped_as_of_label"}.get(col["field"])
        if label:
            col.update(valueFormatter={"function": f"params.data.{label}"},
                       filterValueGetter={"function": f"params.data.{label}"})
    links = [html.Li(dcc.Link(n, href=urls.country(c)), className="list-inline-item")
             for c, n in zip(df.iso3, df.name)]
    note = ("Figures: latest carried-forward totals of the data release; each row's sources are in "
            "its “sources” columns, and every figure's page lists its full provenance. "
            f"Countries: {len(df)}.")
    return {"rows": index_rows(df, current_release().release_id), "cols": [name_column(), *cols],
            "links": links, "note": note}
