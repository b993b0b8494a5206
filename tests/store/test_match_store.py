"""Candidate rows through the store on SQLite and PostgreSQL: written in bulk (the driver's executemany on SQLite,
binary ``COPY`` on PostgreSQL), each explanation kept as the worker's zstd frame, read back unchanged by every
reader (contract 4.3 rows, ``candidate_explanation``, ``candidates``); migration 0010 keeps earlier rows readable."""

from __future__ import annotations

from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import inspect, select, text

from store.codec import json_dumps, json_frame
from store.db import MIGRATIONS_DIR, init_db, session_scope
from store.matches import MatchRepository, NoticeMatchData
from store.models import Notice
from store.notices import NoticeRepository
from store.schema import MatchRow
from tests.store.test_notices import make_record

ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
AWKWARD = 'кавычки " и \\ обратная черта,\tтабуляция\nи перевод строки; NUL-free «ёлочки» 𝔘'


def explanation(item: int, sku: str) -> dict[str, Any]:
    return {
        "item_name": f"Коммутатор {item} {AWKWARD}", "product_name": f"Товар {sku}",
        "reasons": [f"ОКПД2 совпадает ({sku})", AWKWARD], "regime": None, "score": {"name_similarity": 0.875},
        "requirements": [{"name": "Количество портов", "required": "≥ 24", "status": "yes", "offered": "28"}],
    }  # fmt: skip


SKUS = ["SW-24P", 'ДЛ-1 "кавычки"', "tab\tback\\slash"]


def stored_notices(engine: Any) -> dict[str, int]:
    with session_scope(engine) as session:
        NoticeRepository(session).upsert(make_record("N1"))
        NoticeRepository(session).upsert(make_record("N2"))
        return {number: notice_id for number, notice_id in session.execute(select(Notice.number, Notice.id))}


def result(notice_id: int, items: int, score: int) -> NoticeMatchData:
    candidates = [
        (item, rank, sku, score - rank, "unknown" if rank > 1 else "yes", [AWKWARD] if rank == 3 else [],
         ["Объём ОЗУ", AWKWARD] if rank > 1 else [], json_frame(explanation(item, sku)))
        for item in range(1, items + 1) for rank, sku in enumerate(SKUS, start=1)
    ]  # fmt: skip
    return NoticeMatchData(notice_id, 1, score, True, {"reasons": [AWKWARD]}, candidates)


def expected_rows(number: str, items: int, score: int, top: int) -> list[MatchRow]:
    return [
        MatchRow(
            notice_number=number, notice_score=score, notice_relevant=True, notice_possible=False, item_index=item,
            item_name=f"Коммутатор {item} {AWKWARD}", rank=rank, sku=sku, product_name=f"Товар {sku}",
            score=score - rank, compliant="unknown" if rank > 1 else "yes", failed=[AWKWARD] if rank == 3 else [],
            unknown=["Объём ОЗУ", AWKWARD] if rank > 1 else [], reasons=[f"ОКПД2 совпадает ({sku})", AWKWARD],
        )
        for item in range(1, items + 1) for rank, sku in enumerate(SKUS, start=1) if rank <= top
    ]  # fmt: skip


def test_candidate_rows_and_explanations_read_back_as_written(any_db_url: str) -> None:
    engine = init_db(any_db_url)
    ids = stored_notices(engine)
    with session_scope(engine) as session:
        MatchRepository(session).save([result(ids["N1"], 2, 90), result(ids["N2"], 1, 50)], "h")
    with session_scope(engine) as session:  # N1 matched again: its rows are replaced, N2's kept
        MatchRepository(session).save([result(ids["N1"], 1, 80)], "h")

    with session_scope(engine) as session:
        repository = MatchRepository(session)
        assert list(repository.rows(top=10)) == expected_rows("N1", 1, 80, 10) + expected_rows("N2", 1, 50, 10)
        assert list(repository.rows(top=2)) == expected_rows("N1", 1, 80, 2) + expected_rows("N2", 1, 50, 2)
        for sku in SKUS:
            assert repository.candidate_explanation("N1", 1, sku) == explanation(1, sku)
        assert repository.candidate_explanation("N1", 2, SKUS[0]) is None  # the first match's second line is gone
        candidates = repository.candidates(ids["N2"])
        assert [(c.item_index, c.rank, c.sku, c.explanation) for c in candidates] == [
            (1, rank, sku, explanation(1, sku)) for rank, sku in enumerate(SKUS, start=1)
        ]
        assert candidates[2].failed == [AWKWARD] and candidates[2].unknown == ["Объём ОЗУ", AWKWARD]
        assert repository.notice_match(ids["N1"]).explanation == {"reasons": [AWKWARD]}
    with engine.connect() as connection:  # each explanation is the worker's frame, stored as is
        stored = connection.execute(text("SELECT sku, explanation FROM matches ORDER BY id")).all()
    assert len(stored) == 6
    assert all(bytes(blob) == json_frame(explanation(1, sku)) and blob[:4] == ZSTD_MAGIC for sku, blob in stored)


