"""The OpenAPI 3.1 document of ``/api/v1``, written from the same declarations the API runs on.

Row shapes are declared once here (:data:`ROWS`, column -> type code) and used three ways: to
convert query results to JSON (``components.cells.json_value``), to write the response schemas,
and in a test that checks every query returns exactly these columns.
"""
from __future__ import annotations

from components import urls

from .api_params import DATE_PATTERN, Param

_STR = "str"
_PROV = {"source_urls": "list"}
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


def _metric(short: str) -> dict:
    return {f"{short}_value": "int?", f"{short}_as_of": "str?", f"{short}_source_urls": "list",
            f"{short}_confidence": "str?", f"{short}_n_programmes": "int?",
            f"{short}_per_million": "num?"}


ROWS: dict[str, dict[str, str]] = {
    "country": {
        "iso3": "str", "iso2": "str", "name": "str", "eu_member": "bool", "eea_member": "bool",
        "icpermed_member": "bool", "onemg_signatory": "bool", "onemg_signed_date": "str?",
        "onemg_signed_date_precision": "str?", "signatory_ordinal": "int?",
        "gdi_participant": "str", "goe_participant": "str", "population": "int",
        "population_year": "int", **_PROV,
        **_metric("wgs"), **_metric("wes"), **_metric("genotyped"), **_metric("accessible"),
        "goe_planned_samples": "int?", "goe_planned_as_of": "str?",
        "goe_planned_source_urls": "list", "goe_planned_confidence": "str?",
        "n_cohorts": "int", "n_infra_nodes": "int", "n_activities": "int",
        "n_funded_projects": "int", "n_initiatives": "int", "n_calls": "int",
    },
    "latest_figure": {
        "figure_id": "str", "country_iso3": "str", "programme": "str", "initiative_id": "str?",
        "metric": "str", "count_basis": "str", "value": "int", "as_of_date": "str",
        "as_of_precision": "str", "confidence": "str", **_PROV,
    },
    "initiative": {
        "initiative_id": "str", "name": "str", "country_iso3": "str", "kind": "str",
        "start_year": "int?", "end_year_or_target_year": "int?", "target_genomes": "int?",
        "target_description": "str?", "url": "str?", **_PROV, "notes": "str?",
    },
    "genome_figure": {
        "figure_id": "str", "country_iso3": "str", "initiative_id": "str?", "programme": "str",
        "metric": "str", "count_basis": "str", "value": "int", "as_of_date": "str",
        "as_of_precision": "str", "as_of_first": "date?", "as_of_last": "date?",
        "confidence": "str", "quote_or_basis": "str", **_PROV,
    },
    "infrastructure": {
        "infra_id": "str", "name": "str", "kind": "str", "parent": "str?", "country_iso3": "str?",
        "city": "str?", "lat": "num?", "lon": "num?", "location_precision": "str",
        "operator": "str?", "services": "list", "standard_ids": "list", "status": "str",
        "since_year": "int?", "website": "str?", **_PROV, "notes": "str?",
    },
    "activity": {
        "activity_id": "str", "name": "str", "acronym": "str?", "kind": "str",
        "programme": "str?", "start_date": "str?", "start_date_precision": "str?",
        "end_date": "str?", "end_date_precision": "str?", "budget_eur": "num?",
        "eu_contribution_eur": "num?", "coordinator_country_iso3": "str?",
        "participant_countries_iso3": "list", "partners_count": "int?", "topics": "list",
        "website": "str?", **_PROV, "notes": "str?",
    },
    "cohort": {
        "cohort_id": "str", "name": "str", "acronym": "str?", "countries_iso3": "list",
        "kind": "str", "disease_focus": "list", "participants": "int?",
        "participants_as_of": "int?", "wgs_count": "int?", "wes_count": "int?",
        "genotyped_count": "int?", "data_types": "list", "start_year": "int?",
        "recruitment_status": "str", "access_model": "str", "access_url": "str?",
        "website": "str?", **_PROV, "confidence": "str", "notes": "str?", "size_band": "str",
        "multi_country": "bool",
    },
    "milestone": {
        "milestone_id": "str", "date": "str", "date_precision": "str", "date_first": "date?",
        "date_last": "date?", "title": "str", "description": "str", "countries_iso3": "list",
        **_PROV,
    },
    "source": {
        "name": "str", "publisher": "str", "domains": "list", "n_urls": "int", "n_rows": "int",
        "tables": "list", "rows_by_table": "counts",
    },
    "change": {
        "table": "str", "key": "str", "key_columns": "str", "change": "str",
        "changed_columns": "list",
    },
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
    "required": ["release_id", "built_date", "citation"],
    "properties": {
        "release_id": {"type": "string", "description": "The data release these rows come from."},
        "built_date": {"type": "string", "format": "date"},
        "citation": {"type": "string", "description": "How to cite this release."},
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
        s = {"type": "string", "maxLength": p.max_len}
    elif p.kind == "enum":
        s = {"type": "string", "enum": list(p.options())}
    else:
        s = {"type": "array", "maxItems": p.max_items,
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
