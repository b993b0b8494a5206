"""Stored encodings: raw-document frames of every generation stay readable; prepared notices store the same
rows as records prepared by the writer itself."""

from __future__ import annotations

import pickle
import zlib

import lz4.frame
import orjson
from sqlalchemy import select

from crawlers.parsers import parse_document
from store.codec import JsonText, compress, decompress, json_dumps
from store.db import init_db, session_scope
from store.models import Notice, NoticeVersion, RawDocument
from store.notices import Incoming, NoticeRepository
from store.prepared import prepare, record_hash
from testing.eis_generator import generate_notices

DOCUMENT = "<?xml version='1.0'?><export>Поставка коммутаторов</export>".encode() * 50


def test_raw_documents_are_zstd_frames_and_older_frames_still_read() -> None:
    frame = compress(DOCUMENT)
    assert frame[:4] == b"\x28\xb5\x2f\xfd" and len(frame) < len(DOCUMENT) / 5
    assert decompress(frame) == DOCUMENT
    assert decompress(lz4.frame.compress(DOCUMENT)) == DOCUMENT  # stored by the LZ4 generation
    assert decompress(zlib.compress(DOCUMENT)) == DOCUMENT  # stored by the zlib generation


def test_json_text_passes_through_the_column_serialiser_unchanged() -> None:
    assert json_dumps(JsonText('{"a": 1}')) == '{"a": 1}'
    assert json_dumps('{"a": 1}') == '"{\\"a\\": 1}"'  # a plain string is a JSON string value


def test_prepared_notice_carries_the_contract_json_and_the_canonical_hash() -> None:
    name, data = next(generate_notices(1, seed=7))
    (record,) = parse_document(data, name)
    prepared = prepare(record, data, name)
    assert orjson.loads(decompress(prepared.record)) == record.model_dump(mode="json")
    assert prepared.record_hash == record_hash(record)
    assert prepared.key == (record.source, record.number) and prepared.version == record.version
    assert prepared.summary["nmck"] is not None and str(prepared.summary["nmck"]) == record.nmck
    assert prepared.raw is not None and decompress(prepared.raw.content) == data
    assert prepared.raw.size == len(data) and prepared.raw.name == name
    assert pickle.loads(pickle.dumps(prepared)) == prepared  # crosses process boundaries intact


def test_prepared_and_writer_prepared_batches_store_identical_rows(any_db_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    documents = list(generate_notices(12, seed=5))
    parsed = [(record, data, name) for name, data in documents for record in parse_document(data, name)]
    rows = []
    for variant in ("writer", "prepared"):
        url = any_db_url if variant == "writer" else f"sqlite:///{tmp_path}/prepared.db"
        engine = init_db(url)
        batch = [Incoming(r, d, n) if variant == "writer" else prepare(r, d, n) for r, d, n in parsed]
        with session_scope(engine) as session:
            outcomes = NoticeRepository(session).upsert_many(batch)
            again = NoticeRepository(session).upsert_many(batch)
        assert "new" in outcomes and set(again) == {"unchanged"}
        with session_scope(engine) as session:
            notices = session.execute(
                select(Notice.source, Notice.number, Notice.seq, Notice.record, Notice.record_hash, Notice.nmck,
                       Notice.deadline_at).order_by(Notice.number)
            ).all()
            versions = session.execute(
                select(NoticeVersion.seq, NoticeVersion.record_hash).order_by(NoticeVersion.record_hash)
            ).all()
            raw = session.execute(select(RawDocument.sha256, RawDocument.size).order_by(RawDocument.sha256)).all()
        rows.append((notices, versions, raw))
    assert rows[0] == rows[1]
    assert len(rows[0][2]) == len(documents)


def test_sqlite_keeps_records_compressed_and_still_reads_json_text_rows(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = init_db(f"sqlite:///{tmp_path}/records.db")
    name, data = next(generate_notices(1, seed=9))
    (record,) = parse_document(data, name)
    with session_scope(engine) as session:
        NoticeRepository(session).upsert(record, data, name)
    with engine.connect() as connection:
        stored = connection.exec_driver_sql("SELECT record FROM notices").scalar_one()
        assert isinstance(stored, bytes) and stored[:4] == b"\x28\xb5\x2f\xfd"
        assert len(stored) * 3 < len(record.to_json())
        # A row as the JSON-text generation wrote it:
        connection.exec_driver_sql("UPDATE notices SET record = ?", (record.to_json().decode(),))
        connection.commit()
    with session_scope(engine) as session:
        assert NoticeRepository(session).current(record.source, record.number) == record
        assert NoticeRepository(session).versions(record.source, record.number) == [record]