def _alembic(connection: Any) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def test_0010_keeps_stored_explanations_readable(any_db_url: str) -> None:
    """Rows written under 0009 (JSONB on PostgreSQL; a zstd frame or JSON text on SQLite) read the same after
    0010, next to rows written since; on PostgreSQL the column becomes bytea, and a downgrade gives JSONB back."""
    engine = init_db(any_db_url, revision="0009")
    ids = stored_notices(engine)
    postgresql = engine.dialect.name == "postgresql"
    old = {sku: explanation(1, sku) for sku in SKUS}
    with engine.begin() as connection:
        for rank, sku in enumerate(SKUS, start=1):
            value: Any = json_dumps(old[sku])
            if not postgresql and rank > 1:
                value = json_frame(old[sku])  # SQLite since RecordJSON; rank 1: JSON text, as before it
            connection.execute(
                text(
                    "INSERT INTO matches (notice_id, notice_seq, item_index, rank, sku, score, compliant, failed, "
                    f"unknown, explanation) VALUES (:id, 1, 1, :rank, :sku, 70, 'yes', '[]', '[]', "
                    f"{'CAST(:e AS jsonb)' if postgresql else ':e'})"
                ),
                {"id": ids["N1"], "rank": rank, "sku": sku, "e": value},
            )
        connection.execute(
            text(
                "INSERT INTO notice_matches (notice_id, notice_seq, score, relevant, possible, explanation, "
                "catalogue_hash, matched_at) VALUES (:id, 1, 70, :yes, :no, '{}', 'h', CURRENT_TIMESTAMP)"
            ),
            {"id": ids["N1"], "yes": True, "no": False},
        )

    init_db(any_db_url)  # 0009 -> head

    if postgresql:
        (column,) = [c for c in inspect(engine).get_columns("matches") if c["name"] == "explanation"]
        assert column["type"].python_type is bytes
    with session_scope(engine) as session:
        MatchRepository(session).save([result(ids["N2"], 1, 50)], "h")
    with session_scope(engine) as session:
        repository = MatchRepository(session)
        assert {sku: repository.candidate_explanation("N1", 1, sku) for sku in SKUS} == old
        assert [r.reasons for r in repository.rows(top=10) if r.notice_number == "N1"] == [
            old[sku]["reasons"] for sku in SKUS
        ]
        assert [c.explanation for c in repository.candidates(ids["N2"])] == [explanation(1, sku) for sku in SKUS]

    if not postgresql:
        return
    with engine.begin() as connection:
        command.downgrade(_alembic(connection), "0009")
    with engine.connect() as connection:
        back = connection.execute(text("SELECT notice_id, sku, explanation FROM matches ORDER BY id")).all()
    assert [(n, e) for n, _, e in back] == [(ids["N1"], old[sku]) for sku in SKUS] + [
        (ids["N2"], explanation(1, sku)) for sku in SKUS
    ]
    init_db(any_db_url)  # and up again


@pytest.mark.parametrize("value", [{"a": 1}, [1, "ё"], {}])
def test_unpack_json_reads_frames_and_text(value: Any) -> None:
    from store.codec import unpack_json

    assert unpack_json(json_frame(value)) == unpack_json(json_dumps(value)) == value
    assert unpack_json(json_dumps(value).encode()) == value  # bytes of JSON text (PostgreSQL rows before 0010)
