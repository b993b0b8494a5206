"""Crawl runs through their repository (SQLite and PostgreSQL): a run starts, finishes with its figures, and the
digest's source health reads the newest runs and the last success."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from store.crawl_runs import CrawlRunRepository
from store.db import init_db, session_scope
from tests.digest.records import add_run


@pytest.fixture
def engine(any_db_url):
    return init_db(any_db_url)


def _naive_utc(moment: datetime | None) -> datetime | None:
    """PostgreSQL hands timestamps back aware, SQLite naive (both UTC)."""
    return moment.astimezone(UTC).replace(tzinfo=None) if moment and moment.tzinfo else moment


def test_a_run_starts_running_and_finishes_with_its_figures(engine):
    with session_scope(engine) as session:
        runs = CrawlRunRepository(session)
        earlier = runs.start("ocds")
        runs.finish(earlier, "complete", "finished", {"items": 40})
        current = runs.start("ocds")
        assert runs.recent("ocds", 5)[0].status == "running"
    with session_scope(engine) as session:
        runs = CrawlRunRepository(session)
        assert runs.recent_complete_stats("ocds", exclude=current) == [{"items": 40}]
        runs.finish(current, "partial", "finished: доля ошибок 20%", {"items": 3, "error_rate": 0.2})
    with session_scope(engine) as session:
        newest = CrawlRunRepository(session).recent("ocds", 5)
    assert [(run.id, run.status) for run in newest] == [(current, "partial"), (earlier, "complete")]
    assert newest[0].close_reason == "finished: доля ошибок 20%" and newest[0].stats["items"] == 3
    assert newest[0].finished_at is not None
    with session_scope(engine) as session, pytest.raises(LookupError):
        CrawlRunRepository(session).finish(current + 100, "complete", None, {})


def test_sources_newest_runs_and_last_success(engine):
    now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    with session_scope(engine) as session:
        add_run(session, "ted", now - timedelta(days=2), "complete", 80)
        add_run(session, "ted", now - timedelta(hours=5), "failed", 0)
        add_run(session, "eis44", now - timedelta(hours=3), "complete", 400)
    with session_scope(engine) as session:
        runs = CrawlRunRepository(session)
        assert runs.sources() == ["eis44", "ted"]
        assert [run.status for run in runs.recent("ted", 1)] == ["failed"]
        assert [run.status for run in runs.recent("ted", 5)] == ["failed", "complete"]
        assert runs.recent_complete_stats("ted")[0]["items"] == 80
        last = runs.last_success_at("ted")
        assert runs.last_success_at("nowhere") is None
    assert _naive_utc(last) == _naive_utc(now - timedelta(days=2))
