"""Read one node: DCAT RDF, a CKAN action API or a Beacon v2 service -> raw records / facts.

Each reader returns ``(raw records, problems, facts)``; a raw record is a plain dict that
:func:`data.harvest.records.validate` checks. A reader raises :class:`NodeFailed` when the node as
a whole is unusable (unreachable, wrong content type, malformed RDF, not a CKAN answer ...).
"""
from __future__ import annotations

import json
from urllib.parse import quote, urlencode

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF

from . import fetch

HEALTH = Namespace("http://healthdataportal.eu/ns/health#")
RDF_FORMATS = {
    "text/turtle": "turtle", "application/x-turtle": "turtle",
    "application/ld+json": "json-ld", "application/json": "json-ld",
    "application/rdf+xml": "xml", "application/xml": "xml", "text/xml": "xml",
}
JSON = ("application/json",)
CKAN_ROWS = 100
CKAN_MAX_PAGES = 1000


class NodeFailed(Exception):
    """The node's answer cannot be used at all (the message says why)."""


def _get(url: str, accept, limits) -> fetch.Answer:
    try:
        return fetch.get(url, accept=tuple(accept), limits=limits)
    except fetch.FetchError as e:
        raise NodeFailed(str(e)) from None


def _json(answer: fetch.Answer):
    try:
        return json.loads(answer.body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise NodeFailed(f"{answer.url}: not valid JSON ({e})") from None


# --- DCAT ------------------------------------------------------------------------------------

def _first(g: Graph, s, p):
    vals = sorted(g.objects(s, p), key=lambda o: (not (isinstance(o, Literal) and o.language in
                                                        (None, "en")), str(o)))
    return vals[0] if vals else None


def _lexical(v) -> str | None:
    return None if v is None else str(v)


def read_dcat(node, limits):
    answer = _get(node.url, RDF_FORMATS, limits)
    g = Graph()
    try:
        g.parse(data=answer.body, format=RDF_FORMATS[answer.content_type], publicID=answer.url)
    except Exception as e:  # noqa: BLE001 — rdflib raises many types for bad input
        raise NodeFailed(f"{answer.url}: malformed RDF ({RDF_FORMATS[answer.content_type]}): "
                         f"{str(e).splitlines()[0] if str(e) else type(e).__name__}") from None
    raw = []
    for s in sorted(set(g.subjects(RDF.type, DCAT.Dataset)), key=str):
        raw.append({
            "ref": str(s),
            "dataset_id": _lexical(_first(g, s, DCTERMS.identifier)),
            "title": _lexical(_first(g, s, DCTERMS.title)),
            "individuals": _lexical(_first(g, s, HEALTH.numberOfUniqueIndividuals)),
            "records": _lexical(_first(g, s, HEALTH.numberOfRecords)),
            "conforms_to": sorted(str(o) for o in g.objects(s, DCTERMS.conformsTo)
                                  if isinstance(o, URIRef)),
            "health_categories": sorted(str(o) for o in g.objects(s, HEALTH.healthCategory)),
            "access_rights": _lexical(_first(g, s, DCTERMS.accessRights)),
            "modified": _lexical(_first(g, s, DCTERMS.modified)),
            "source_url": answer.url,
        })
    facts = {"format": RDF_FORMATS[answer.content_type], "triples": len(g),
             "fetch_attempts": answer.attempts}
    return raw, [], facts


# --- CKAN ------------------------------------------------------------------------------------

def _names(v) -> list[str]:
    items = v if isinstance(v, list) else ([v] if v else [])
    out = []
    for it in items:
        name = it.get("name") if isinstance(it, dict) else it
        if isinstance(name, str) and name.strip():
            out.append(name.strip())
    return out


def _ckan_record(base: str, pkg: dict) -> dict:
    access = _names(pkg.get("access_rights"))
    return {
        "ref": pkg.get("name") or pkg.get("id"),
        "dataset_id": pkg.get("identifier") if isinstance(pkg.get("identifier"), str) else None,
        "title": pkg.get("title") if isinstance(pkg.get("title"), str) else None,
        "individuals": pkg.get("number_of_unique_individuals"),
        "records": pkg.get("number_of_records"),
        "conforms_to": _names(pkg.get("conforms_to")),
        "health_categories": _names(pkg.get("health_category")),
        "access_rights": access[0] if access else None,
        "modified": pkg.get("modified") or pkg.get("metadata_modified"),
        "source_url": f"{base}/package_show?id={quote(str(pkg.get('name') or pkg.get('id') or ''))}",
    }


def read_ckan(node, limits, rows: int = CKAN_ROWS):
    base = node.url
    raw, problems, start, count, pages = [], [], 0, None, 0
    while pages < CKAN_MAX_PAGES:
        url = f"{base}/package_search?{urlencode({'rows': rows, 'start': start})}"
        doc = _json(_get(url, JSON, limits))
        pages += 1
        result = doc.get("result") if isinstance(doc, dict) else None
        if (not isinstance(doc, dict) or doc.get("success") is not True or not isinstance(result, dict)
                or not isinstance(result.get("count"), int) or not isinstance(result.get("results"), list)):
            raise NodeFailed(f"{url}: not a CKAN package_search answer (expected "
                             "{success: true, result: {count, results: [...]}})")
        count = result["count"] if count is None else count
        page = result["results"]
        for i, pkg in enumerate(page):
            if isinstance(pkg, dict):
                raw.append(_ckan_record(base, pkg))
            else:
                problems.append(f"{node.id}:result {start + i + 1}: not a CKAN package; skipped")
        start += len(page)
        if not page or start >= count:
            break
    else:
        problems.append(f"{node.id}: stopped after {CKAN_MAX_PAGES} pages of {rows}")
    return raw, problems, {"count": count, "pages": pages}


# --- Beacon v2 -------------------------------------------------------------------------------

def read_beacon(node, limits):
    """Liveness and what ``/info`` and ``/map`` say; a Beacon contributes no counts."""
    url = f"{node.url}/info"
    doc = _json(_get(url, JSON, limits))
    resp = doc.get("response") if isinstance(doc, dict) else None
    if not isinstance(resp, dict) or not resp.get("id"):
        raise NodeFailed(f"{url}: not a Beacon v2 /info answer (no response.id)")
    org = resp.get("organization") if isinstance(resp.get("organization"), dict) else {}
    facts = {"alive": True, "beacon_id": resp.get("id"), "name": resp.get("name"),
             "api_version": resp.get("apiVersion"), "environment": resp.get("environment"),
             "organization": org.get("name"), "updated": resp.get("updateDateTime"),
             "entry_types": []}
    problems = []
    try:
        mdoc = _json(_get(f"{node.url}/map", JSON, limits))
        sets = (mdoc.get("response") or {}).get("endpointSets") if isinstance(mdoc, dict) else None
        if isinstance(sets, dict):
            facts["entry_types"] = sorted(str(v.get("entryType") or k) for k, v in sets.items()
                                          if isinstance(v, dict))
        else:
            problems.append(f"{node.id}:/map: no response.endpointSets")
    except NodeFailed as e:
        problems.append(f"{node.id}:/map: {e}")
    return [], problems, facts


READERS = {"dcat": read_dcat, "ckan": read_ckan, "beacon": read_beacon}
