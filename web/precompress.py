"""Static files precompressed at build time with the strongest levels (brotli 11, gzip 9), served
as they are when the browser accepts them (issue 15, item 3).

    python -m web.precompress        # .ci/run and the README's run command do this once

writes, for every file the app serves as a static file (``assets/`` and the JavaScript and CSS of
the Dash component libraries it registers), ``<sha256 of the file>.br`` and ``.gz`` into
``ATLAS_PRECOMPRESSED`` (default ``build/precompressed``). Named by content, a compressed copy
can never be served for a changed file; a file with no copy there falls back to flask-compress's
per-process compression (web/compression.py), so a server started without this step still works.
Fingerprinted URLs are cached for a year, immutable (assets' ``?m=``: web/headers.py; the
component libraries' fingerprinted file names: here).
"""
from __future__ import annotations

import gzip
import hashlib
import os
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from flask import Flask, Response, request

ROOT = Path(__file__).resolve().parents[1]
SUFFIXES = {".js", ".css", ".json", ".geojson", ".svg", ".txt"}
PREFIXES = ("/assets/", "/_dash-component-suites/")
MIN_BYTES = 1024  # below this, compression gains nothing worth a file
#: Dash's fingerprint in a component library's file name (``name.v4_4_1m1796352981.min.js``).
FINGERPRINT = re.compile(r"\.v[\w-]+m\d+\.")
YEAR = 31536000


def directory() -> Path:
    return Path(os.environ.get("ATLAS_PRECOMPRESSED", ROOT / "build" / "precompressed"))


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sources() -> list[Path]:
    """Every static file the app may serve: assets/ and its component libraries' JS and CSS."""
    from dash.development.base_component import ComponentRegistry

    import app  # noqa: F401  (registers the component libraries)

    dirs = [ROOT / "assets"] + [Path(sys.modules[ns].__file__).parent
                                for ns in list(ComponentRegistry.registry)]
    out = []
    for d in dirs:
        out += [f for f in sorted(d.rglob("*")) if f.is_file() and f.suffix in SUFFIXES
                and f.stat().st_size >= MIN_BYTES and "__pycache__" not in f.parts]
    return out


def _compress(path: str) -> int:
    import brotli

    data = Path(path).read_bytes()
    name = _digest(data)
    for ext, fn in ((".br", lambda: brotli.compress(data, quality=11)),
                    (".gz", lambda: gzip.compress(data, compresslevel=9, mtime=0))):
        dest = directory() / (name + ext)
        if not dest.exists():
            tmp = directory() / f"{name}{ext}.{os.getpid()}.tmp"
            tmp.write_bytes(fn())
            tmp.replace(dest)  # atomic: a server never reads half a file
    return len(data)


def build(workers: int = 2) -> int:
    """Write the compressed copies that are missing; returns how many files were looked at."""
    directory().mkdir(parents=True, exist_ok=True)
    files = [str(f) for f in sources()]
    with ProcessPoolExecutor(workers) as ex:
        list(ex.map(_compress, files, chunksize=4))
    return len(files)


def accepted(header: str) -> list[str]:
    """The encodings of ``Accept-Encoding`` we have copies in (br first), without ``q=0`` ones."""
    ok = set()
    for part in header.split(","):
        name, _, params = part.strip().partition(";")
        q = params.strip().removeprefix("q=") if params.strip().startswith("q=") else "1"
        try:
            if float(q) > 0:
                ok.add(name.strip().lower())
        except ValueError:
            continue
    return [e for e in ("br", "gzip") if e in ok]


def install(server: Flask) -> None:
    """Serve the precompressed copy of a static response's body when there is one. Registered
    before web/compression.py's hooks, so it runs after its buffering and before flask-compress
    (which leaves a response that already has a Content-Encoding alone)."""
    suffix = {"br": ".br", "gzip": ".gz"}

    @server.after_request
    def _precompressed(resp: Response) -> Response:
        if request.path.startswith(PREFIXES[1]) and FINGERPRINT.search(request.path):
            resp.headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"
        if (request.method != "GET" or resp.status_code != 200 or resp.direct_passthrough
                or resp.is_streamed or "Content-Encoding" in resp.headers
                or not request.path.startswith(PREFIXES)):
            return resp
        encodings = accepted(request.headers.get("Accept-Encoding", ""))
        if not encodings:
            return resp
        name = _digest(resp.get_data())
        for enc in encodings:
            f = directory() / (name + suffix[enc])
            if f.exists():
                resp.set_data(f.read_bytes())
                resp.headers["Content-Encoding"] = enc
                resp.vary.add("Accept-Encoding")
                return resp
        return resp


if __name__ == "__main__":
    n = build()
    print(f"precompressed {n} static files into {directory()}")
