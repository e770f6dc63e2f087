"""HTTP GET with the limits a harvester needs (standard library only).

* a timeout per attempt (connect and each read);
* bounded retries with exponential backoff, for timeouts, connection errors and 5xx answers
  (never for 4xx: asking again will not help);
* redirects followed by hand, at most ``max_redirects`` hops, a loop is an error;
* the body streamed in chunks and abandoned as soon as it exceeds ``max_bytes``;
* the content type checked against what the caller accepts.

Every failure is a :class:`FetchError` whose message says what happened and where.
"""
from __future__ import annotations

import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

USER_AGENT = "1mg-atlas-harvester/1 (+https://github.com/; offline catalogue harvest)"
CHUNK = 64 * 1024


class FetchError(Exception):
    """A URL could not be fetched within the limits."""


@dataclass(frozen=True)
class Limits:
    timeout: float = 20.0
    retries: int = 2            # extra attempts after the first
    backoff: float = 0.5        # seconds before the first retry; doubled each time
    max_backoff: float = 8.0
    max_bytes: int = 50 * 1024 * 1024
    max_redirects: int = 5


@dataclass
class Answer:
    url: str                    # the final URL (after redirects)
    status: int
    content_type: str           # media type, lower case, without parameters
    body: bytes
    attempts: int = 1
    redirects: list[str] = field(default_factory=list)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # let 3xx reach us as HTTPError
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


class _Retryable(Exception):
    pass


def _read_limited(resp, limit: int, url: str) -> bytes:
    declared = resp.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise FetchError(f"{url}: answer of {int(declared):,} bytes is over the size limit "
                         f"({limit:,} bytes)")
    chunks, size = [], 0
    while True:
        chunk = resp.read(CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            raise FetchError(f"{url}: answer is over the size limit ({limit:,} bytes); abandoned")
        chunks.append(chunk)


def _once(url: str, accept: str, limits: Limits) -> tuple[int, str, bytes, str | None]:
    """One request. Returns (status, content type, body, redirect location or None)."""
    req = urllib.request.Request(url, headers={"Accept": accept, "User-Agent": USER_AGENT})
    try:
        resp = _OPENER.open(req, timeout=limits.timeout)
    except urllib.error.HTTPError as e:
        with e:
            if 300 <= e.code < 400:
                return e.code, "", b"", e.headers.get("Location")
            if e.code >= 500 or e.code == 429:
                raise _Retryable(f"{url}: HTTP {e.code}") from None
            raise FetchError(f"{url}: HTTP {e.code} {e.reason}") from None
    except (urllib.error.URLError, TimeoutError, ConnectionError) as e:
        reason = getattr(e, "reason", e)
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise _Retryable(f"{url}: no answer within {limits.timeout:g} s (timeout)") from None
        raise _Retryable(f"{url}: cannot connect ({reason})") from None
    with resp:
        ctype = (resp.headers.get_content_type() or "").lower()
        try:
            body = _read_limited(resp, limits.max_bytes, url)
        except TimeoutError:
            raise _Retryable(f"{url}: answer stalled for {limits.timeout:g} s (timeout)") from None
        return resp.status, ctype, body, None


DEFAULT = Limits()


def get(url: str, *, accept: tuple[str, ...], limits: Limits = DEFAULT,
        sleep=time.sleep) -> Answer:
    """GET ``url``; the answer's media type must be one of ``accept``."""
    redirects: list[str] = []
    attempts = 0
    current = url
    while True:
        delay = limits.backoff
        for attempt in range(limits.retries + 1):
            attempts += 1
            try:
                status, ctype, body, location = _once(current, ", ".join(accept), limits)
                break
            except _Retryable as e:
                if attempt == limits.retries:
                    raise FetchError(f"{e} (after {attempt + 1} attempts)") from None
                sleep(min(delay, limits.max_backoff))
                delay *= 2
        if location is None:
            if status in (301, 302, 303, 307, 308):
                raise FetchError(f"{current}: HTTP {status} redirect without a Location")
            break
        target = urljoin(current, location)
        if urlsplit(target).scheme not in ("http", "https"):
            raise FetchError(f"{current}: redirect to {target!r}, which is not an http(s) URL")
        if target in redirects or target == url or len(redirects) >= limits.max_redirects:
            kind = "a redirect loop" if (target in redirects or target == url) else \
                f"more than {limits.max_redirects} redirects"
            raise FetchError(f"{url}: {kind} ({' -> '.join([url, *redirects, target])})")
        redirects.append(target)
        current = target
    if ctype not in accept:
        raise FetchError(f"{current}: content type {ctype or '(none)'!r} is not one of "
                         f"{', '.join(accept)}")
    return Answer(url=current, status=status, content_type=ctype, body=body,
                  attempts=attempts, redirects=redirects)
