"""Downloader middlewares."""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.utils.misc import load_object
from scrapy.utils.response import response_status_message

from crawlers.download_handlers import HTTP_HANDLER

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

_HTTP_STACK = HTTP_HANDLER.rpartition(".")[0] + "."
"""Exceptions named in ``RETRY_EXCEPTIONS`` from here (Scrapy's ``TunnelError``) are loaded when the first
exception is seen: loading them at start would import the HTTP stack a local crawl never uses
(``crawlers.download_handlers``), and no exception of theirs can exist before it is imported."""


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retries, but polite: wait before retrying.

    The wait is the server's ``Retry-After`` (seconds or an HTTP date) when it sends one, else exponential
    backoff with jitter: ``RETRY_BACKOFF_BASE * 2**attempt`` seconds, capped by ``RETRY_BACKOFF_MAX``.
    Replaces ``scrapy.downloadermiddlewares.retry.RetryMiddleware`` in ``crawlers.settings``.
    """

    def __init__(self, settings: BaseSettings) -> None:
        names = settings.getlist("RETRY_EXCEPTIONS")
        self._http_exceptions = [name for name in names if isinstance(name, str) and name.startswith(_HTTP_STACK)]
        if self._http_exceptions:
            settings = settings.copy()
            settings.frozen = False  # a private copy: the crawler's settings stay as they are
            settings.set("RETRY_EXCEPTIONS", [name for name in names if name not in self._http_exceptions],
                         priority="cmdline")
        super().__init__(settings)
        self.backoff_base = settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        self.backoff_max = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)

    async def process_response(self, request: Request, response: Response, spider: object = None) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        await asyncio.sleep(self._delay(request, response))
        return retry

    async def process_exception(
        self, request: Request, exception: Exception, spider: object = None
    ) -> Request | Response | None:
        if self._http_exceptions:
            self.exceptions_to_retry += tuple(load_object(name) for name in self._http_exceptions)
            self._http_exceptions = []
        if request.meta.get("dont_retry", False) or not isinstance(exception, self.exceptions_to_retry):
            return None
        retry = self._retry(request, exception)
        if retry is not None:
            await asyncio.sleep(self._delay(request, None))
        return retry

    def _delay(self, request: Request, response: Response | None) -> float:
        if response is not None:
            header = response.headers.get(b"Retry-After")
            if header:
                seconds = retry_after_seconds(header.decode("latin-1"))
                if seconds is not None:
                    return min(seconds, self.backoff_max)
        attempt = request.meta.get("retry_times", 0)
        return min(self.backoff_base * 2**attempt, self.backoff_max) * random.uniform(0.5, 1.0)


class LazyCookiesMiddleware:
    """Scrapy's cookies middleware, built on the first request that passes through it: its module loads
    ``tldextract`` (and ``requests``), ~0.03 s of every crawl's start, which a crawl of local files (no request
    at all) does not need. Every request and response then goes through Scrapy's own middleware, one instance
    with its cookie jars, exactly as before. Replaces ``scrapy.downloadermiddlewares.cookies.CookiesMiddleware``
    in ``crawlers.settings``, at its place (700)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self._middleware: Any = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> LazyCookiesMiddleware:
        if not crawler.settings.getbool("COOKIES_ENABLED"):
            raise NotConfigured
        return cls(crawler)

    @property
    def middleware(self) -> Any:
        """Scrapy's ``CookiesMiddleware``, built once."""
        if self._middleware is None:
            from scrapy.downloadermiddlewares.cookies import CookiesMiddleware

            self._middleware = CookiesMiddleware.from_crawler(self.crawler)
        return self._middleware

    def process_request(self, request: Request) -> Request | Response | None:
        return self.middleware.process_request(request)

    def process_response(self, request: Request, response: Response) -> Request | Response:
        return self.middleware.process_response(request, response)


def retry_after_seconds(value: str, now: datetime | None = None) -> float | None:
    """``Retry-After`` as seconds to wait: delta-seconds or an HTTP date; ``None`` if unreadable."""
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
