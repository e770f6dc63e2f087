"""The atlas's DCAT-AP 3 catalogue as an RDF graph (rdflib): one ``dcat:Catalog``, one
``dcat:Dataset`` per published table of the served release, each with a CSV and a Parquet
``dcat:Distribution`` (download URL, IANA media type, byte size, SPDX sha256 checksum).

Controlled values are EU authority URIs (country, licence, access right, data theme, file type,
language). :func:`graph` is pure given its inputs: the base URL (decided by web/public_url.py), the
release manifest and the size and hash of every file.
"""
from __future__ import annotations

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, FOAF, RDF, RDFS, SKOS, XSD
from rdflib.namespace import DCTERMS as DCT

from components import urls

from . import publication as pub

SPDX = Namespace("http://spdx.org/rdf/terms#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
DCAT3 = Namespace(str(DCAT))  # DCAT 3 terms rdflib does not list (dcat:version)
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
THEME_LABELS = {"HEAL": "Health", "TECH": "Science and technology"}


def _typed(g: Graph, iri: str, cls, label: str | None = None, label_prop=SKOS.prefLabel) -> URIRef:
    ref = URIRef(iri)
    g.add((ref, RDF.type, cls))
    if label:
        g.add((ref, label_prop, Literal(label, lang="en")))
    return ref


def graph(base: str, manifest: dict, files: dict[str, dict[str, dict]], coverage: dict) -> Graph:
    """``files``: ``{table: {"csv"|"parquet": {"bytes": int, "sha256": hex}}}``."""
    g = Graph()
    for prefix, ns in (("dcat", DCAT), ("dct", DCT), ("foaf", FOAF), ("spdx", SPDX),
                       ("vcard", VCARD), ("skos", SKOS)):
        g.bind(prefix, ns)
    rid = manifest["release_id"]
    modified = Literal(manifest["built_at"], datatype=XSD.dateTime)
    cat = URIRef(base + urls.CATALOG_TTL)
    publisher = _typed(g, base + urls.catalog_node("publisher"), FOAF.Agent)
    g.add((publisher, FOAF.name, Literal(pub.PUBLISHER, lang="en")))
    g.add((publisher, FOAF.homepage, _typed(g, base + "/", FOAF.Document)))
    contact = _typed(g, base + urls.catalog_node("contact"), VCARD.Organization)
    g.add((contact, RDF.type, VCARD.Kind))
    g.add((contact, VCARD.fn, Literal(pub.PUBLISHER, lang="en")))
    g.add((contact, VCARD.hasURL, URIRef(base + urls.data_page())))
    licence = _typed(g, pub.LICENCE["eu"], DCT.LicenseDocument)
    g.add((licence, DCT.title, Literal(pub.LICENCE["title"], lang="en")))
    g.add((licence, RDFS.seeAlso, URIRef(pub.LICENCE["url"])))
    rights = _typed(g, pub.ACCESS_RIGHTS, DCT.RightsStatement)
    language = _typed(g, pub.LANGUAGE, DCT.LinguisticSystem)
    scheme = _typed(g, pub.THEME_BASE.rstrip("/"), SKOS.ConceptScheme, "Data theme", DCT.title)
    themes = [_typed(g, pub.THEME_BASE + t, SKOS.Concept, THEME_LABELS[t]) for t in pub.THEMES]
    for t in themes:
        g.add((t, SKOS.inScheme, scheme))
    spatial = [_typed(g, pub.COUNTRY_BASE + c, DCT.Location) for c in coverage["countries"]]

    g.add((cat, RDF.type, DCAT.Catalog))
    g.add((cat, DCT.title, Literal(pub.TITLE, lang="en")))
    g.add((cat, DCT.description, Literal(pub.DESCRIPTION, lang="en")))
    g.add((cat, DCT.publisher, publisher))
    g.add((cat, FOAF.homepage, URIRef(base + "/")))
    g.add((cat, DCT.modified, modified))
    g.add((cat, DCT.license, licence))
    g.add((cat, DCT.language, language))
    g.add((cat, DCAT.themeTaxonomy, scheme))
    for c in spatial:
        g.add((cat, DCT.spatial, c))

    period = None
    if coverage.get("start") or coverage.get("end"):
        period = BNode("period")
        g.add((period, RDF.type, DCT.PeriodOfTime))
        for key, prop in (("start", DCAT.startDate), ("end", DCAT.endDate)):
            if coverage.get(key):
                g.add((period, prop, Literal(coverage[key], datatype=XSD.date)))
    access = _typed(g, base + urls.data_page("data-downloads"), FOAF.Document)

    for table in sorted(files):
        ds = URIRef(base + urls.catalog_node(f"dataset-{table}"))
        g.add((cat, DCAT.dataset, ds))
        g.add((ds, RDF.type, DCAT.Dataset))
        g.add((ds, DCT.identifier, Literal(str(ds))))
        g.add((ds, DCT.title, Literal(pub.table_title(table), lang="en")))
        g.add((ds, DCT.description, Literal(pub.table_description(table), lang="en")))
        g.add((ds, DCT.publisher, publisher))
        g.add((ds, DCAT.contactPoint, contact))
        g.add((ds, DCT.modified, modified))
        g.add((ds, DCAT3.version, Literal(rid)))
        g.add((ds, DCT.accessRights, rights))
        g.add((ds, DCT.language, language))
        g.add((ds, DCAT.landingPage, access))
        if period is not None:
            g.add((ds, DCT.temporal, period))
        for c in spatial:
            g.add((ds, DCT.spatial, c))
        for t in themes:
            g.add((ds, DCAT.theme, t))
        for k in (*pub.KEYWORDS, table.replace("_", " ")):
            g.add((ds, DCAT.keyword, Literal(k, lang="en")))
        for ext, info in sorted(files[table].items()):
            dist = URIRef(base + urls.catalog_node(f"dataset-{table}-{ext}"))
            g.add((ds, DCAT.distribution, dist))
            g.add((dist, RDF.type, DCAT.Distribution))
            g.add((dist, DCT.title, Literal(f"{pub.table_title(table)} ({ext.upper()})", lang="en")))
            g.add((dist, DCAT.downloadURL, URIRef(base + urls.table_download(rid, table, ext))))
            g.add((dist, DCAT.accessURL, access))
            g.add((dist, DCAT.mediaType, _typed(g, pub.MEDIA[ext], DCT.MediaType)))
            g.add((dist, DCT.format, _typed(g, FILE_TYPE + ext.upper(), DCT.MediaTypeOrExtent)))
            g.add((dist, DCAT.byteSize, Literal(info["bytes"], datatype=XSD.nonNegativeInteger)))
            g.add((dist, DCT.license, licence))
            g.add((dist, DCT.modified, modified))
            chk = BNode(f"checksum-{table}-{ext}")
            g.add((dist, SPDX.checksum, chk))
            g.add((chk, RDF.type, SPDX.Checksum))
            g.add((chk, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
            g.add((chk, SPDX.checksumValue, Literal(info["sha256"], datatype=XSD.hexBinary)))
    return g

