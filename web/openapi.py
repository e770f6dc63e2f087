"""The OpenAPI 3.1 document of ``/api/v1``, written from the same declarations the API runs on.

The row shapes (``data.api_rows.ROWS``) give the response schemas; the endpoint declarations
(``data.api_endpoints``) give the paths and parameters.
"""
from __future__ import annotations

from components import urls
from data.api_params import DATE_PATTERN, TEXT_PATTERN, Param
from data.api_rows import ROWS

#: JSON Schema of each type code. ``?`` = may be null (missing is null, never 0).
TYPES = {
    "str": {"type": "string"}, "str?": {"type": ["string", "null"]},
    "int": {"type": "integer"}, "int?": {"type": ["integer", "null"]},
    "num?": {"type": ["number", "null"]},
    "bool": {"type": "boolean"}, "bool?": {"type": ["boolean", "null"]},
    "date?": {"type": ["string", "null"], "format": "date"},
    "list": {"type": "array", "items": {"type": "string"}},
    "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
}


def row_schema(name: str) -> dict:
    cols = ROWS[name]
    return {"type": "object", "additionalProperties": False, "required": list(cols),
            "properties": {c: dict(TYPES[t]) for c, t in cols.items()}}


ERROR = {
    "type": "object", "required": ["error"], "additionalProperties": False,
    "properties": {"error": {
        "type": "object", "required": ["parameter", "message", "expected"],
        "additionalProperties": False,
        "properties": {
            "parameter": {"type": ["string", "null"],
                          "description": "The parameter at fault (null when none is)."},
            "message": {"type": "string", "description": "What was wrong, in plain words."},
            "expected": {"type": ["string", "null"], "description": "What would be accepted."},
        }}},
}
META = {
    "type": "object", "additionalProperties": False,
    "required": ["release_id", "built_date", "citation", "licence"],
    "properties": {
        "release_id": {"type": "string", "description": "The data release these rows come from."},
        "built_date": {"type": "string", "format": "date"},
        "citation": {"type": "string", "description": "How to cite this release."},
        "licence": {"type": "object", "additionalProperties": False,
                    "required": ["id", "url", "note"], "description": "The data's licence.",
                    "properties": {"id": {"type": "string"}, "url": {"type": "string"},
                                   "note": {"type": "string"}}},
        "total": {"type": "integer", "minimum": 0, "description": "Rows matching the filters."},
        "limit": {"type": "integer"}, "offset": {"type": "integer"},
        "count": {"type": "integer", "minimum": 0, "description": "Rows in this page."},
        "next": {"type": ["string", "null"], "description": "The next page, or null."},
        "notes": {"type": "array", "items": {"type": "string"},
                  "description": "What a reader must know about these rows."},
    },
}


def param_schema(p: Param) -> dict:
    if p.kind == "int":
        s = {"type": "integer", "minimum": p.lo, "maximum": p.hi}
    elif p.kind == "bool":
        s = {"type": "boolean"}
    elif p.kind == "date":
        s = {"type": "string", "pattern": DATE_PATTERN}
    elif p.kind == "text":
        s = {"type": "string", "maxLength": p.max_len, "pattern": TEXT_PATTERN}
    elif p.kind == "enum":
        s = {"type": "string", "enum": list(p.options())}
    else:
        s = {"type": "array", "minItems": 1, "maxItems": p.max_items,
             "items": {"type": "string", "enum": list(p.options())}}
    if p.default is not None:
        s["default"] = p.default
    return s


def parameter(p: Param) -> dict:
    text = p.description
    if p.labels:
        text += " Values: " + "; ".join(f"{c} = {p.labels.get(c, c)}" for c in p.options()) + "."
    out = {"name": p.name, "in": p.location, "required": p.location == "path",
           "description": text, "schema": param_schema(p)}
    if p.kind == "list":
        out.update(style="form", explode=False)
    if p.example is not None:
        out["example"] = p.example
    return out


def _json(schema: dict) -> dict:
    return {"application/json": {"schema": schema}}


ERRORS = {
    "400": {"description": "A parameter is unknown, repeated, malformed or out of range.",
            "content": _json({"$ref": "#/components/schemas/Error"})},
    "404": {"description": "No such resource (e.g. a country code the atlas does not have).",
            "content": _json({"$ref": "#/components/schemas/Error"})},
    "405": {"description": "Only GET (and HEAD) are allowed.",
            "content": _json({"$ref": "#/components/schemas/Error"})},
    "414": {"description": "The request line is too long (the server refuses it unread)."},
}


def document(endpoints, info: dict, extra_schemas: dict) -> dict:
    """The OpenAPI document for ``endpoints`` (see web/api.py); ``info`` is the release info."""
    paths: dict = {}
    for ep in endpoints:
        if ep.data_schema is None:
            content = _json({"type": "object"})
        elif ep.shape == "list":
            content = _json({"type": "object", "required": ["data", "meta"],
                             "additionalProperties": False,
                             "properties": {"data": {"type": "array", "items": ep.data_schema},
                                            "meta": {"$ref": "#/components/schemas/Meta"}}})
        else:
            content = _json({"type": "object", "required": ["data", "meta"],
                             "additionalProperties": False,
                             "properties": {"data": ep.data_schema,
                                            "meta": {"$ref": "#/components/schemas/Meta"}}})
        if ep.csv:
            content["text/csv"] = {"schema": {"type": "string"}}
        paths[ep.oa_path] = {"get": {
            "operationId": ep.op_id, "summary": ep.summary, "description": ep.description,
            "tags": [ep.tag], "parameters": [parameter(p) for p in ep.params],
            "responses": {
                "200": {"description": "OK. Cached by ETag: send If-None-Match to get a 304.",
                        "content": content},
                "304": {"description": "Not modified (the ETag in If-None-Match still holds)."},
                **ERRORS,
            }}}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "1+MG Atlas API", "version": "1",
            "description": (
                "Read-only access to the data release the atlas serves: sourced genome figures "
                "per country, cohorts, infrastructures, funded activities, milestones and the "
                "sources behind them. Every row carries its source URLs and as-of date; a "
                "missing figure is null, never 0. Metrics are never summed together. "
                f"Served release: {info['release_id']} (built {info['built_date']}). "
                "Lists are paged with limit (1-500, default 100) and offset and ordered stably; "
                "add format=csv for CSV (list values joined with ';'). Errors are JSON: "
                "{\"error\": {\"parameter\", \"message\", \"expected\"}}."),
        },
        "servers": [{"url": urls.API_PREFIX}],
        "paths": paths,
        "components": {"schemas": {"Error": ERROR, "Meta": META, **extra_schemas}},
    }
