"""Pipeline fixtures: a database with a few notices (records written by the tests, contract 4.1 shape)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from store.db import init_db, session_scope
from store.notices import NoticeRepository
from tests.digest.records import notice_record

NUMBERS = ("0373100000126000001", "0373100000126000002", "0373100000126000003")


@pytest.fixture
def pipeline_db(any_db_url: str) -> Iterator[object]:
    """An engine on SQLite and on PostgreSQL in turn, holding three notices."""
    engine = init_db(any_db_url)
    with session_scope(engine) as session:
        repository = NoticeRepository(session)
        for index, number in enumerate(NUMBERS):
            repository.upsert(notice_record(number, nmck=f"{(index + 1) * 100000}.00"))
    yield engine
    engine.dispose()
