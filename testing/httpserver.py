"""A threaded local HTTP server: the offline demo serves its bundled sites with it, and crawl tests use it.

Not ``python -m http.server``: its listen backlog of 5 and closed connections throttle Scrapy to ~1 page/s
(NOTES.md). This one keeps connections alive, has a large backlog, and routes every request through a
handler function so a test can serve files, generated pages, errors and ``Retry-After`` responses.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass
class Response:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Request:
    method: str
    path: str
    query: str
    headers: dict[str, str]
    body: bytes


Handler = Callable[[Request], Response | None]

_CONTENT_TYPES = {
    ".xml": "application/xml",
    ".zip": "application/zip",
    ".html": "text/html; charset=utf-8",
    ".json": "application/json",
    ".rss": "application/rss+xml",
    ".js": "application/javascript",
    ".txt": "text/plain; charset=utf-8",
}


def static_files(root: Path) -> Handler:
    """Serve files below ``root``; ``/dir/`` lists its files as links (like a dump's index page)."""
    root = root.resolve()

    def handle(request: Request) -> Response | None:
        target = (root / unquote(request.path).lstrip("/")).resolve()
        if not target.is_relative_to(root):
            return Response(403)
        if target.is_dir():
            links = "".join(
                f'<a href="{p.name}{"/" if p.is_dir() else ""}">{p.name}</a><br>\n'
                for p in sorted(target.iterdir())
            )
            return Response(200, f"<html><body>{links}</body></html>".encode(), {"Content-Type": "text/html"})
        if target.is_file():
            ctype = _CONTENT_TYPES.get(target.suffix, "application/octet-stream")
            return Response(200, target.read_bytes(), {"Content-Type": ctype})
        return None

    return handle


class LocalServer:
    """``with LocalServer(handler) as server: server.url("/x")``; counts requests per path."""

    def __init__(self, *handlers: Handler, host: str = "127.0.0.1", port: int = 0) -> None:
        self.handlers = list(handlers)
        self.hits: Counter[str] = Counter()
        self._lock = threading.Lock()
        server = self

        class _RequestHandler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # quiet
                pass

            def _serve(self) -> None:
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                request = Request(self.command, parts.path, parts.query, dict(self.headers), body)
                with server._lock:
                    server.hits[parts.path + (f"?{parts.query}" if parts.query else "")] += 1
                response = None
                for handler in server.handlers:
                    response = handler(request)
                    if response is not None:
                        break
                response = response or Response(404, b"not found")
                self.send_response(response.status)
                for name, value in response.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(response.body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(response.body)

            do_GET = do_POST = do_HEAD = _serve

        class _Server(ThreadingHTTPServer):
            request_queue_size = 1024
            daemon_threads = True
            allow_reuse_address = True

        self._httpd = _Server((host, port), _RequestHandler)
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str = "/") -> str:
        return self.base_url + (path if path.startswith("/") else "/" + path)

    def start(self) -> LocalServer:
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> LocalServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
