"""The downloader middlewares: the polite retries retry what Scrapy's do (the HTTP stack's exceptions loaded late),
and cookies go through Scrapy's own middleware, built on the first request."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

import pytest
from scrapy import Request, Spider
from scrapy.exceptions import NotConfigured
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


def test_cookies_go_through_scrapys_middleware_built_on_first_use() -> None:
    from scrapy.http import Response

    from crawlers.middlewares import LazyCookiesMiddleware

    settings = Settings()
    settings.setmodule("crawlers.settings", priority="project")
    crawler = SimpleNamespace(settings=settings, spider=Spider("test"))
    middleware = LazyCookiesMiddleware.from_crawler(crawler)  # type: ignore[arg-type]
    first = Request("https://zakupki.gov.ru/epz/order/extendedsearch/results.html")
    assert middleware.process_request(first) is None and b"Cookie" not in first.headers
    response = Response(first.url, headers={"Set-Cookie": "session=abc; Path=/"}, request=first)
    assert middleware.process_response(first, response) is response
    second = Request("https://zakupki.gov.ru/epz/order/notice/view.html")
    middleware.process_request(second)
    assert second.headers.get(b"Cookie") == b"session=abc"
    other = Request("https://example.org/")
    middleware.process_request(other)
    assert b"Cookie" not in other.headers  # each site its own cookies, as Scrapy keeps them

    settings.set("COOKIES_ENABLED", False)
    with pytest.raises(NotConfigured):
        LazyCookiesMiddleware.from_crawler(crawler)  # type: ignore[arg-type]


def test_scrapy_builds_the_lazy_cookies_middleware_in_place_of_its_own() -> None:
    from crawlers.runner import crawl_settings

    middlewares = crawl_settings("sqlite://").getwithbase("DOWNLOADER_MIDDLEWARES")
    assert middlewares["crawlers.middlewares.LazyCookiesMiddleware"] == 700
    assert "scrapy.downloadermiddlewares.cookies.CookiesMiddleware" not in middlewares
