"""``python app.py`` serves through gunicorn (its Python API) with the settings of gunicorn.conf.py:
the same workers, threads, timeouts, bad-data check and no ``Server`` header as
``gunicorn -c gunicorn.conf.py app:server``. ``ATLAS_DEBUG=1`` asks for Dash's development server.

The app is imported once, in the master, before the workers fork (the release was verified and
Dash's first-request setup completed there); each worker then opens its own DuckDB connection on
first use (``data.db`` keys its connection by process id), so nothing opened in the master is used
after the fork.
"""
from __future__ import annotations

import runpy
from pathlib import Path

from gunicorn.app.base import BaseApplication

CONFIG = Path(__file__).resolve().parents[1] / "gunicorn.conf.py"


class AtlasServer(BaseApplication):
    def __init__(self, wsgi_app, config: Path = CONFIG):
        self.wsgi_app, self.config_path = wsgi_app, config
        super().__init__()

    def load_config(self):
        settings = runpy.run_path(str(self.config_path))  # also drops gunicorn's Server header
        for key, value in settings.items():
            if key in self.cfg.settings and value is not None:
                self.cfg.set(key, value)

    def load(self):
        return self.wsgi_app


def run(wsgi_app) -> None:
    AtlasServer(wsgi_app).run()
