"""The "possible" state through the store on SQLite and PostgreSQL: written by ``tenderflow match``, counted
in its summary, read back into contract 4.3; migration 0009 adds it and makes the stored matches stale."""

from __future__ import annotations

import json

from sqlalchemy import select, text

from matching.export import export_matches
from matching.pipeline import run_matching
from store.catalogue import CatalogueRepository
from store.db import init_db, session_scope
from store.matches import MatchRepository
from store.models import Notice, NoticeMatch
from store.notices import NoticeRepository
from tests.matching.test_possible import CATALOGUE, SWITCH, UPS, notice
from tests.store.test_notices import make_record


def test_match_stores_counts_and_exports_the_possible_state(any_db_url, tmp_path):
    engine = init_db(any_db_url)
    with session_scope(engine) as session:
        CatalogueRepository(session).import_products(CATALOGUE)
        repository = NoticeRepository(session)
        repository.upsert(notice("0100000000126000001", SWITCH))  # possible
        repository.upsert(notice("0100000000126000002", {**UPS, "sum": "90000"}, SWITCH))  # relevant
    summary = run_matching(engine)
    assert (summary.matched, summary.relevant, summary.possible) == (2, 1, 1)
    with session_scope(engine) as session:
        stored = MatchRepository(session).rows()
        states = {row.notice_number: (row.notice_relevant, row.notice_possible) for row in stored}
        export_matches(session, "jsonl", tmp_path / "m.jsonl")
    assert states == {"0100000000126000001": (False, True), "0100000000126000002": (True, False)}
    exported = [json.loads(line) for line in (tmp_path / "m.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {(r["notice_number"], r["notice_possible"]) for r in exported} == {
        ("0100000000126000001", True), ("0100000000126000002", False)}  # fmt: skip


def test_0009_adds_possible_and_makes_stored_matches_stale(any_db_url):
    engine = init_db(any_db_url, revision="0008")
    with session_scope(engine) as session:
        NoticeRepository(session).upsert(make_record("M9"))
        notice_id = session.scalar(select(Notice.id))
        session.execute(
            text(
                "INSERT INTO notice_matches (notice_id, notice_seq, score, relevant, explanation, catalogue_hash, "
                "matched_at) VALUES (:id, 1, 70, :yes, '{}', 'h', CURRENT_TIMESTAMP)"
            ),
            {"id": notice_id, "yes": True},
        )
    with session_scope(engine) as session:
        assert MatchRepository(session).pending("h") == []

    init_db(any_db_url)  # 0008 -> head

    with session_scope(engine) as session:
        stored = session.get(NoticeMatch, notice_id)
        assert stored is not None and stored.relevant and stored.possible is False
        assert MatchRepository(session).pending("h") == [notice_id]  # scored again by the new rules
