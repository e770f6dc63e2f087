"""Pages answer with the right status: an address no page serves, and a page about something the
release does not hold (a country profile for a code no country has), answer 404 — with the same
friendly in-app page, since Dash renders the page for every address either way. (The not-found
page's own address, ``/404``, is a registered page and answers 200.)

The address is matched to a page as Dash's router matches it (the page registry, path templates
included); a page whose path variables name something is checked by ``EXISTS`` (the same
resolution the page itself uses: ``/country/fin`` and ``/country/DK`` are found, and the page
rewrites them to the canonical address).
"""
from __future__ import annotations

import logging

from dash import _pages
from flask import Flask, Response, request

from components import urls
from data.db import DataError
from data.queries import country_profile

log = logging.getLogger(__name__)

#: The Flask rules under which Dash serves its page (the index) for every address.
INDEX_RULES = {"/", "/<path:path>"}
#: path template -> does the page's subject exist (called with the path variables).
EXISTS = {urls.country("<iso3>"): lambda iso3=None, **_: country_profile.resolve(iso3).found}


def page_status(path: str) -> int:
    """200 when a page serves ``path`` and what it names exists, else 404."""
    page, variables = _pages._path_to_page(path.strip("/"))  # Dash's own router match
    if not page:  # Dash shows its not-found page (pages/not_found_404.py)
        return 404
    exists = EXISTS.get(page.get("path_template"))
    if exists is None:
        return 200
    try:
        return 200 if exists(**(variables or {})) else 404
    except DataError as e:  # no readable release: the page says so itself; keep its status
        log.warning("cannot check %s: %s", path, e)
        return 200


def install(server: Flask) -> None:
    @server.after_request
    def _page_status(resp: Response) -> Response:
        rule = request.url_rule.rule if request.url_rule else None
        if (rule in INDEX_RULES and request.method in ("GET", "HEAD") and resp.status_code == 200
                and resp.mimetype == "text/html"):
            resp.status_code = page_status(request.path)
        return resp
