"""The public read-only API under ``/api/v1/`` (JSON, or CSV with ``format=csv``).

Each endpoint is declared once in :data:`ENDPOINTS` (path, parameters, row shape, fetch function);
the same declarations validate requests, page and serialise results and write the OpenAPI document
(``/api/v1/openapi.json``). Responses carry an ``ETag`` (release id + request) honoured through
``If-None-Match``, ``Cache-Control`` and ``Access-Control-Allow-Origin: *``. Every client error is
a 4xx with ``{"error": {"parameter", "message", "expected"}}``.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlencode

from flask import Blueprint, Flask, Response, request

from data.db import DataError, release
from data.queries import api as q
from data.queries import catalog
from data.queries.api import VOCAB
from data.queries.release import release_info

from . import openapi
from .api_params import ApiError, Param, validate

PREFIX = "/api/v1"
bp = Blueprint("api_v1", __name__, url_prefix=PREFIX)
CACHE = "public, max-age=300"


def _vocab(name: str) -> Callable[[], tuple]:
    def get() -> tuple:
        return _codes()[name]
    return get


def _codes() -> dict:
    rid = release().release_id
    if _codes.cache.get("rid") != rid:
        _codes.cache = {"rid": rid, **q.vocabulary(),
                        "profile": tuple(q.countries().iso3)}
    return _codes.cache


_codes.cache = {}

LIMIT = Param("limit", "int", "Rows per page.", default=100, lo=1, hi=500, example="100")
OFFSET = Param("offset", "int", "Rows to skip (for paging).", default=0, lo=0, hi=100_000,
               example="0")
FORMAT = Param("format", "enum", "Response format: json, or csv (list values joined with ';').",
               choices=("json", "csv"), default="json")
PAGED = (LIMIT, OFFSET, FORMAT)
COUNTRY = Param("country", "list", "ISO 3166-1 alpha-3 codes, comma-separated (any of them).",
                choices=_vocab("country"), upper=True, example="FIN,DNK")
DATE_FROM = Param("from", "date", "Keep rows whose date period ends on or after this date "
                  "(YYYY, YYYY-MM or YYYY-MM-DD).", example="2020")
DATE_TO = Param("to", "date", "Keep rows whose date period starts on or before this date "
                "(YYYY, YYYY-MM or YYYY-MM-DD).", example="2024-06")


@dataclass(frozen=True)
class Endpoint:
    rule: str
    op_id: str
    tag: str
    summary: str
    description: str
    params: tuple[Param, ...]
    fetch: Callable[[dict], object]
    row: str | None = None        # key into openapi.ROWS for list rows / CSV columns
    shape: str = "list"           # "list" (paged rows) or "object"
    csv: bool = True
    example: str = ""
    schema: dict | None = None    # object endpoints: the JSON Schema of "data"

    @property
    def oa_path(self) -> str:
        return self.rule.replace("<", "{").replace(">", "}")

    @property
    def data_schema(self) -> dict | None:
        if self.shape == "list":
            return {"$ref": f"#/components/schemas/{_schema_name(self.row)}"}
        return self.schema


def _schema_name(row: str) -> str:
    return "".join(w.capitalize() for w in row.split("_"))


def _country_detail(a: dict) -> dict:
    iso3 = a["iso3"]
    df = q.countries(iso3=iso3)
    return {"country": records(df, "country")[0],
            "latest_figures": records(q.country_figures(iso3), "latest_figure"),
            "initiatives": records(q.country_initiatives(iso3), "initiative"),
            "_csv": df}


def _release(_a: dict) -> dict:
    info = release_info()
    base = request.host_url.rstrip("/")
    cit = catalog.citation(info, base)
    rid = info["release_id"]
    tables = catalog.loaded_tables()
    return {
        **info, "sha256": {t: release().manifest["tables"][t]["sha256"] for t in tables},
        "changes": catalog.change_counts(),
        "citation": {"text": cit["text"], "bibtex": cit["bibtex"]},
        "downloads": {"bundle": f"/downloads/{rid}/bundle.zip",
                      "tables": {t: {"csv": f"/downloads/{rid}/{t}.csv",
                                     "parquet": f"/downloads/{rid}/{t}.parquet"} for t in tables}},
    }


def _index(_a: dict) -> dict:
    return {"endpoints": [{"path": PREFIX + e.oa_path, "summary": e.summary} for e in ENDPOINTS],
            "openapi": PREFIX + "/openapi.json", "documentation": "/data#data-api"}


_COUNTS = {"type": "object", "additionalProperties": {"type": "integer"}}
RELEASE_SCHEMA = {
    "type": "object", "additionalProperties": False,
    "required": ["release_id", "built_at", "built_date", "previous_release", "schema_version",
                 "tables", "sha256", "changes", "citation", "downloads"],
    "properties": {
        "release_id": {"type": "string"}, "built_at": {"type": "string"},
        "built_date": {"type": "string", "format": "date"},
        "previous_release": {"type": ["string", "null"]}, "schema_version": {"type": "integer"},
        "tables": _COUNTS,
        "sha256": {"type": "object", "additionalProperties": {"type": "string"}},
        "changes": {"description": "Rows added/changed/removed per table since the previous "
                                   "release; null when not recorded.",
                    "type": ["object", "null"], "additionalProperties": {
                        "type": "object", "required": ["added", "changed", "removed"],
                        "properties": {k: {"type": "integer"} for k in ("added", "changed",
                                                                        "removed")}}},
        "citation": {"type": "object", "required": ["text", "bibtex"],
                     "properties": {"text": {"type": "string"}, "bibtex": {"type": "string"}}},
        "downloads": {"type": "object"},
    },
}
COUNTRY_DETAIL_SCHEMA = {
    "type": "object", "additionalProperties": False,
    "required": ["country", "latest_figures", "initiatives"],
    "properties": {
        "country": {"$ref": "#/components/schemas/Country"},
        "latest_figures": {"type": "array", "items": {"$ref": "#/components/schemas/LatestFigure"}},
        "initiatives": {"type": "array", "items": {"$ref": "#/components/schemas/Initiative"}},
    },
}

ENDPOINTS: list[Endpoint] = [
    Endpoint("/", "index", "about", "List the endpoints.", "Where to start.", (), _index,
             shape="object", csv=False, schema={"type": "object"}),
    Endpoint("/countries", "listCountries", "countries", "Countries with a profile.",
             "One row per country: membership, 1+MG signature, population and the latest "
             "carried-forward figure per metric (value, as-of date, sources, confidence, per "
             "million). A metric with no public figure is null.",
             (Param("eu_member", "bool", "Only EU members (true) or non-members (false)."),
              Param("onemg_signatory", "bool", "Only 1+MG signatories (true) or not (false)."),
              *PAGED),
             lambda a: q.countries(eu_member=a["eu_member"], signatory=a["onemg_signatory"]),
             row="country", example="?eu_member=true&limit=5"),
    Endpoint("/countries/<iso3>", "getCountry", "countries", "One country.",
             "The country's profile row, its latest figure per programme, metric and basis "
             "(all bases, labelled), and its initiatives. format=csv gives the profile row.",
             (Param("iso3", "enum", "ISO 3166-1 alpha-3 code of a country with a profile.",
                    choices=_vocab("profile"), upper=True, example="FIN", location="path",
                    missing_if="[A-Za-z]{3}"),
              FORMAT),
             _country_detail, row="country", shape="object", example="FIN",
             schema=COUNTRY_DETAIL_SCHEMA),
    Endpoint("/genome-figures", "listGenomeFigures", "figures", "Dated genome figures.",
             "Every figure as published, with its source URLs, as-of date (at the precision the "
             "source gives), count basis and confidence. Metrics are different things and are "
             "never summed here; annual, proxy and subset figures are labelled by count_basis.",
             (COUNTRY,
              Param("metric", "list", "Metrics (any of them).", choices=VOCAB["metric"],
                    example="wgs_sequenced"),
              Param("basis", "list", "Count bases (any of them).", choices=VOCAB["count_basis"],
                    example="cumulative"),
              Param("initiative", "list", "Initiative ids (any of them).",
                    choices=_vocab("initiative"), example="fin_finngen"),
              Param("confidence", "list", "Confidence levels.", choices=VOCAB["confidence"]),
              DATE_FROM, DATE_TO, *PAGED),
             lambda a: q.genome_figures(a["country"] or (), a["metric"] or (), a["basis"] or (),
                                        a["initiative"] or (), a["confidence"] or (),
                                        a["from"] and a["from"][0], a["to"] and a["to"][1]),
             row="genome_figure", example="?country=FIN,DNK&metric=wgs_sequenced&from=2020"),
    Endpoint("/infrastructures", "listInfrastructures", "infrastructures",
             "Research-infrastructure nodes and facilities.",
             "National nodes (ELIXIR, BBMRI-ERIC, Federated EGA, GDI, …), HPC and sequencing "
             "centres. location_precision says whether coordinates are stated or a city centroid.",
             (COUNTRY,
              Param("kind", "list", "Kinds of node.", choices=VOCAB["infra_kind"],
                    example="gdi_node"),
              Param("status", "list", "Status.", choices=VOCAB["infra_status"]), *PAGED),
             lambda a: q.infrastructures(a["country"] or (), a["kind"] or (), a["status"] or ()),
             row="infrastructure", example="?kind=gdi_node,fega_node"),
    Endpoint("/activities", "listActivities", "activities", "Funded projects, calls and groups.",
             "EU projects, partnerships, funding calls and expert groups. A country matches as "
             "coordinator or participant. Budgets are as stated by the source (null if none).",
             (COUNTRY,
              Param("kind", "list", "Kinds of activity.", choices=VOCAB["activity_kind"]),
              Param("topic", "list", "Topics (any of them).", choices=VOCAB["topic"],
                    example="rare_disease"), *PAGED),
             lambda a: q.activities(a["country"] or (), a["kind"] or (), a["topic"] or ()),
             row="activity", example="?country=FIN&topic=infrastructure"),
    Endpoint("/milestones", "listMilestones", "milestones", "Milestones of the initiative.",
             "Dated events (signatures, launches, roadmaps); some dates are planned.",
             (COUNTRY, DATE_FROM, DATE_TO, *PAGED),
             lambda a: q.milestones(a["country"] or (), a["from"] and a["from"][0],
                                    a["to"] and a["to"][1]),
             row="milestone", example="?from=2018&to=2019"),
    Endpoint("/sources", "listSources", "sources", "The sources behind the rows.",
             "Every source URL cited by a curated row, grouped by publisher (registrable domain), "
             "domain or URL, with how many rows of each table it supports.",
             (Param("group", "enum", "Grouping.", choices=catalog.SOURCE_GROUPS,
                    default="publisher"),
              Param("table", "list", "Only references from these tables.",
                    choices=catalog.SOURCE_TABLES),
              Param("q", "text", "Keep groups whose publisher, domain or a URL contains this.",
                    max_len=100, example="europa"), *PAGED),
             lambda a: catalog.sources(a["group"], a["table"] or (), a["q"] or ""),
             row="source", example="?group=domain&q=europa"),
    Endpoint("/release", "getRelease", "release", "The served data release.",
             "Release id, build date, row counts and content hashes of every table, the number "
             "of rows added, changed and removed since the previous release, how to cite it and "
             "where to download it.",
             (), _release, shape="object", csv=False, schema=RELEASE_SCHEMA),
    Endpoint("/release/changes", "listReleaseChanges", "release",
             "Rows changed since the previous release.",
             "One row per added, changed or removed row of a curated table; changed_columns "
             "names what differs. Genome figures are keyed by figure_id (which includes the "
             "value), so a corrected value is one figure removed and one added.",
             (Param("table", "list", "Tables.", choices=catalog.SOURCE_TABLES),
              Param("change", "list", "Kinds of change.", choices=catalog.CHANGE_KINDS),
              *PAGED),
             lambda a: catalog.release_changes(a["table"] or (), a["change"] or ()),
             row="change", example="?change=added"),
]


def jsonify(obj) -> Response:
    """JSON in the declared column order (Flask's jsonify would sort the keys)."""
    return Response(json.dumps(obj, ensure_ascii=False, allow_nan=False) + "\n",
                    mimetype="application/json")


def records(df, row: str) -> list[dict]:
    cols = openapi.ROWS[row]
    return [{c: openapi.json_value(r.get(c), t) for c, t in cols.items()}
            for r in df.to_dict("records")]


def _csv(df, row: str) -> str:
    cols = openapi.ROWS[row]
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(list(cols))
    for rec in records(df, row):
        w.writerow([_cell(rec[c]) for c in cols])
    return buf.getvalue()


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return ";".join(v)
    if isinstance(v, dict):
        return ";".join(f"{k}={n}" for k, n in v.items())
    return str(v)


def _etag(rid: str) -> str:
    key = "|".join([rid, request.path, urlencode(sorted(request.args.items(multi=True)))])
    return '"' + rid + "-" + hashlib.sha256(key.encode()).hexdigest()[:20] + '"'


def _not_modified(etag: str) -> bool:
    inm = request.headers.get("If-None-Match", "")
    tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
    return etag in tags or "*" in tags


def _meta(info: dict, **extra) -> dict:
    cit = catalog.citation(info, request.host_url)
    return {"release_id": info["release_id"], "built_date": info["built_date"],
            "citation": cit["text"], **extra}


def _serve(ep: Endpoint, path_args: dict) -> Response:
    try:
        rid = release().release_id
    except DataError:
        raise ApiError(503, "no data release is loaded; try again later") from None
    a = validate(request.args, ep.params)
    for p in ep.params:
        if p.location == "path":
            a[p.name] = p.parse(path_args[p.name])
    etag = _etag(rid)
    if _not_modified(etag):
        resp = Response(status=304)
    else:
        resp = _body(ep, a, release_info())
    resp.headers["ETag"] = etag
    resp.headers["Cache-Control"] = CACHE
    return resp


def _body(ep: Endpoint, a: dict, info: dict) -> Response:
    fmt = a.get("format", "json")
    result = ep.fetch(a)
    name = ep.op_id
    if ep.shape == "object":
        if fmt == "csv":
            return _csv_response(_csv(result["_csv"], ep.row), f"{name}-{a.get('iso3', '')}", info)
        data = {k: v for k, v in result.items() if not k.startswith("_")}
        return jsonify({"data": data, "meta": _meta(info)})
    total = len(result)
    page = result.iloc[a["offset"]: a["offset"] + a["limit"]]
    nxt = None
    if a["offset"] + a["limit"] < total:
        args = dict(request.args.items())
        args["offset"] = str(a["offset"] + a["limit"])
        nxt = request.base_url + "?" + urlencode(args)
    if fmt == "csv":
        resp = _csv_response(_csv(page, ep.row), name, info)
        resp.headers["X-Total-Count"] = str(total)
        if nxt:
            resp.headers["Link"] = f'<{nxt}>; rel="next"'
        return resp
    return jsonify({"data": records(page, ep.row),
                    "meta": _meta(info, total=total, limit=a["limit"], offset=a["offset"],
                                  count=len(page), next=nxt)})


def _csv_response(text: str, name: str, info: dict) -> Response:
    resp = Response(text, mimetype="text/csv")
    resp.headers["Content-Disposition"] = (
        f'inline; filename="atlas-{info["release_id"]}-{name.strip("-")}.csv"')
    resp.headers["X-Release-Id"] = info["release_id"]
    return resp


def _view(ep: Endpoint):
    def view(**path_args):
        return _serve(ep, path_args)
    view.__name__ = ep.op_id
    return view


for _ep in ENDPOINTS:
    bp.add_url_rule(_ep.rule, view_func=_view(_ep), methods=["GET"], strict_slashes=False
                    if _ep.rule == "/" else True)


@bp.get("/openapi.json")
def openapi_json():
    info = release_info()
    extra = {_schema_name(r): openapi.row_schema(r) for r in openapi.ROWS}
    resp = jsonify(openapi.document(ENDPOINTS, info, extra))
    resp.headers["Cache-Control"] = CACHE
    return resp


@bp.get("/<path:rest>")
def unknown(rest):
    raise ApiError(404, f"there is no API endpoint at {PREFIX}/{rest[:80]}", None,
                   f"one of the paths listed at {PREFIX}/ (or {PREFIX}/openapi.json)")


@bp.errorhandler(ApiError)
def _api_error(e: ApiError):
    resp = jsonify(e.body())
    resp.status_code = e.status
    resp.headers["Cache-Control"] = "no-store"
    return resp


@bp.after_request
def _cors(resp: Response) -> Response:
    resp.headers["Access-Control-Allow-Origin"] = "*"
    resp.headers["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
    resp.headers["Access-Control-Expose-Headers"] = "ETag, X-Total-Count, X-Release-Id, Link"
    return resp


def json_error(status: int, message: str, expected: str | None = None) -> Response:
    resp = jsonify(ApiError(status, message, None, expected).body())
    resp.status_code = status
    resp.headers["Cache-Control"] = "no-store"
    return resp


def install(server: Flask) -> None:
    server.register_blueprint(bp)

    @server.errorhandler(405)
    def _method_not_allowed(e):
        # JSON for the API and downloads; the default page elsewhere.
        if request.path.startswith((PREFIX, "/downloads")):
            resp = json_error(405, f"{request.method} is not allowed here; this API is read-only",
                              "GET (or HEAD)")
            resp.headers["Allow"] = "GET, HEAD, OPTIONS"
            if request.path.startswith(PREFIX):
                resp.headers["Access-Control-Allow-Origin"] = "*"
            return resp
        return e
