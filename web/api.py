"""The public read-only API under ``/api/v1/`` (JSON, or CSV with ``format=csv``).

Each endpoint is declared once in :data:`ENDPOINTS` (path, parameters, row shape, fetch function);
the same declarations validate requests, page and serialise results and write the OpenAPI document
(``/api/v1/openapi.json``). Responses carry an ``ETag`` (release id + request) honoured through
``If-None-Match``, ``Cache-Control`` and ``Access-Control-Allow-Origin: *``. Every client error is
a 4xx with ``{"error": {"parameter", "message", "expected"}}``.
"""
from __future__ import annotations

import hashlib
from urllib.parse import urlencode

from flask import Blueprint, Flask, Response, request

from components import urls
from data import memo
from data.api_endpoints import ENDPOINTS, Endpoint, schema_name
from data.api_params import ApiError, validate
from data.api_rows import ROWS, records
from data.db import DataError, release
from data.publication import LICENCE, LICENCE_LINE
from data.queries import catalog
from data.queries.release import release_info

from . import openapi
from .api_format import jsonify, to_csv
from .public_url import base_url

bp = Blueprint("api_v1", __name__, url_prefix=urls.API_PREFIX)
CACHE = "public, max-age=300"
#: Parameters that only page or serialise an answer: the memoised frame is the same for them.
PRESENTATION = ("limit", "offset", "format")


def _etag(rid: str) -> str:
    key = "|".join([rid, request.path, urlencode(sorted(request.args.items(multi=True)))])
    return '"' + rid + "-" + hashlib.sha256(key.encode()).hexdigest()[:20] + '"'


def _not_modified(etag: str) -> bool:
    inm = request.headers.get("If-None-Match", "")
    tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
    return etag in tags or "*" in tags


def _meta(info: dict, **extra) -> dict:
    cit = catalog.citation(info, base_url() or "")
    return {"release_id": info["release_id"], "built_date": info["built_date"],
            "citation": cit["text"], "licence": {"id": LICENCE["id"], "url": LICENCE["url"],
                                                 "note": LICENCE_LINE}, **extra}


def _serve(ep: Endpoint, path_args: dict) -> Response:
    try:
        rid = release().release_id
    except DataError:
        raise ApiError(503, "no data release is loaded; try again later") from None
    a = validate(request.args, ep.params)
    for p in ep.params:
        if p.location == "path":
            a[p.name] = p.parse(path_args[p.name])
    a["base_url"] = base_url() or ""
    etag = _etag(rid)
    if _not_modified(etag):
        resp = Response(status=304)
    else:
        resp = _body(ep, a, release_info(), rid)
    resp.headers["ETag"] = etag
    resp.headers["Cache-Control"] = CACHE
    return resp


def _fetch(ep: Endpoint, a: dict, rid: str):
    """``ep.fetch(a)`` once per release and filter arguments (the per-release memo); every page
    and format of the same filters slices the one memoised answer."""
    key = {k: v for k, v in a.items() if k not in PRESENTATION}
    return memo.memoised(rid, f"api:{ep.op_id}", key, lambda: ep.fetch(a))


def _body(ep: Endpoint, a: dict, info: dict, rid: str) -> Response:
    fmt = a.get("format", "json")
    result = _fetch(ep, a, rid)
    name = ep.op_id
    if ep.shape == "object":
        if fmt == "csv":
            return _csv_response(to_csv(result["_csv"], ep.row), f"{name}-{a.get('iso3', '')}", info)
        data = {k: v for k, v in result.items() if not k.startswith("_")}
        return jsonify({"data": data, "meta": _meta(info)})
    total = len(result)
    page = result.iloc[a["offset"]: a["offset"] + a["limit"]]
    nxt = None
    if a["offset"] + a["limit"] < total:
        args = dict(request.args.items())
        args["offset"] = str(a["offset"] + a["limit"])
        nxt = (base_url() or "") + request.script_root + request.path + "?" + urlencode(args)
    if fmt == "csv":
        resp = _csv_response(to_csv(page, ep.row), name, info)
        resp.headers["X-Total-Count"] = str(total)
        if nxt:
            resp.headers["Link"] += f', <{nxt}>; rel="next"'
        return resp
    return jsonify({"data": records(page, ep.row),
                    "meta": _meta(info, total=total, limit=a["limit"], offset=a["offset"],
                                  count=len(page), next=nxt,
                                  **({"notes": list(ep.notes)} if ep.notes else {}))})


def _csv_response(text: str, name: str, info: dict) -> Response:
    resp = Response(text, mimetype="text/csv")
    resp.headers["Content-Disposition"] = (
        f'inline; filename="atlas-{info["release_id"]}-{name.strip("-")}.csv"')
    resp.headers["X-Release-Id"] = info["release_id"]
    resp.headers["Link"] = f'<{LICENCE["url"]}>; rel="license"'
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
    extra = {schema_name(r): openapi.row_schema(r) for r in ROWS}
    resp = jsonify(openapi.document(ENDPOINTS, info, extra))
    resp.headers["Cache-Control"] = CACHE
    return resp


@bp.get("/<path:rest>")
def unknown(rest):
    raise ApiError(404, f"there is no API endpoint at {urls.api('/' + rest[:80])}", None,
                   f"one of the paths listed at {urls.api('/')} (or {urls.api('/openapi.json')})")


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
    # Public data: other sites may use it (web/headers.py would otherwise set same-origin).
    resp.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
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
        if request.path.startswith((urls.API_PREFIX, urls.DOWNLOADS_PREFIX)):
            resp = json_error(405, f"{request.method} is not allowed here; this API is read-only",
                              "GET (or HEAD)")
            resp.headers["Allow"] = "GET, HEAD, OPTIONS"
            if request.path.startswith(urls.API_PREFIX):
                resp.headers["Access-Control-Allow-Origin"] = "*"
            return resp
        return e
