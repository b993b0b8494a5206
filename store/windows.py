"""Crawl windows: which time spans of a source (and saved query) were completed, so no span is silently skipped.

A run asks :func:`plan` for its windows: every earlier window that did not complete (failed, or left
``running`` by a killed process) is retried first, then one new window from the end of the last completed
window (minus an overlap, so late-published or re-published notices are seen again; the notice store's
content-hash upsert makes the overlap free of duplicates) up to now. The run marks each window ``complete``
or ``failed`` with :func:`finish`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store.models import CrawlWindow

RUNNING, COMPLETE, FAILED = "running", "complete", "failed"


@dataclass(frozen=True)
class Window:
    id: int
    start: datetime
    end: datetime
    retry: bool = False
    """True when this window failed (or was interrupted) in an earlier run."""


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def last_complete_end(session: Session, source: str, query_key: str) -> datetime | None:
    end = session.scalar(
        select(func.max(CrawlWindow.window_end)).where(
            CrawlWindow.source == source, CrawlWindow.query_key == query_key, CrawlWindow.status == COMPLETE
        )
    )
    return _aware(end) if end else None


def plan(
    session: Session,
    source: str,
    query_key: str,
    *,
    now: datetime,
    first_start: datetime,
    overlap: timedelta,
    since: datetime | None = None,
    run_id: int | None = None,
) -> list[Window]:
    """The windows this run must crawl, recorded as ``running``; ``since`` forces the new window's start."""
    windows: list[Window] = []
    unfinished = session.scalars(
        select(CrawlWindow)
        .where(CrawlWindow.source == source, CrawlWindow.query_key == query_key, CrawlWindow.status != COMPLETE)
        .order_by(CrawlWindow.window_start)
    ).all()
    for row in unfinished:
        row.status, row.run_id = RUNNING, run_id
        windows.append(Window(row.id, _aware(row.window_start), _aware(row.window_end), retry=True))
    # Retried windows are crawled anyway: the new window only needs to start where the latest of them (or the
    # last completed one) ended, minus the overlap.
    ends = [e for e in [last_complete_end(session, source, query_key), *(w.end for w in windows)] if e]
    start = since or (max(ends) - overlap if ends else first_start)
    start = min(_aware(start), now)
    row = CrawlWindow(
        source=source, query_key=query_key, window_start=start, window_end=now, status=RUNNING, run_id=run_id
    )
    session.add(row)
    session.flush()
    windows.append(Window(row.id, start, now))
    return windows


def finish(session: Session, window_id: int, status: str) -> None:
    row = session.get(CrawlWindow, window_id)
    if row is not None:
        row.status = status


def history(session: Session, source: str, query_key: str | None = None) -> list[CrawlWindow]:
    query = select(CrawlWindow).where(CrawlWindow.source == source)
    if query_key is not None:
        query = query.where(CrawlWindow.query_key == query_key)
    return list(session.scalars(query.order_by(CrawlWindow.id)))
