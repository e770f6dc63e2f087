"""Downloads with stable URLs.

- ``/downloads/<release>/<table>.parquet``: the release's Parquet file as built (hash-checked
  against its manifest before it is sent).
- ``/downloads/<release>/<table>.csv``: the same table as CSV (list values joined with ``;``),
  from the loaded DuckDB tables for the served release, from the Parquet file for an older one.
- ``/downloads/<release>/bundle.zip``: every table as CSV plus the data dictionary, the source
  notes, the citation, the licence, the manifest and the Frictionless ``datapackage.json``.
- ``/downloads/<release>/datapackage.json``: the Frictionless Data Package (v2) of the release
  (data/datapackage.py).
- ``/downloads/notes/<name>.md``: the curated source notes (conflicts and gaps).

``<release>`` is ``latest`` (the served release; short cache) or a release id (immutable; the
served release or any release the pipeline keeps on disk, ``ATLAS_KEEP_RELEASES``). Table names come from the
allow-list ``data.db.TABLES`` and the release manifest; nothing from the URL reaches a path
unchecked.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
import zipfile

from flask import Blueprint, Flask, Response, request

from components import urls
from components.cells import frame_to_csv
from data import datapackage, publication
from data.db import TABLES, DataError
from data.memo import per_release
from data.queries import catalog, release
from data.settings import PACKAGE_DIR

from .api import json_error
from .public_url import base_url

bp = Blueprint("downloads", __name__, url_prefix=urls.DOWNLOADS_PREFIX)
_FILE = re.compile(r"^([a-z][a-z0-9_]{0,63})\.(csv|parquet)$")
REPO = PACKAGE_DIR.parent
#: Source notes that may be downloaded: name -> file (an allow-list, never a path from the URL).
NOTES = {
    "known-conflicts-and-gaps": REPO / "docs" / "known-conflicts-and-gaps.md",
    "REFERENCE-README": PACKAGE_DIR / "sources" / "REFERENCE-README.md",
    "SOURCES-countries": PACKAGE_DIR / "sources" / "SOURCES-countries.md",
    "SOURCES-cohorts": PACKAGE_DIR / "sources" / "SOURCES-cohorts.md",
    "SOURCES-infrastructures": PACKAGE_DIR / "sources" / "SOURCES-infrastructures.md",
    "SOURCES-additions": PACKAGE_DIR / "sources" / "SOURCES-additions.md",
}
DATA_README = PACKAGE_DIR / "README.md"
MIME = {"csv": "text/csv", "parquet": "application/vnd.apache.parquet", "zip": "application/zip",
        "json": "application/json"}


@per_release(size=64)
def csv_bytes(rid: str, table: str) -> bytes:
    _, manifest, current = release.resolve(rid)
    return frame_to_csv(release.table_frame(rid, manifest, table, current)).encode("utf-8")


def _citation_text(manifest: dict, base: str) -> str:
    info = {"release_id": manifest["release_id"], "built_date": manifest["built_at"][:10]}
    c = catalog.citation(info, base)
    return f"How to cite this data release\n\n{c['text']}\n\nBibTeX:\n\n{c['bibtex']}\n"


def _tables(manifest: dict) -> list[str]:
    return sorted(t for t in manifest["tables"] if t in TABLES)


@per_release(size=8)
def package_json(rid: str, base: str | None, in_zip: bool) -> bytes:
    """The release's datapackage.json: at the ZIP's root (its files and notes under
    ``atlas-<release>/``), or beside the downloads (the notes as their download URLs, absolute
    when the site's address is known)."""
    _, manifest, _current = release.resolve(rid)
    tables = _tables(manifest)
    csv = {t: csv_bytes(rid, t) for t in tables}
    folder = f"atlas-{rid}/" if in_zip else ""
    sources = [{"title": name.replace("-", " "),
                "path": f"{folder}notes/{name}.md" if in_zip else (base or "") + urls.note(name)}
               for name, path in NOTES.items() if path.is_file()]
    doc = datapackage.package(
        manifest, {t: release.table_schema(rid, manifest, t) for t in tables},
        {t: {"bytes": len(b), "sha256": hashlib.sha256(b).hexdigest()} for t, b in csv.items()},
        sources, folder)
    return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


@per_release(size=4)
def _bundle(rid: str, base: str) -> bytes:
    _, manifest, _current = release.resolve(rid)
    stamp = dt.datetime.strptime(manifest["built_at"], "%Y-%m-%dT%H:%M:%SZ").timetuple()[:6]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        def put(name: str, data: bytes | str) -> None:
            z.writestr(zipfile.ZipInfo(f"atlas-{rid}/{name}", date_time=stamp),
                       data.encode("utf-8") if isinstance(data, str) else data,
                       compress_type=zipfile.ZIP_DEFLATED)
        for table in _tables(manifest):
            release.table_bytes(rid, manifest, table)
            put(f"{table}.csv", csv_bytes(rid, table))
        z.writestr(zipfile.ZipInfo("datapackage.json", date_time=stamp),
                   package_json(rid, base or None, True), compress_type=zipfile.ZIP_DEFLATED)
        put("LICENSE.txt", publication.LICENCE_LINE + "\n")
        readme = DATA_README.read_text() if DATA_README.is_file() else (
            "# 1+MG Atlas data release\n\nThe data dictionary (data/README.md) was not available "
            "when this bundle was made; see notes/REFERENCE-README.md for the source tables.\n")
        put("README.md", readme)
        for name, path in NOTES.items():
            if path.is_file():
                put(f"notes/{name}.md", path.read_text())
        put("CITATION.txt", _citation_text(manifest, base))
        put("manifest.json", json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return buf.getvalue()


def _send(data: bytes, kind: str, filename: str, rid: str, immutable: bool) -> Response:
    etag = '"' + hashlib.sha256(rid.encode() + data).hexdigest()[:24] + '"'
    inm = {t.strip().removeprefix("W/") for t in request.headers.get("If-None-Match", "").split(",")}
    resp = Response(status=304) if etag in inm or "*" in inm else Response(data, mimetype=MIME[kind])
    resp.headers["ETag"] = etag
    resp.headers["Cache-Control"] = ("public, max-age=31536000, immutable" if immutable
                                     else "public, max-age=300")
    resp.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Licence and description travel with every file (README: "Licence and citation").
    resp.headers["Link"] = (f'<{publication.LICENCE["url"]}>; rel="license", '
                            f'<{urls.datapackage(rid)}>; rel="describedby"; '
                            'type="application/json"')
    return resp



@bp.after_request
def _public(resp: Response) -> Response:
    # Public data: any site may fetch it (web/headers.py would otherwise set same-origin).
    resp.headers["Access-Control-Allow-Origin"] = "*"
    resp.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
    return resp


@bp.get("/<rel>/<filename>")
def table_file(rel: str, filename: str):
    try:
        rid, manifest, _current = release.resolve(rel)
        immutable = rel != "latest"
        if filename == "bundle.zip":
            data = _bundle(rid, base_url() or "")
            return _send(data, "zip", f"atlas-{rid}.zip", rid, immutable)
        if filename == "datapackage.json":
            data = package_json(rid, base_url(), False)
            return _send(data, "json", f"atlas-{rid}-datapackage.json", rid, immutable)
        m = _FILE.match(filename)
        if not m:
            raise release.NotFound(f"{filename[:60]!r} is not a download of this release")
        table, ext = m.groups()
        data = release.table_bytes(rid, manifest, table)
        if ext == "csv":
            data = csv_bytes(rid, table)
        return _send(data, ext, f"atlas-{rid}-{table}.{ext}", rid, immutable)
    except release.NotFound as e:
        return json_error(404, str(e), urls.DOWNLOAD_PATTERNS + "; tables: "
                          + ", ".join(catalog.loaded_tables()))
    except DataError:
        return json_error(503, "this data file is not available right now", None)


@bp.get("/notes/<name>.md")
def note(name: str):
    path = NOTES.get(name)
    if path is None or not path.is_file():
        return json_error(404, f"no note named {name[:60]!r}", "one of: " + ", ".join(NOTES))
    resp = Response(path.read_text(), mimetype="text/plain")
    resp.headers["Cache-Control"] = "public, max-age=300"
    return resp


@bp.get("/", defaults={"rest": ""})
@bp.get("/<path:rest>")
def unknown(rest: str):
    return json_error(404, "there is no download at this address", urls.LATEST_PATTERNS)


def install(server: Flask) -> None:
    server.register_blueprint(bp)

