"""Data migrations keep what is stored meaning the same thing, on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib

import orjson
from sqlalchemy import Engine, inspect, select, update

from store.db import MIGRATIONS_DIR, at_head, head_revision, init_db, session_scope
from store.models import Notice, NoticeVersion
from store.notices import Incoming, NoticeRepository
from store.prepared import record_hash
from store.schema import NoticeRecord
from tests.store.test_notices import make_record


def _key_sorted_hash(record: NoticeRecord) -> str:
    """How revision 0001 hashed records."""
    return hashlib.sha256(orjson.dumps(record.to_json_dict(), option=orjson.OPT_SORT_KEYS)).hexdigest()


def test_0002_rehashes_records_so_reingesting_changes_nothing(any_db_url: str) -> None:
    v1, v2, other = make_record("M1", 1), make_record("M1", 2, nmck="7"), make_record("M2")
    engine = init_db(any_db_url, revision="0001")
    with session_scope(engine) as session:
        NoticeRepository(session).upsert_many([Incoming(v1, b"<v1/>"), Incoming(v2, b"<v2/>"), Incoming(other)])
    with session_scope(engine) as session:  # the hashes revision 0001 wrote
        for table in (Notice, NoticeVersion):
            for row_id, record in session.execute(select(table.id, table.record)).all():
                old = _key_sorted_hash(NoticeRecord.model_validate(record))
                session.execute(update(table).where(table.id == row_id).values(record_hash=old))

    init_db(any_db_url)  # 0001 -> head

    with session_scope(engine) as session:
        stored = session.execute(select(NoticeVersion.record, NoticeVersion.record_hash)).all()
        assert sorted(hash_ for _, hash_ in stored) == sorted(record_hash(r) for r in (v1, v2, other))
        assert all(record_hash(NoticeRecord.model_validate(record)) == hash_ for record, hash_ in stored)
        current = dict(session.execute(select(Notice.number, Notice.record_hash)).all())
        assert current == {"M1": record_hash(v2), "M2": record_hash(other)}
    with session_scope(engine) as session:
        assert NoticeRepository(session).upsert_many([Incoming(v1), Incoming(v2), Incoming(other)]) == ["unchanged"] * 3
        assert len(session.execute(select(NoticeVersion.id)).all()) == 3


def test_record_hash_is_over_the_contract_json_text() -> None:
    record = make_record("M3")
    assert record_hash(record) == hashlib.sha256(record.to_json()).hexdigest() == record_hash(record.to_json())
    assert record_hash(make_record("M3", nmck="8")) != record_hash(record)
    # the same record however it was built: from the parser's dict or from the stored JSON
    assert record_hash(NoticeRecord.model_validate(orjson.loads(record.to_json()))) == record_hash(record)


def test_head_revision_is_alembics_head() -> None:
    """``init_db`` recognises a database at the newest schema without loading Alembic: the head it reads from
    the version files is the one Alembic computes."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert head_revision() == ScriptDirectory.from_config(config).get_current_head()


def test_0008_indexes_the_raw_document_of_notice_versions(any_db_url: str) -> None:
    engine = init_db(any_db_url, revision="0006")
    with session_scope(engine) as session:
        NoticeRepository(session).upsert_many([Incoming(make_record("R1"), b"<r1/>")])
    assert "ix_notice_versions_raw_document" not in _indexes(engine, "notice_versions")

    assert not at_head(engine)
    init_db(any_db_url)  # 0006 -> head

    assert at_head(engine)
    assert "ix_notice_versions_raw_document" in _indexes(engine, "notice_versions")
    with session_scope(engine) as session:
        known = NoticeRepository(session).known_documents([hashlib.sha256(b"<r1/>").hexdigest(), "0" * 64])
    assert known == {hashlib.sha256(b"<r1/>").hexdigest(): 1}
    if engine.dialect.name == "sqlite":  # the lookup's join uses it (PostgreSQL's plan depends on its statistics)
        with engine.connect() as connection:
            plan = " ".join(
                str(row[-1])
                for row in connection.exec_driver_sql(
                    "EXPLAIN QUERY PLAN SELECT raw_documents.sha256, count(notice_versions.id) FROM raw_documents "
                    "JOIN notice_versions ON notice_versions.raw_document_id = raw_documents.id "
                    "WHERE raw_documents.sha256 IN ('a', 'b') GROUP BY raw_documents.sha256"
                )
            )
        assert "ix_notice_versions_raw_document" in plan, plan


def _indexes(engine: Engine, table: str) -> set[str]:
    return {index["name"] for index in inspect(engine).get_indexes(table)}
