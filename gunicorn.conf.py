"""Production serving: ``gunicorn -c gunicorn.conf.py app:server``.

Sized for the 2-core machines this project runs on: 2 worker processes × 4 threads (gthread). Each
worker opens its own DuckDB connection lazily on first use, i.e. *after* the fork; ``preload_app``
stays off so no connection can be created in the master and inherited (that hangs DuckDB).
Override with ATLAS_WORKERS / ATLAS_THREADS / PORT / HOST.
"""
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8050')}"
workers = int(os.environ.get("ATLAS_WORKERS", "2"))
threads = int(os.environ.get("ATLAS_THREADS", "4"))
worker_class = "gthread"
preload_app = False
timeout = 60
graceful_timeout = 20
keepalive = 5
max_requests = 5000          # recycle workers now and then (bounded memory)
max_requests_jitter = 500
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
accesslog = os.environ.get("ATLAS_ACCESS_LOG")  # e.g. "-" for stdout; off by default
errorlog = "-"
loglevel = os.environ.get("ATLAS_LOG_LEVEL", "info")
proc_name = "onemg-atlas"
raw_env = ["DASH_DISABLE_VERSION_CHECK=true"]
