"""Real HTTP servers on loopback that play catalogue nodes (for the tests and ``--demo``).

``serve(routes)`` starts a ``ThreadingHTTPServer`` on 127.0.0.1 at a free port, in a thread, and
returns a :class:`Loopback` (``.url(path)``, ``.close()``; also a context manager). ``routes``
maps a path to a :class:`Reply` or to a function ``(query dict) -> Reply``. A few recorded faults:

* ``Reply(hang=True)`` — never answers until the server closes (a timeout for the client);
* ``redirect_loop(path)`` — answers 302 to itself;
* ``Reply(stream_bytes=N)`` — streams N bytes of body without a Content-Length (a size limit test);
* any status, body and content type (HTTP 500, 404, wrong type, malformed Turtle ...).

``wiremock(path)`` turns a recorded WireMock mapping (``response.status/headers/jsonBody``) into a
Reply, so the services' own recorded answers are served as they were recorded.
"""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    headers: dict = field(default_factory=dict)
    hang: bool = False
    stream_bytes: int = 0


def json_reply(doc, status: int = 200) -> Reply:
    return Reply(status=status, body=json.dumps(doc).encode())


def file_reply(path: Path, content_type: str) -> Reply:
    return Reply(body=Path(path).read_bytes(), content_type=content_type)


def wiremock(path: Path) -> Reply:
    m = json.loads(Path(path).read_text(encoding="utf-8"))["response"]
    headers = dict(m.get("headers") or {})
    ctype = headers.pop("Content-Type", "application/json")
    return Reply(status=m.get("status", 200), body=json.dumps(m.get("jsonBody")).encode(),
                 content_type=ctype, headers=headers)


def redirect_loop(path: str) -> Reply:
    return Reply(status=302, headers={"Location": path})


class Loopback:
    def __init__(self, routes: dict):
        self.routes = dict(routes)
        self.requests: list[str] = []
        self.closing = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                parts = urlsplit(self.path)
                outer.requests.append(self.path)
                route = outer.routes.get(parts.path)
                if route is None:
                    reply = json_reply({"error": "not found"}, 404)
                elif callable(route):
                    reply = route({k: v[-1] for k, v in parse_qs(parts.query).items()})
                else:
                    reply = route
                if reply.hang:
                    outer.closing.wait()
                    return
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                for k, v in reply.headers.items():
                    self.send_header(k, v)
                if reply.stream_bytes:
                    self.send_header("Connection", "close")
                    self.end_headers()
                    chunk = b"x" * 65536
                    sent = 0
                    try:
                        while sent < reply.stream_bytes and not outer.closing.is_set():
                            self.wfile.write(chunk)
                            sent += len(chunk)
                    except (BrokenPipeError, ConnectionResetError):
                        pass
                    self.close_connection = True
                    return
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str = "") -> str:
        return self.base + path

    def close(self) -> None:
        self.closing.set()
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def serve(routes: dict) -> Loopback:
    return Loopback(routes)


def ckan_search(packages: list, *, count: int | None = None):
    """A CKAN ``package_search`` that pages ``packages`` by ``rows``/``start`` as CKAN does."""
    def route(q: dict) -> Reply:
        try:
            rows, start = int(q.get("rows", 10)), int(q.get("start", 0))
        except ValueError:
            return json_reply({"success": False, "error": {"message": "bad rows/start"}}, 409)
        return json_reply({"help": "package_search", "success": True, "result": {
            "count": len(packages) if count is None else count, "facets": {},
            "results": packages[start:start + rows]}})
    return route
