"""Extensions: the store's schema once per crawl process, the per-source health record of every run, and
progress for people watching."""

from __future__ import annotations

import logging
import statistics
import sys
import time
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler

from store.crawl_runs import CrawlRunRepository
from store.db import database_url, init_db, make_engine, session_scope

log = logging.getLogger(__name__)

ERROR_RATE_PARTIAL = 0.15
"""A run whose error rate reaches this is marked partial (issue 6)."""
FEW_ITEMS_RATIO = 0.3
"""A run with fewer items than this share of the recent median is marked partial."""


def run_stats(stats: dict[str, Any]) -> dict[str, Any]:
    """The health figures of a run from Scrapy's stats."""
    by_status = {
        key.rsplit("/", 1)[1]: value
        for key, value in stats.items()
        if key.startswith("downloader/response_status_count/")
    }
    responses = stats.get("downloader/response_count", 0)
    download_errors = stats.get("downloader/exception_count", 0)
    parse_errors = stats.get("tenderflow/parse_errors", 0) + stats.get("tenderflow/invalid_items", 0)
    # Pages that failed for good: retries exhausted, non-2xx responses filtered out, and failures a spider's
    # errback handled itself (it counts them in ``tenderflow/failed_requests``).
    failed_requests = (
        stats.get("retry/max_reached", 0)
        + stats.get("httperror/response_ignored_count", 0)
        + stats.get("tenderflow/failed_requests", 0)
    )
    broken_archives = stats.get("tenderflow/broken_archives", 0)
    attempts = responses + download_errors + stats.get("tenderflow/documents", 0)
    errors = failed_requests + parse_errors + broken_archives
    return {
        "requests": stats.get("downloader/request_count", 0),
        "responses": responses,
        "responses_by_status": by_status,
        "retries": stats.get("retry/count", 0),
        "download_errors": download_errors,
        "failed_requests": failed_requests,
        "documents": stats.get("tenderflow/documents", 0),
        "skipped_documents": stats.get("tenderflow/skipped_documents", 0),
        # Notices of documents recognised by hash (stored already, not parsed again) count as seen.
        "items": stats.get("item_scraped_count", 0) + stats.get("tenderflow/notices_recognised", 0),
        "unchanged_documents": stats.get("tenderflow/documents_unchanged", 0),
        "new": stats.get("tenderflow/notices_new", 0),
        "updated": stats.get("tenderflow/notices_version", 0),
        "unchanged": stats.get("tenderflow/notices_unchanged", 0),
        "parse_errors": parse_errors,
        "broken_archives": broken_archives,
        "broken_archive_names": list(stats.get("tenderflow/broken_archive_names") or []),
        "queued": stats.get("tenderflow/attachments_queued"),
        "by_family": {
            family: stats.get(f"tenderflow/family/{family}", 0)
            for family in ("notice", "protocol", "contract", "execution", "cancellation", "ignored", "unknown")
        },
        "outcome_documents_new": stats.get("tenderflow/outcome_documents_new", 0),
        "outcomes_changed": stats.get("tenderflow/outcomes_changed", 0),
        "error_rate": round(errors / attempts, 4) if attempts else (1.0 if errors else 0.0),
    }


def judge_run(reason: str, figures: dict[str, Any], recent_items: list[int]) -> tuple[str, str | None]:
    """``complete`` / ``partial`` / ``failed`` and why (None when complete)."""
    if reason not in ("finished",):
        return "failed", f"прервано: {reason}"
    if figures["responses"] == 0 and figures["documents"] == 0 and figures.get("queued") != 0:
        # (a spider that found nothing to fetch says so with queued == 0: that is a complete run)
        return "failed", "источник не ответил ни на один запрос"
    if figures.get("broken_archives"):  # every document of an unreadable archive is missing, however few errors
        names = figures.get("broken_archive_names") or []
        more = ", …" if figures["broken_archives"] > len(names[:3]) else ""
        return "partial", f"повреждённые архивы ({figures['broken_archives']}): {', '.join(names[:3])}{more}"
    if figures["error_rate"] >= ERROR_RATE_PARTIAL:
        return "partial", f"доля ошибок {figures['error_rate']:.0%}"
    if len(recent_items) >= 3:
        usual = statistics.median(recent_items)
        if usual >= 10 and figures["items"] < usual * FEW_ITEMS_RATIO:
            return "partial", f"извещений {figures['items']} при обычных ~{usual:.0f}"
    return "complete", None


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
        figures = run_stats(self.crawler.stats.get_stats())
        with session_scope(self.engine) as session:
            runs = CrawlRunRepository(session)
            recent = runs.recent_complete_stats(spider.name, exclude=self.run_id)
            status, why = judge_run(reason, figures, [stats.get("items", 0) for stats in recent])
            close_reason = reason if why is None else f"{reason}: {why}"
            runs.finish(self.run_id, status, close_reason, figures)
        self.crawler.stats.set_value("tenderflow/run_status", status)
        self.crawler.stats.set_value("tenderflow/run_reason", close_reason)
        log.info("%s closed: reason=%s status=%s figures=%s", spider.name, reason, status, figures)


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
