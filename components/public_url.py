"""The site's own absolute address, decided in one place.

Absolute URLs (the DCAT catalogue, the data package, the JSON-LD, citations) must never come from
an untrusted ``Host`` header. :func:`base_url` answers the configured ``ATLAS_PUBLIC_URL`` when it
is set, else the request's own address only when the request names a loopback host (a developer's
machine or a test: 127.0.0.0/8, ::1, localhost) or a host listed in ``ATLAS_TRUSTED_HOSTS``
(comma-separated names, e.g. ``atlas.example.org,atlas.internal``), else ``None`` (the caller then
answers with relative links, without absolute URLs, or refuses).

It lives in components/ (it reads only the request and the environment) so that pages/ and web/
share it. When an answer may name the request's host, :func:`vary` adds ``Vary: Host``.
"""
from __future__ import annotations

import ipaddress
import os

from flask import has_request_context, request

LOOPBACK_NAMES = {"localhost"}


def _is_loopback(host: str) -> bool:
    """``localhost``, ``127.0.0.1:8050``, ``[::1]:8050`` … (a ``Host`` header value)."""
    name = _name(host)
    if name in LOOPBACK_NAMES or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _name(host: str) -> str:
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def trusted_hosts() -> set[str]:
    """``ATLAS_TRUSTED_HOSTS``: host names (without port) whose ``Host`` header may be used."""
    return {h.strip().lower() for h in os.environ.get("ATLAS_TRUSTED_HOSTS", "").split(",")
            if h.strip()}


def _trusted(host: str) -> bool:
    return _is_loopback(host) or _name(host) in trusted_hosts()


def configured() -> str | None:
    url = os.environ.get("ATLAS_PUBLIC_URL", "").strip().rstrip("/")
    return url or None


def base_url() -> str | None:
    """``https://atlas.example.org`` (no trailing slash), or None when not known safely."""
    url = configured()
    if url:
        return url
    if has_request_context() and _trusted(request.host):
        return request.host_url.rstrip("/")
    return None


def vary(resp):
    """``Vary: Host`` on an answer whose links may come from the request's host (no
    ``ATLAS_PUBLIC_URL``), so a shared cache never hands one host's answer to another."""
    if not configured():
        resp.vary.add("Host")
    return resp
