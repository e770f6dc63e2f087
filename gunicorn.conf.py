"""Production serving: ``gunicorn -c gunicorn.conf.py app:server``.

Sized for the 2-core machines this project runs on: 2 worker processes × 4 threads (gthread). Each
worker opens its own DuckDB connection lazily on first use, i.e. *after* the fork; ``preload_app``
stays off so no connection can be created in the master and inherited (that hangs DuckDB).
Override with ATLAS_WORKERS / ATLAS_THREADS / PORT / HOST.

Bad data stops the server: the master checks the release CURRENT names (manifest and file hashes,
plain Python, no DuckDB) before it binds or forks, prints one line and exits 2. A worker that later
finds no loadable release at all exits with gunicorn's boot-error code (3), which halts the master
instead of respawning workers forever. No ``Server`` header is sent.
"""
import os
import sys

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8050')}"
workers = int(os.environ.get("ATLAS_WORKERS", "2"))
threads = int(os.environ.get("ATLAS_THREADS", "4"))
worker_class = "gthread"
preload_app = False
timeout = 60
graceful_timeout = 20
keepalive = 5
max_requests = int(os.environ.get("ATLAS_MAX_REQUESTS", "5000"))  # recycle workers (bounded memory)
max_requests_jitter = max_requests // 10
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
accesslog = os.environ.get("ATLAS_ACCESS_LOG")  # e.g. "-" for stdout; off by default
errorlog = "-"
loglevel = os.environ.get("ATLAS_LOG_LEVEL", "info")
proc_name = "onemg-atlas"
raw_env = ["DASH_DISABLE_VERSION_CHECK=true"]


def on_starting(server):
    """In the master, before binding: refuse to start on bad data (one message, exit 2)."""
    from data.release_files import DataError, verify_current

    try:
        verify_current()
    except DataError as err:
        print(f"1+MG Atlas cannot start: {err}", file=sys.stderr, flush=True)
        sys.exit(2)


def _no_server_header():
    """gunicorn writes ``Server: gunicorn`` itself; drop that line (the app sets none)."""
    from gunicorn.http import wsgi

    if getattr(wsgi.Response.default_headers, "atlas", False):
        return
    plain = wsgi.Response.default_headers

    def default_headers(self):
        return [h for h in plain(self) if not h.lower().startswith("server:")]

    default_headers.atlas = True
    wsgi.Response.default_headers = default_headers


_no_server_header()
