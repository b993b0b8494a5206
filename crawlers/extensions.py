"""Extensions: the store's schema once per crawl process, the per-source health record of every run, and
progress for people watching."""

from __future__ import annotations

import sys
import time

from scrapy import Spider, signals
from scrapy.crawler import Crawler

from crawlers.health import ERROR_RATE_PARTIAL, FEW_ITEMS_RATIO, close_run, judge_run, run_stats
from store.crawl_runs import CrawlRunRepository
from store.db import database_url, init_db, make_engine, session_scope

__all__ = ["ERROR_RATE_PARTIAL", "FEW_ITEMS_RATIO", "CrawlHealth", "ProgressLine", "StoreSchema", "judge_run",
           "run_stats"]
"""The health figures and verdict live in ``crawlers.health`` (no Scrapy); re-exported for their callers."""


class StoreSchema:
    """Migrates the store once, when the crawler is built (before any pipeline or spider opens the database),
    so a standalone ``scrapy crawl`` works on a new database. ``tenderflow`` commands migrate at command start
    and say so with ``TENDERFLOW_SCHEMA_READY`` (see ``crawlers.runner``); every crawl component then only uses
    the process's cached engine (``store.db.make_engine``)."""

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.getbool("TENDERFLOW_SCHEMA_READY"):
            init_db(database_url(crawler.settings.get("TENDERFLOW_DB")))

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StoreSchema:
        return cls(crawler)


class CrawlHealth:
    """Records every run in ``crawl_runs``: figures, status and close reason (always logged)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.url = database_url(crawler.settings.get("TENDERFLOW_DB"))
        self.run_id: int | None = None
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlHealth:
        return cls(crawler)

    def spider_opened(self, spider: Spider) -> None:
        self.engine = make_engine(self.url)
        with session_scope(self.engine) as session:
            self.run_id = CrawlRunRepository(session).start(spider.name)
        spider.crawl_run_id = self.run_id  # type: ignore[attr-defined]

    def spider_closed(self, spider: Spider, reason: str) -> None:
        with session_scope(self.engine) as session:
            result = close_run(session, self.run_id, spider.name, reason, self.crawler.stats.get_stats())
        self.crawler.stats.set_value("tenderflow/run_status", result.status)
        self.crawler.stats.set_value("tenderflow/run_reason", result.reason)


class ProgressLine:
    """Prints pages / notices / rate to stderr every few seconds while a crawl runs (terminals only)."""

    interval = 5.0

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.started = time.monotonic()
        self.last = 0.0
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProgressLine:
        return cls(crawler)

    def item_scraped(self) -> None:
        now = time.monotonic()
        if now - self.last < self.interval or not sys.stderr.isatty():
            return
        self.last = now
        stats = self.crawler.stats
        items = stats.get_value("item_scraped_count", 0)
        rate = items / max(now - self.started, 1e-6)
        pages = stats.get_value("downloader/response_count", 0)
        sys.stderr.write(f"\r{self.crawler.spider.name}: страниц {pages}, извещений {items} ({rate:.0f}/с)   ")
        sys.stderr.flush()
