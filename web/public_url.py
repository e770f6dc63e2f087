"""The site's own absolute address, decided in one place.

Absolute URLs (the DCAT catalogue, the data package, the JSON-LD, citations) must never come from
an untrusted ``Host`` header. :func:`base_url` answers the configured ``ATLAS_PUBLIC_URL`` when it
is set, else the request's own address only when the request names a loopback host (a developer's
machine or a test), else ``None`` (the caller then answers without absolute URLs or refuses).
"""
from __future__ import annotations

import ipaddress
import os

from flask import request

LOOPBACK_NAMES = {"localhost"}


def _is_loopback(host: str) -> bool:
    """``localhost``, ``127.0.0.1:8050``, ``[::1]:8050`` … (a ``Host`` header value)."""
    host = host.strip().lower()
    if host.startswith("["):
        name = host[1:].split("]", 1)[0]
    else:
        name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    if name in LOOPBACK_NAMES or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def configured() -> str | None:
    url = os.environ.get("ATLAS_PUBLIC_URL", "").strip().rstrip("/")
    return url or None


def base_url() -> str | None:
    """``https://atlas.example.org`` (no trailing slash), or None when not known safely."""
    url = configured()
    if url:
        return url
    if _is_loopback(request.host):
        return request.host_url.rstrip("/")
    return None
