"""The "Public API" section of the Data & sources page, written from the API's own endpoint
declarations (data/api_endpoints.py), so the page, the OpenAPI document and the behaviour agree.

Static: nothing here runs a query (vocabularies that come from the data are described, not listed).
"""
from __future__ import annotations

from dash import html

from components import urls
from data.api_endpoints import ENDPOINTS
from pages._data_sections import pre

SCRIPT = """import json, urllib.request

ATLAS = "http://localhost:8050"   # where your copy of the atlas runs
url = ATLAS + "/api/v1/cohorts?country=FIN&data_type=wgs"
with urllib.request.urlopen(url) as r:
    body = json.load(r)
for c in body["data"]:
    print(c["name"], c["participants"], c["source_urls"][0])
print("Cite:", body["meta"]["citation"])"""

ERROR_EXAMPLE = """GET /api/v1/genome-figures?from=2024&to=2020   → 400
{"error": {"parameter": "from",
           "message": "the date range is inverted: 'from' is after 'to'",
           "expected": "'from' on or before 'to'"}}"""


def _param_text(p) -> str:
    if p.kind == "list":
        kind = "comma-separated list"
    elif p.kind == "enum":
        kind = "one value"
    elif p.kind == "date":
        kind = "YYYY[-MM[-DD]]"
    else:
        kind = {"int": "integer", "bool": "true/false", "text": "text"}[p.kind]
    vals = "" if callable(p.choices) or not p.choices or len(p.choices) > 12 else (
        ": " + ", ".join(p.choices))
    default = f"; default {p.default}" if p.default not in (None, "") else ""
    return f"{kind}{vals}{default}. {p.description}"


def _params(ep) -> html.Ul:
    return html.Ul([html.Li([html.Code(p.name), " ", html.Span(_param_text(p))])
                    for p in _own(ep)], className="mb-0 ps-3")


def _endpoint(ep) -> html.Div:
    path = urls.api(ep.oa_path)
    example = (path.replace("{iso3}", ep.example or "FIN") if "{iso3}" in path
               else path + ep.example)
    return html.Div([
        html.H3(html.Code(path), className="h6 mb-1"),
        html.P([html.Strong(ep.summary), " ", ep.description], className="small mb-1"),
        # A long parameter list folds away, so the list of endpoints reads at a glance.
        (html.Details([html.Summary(f"{len(_own(ep))} parameters — show"), _params(ep)],
                      className="small mb-1") if len(_own(ep)) > 3 else
         html.Div(["Parameters: ", _params(ep)] if _own(ep) else "No parameters.",
                  className="small mb-1")),
        html.P(["Example: ", html.A(html.Code(example), href=example, target="_blank")],
               className="small mb-0 text-break"),
    ], className="border-top py-2 data-api-endpoint")


def _own(ep) -> list:
    return [p for p in ep.params if p.name not in ("limit", "offset", "format")]


def api_section() -> list:
    return [
        html.P([
            "A read-only JSON API serves the same release as the pages. The ",
            html.A("OpenAPI 3.1 document", href=urls.api("/openapi.json"), target="_blank"),
            " describes every parameter and every response, including errors. Every row carries its "
            "source URLs and as-of date. Every response names the release and how to cite it."]),
        html.Ul([
            html.Li(["Lists are paged: ", html.Code("limit"), " (1–500, default 100) and ",
                     html.Code("offset"), ". Rows come in a stable order, and ",
                     html.Code("meta.next"), " links to the next page."]),
            html.Li([html.Code("format=csv"), " returns CSV instead of JSON. List values are "
                     "joined with “;” and missing values are empty."]),
            html.Li(["Responses carry an ", html.Code("ETag"), ". Send it back in ",
                     html.Code("If-None-Match"), " to get a 304 when nothing changed. Any site "
                     "may call the API: ", html.Code("Access-Control-Allow-Origin: *"), "."]),
            html.Li(["An unknown parameter, a wrong type, a value out of range, an unknown code, "
                     "an inverted date range or an over-long text gets a 4xx. Its JSON body names "
                     "the parameter and what was expected."]),
        ], className="small"),
        # The endpoints fold away (the page's longest list after the sources): the rules above,
        # the error and the script below read at a glance.
        html.Details([html.Summary(f"{len(ENDPOINTS)} endpoints, their parameters and examples — show",
                                   className="mb-2"),
                      *[_endpoint(ep) for ep in ENDPOINTS]], id="data-api-endpoints", className="mb-3"),
        html.H3("Errors", className="h6"),
        pre(ERROR_EXAMPLE),
        html.H3("Example: a script that fetches cohorts and cites the release", className="h6"),
        pre(SCRIPT, id="data-api-script"),
    ]
