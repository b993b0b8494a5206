"""The polite retry middleware retries the exceptions Scrapy's does, those of the HTTP stack loaded late."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

from scrapy import Request, Spider
from scrapy.settings import Settings
from scrapy.statscollectors import MemoryStatsCollector

from crawlers.middlewares import BackoffRetryMiddleware


def _middleware() -> BackoffRetryMiddleware:
    settings = Settings()
    settings.setmodule("crawlers.settings", priority="project")
    settings.set("RETRY_BACKOFF_BASE", 0.0)  # no wait in a unit test
    middleware = BackoffRetryMiddleware(settings)
    spider = Spider("test")
    crawler = SimpleNamespace(settings=settings)
    crawler.stats = MemoryStatsCollector(crawler)
    spider.crawler = crawler
    middleware.crawler = SimpleNamespace(spider=spider)  # type: ignore[assignment]
    return middleware


def test_exceptions_of_the_http_stack_are_retried() -> None:
    from scrapy.core.downloader.handlers.http11 import TunnelError
    from twisted.internet.error import ConnectionRefusedError

    middleware = _middleware()
    for exception in (TunnelError("proxy refused"), ConnectionRefusedError()):
        retry = asyncio.run(middleware.process_exception(Request("https://example.org/"), exception))
        assert isinstance(retry, Request) and retry.meta["retry_times"] == 1, exception
    assert asyncio.run(middleware.process_exception(Request("https://example.org/"), ValueError("bug"))) is None
    names = {f"{kind.__module__}.{kind.__qualname__}" for kind in middleware.exceptions_to_retry}
    assert "scrapy.core.downloader.handlers.http11.TunnelError" in names
    assert len(middleware.exceptions_to_retry) == len(Settings().getlist("RETRY_EXCEPTIONS"))
