"""A real HTTP server on 127.0.0.1, in a thread, for the web tests.

Routes map a path to a :class:`Route`: a status, headers and a body (bytes, or
an iterator of chunks for streams and slow answers). Every request is recorded
(path, headers, time) so tests can check what the client sent; ``active`` and
``peak`` count requests served at the same moment.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class _QuietServer(ThreadingHTTPServer):
    """A client that hangs up mid-request (a worker that timed out, a cut stream) is not
    the server's error: socketserver would print its traceback into the test's stderr,
    which tests read for exporter's own tracebacks."""

    def handle_error(self, request: object, client_address: object) -> None:
        pass


@dataclass
class Route:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | Callable[[], Iterable[bytes]] = b""
    etag: str | None = None
    """When set, a request whose If-None-Match matches gets 304."""
    last_modified: str | None = None
    delay: float = 0.0
    """Seconds to wait before answering."""
    busy: int = 0
    """Answer 429 this many times (with Retry-After: 0) before the real answer."""
    busy_status: int = 429
    retry_after: str = "0"


@dataclass
class Seen:
    path: str
    headers: dict[str, str]
    at: float


class WebServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.seen: list[Seen] = []
        self.active = 0
        self.peak = 0
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                server._handle(self)

        self.httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: bytes | str | Callable[[], Iterable[bytes]] = b"",
            content_type: str = "text/html; charset=utf-8", **settings: object) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        headers = dict(settings.pop("headers", {}) or {})  # type: ignore[call-overload]
        if content_type:
            headers.setdefault("Content-Type", content_type)
        self.routes[path] = Route(headers=headers, body=data, **settings)  # type: ignore[arg-type]
        return self.url(path)

    def hits(self, path: str) -> list[Seen]:
        return [s for s in self.seen if s.path == path]

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        with self._lock:
            self.seen.append(Seen(handler.path, {k.lower(): v for k, v in handler.headers.items()},
                                  time.monotonic()))
            self.active += 1
            self.peak = max(self.peak, self.active)
        try:
            self._answer(handler)
        except OSError:  # the client hung up (a cut stream, a timeout)
            pass
        finally:
            with self._lock:
                self.active -= 1

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        route = self.routes.get(handler.path) or self.routes.get(handler.path.split("?")[0])
        if route is None:
            self._send(handler, 404, {"Content-Type": "text/plain"}, b"not here")
            return
        if route.delay:
            time.sleep(route.delay)
        if route.busy > 0:
            with self._lock:
                route.busy -= 1
            self._send(handler, route.busy_status, {"Retry-After": route.retry_after}, b"busy")
            return
        headers = dict(route.headers)
        if route.etag:
            headers["ETag"] = route.etag
            if handler.headers.get("If-None-Match") == route.etag:
                self._send(handler, 304, {"ETag": route.etag}, b"")
                return
        if route.last_modified:
            headers["Last-Modified"] = route.last_modified
            if handler.headers.get("If-Modified-Since") == route.last_modified:
                self._send(handler, 304, {}, b"")
                return
        if callable(route.body):
            self._stream(handler, route.status, headers, route.body())
        else:
            self._send(handler, route.status, headers, route.body)

    @staticmethod
    def _send(handler: BaseHTTPRequestHandler, status: int, headers: dict[str, str],
              body: bytes) -> None:
        handler.send_response(status)
        for name, value in headers.items():
            handler.send_header(name, value)
        if status != 304:
            handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        if status != 304:
            handler.wfile.write(body)

    @staticmethod
    def _stream(handler: BaseHTTPRequestHandler, status: int, headers: dict[str, str],
                chunks: Iterable[bytes]) -> None:
        handler.send_response(status)
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.send_header("Connection", "close")
        handler.end_headers()
        handler.close_connection = True
        for chunk in chunks:
            handler.wfile.write(chunk)
            handler.wfile.flush()


def endless(total: int, chunk: int = 1 << 16) -> Callable[[], Iterator[bytes]]:
    """A body of ``total`` bytes of HTML-ish text made on the fly (never held in memory)."""
    piece = (b"<p>" + b"stream " * (chunk // 7))[:chunk]

    def body() -> Iterator[bytes]:
        sent = 0
        while sent < total:
            yield piece
            sent += len(piece)
    return body


def dribble(parts: list[bytes], pause: float) -> Callable[[], Iterator[bytes]]:
    """A body sent a part at a time, ``pause`` seconds apart."""
    def body() -> Iterator[bytes]:
        for part in parts:
            yield part
            time.sleep(pause)
    return body


@pytest.fixture
def web() -> Iterator[WebServer]:
    """A real HTTP server on 127.0.0.1 for one test. Kept here, not in a conftest.py: a
    second conftest.py would replace the ``conftest`` module other tests import helpers
    from. Test modules bind it by name (``web = webserver.web``)."""
    server = WebServer()
    try:
        yield server
    finally:
        server.close()
