"""Pinned releases: ``?release=<id>`` on any page, API call or download serves that release (the
current one or an older one still kept on disk, see ``ATLAS_KEEP_RELEASES``).

The whole request is pinned (``data.db.pin``): every query, memo and citation reads that release.
Dash's own requests (layout, callbacks) are pinned by the ``release`` of the page that sent them
(their ``Referer``), and a pinned callback that writes the page's URL (a ``search`` output) keeps
``release`` in it, so a permalink made from a pinned view names its release too. A malformed id
is a 400; an unknown or removed release is a JSON 404 for the API and downloads and a page saying
so (404) elsewhere, never the current data silently.
"""
from __future__ import annotations

import json
from html import escape
from urllib.parse import parse_qs, urlencode, urlsplit

from flask import Flask, Response, g, request

from components import urls
from data import db
from data.api_params import RELEASE

from .api import json_error

PARAM = RELEASE
DASH_PREFIXES = ("/_dash-layout", "/_dash-update-component", "/_dash-dependencies")
JSON_PREFIXES = (urls.API_PREFIX, urls.DOWNLOADS_PREFIX, urls.CATALOG)


def requested() -> str | None:
    """The release this request asks for (its own ``?release=`` or, for Dash's requests, the
    page's), or None."""
    if PARAM in request.args:
        return request.args.get(PARAM, "")
    if request.path.startswith(DASH_PREFIXES):
        page = parse_qs(urlsplit(request.headers.get("Referer", "")).query)
        if PARAM in page:
            return page[PARAM][0]
    return None


def _page(status: int, title: str, message: str) -> Response:
    home = escape(request.path)
    body = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}'
            f' · 1+MG Atlas</title></head><body><main><h1>{escape(title)}</h1>'
            f'<p id="release-unavailable">{escape(message)}</p>'
            f'<p><a href="{home}">This view with the current release</a> · '
            f'<a href="{urls.data_page("data-release")}">Data releases</a></p></main></body></html>')
    resp = Response(body, status=status, mimetype="text/html")
    resp.headers["Cache-Control"] = "no-store"
    return resp


def _refuse(status: int, message: str) -> Response:
    expected = "a release id kept on this server (see /api/v1/release)"
    if request.path.startswith(JSON_PREFIXES) or request.path.startswith(DASH_PREFIXES):
        return json_error(status, message, expected)
    title = "Malformed release id" if status == 400 else "Release not available"
    return _page(status, title, message + ". The atlas keeps its most recent releases; "
                 "an older one may have been removed.")


def _keep_release(node, rid: str):
    """Every ``search`` value in a Dash callback answer, with ``release=<rid>`` kept in it."""
    if isinstance(node, dict):
        return {k: (_with_release(v, rid) if k == "search" and isinstance(v, str)
                    else _keep_release(v, rid)) for k, v in node.items()}
    if isinstance(node, list):
        return [_keep_release(v, rid) for v in node]
    return node


def _with_release(search: str, rid: str) -> str:
    pairs = [(k, v) for k, vs in parse_qs(search.lstrip("?"), keep_blank_values=True).items()
             for v in vs if k != PARAM]
    return "?" + urlencode([*pairs, (PARAM, rid)], safe=",")


def install(server: Flask) -> None:
    @server.before_request
    def _pin():
        rid = requested()
        if rid is None:
            return None
        try:
            g.release_pin = db.pin(rid)
        except ValueError as e:
            return _refuse(400, str(e))
        except db.UnknownRelease as e:
            return _refuse(404, str(e))
        except db.DataError:
            return _refuse(404, f"release {rid} cannot be read on this server")
        return None

    @server.after_request
    def _pinned_urls(resp: Response) -> Response:
        if ("release_pin" not in g or request.path != "/_dash-update-component"
                or resp.mimetype != "application/json" or resp.direct_passthrough):
            return resp
        try:
            body = json.loads(resp.get_data())
        except ValueError:
            return resp
        resp.set_data(json.dumps(_keep_release(body, db.release().release_id)))
        return resp

    @server.teardown_request
    def _unpin(_exc=None):
        token = g.pop("release_pin", None)
        if token is not None:
            try:
                db.unpin(token)
            except ValueError:  # a token from another context: nothing to undo here
                pass
