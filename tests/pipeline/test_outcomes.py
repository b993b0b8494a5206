"""Outcome records (contract 4.5 shape, built here) move stages by themselves, never over a closed decision."""

from __future__ import annotations

from typing import Any

from pipeline.outcomes import apply_outcomes
from pipeline.review import Actor, Change, review
from store.db import session_scope
from store.pipeline import PipelineRepository
from tests.pipeline.conftest import NUMBERS

COMPANY_INN = "7712345678"


def outcome(number: str, kind: str, winner_inn: str | None = None, price: str | None = None) -> dict[str, Any]:
    winner = {"name": "ООО «Победитель»", "inn": winner_inn, "price": price, "currency": "RUB"} if winner_inn else None
    return {
        "notice_number": number, "law": "44-FZ", "outcome": kind, "outcome_reason": None,
        "decided_at": "2026-12-01", "nmck": "100000.00",
        "participants": [{"name": "ООО «Победитель»", "inn": winner_inn, "offer": price, "admitted": True,
                          "place": 1}] if winner_inn else [],
        "winner": winner, "discount_percent": None, "contract": None,
        "documents": [{"kind": "protocol", "number": "П1", "published_at": "2026-12-01T10:00:00+03:00"}],
    }


def _state(engine, number: str) -> tuple[Any, ...]:
    with session_scope(engine) as session:
        repository = PipelineRepository(session)
        entry = repository.entry(repository.tender(number).notice_id)
        events = [(e.field, e.to_value, e.source) for e in repository.events(entry) if e.source == "system"]
        return entry.stage, entry.loss_reason, entry.winning_price, entry.assignee, events


def test_win_loss_and_cancellation_move_open_stages(pipeline_db) -> None:
    with session_scope(pipeline_db) as session:
        for number in NUMBERS:
            review(session, number, Change(stage="submitted", assignee="olga"), Actor("olga", "cli"))
    records = [
        outcome(NUMBERS[0], "awarded", "7712345678", "90000.00"),
        outcome(NUMBERS[1], "contracted", "5009876543", "81000.50"),
        outcome(NUMBERS[2], "cancelled"),
        outcome("0999", "cancelled"),  # a tender nobody looked at stays out of the pipeline
    ]
    with session_scope(pipeline_db) as session:
        summary = apply_outcomes(session, records, COMPANY_INN)
    assert (summary.moved, summary.not_in_pipeline) == (3, 1)
    won, lost, cancelled = (_state(pipeline_db, number) for number in NUMBERS)
    assert won[:3] == ("won", None, 90000) and won[3] == "olga"
    assert lost[:3] == ("lost", "price", 81000.5)
    assert ("loss_reason", "price", "system") in lost[4] and ("stage", "lost", "system") in lost[4]
    assert cancelled[0] == "cancelled"
    with session_scope(pipeline_db) as session:  # the same records again change nothing
        again = apply_outcomes(session, records, COMPANY_INN)
    assert again.moved == 0 and _state(pipeline_db, NUMBERS[1])[4] == lost[4]


def test_a_closed_decision_is_never_overwritten(pipeline_db) -> None:
    with session_scope(pipeline_db) as session:
        review(session, NUMBERS[0], Change(stage="declined", comment="не наш профиль"), Actor("olga", "cli"))
        review(session, NUMBERS[1], Change(stage="preparing"), Actor("olga", "cli"))
    with session_scope(pipeline_db) as session:
        apply_outcomes(session, [outcome(NUMBERS[0], "awarded", "5009876543", "1.00"),
                                 outcome(NUMBERS[1], "failed")], COMPANY_INN)
    assert _state(pipeline_db, NUMBERS[0])[0] == "declined"
    assert _state(pipeline_db, NUMBERS[1])[0] == "preparing"  # a failed procedure decides nothing for us
