"""The notice store on SQLite and PostgreSQL: versions, raw documents, idempotence, concurrent writers."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from store.codec import decompress
from store.db import SQLITE_PAGE_SIZE, init_db, session_scope
from store.models import Notice, NoticeVersion, RawDocument
from store.notices import Incoming, NoticeRepository
from store.schema import Characteristic, Item, NoticeRecord, Security


def make_record(
    number: str, version: int | None = 1, nmck: str = "1000.00", title: str = "Поставка ПК"
) -> NoticeRecord:
    return NoticeRecord(
        source="eis44", number=number, version=version, law="44-FZ", title=title, nmck=nmck, currency="RUB",
        published_at="2025-10-17T10:00:00+03:00", deadline_at="2025-10-27T09:00:00+03:00",
        application_security=Security(amount="10.00", percent="1"),
        items=[
            Item(index=1, name="Системный блок", okpd2="26.20.15.000", quantity="3", unit="Штука",
                 characteristics=[Characteristic(name="Объем ОЗУ", kind="range", unit="Гигабайт", min="16",
                                                 min_inclusive=True)])
        ],
    )


def test_upsert_keeps_versions_and_raw_documents(any_db_url: str) -> None:
    engine = init_db(any_db_url)
    v1, v2 = make_record("0173200002625000220"), make_record("0173200002625000220", version=2, nmck="900.00")
    with session_scope(engine) as session:
        repo = NoticeRepository(session)
        assert repo.upsert(v1, b"<v1/>", "v1.xml") == "new"
        assert repo.upsert(v2, b"<v2/>", "v2.xml") == "version"
        assert repo.upsert(v1, b"<v1/>", "v1.xml") == "unchanged"  # an old version re-ingested changes nothing
    with session_scope(engine) as session:
        repo = NoticeRepository(session)
        current = repo.current("eis44", "0173200002625000220")
        assert current is not None and current.version == 2 and current.nmck == "900.00"
        assert [record.version for record in repo.versions("eis44", "0173200002625000220")] == [1, 2]
        raw = session.scalars(select(RawDocument).order_by(RawDocument.id)).all()
        assert [decompress(document.content) for document in raw] == [b"<v1/>", b"<v2/>"]
        notice = session.scalar(select(Notice))
        assert notice.seq == 2 and str(notice.nmck) == "900.00"
        assert notice.deadline_at is not None and notice.deadline_at.utcoffset() is not None


def test_an_older_version_arriving_late_does_not_replace_the_current_one(any_db_url: str) -> None:
    engine = init_db(any_db_url)
    with session_scope(engine) as session:
        repo = NoticeRepository(session)
        assert repo.upsert(make_record("N1", version=3, nmck="300")) == "new"
        assert repo.upsert(make_record("N1", version=2, nmck="200")) == "version"
        assert repo.current("eis44", "N1").nmck == "300"
        assert len(repo.versions("eis44", "N1")) == 2


def test_batch_with_two_versions_of_one_notice(any_db_url: str) -> None:
    engine = init_db(any_db_url)
    batch = [Incoming(make_record("N2", 1)), Incoming(make_record("N2", 2, nmck="5")), Incoming(make_record("N3"))]
    with session_scope(engine) as session:
        assert NoticeRepository(session).upsert_many(batch) == ["new", "version", "new"]
    with session_scope(engine) as session:
        assert NoticeRepository(session).upsert_many(batch) == ["unchanged"] * 3
        assert session.scalar(select(func.count()).select_from(NoticeVersion)) == 3


def test_init_db_upgrades_an_existing_database_without_loss(any_db_url: str) -> None:
    engine = init_db(any_db_url)
    with session_scope(engine) as session:
        NoticeRepository(session).upsert(make_record("N4"))
    engine = init_db(any_db_url)
    with session_scope(engine) as session:
        assert NoticeRepository(session).count() == 1


def _writer(url: str, numbers: list[str], batch: int) -> None:
    engine = init_db(url)
    for start in range(0, len(numbers), batch):
        with session_scope(engine) as session:
            NoticeRepository(session).upsert_many(
                [Incoming(make_record(number), f"<{number}/>".encode()) for number in numbers[start : start + batch]]
            )


@pytest.mark.parametrize("batch", [1, 25])
def test_two_concurrent_writers_lose_nothing_and_duplicate_nothing(any_db_url: str, batch: int) -> None:
    init_db(any_db_url)
    first = [f"A{i:04d}" for i in range(0, 300)]
    second = [f"A{i:04d}" for i in range(150, 450)]  # half overlaps with the first writer
    context = multiprocessing.get_context("spawn")
    processes = [context.Process(target=_writer, args=(any_db_url, numbers, batch)) for numbers in (first, second)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(120)
        assert process.exitcode == 0
    engine = init_db(any_db_url)
    with session_scope(engine) as session:
        assert session.scalar(select(func.count()).select_from(Notice)) == 450
        assert session.scalar(select(func.count()).select_from(NoticeVersion)) == 450
        assert session.scalar(select(func.count()).select_from(RawDocument)) == 450


def _init(url: str) -> None:
    init_db(url)


def test_concurrent_init_on_a_fresh_database(any_db_url: str) -> None:
    context = multiprocessing.get_context("spawn")
    processes = [context.Process(target=_init, args=(any_db_url,)) for _ in range(3)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(60)
    assert [process.exitcode for process in processes] == [0, 0, 0]


def test_new_sqlite_database_uses_wal_and_large_pages(tmp_path: Path) -> None:
    engine = init_db(f"sqlite:///{tmp_path}/new.db")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA page_size").scalar() == SQLITE_PAGE_SIZE


def test_existing_sqlite_database_keeps_its_page_size(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as old:  # a database created before the page size was raised
        old.execute("PRAGMA page_size=4096")
        old.execute("CREATE TABLE earlier (x)")
    engine = init_db(f"sqlite:///{path}")
    with session_scope(engine) as session:
        NoticeRepository(session).upsert(make_record("N9"), b"<N9/>")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA page_size").scalar() == 4096
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    with session_scope(engine) as session:
        assert NoticeRepository(session).count() == 1
