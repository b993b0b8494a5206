"""Incremental crawling without silent gaps, for spiders that query a source by date window.

A spider (a :class:`crawlers.spiders.base.WindowedSpider`, configured by class attributes) calls
:meth:`Windows.open` in ``start()`` for each saved query and crawls the windows it gets
(earlier failed or interrupted windows first, then the new one from the last completed window minus an
overlap). A request whose failure loses data calls :meth:`Windows.fail`. When the spider closes, every
window of a run that finished normally and saw no loss is marked complete; all others stay failed and are
retried by the next run. The bookkeeping lives in :mod:`store.windows` (table ``crawl_windows``).
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta
from typing import Any

from scrapy import Spider, signals

from store.db import database_url, make_engine, session_scope
from store.windows import COMPLETE, FAILED, Window, finish, plan

DEFAULT_FIRST_DAYS = 3
DEFAULT_OVERLAP = timedelta(days=1)


def query_key(params: dict[str, Any]) -> str:
    """A stable key for a saved query: its name if it has one, else a hash of its parameters."""
    if params.get("name"):
        return str(params["name"])[:200]
    canonical = json.dumps({k: v for k, v in params.items() if v not in (None, "", [])}, sort_keys=True)
    return "q-" + hashlib.sha256(canonical.encode()).hexdigest()[:16]


def parse_since(value: str | None) -> datetime | None:
    """``--since 2026-11-01`` (or a full ISO timestamp) as an aware datetime."""
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class Windows:
    """The windows of one spider run, across its saved queries."""

    def __init__(
        self,
        spider: Spider,
        *,
        since: str | None = None,
        first_days: int = DEFAULT_FIRST_DAYS,
        overlap: timedelta = DEFAULT_OVERLAP,
    ) -> None:
        self.spider = spider
        self.since = parse_since(since)
        self.first_days = first_days
        self.overlap = overlap
        self.opened: list[Window] = []
        self.failed: set[int] = set()
        self.engine = None

    def open(self, key: str, now: datetime | None = None) -> list[Window]:
        if self.engine is None:
            self.engine = make_engine(database_url(self.spider.settings.get("TENDERFLOW_DB")))
            self.spider.crawler.signals.connect(self.close, signal=signals.spider_closed)
        now = now or datetime.now(UTC)
        with session_scope(self.engine) as session:
            windows = plan(
                session,
                self.spider.name,
                key,
                now=now,
                first_start=now - timedelta(days=self.first_days),
                overlap=self.overlap,
                since=self.since,
                run_id=getattr(self.spider, "crawl_run_id", None),
            )
        self.opened.extend(windows)
        retried = [w for w in windows if w.retry]
        if retried:
            self.spider.logger.info("%s: повтор незавершённых окон: %d", key, len(retried))
        return windows

    def fail(self, window_id: int | None) -> None:
        if window_id is not None:
            self.failed.add(window_id)

    def close(self, spider: Spider, reason: str) -> None:
        if self.engine is None:
            return
        with session_scope(self.engine) as session:
            for window in self.opened:
                ok = reason == "finished" and window.id not in self.failed
                finish(session, window.id, COMPLETE if ok else FAILED)
