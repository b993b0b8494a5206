"""Crawl windows on the real store (SQLite; PostgreSQL when reachable): retries, overlap, no gaps."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from store.db import init_db, session_scope
from store.windows import COMPLETE, FAILED, finish, history, plan

T0 = datetime(2026, 11, 1, tzinfo=UTC)
DAY = timedelta(days=1)


ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path: Path):
    if request.param == "sqlite":
        yield init_db(f"sqlite:///{tmp_path / 'w.db'}")
        return
    name = f"tf_windows_{uuid.uuid4().hex[:8]}"
    try:
        admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f"CREATE DATABASE {name}"))
    except Exception as error:
        pytest.skip(f"PostgreSQL unavailable: {error}")
    engine = init_db(f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}")
    yield engine
    engine.dispose()
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {name}"))
    admin.dispose()


def one_run(engine, now: datetime, outcome: str, since: datetime | None = None):
    with session_scope(engine) as session:
        windows = plan(session, "eis-search", "q", now=now, first_start=now - 3 * DAY, overlap=DAY, since=since)
    with session_scope(engine) as session:
        for window in windows:
            finish(session, window.id, outcome)
    return windows


def test_first_run_then_overlap_then_retry(engine) -> None:
    [first] = one_run(engine, T0, COMPLETE)
    assert (first.start, first.end) == (T0 - 3 * DAY, T0)  # first run looks back first_start
    [second] = one_run(engine, T0 + 2 * DAY, FAILED)
    assert second.start == T0 - DAY  # last completed end minus the overlap
    third = one_run(engine, T0 + 3 * DAY, COMPLETE)
    assert [(w.start, w.end, w.retry) for w in third] == [
        (T0 - DAY, T0 + 2 * DAY, True),  # the failed window comes back first
        (T0 + 2 * DAY - DAY, T0 + 3 * DAY, False),  # the new one starts after it (minus the overlap)
    ]
    with session_scope(engine) as session:
        assert [row.status for row in history(session, "eis-search", "q")] == [COMPLETE, COMPLETE, COMPLETE]
    forced = one_run(engine, T0 + 4 * DAY, COMPLETE, since=T0 - 10 * DAY)
    assert forced[0].start == T0 - 10 * DAY


def test_an_interrupted_run_leaves_running_windows_that_are_retried(engine) -> None:
    with session_scope(engine) as session:
        [killed] = plan(session, "ted", "k", now=T0, first_start=T0 - DAY, overlap=DAY)
    # the process died: nobody called finish()
    with session_scope(engine) as session:
        again = plan(session, "ted", "k", now=T0 + DAY, first_start=T0, overlap=DAY)
    assert again[0].id == killed.id and again[0].retry
    assert again[1].start == T0 - DAY  # after the interrupted window, minus the overlap
