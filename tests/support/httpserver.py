"""The local HTTP server lives in ``testing/`` (the demo serves its bundled sites with it too)."""

from testing.httpserver import LocalServer, Request, Response, static_files

__all__ = ["LocalServer", "Request", "Response", "static_files"]
