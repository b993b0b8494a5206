"""Review decisions, their events, roles, probabilities and the export (contract 4.6), on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import pytest

from pipeline.export import PIPELINE_COLUMNS, export_pipeline, pipeline_rows
from pipeline.review import Actor, Change, NotAllowed, PipelineError, review
from pipeline.settings import PipelineSettings, SettingsError
from store.db import session_scope
from store.notices import NoticeRepository
from store.pipeline import PipelineRepository
from tests.digest.records import notice_record
from tests.pipeline.conftest import NUMBERS

CLI = Actor("olga", "cli")


def _row(engine, number: str, settings: PipelineSettings | None = None) -> dict:
    with session_scope(engine) as session:
        return next(row for row in pipeline_rows(session, settings) if row["notice_number"] == number)


def test_every_change_is_an_event_with_who_when_source_and_from_to(pipeline_db) -> None:
    number = NUMBERS[0]
    with session_scope(pipeline_db) as session:
        first = review(session, number, Change(stage="qualified", assignee="olga"), CLI)
        review(session, number, Change(stage="preparing", our_price="95 000,50"), Actor("ivan", "web", "head"))
        again = review(session, number, Change(stage="preparing"), CLI)
    assert first.created and [e.field for e in first.events] == ["stage", "assignee"]
    assert again.events == []  # the same value twice is not a change
    with session_scope(pipeline_db) as session:
        repository = PipelineRepository(session)
        events = repository.events(repository.entry(repository.tender(number).notice_id))
    assert [(e.field, e.from_value, e.to_value, e.who, e.source) for e in events] == [
        ("stage", "new", "qualified", "olga", "cli"),
        ("assignee", None, "olga", "olga", "cli"),
        ("stage", "qualified", "preparing", "ivan", "web"),
        ("our_price", None, "95000.50", "ivan", "web"),
    ]
    assert all(e.at.tzinfo is not None for e in events)
    row = _row(pipeline_db, number)
    assert row["stage"] == "preparing" and row["our_price"] == "95000.50"
    assert row["probability"] == "0.30" and row["expected_amount"] == "28500.15"


def test_lost_needs_a_configured_reason_and_reasons_belong_to_lost(pipeline_db) -> None:
    settings = PipelineSettings.from_mapping({"loss_reasons": {"price": "цена", "late": "опоздали"}})
    with session_scope(pipeline_db) as session:
        with pytest.raises(PipelineError, match="причину"):
            review(session, NUMBERS[1], Change(stage="lost"), CLI, settings)
        with pytest.raises(PipelineError, match="неизвестная причина"):
            review(session, NUMBERS[1], Change(stage="lost", loss_reason="requirements"), CLI, settings)
        with pytest.raises(PipelineError, match="только для стадии lost"):
            review(session, NUMBERS[1], Change(stage="submitted", loss_reason="late"), CLI, settings)
        review(session, NUMBERS[1], Change(stage="lost", loss_reason="late", comment="не успели"), CLI, settings)
        with pytest.raises(PipelineError, match="не найдена"):
            review(session, "0000", Change(stage="new"), CLI)
    row = _row(pipeline_db, NUMBERS[1], settings)
    assert (row["stage"], row["loss_reason"], row["comment"], row["expected_amount"]) == ("lost", "late", "не успели",
                                                                                         "0.00")


def test_specialist_changes_own_or_unassigned_tenders_only_head_assigns(pipeline_db) -> None:
    anna, boris = Actor("anna", "web", "specialist"), Actor("boris", "web", "specialist")
    head = Actor("head", "web", "head")
    with session_scope(pipeline_db) as session:
        review(session, NUMBERS[0], Change(assignee="anna"), anna)  # takes an unassigned tender
        with pytest.raises(NotAllowed):
            review(session, NUMBERS[0], Change(stage="submitted"), boris)
        with pytest.raises(NotAllowed):
            review(session, NUMBERS[1], Change(assignee="anna"), boris)  # a specialist does not assign others
        review(session, NUMBERS[0], Change(stage="submitted"), anna)
        review(session, NUMBERS[0], Change(assignee="boris"), head)
        review(session, NUMBERS[0], Change(comment="передано Борису"), boris)
        with pytest.raises(NotAllowed):
            review(session, NUMBERS[0], Change(comment="моё"), anna)
    row = _row(pipeline_db, NUMBERS[0])
    assert (row["stage"], row["assignee"], row["comment"]) == ("submitted", "boris", "передано Борису")


def test_probabilities_are_configurable_and_nmck_stands_in_for_a_missing_price(pipeline_db) -> None:
    settings = PipelineSettings.from_mapping({"probabilities": {"qualified": 0.4}})
    with session_scope(pipeline_db) as session:
        review(session, NUMBERS[2], Change(stage="qualified"), CLI, settings)
    row = _row(pipeline_db, NUMBERS[2], settings)
    assert row["nmck"] == "300000.00" and row["our_price"] is None
    assert (row["probability"], row["expected_amount"]) == ("0.40", "120000.00")
    assert settings.expected_amount("won", Decimal("10"), None) == Decimal("10.00")
    with pytest.raises(SettingsError):
        PipelineSettings.from_mapping({"probabilities": {"qualified": 1.5}})
    with pytest.raises(SettingsError):
        PipelineSettings.from_mapping({"probabilities": {"someday": 0.5}})


def test_decisions_survive_a_recrawl_of_a_new_version(pipeline_db) -> None:
    with session_scope(pipeline_db) as session:
        review(session, NUMBERS[0], Change(stage="preparing", assignee="olga", comment="берём"), CLI)
    with session_scope(pipeline_db) as session:  # an amendment arrives, and the same version again
        NoticeRepository(session).upsert(notice_record(NUMBERS[0], version=2, nmck="990000.00"))
        NoticeRepository(session).upsert(notice_record(NUMBERS[0], version=2, nmck="990000.00"))
    row = _row(pipeline_db, NUMBERS[0])
    assert (row["stage"], row["assignee"], row["comment"], row["nmck"]) == ("preparing", "olga", "берём", "990000.00")


def test_export_has_exactly_the_contract_fields_in_every_format(pipeline_db, tmp_path: Path) -> None:
    hostile = "=HYPERLINK(\"http://evil\")"
    with session_scope(pipeline_db) as session:
        review(session, NUMBERS[0], Change(stage="qualified", comment=hostile), CLI)
        review(session, NUMBERS[1], Change(stage="declined"), CLI)
        counts = {fmt: export_pipeline(session, fmt, tmp_path / f"p.{fmt}") for fmt in ("jsonl", "csv", "xlsx")}
    assert counts == {"jsonl": 2, "csv": 2, "xlsx": 2}
    records = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines()]
    assert all(list(record) == PIPELINE_COLUMNS for record in records)
    assert {record["notice_number"] for record in records} == set(NUMBERS[:2])
    with (tmp_path / "p.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == PIPELINE_COLUMNS
    assert {row["comment"] for row in rows} == {"'" + hostile, ""}  # formula neutralised
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "p.xlsx").active
    assert [cell.value for cell in sheet[1]] == PIPELINE_COLUMNS
