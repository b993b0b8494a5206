"""The local HTTP server lives in the application (the demo serves its bundled sites with it)."""

from tenderflow.httpserver import LocalServer, Request, Response, static_files

__all__ = ["LocalServer", "Request", "Response", "static_files"]
