"""Crawl runs (table ``crawl_runs``): one row per spider run with its figures, status and close reason.

Written by the crawl's health extension (``crawlers.extensions.CrawlHealth``), read by the digest's source
health (``digest.health``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store.models import CrawlRun, utcnow

COMPLETE = "complete"


@dataclass(frozen=True)
class RunRecord:
    """One stored run, detached from the session (times as stored: UTC, naive on SQLite)."""

    id: int
    source: str
    status: str
    started_at: datetime | None
    finished_at: datetime | None = None
    close_reason: str | None = None
    stats: dict[str, Any] = field(default_factory=dict)


def _record(run: CrawlRun) -> RunRecord:
    return RunRecord(run.id, run.source, run.status, run.started_at, run.finished_at, run.close_reason, run.stats or {})


class CrawlRunRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def start(self, source: str) -> int:
        """A new ``running`` run of ``source``; returns its id."""
        run = CrawlRun(source=source, status="running", stats={})
        self.session.add(run)
        self.session.flush()
        return run.id

    def recent_complete_stats(self, source: str, exclude: int | None = None, limit: int = 5) -> list[dict[str, Any]]:
        """The figures of the newest complete runs of ``source`` (newest first), without run ``exclude``."""
        query = select(CrawlRun.stats).where(CrawlRun.source == source, CrawlRun.status == COMPLETE)
        if exclude is not None:
            query = query.where(CrawlRun.id != exclude)
        return [stats or {} for stats in self.session.scalars(query.order_by(CrawlRun.id.desc()).limit(limit))]

    def finish(self, run_id: int, status: str, close_reason: str | None, stats: dict[str, Any]) -> None:
        """Close run ``run_id`` now with its status, reason and figures."""
        run = self.session.get(CrawlRun, run_id)
        if run is None:
            raise LookupError(f"crawl run {run_id} not found")
        run.finished_at = utcnow()
        run.status = status
        run.close_reason = close_reason
        run.stats = stats

    def sources(self) -> list[str]:
        """Every source that has ever run, by name."""
        return sorted(self.session.scalars(select(CrawlRun.source).distinct()))

    def recent(self, source: str, limit: int) -> list[RunRecord]:
        """The newest ``limit`` runs of ``source``, newest first."""
        query = (
            select(CrawlRun)
            .where(CrawlRun.source == source)
            .order_by(CrawlRun.started_at.desc(), CrawlRun.id.desc())
            .limit(limit)
        )
        return [_record(run) for run in self.session.scalars(query)]

    def last_success_at(self, source: str) -> datetime | None:
        """When the last complete run of ``source`` ended (its start when no end was stored)."""
        return self.session.scalar(
            select(func.max(func.coalesce(CrawlRun.finished_at, CrawlRun.started_at))).where(
                CrawlRun.source == source, CrawlRun.status == COMPLETE
            )
        )
