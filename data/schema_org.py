"""The schema.org ``Dataset`` description of the atlas (JSON-LD), written into the server's HTML of
``/`` and ``/data`` so dataset search engines find it (web/jsonld.py inserts it)."""
from __future__ import annotations

from components import urls

from . import publication as pub


def dataset(base: str, manifest: dict, coverage: dict) -> dict:
    """``base``: the site's address ("" when not known safely: URLs stay relative)."""
    rid = manifest["release_id"]
    period = "/".join(x or ".." for x in (coverage.get("start"), coverage.get("end")))

    def download(path: str, fmt: str, name: str) -> dict:
        return {"@type": "DataDownload", "name": name, "encodingFormat": fmt,
                "contentUrl": base + path}

    return {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "name": pub.TITLE,
        "description": pub.DESCRIPTION,
        "url": base + urls.data_page(),
        "identifier": base + urls.datapackage(rid),
        "version": rid,
        "dateModified": manifest["built_at"],
        "keywords": list(pub.KEYWORDS),
        "license": pub.LICENCE["url"],
        "isAccessibleForFree": True,
        "publisher": {"@type": "Organization", "name": pub.PUBLISHER, "url": base + "/"},
        "creator": {"@type": "Organization", "name": pub.PUBLISHER},
        "temporalCoverage": period,
        "spatialCoverage": [{"@type": "Place", "name": coverage["names"].get(c, c),
                             "identifier": c, "sameAs": pub.COUNTRY_BASE + c}
                            for c in coverage["countries"]],
        "distribution": [
            download(urls.bundle(rid), "application/zip", "Every table as CSV (ZIP)"),
            download(urls.datapackage(rid), "application/json", "Frictionless Data Package"),
            download(urls.CATALOG_TTL, "text/turtle", "DCAT-AP catalogue"),
        ] + [download(urls.table_download(rid, t, "csv"), "text/csv", f"{t} (CSV)")
             for t in sorted(manifest["tables"])],
    }
