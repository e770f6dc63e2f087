"""1+MG Atlas — entry point. Builds the Dash app and its shell; exposes ``server`` for gunicorn.

``python app.py`` serves through gunicorn with gunicorn.conf.py's settings (web/serve.py), as does
``gunicorn -c gunicorn.conf.py app:server``; ``ATLAS_DEBUG=1 python app.py`` runs Dash's dev server.
"""
from __future__ import annotations

import logging
import os
import sys

from dash import Dash, Input, Output, State, callback, set_props

import components.theme  # noqa: F401  (registers the Plotly template)
from components import first_paint  # the server-rendered first screen (web/first_paint.py)
from components.shell import APP_NAME, shell
from data import db
from data.db import DataError, release
from data.queries.release import release_info
from web import install

UNDER_GUNICORN = "gunicorn.arbiter" in sys.modules  # a worker forked by gunicorn's master
db.FALLBACK = UNDER_GUNICORN  # such a worker may serve an older intact release (see data/db.py)
try:
    release()  # fail fast with a clear message when the data is missing or corrupt
except DataError as err:
    print(f"1+MG Atlas cannot start: {err}", file=sys.stderr)
    sys.exit(3 if UNDER_GUNICORN else 2)  # 3 is gunicorn's boot error: its master halts


log = logging.getLogger("atlas.callbacks")


def on_callback_error(err: Exception):
    """Last line of defence: log the fault, tell the user in plain words, leave the view as it was.

    Callbacks validate their input themselves (tests fuzz them and fail on any record here)."""
    log.error("callback failed: %s: %s", type(err).__name__, err, exc_info=err)
    set_props("app-error", {"is_open": True})


app = Dash(
    __name__,
    on_error=on_callback_error,
    use_pages=True,
    include_pages_meta=False,  # Dash's twitter:url would echo the request's Host header
    title=APP_NAME,
    update_title=None,
    suppress_callback_exceptions=True,  # ids checked in tests/callbacks/test_callback_ids.py
    compress=True,
    assets_path_ignore=["vendor"],
    external_stylesheets=["/assets/vendor/bootstrap/bootstrap.min.css",
                          "/assets/vendor/bootstrap-icons/icons.min.css"],
    meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"},
               {"name": "description",
                "content": "Where Europe stands on the 1+ Million Genomes goal: sourced figures, "
                           "cohorts, infrastructures and funding, per country."}],
)
app.index_string = (app.index_string.replace("<html>", '<html lang="en">', 1)
                    .replace("{%app_entry%}", first_paint.MARKER + "{%app_entry%}", 1))
app.layout = lambda: shell(release_info())
server = app.server
install(server)


@callback(Output("app-nav-collapse", "is_open"), Input("app-nav-toggle", "n_clicks"),
          State("app-nav-collapse", "is_open"), prevent_initial_call=True)
def toggle_nav(n, is_open):
    return not is_open


if UNDER_GUNICORN or (__name__ == "__main__" and os.environ.get("ATLAS_DEBUG") != "1"):
    # Dash completes its setup on the first request, unsafely when several threads arrive at once
    # (a freshly recycled worker under load): complete it before this worker serves anyone.
    server.test_client().get("/_dash-dependencies")

if __name__ == "__main__" and os.environ.get("ATLAS_DEBUG") == "1":
    app.run(debug=True, dev_tools_disable_version_check=True,
            host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "8050")))
elif __name__ == "__main__":
    from web import serve

    db.FALLBACK = True  # as under gunicorn: a recycled worker may serve an older intact release
    release().con.close()  # no DuckDB connection (nor its threads) may cross the fork
    db.reset()
    serve.run(server)
