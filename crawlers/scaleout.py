"""Scale-out: N crawler processes on N machines share one crawl through Redis (scrapy-redis).

Switched on by ``TENDERFLOW_REDIS_URL`` (see ``crawlers.settings``): the scheduler queue and the dupefilter
live in Redis under ``tenderflow:<crawl id>:<spider>:…``, so every request is fetched once across all
workers. ``TENDERFLOW_CRAWL_ID`` names the shared crawl (default: today's UTC date, so tonight's workers meet
and tomorrow's start fresh). A worker killed midway loses only the requests it had taken: the others finish
the queue, and a rerun under a new crawl id fetches everything again while the store's upsert keeps each
notice once.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider

log = logging.getLogger(__name__)

KEY_TTL_SECONDS = 2 * 24 * 3600
IDLE_POLL_SECONDS = 0.5


def crawl_id(explicit: str | None = None) -> str:
    return explicit or datetime.now(UTC).strftime("%Y-%m-%d")


def redis_settings(redis_url: str, crawl: str) -> dict[str, object]:
    """The Scrapy settings that put a crawl on the shared Redis scheduler."""
    return {
        "SCHEDULER": "scrapy_redis.scheduler.Scheduler",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "REDIS_URL": redis_url,
        # Never flush on close: a worker that finishes first must not wipe the queue its peers still use.
        "SCHEDULER_PERSIST": True,
        "SCHEDULER_QUEUE_KEY": f"tenderflow:{crawl}:%(spider)s:requests",
        "SCHEDULER_DUPEFILTER_KEY": f"tenderflow:{crawl}:%(spider)s:dupefilter",
    }


class SharedCrawl:
    """Keeps an idle worker alive while its peers may still feed the shared queue (``TENDERFLOW_IDLE_GRACE``
    seconds without a response), and lets the crawl's Redis keys expire two days after it ends."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.grace = crawler.settings.getfloat("TENDERFLOW_IDLE_GRACE", 10.0)
        self.last_activity = time.monotonic()
        crawler.signals.connect(self.activity, signal=signals.response_received)
        crawler.signals.connect(self.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SharedCrawl:
        return cls(crawler)

    def activity(self) -> None:
        self.last_activity = time.monotonic()

    def spider_idle(self, spider: Spider) -> None:
        if time.monotonic() - self.last_activity < self.grace:
            # Look at the shared queue again in half a second, not at the engine's next 5 s heartbeat: a
            # worker that started idle must join in while its peers are still filling the queue.
            slot = self.crawler.engine._slot if self.crawler.engine else None
            if slot is not None:
                slot.nextcall.schedule(IDLE_POLL_SECONDS)
            raise DontCloseSpider

    def spider_closed(self, spider: Spider) -> None:
        scheduler = self.crawler.engine._slot.scheduler if self.crawler.engine and self.crawler.engine._slot else None
        server = getattr(scheduler, "server", None)
        if server is None:
            return
        for key in (scheduler.queue.key, scheduler.df.key):
            server.expire(key, KEY_TTL_SECONDS)
        log.info("shared crawl keys %s, %s expire in %d s", scheduler.queue.key, scheduler.df.key, KEY_TTL_SECONDS)
