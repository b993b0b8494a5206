"""Run spiders in this process (``tenderflow crawl``, ``nightly``, ``demo``) with the project's settings."""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawlers.health import CrawlResult, run_stats
from crawlers.spiders import SPIDERS

__all__ = ["CrawlResult", "crawl_settings", "run_crawls", "spider_names"]

CRAWL_GC_THRESHOLD = 5_000
"""The collector's first-generation threshold while spiders run (Python's default: 700)."""


def crawl_settings(db_url: str, overrides: dict[str, Any] | None = None) -> Settings:
    settings = Settings()
    settings.setmodule("crawlers.settings", priority="project")
    settings.set("TENDERFLOW_DB", db_url, priority="cmdline")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def spider_names() -> list[str]:
    return sorted(SPIDERS)


@contextmanager
def crawl_collector() -> Iterator[None]:
    """The cyclic garbage collector while spiders run: what start-up loaded (modules, Scrapy's engine, the
    store's metadata, hundreds of thousands of objects that live until the process ends) is frozen out of its
    collections (``gc.freeze``), and the young generation is collected every 5,000 allocations instead of 700.
    A crawl allocates results and rows in batches that live until written; without this the crawler process of
    an outcome crawl ran ~340 collections per 10,000 documents (~0.28 s of CPU, two thirds of it in the few full
    collections, which walked every loaded module's objects). Restored after the crawl (``tenderflow nightly``
    goes on matching in the same process); objects a caller froze before stay frozen."""
    threshold, frozen_before = gc.get_threshold(), gc.get_freeze_count()
    gc.freeze()
    gc.set_threshold(CRAWL_GC_THRESHOLD, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        if not frozen_before:  # what a caller froze before stays frozen with the rest
            gc.unfreeze()


def run_crawls(
    jobs: list[tuple[str, dict[str, Any]]], db_url: str, overrides: dict[str, Any] | None = None
) -> list[CrawlResult]:
    """Run each ``(spider name, spider arguments)`` job (concurrently, in one reactor) and report.

    The caller migrates the store first (``store.db.init_db``), as every command does at its start."""
    # Tenderflow's own logging (tenderflow.console.setup_logging) keeps Scrapy's records in the log file.
    # The commands that call this (crawl, nightly, demo) migrated the store at their start.
    base = {"LOG_INSTALL_ROOT_HANDLER": False, "TENDERFLOW_SCHEMA_READY": True}
    settings = crawl_settings(db_url, {**base, **(overrides or {})})
    root_level = logging.root.level
    process = CrawlerProcess(settings)
    logging.root.setLevel(root_level)  # Scrapy resets it to NOTSET, which would format every DEBUG record
    # ... and sets its own loggers to DEBUG: a "Scraped from" record per item (0.1-0.2 ms each, in the process
    # that writes the store) would reach the log file. They follow the chosen level (-v: DEBUG) like the rest.
    logging.getLogger("scrapy").setLevel(root_level)
    crawlers = []
    for name, arguments in jobs:
        crawler = process.create_crawler(name)
        process.crawl(crawler, **arguments)
        crawlers.append((name, crawler))
    with crawl_collector():
        process.start()
    results = []
    for name, crawler in crawlers:
        stats = crawler.stats.get_stats()
        results.append(
            CrawlResult(
                source=name,
                status=stats.get("tenderflow/run_status", "failed"),
                reason=stats.get("tenderflow/run_reason") or stats.get("finish_reason") or "не запустился",
                figures=run_stats(stats),
            )
        )
    return results
