"""The app server a benchmark script talks to: the one at ``--base``, or one it starts itself."""
from __future__ import annotations

from contextlib import contextmanager


@contextmanager
def app_base(base: str | None):
    """Yield ``base`` when given; else start the app (gunicorn, as the browser tests do), yield its
    URL and stop it when the block ends."""
    if base:
        yield base
        return
    from tests.browser.conftest import start_server

    proc, started = start_server()
    try:
        yield started
    finally:
        proc.terminate()
