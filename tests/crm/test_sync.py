"""Two-way sync against the fake portal: batches within the limits, idempotent, portal changes come back as
events, conflicts go to the later change, a portal that is down or refuses the webhook changes nothing here."""

from __future__ import annotations

import time

import pytest

from crm.portal import CrmError, CrmRefused, Limits
from crm.sync import sync
from pipeline.export import pipeline_rows
from pipeline.review import Actor, Change, review
from store.db import session_scope
from store.pipeline import PipelineRepository
from testing.fake_bitrix24 import FakeBitrix24
from tests.crm.conftest import crm_settings, make_portal, number


def _rows(engine) -> list[dict]:
    with session_scope(engine) as session:
        return sorted(pipeline_rows(session), key=lambda row: row["notice_number"])


def _decisions(engine) -> list[tuple]:
    return [(r["notice_number"], r["stage"], r["assignee"], r["loss_reason"], r["comment"], r["our_price"])
            for r in _rows(engine)]


def _sync(engine, fake: FakeBitrix24, **portal_options):
    with session_scope(engine) as session:
        return sync(session, make_portal(fake, **portal_options), crm_settings())


def test_sync_of_120_tenders_uses_batches_within_the_rate_limit(work_db, fake_portal: FakeBitrix24) -> None:
    summary = _sync(work_db, fake_portal)
    assert (summary.deals, summary.companies) == (120, 6)
    assert len(fake_portal.deals()) == 120 and len(fake_portal.companies()) == 6
    assert {r["RQ_INN"] for r in fake_portal.requisites} == {f"770000000{i}" for i in range(6)}
    assert len(fake_portal.tasks) == 240  # submit the application + request the bank guarantee
    assert {t["responsibleId"] for t in fake_portal.tasks} == {"7", "8"}
    assert len(fake_portal.comments) == 120
    assert fake_portal.rejected == []  # never a 503 QUERY_LIMIT_EXCEEDED
    batches = [size for _, method, size in fake_portal.log if method == "batch"]
    assert max(batches) == 50 and len(fake_portal.log) == summary.requests < 30
    deal = fake_portal.deals()[0]
    assert deal["stageId"] == "PREPAYMENT_INVOICE" and deal["companyId"] and deal["opportunity"] == "1000000.00"
    rows = _rows(work_db)
    assert all(row["crm_id"] for row in rows) and len({row["crm_id"] for row in rows}) == 120


def test_the_client_keeps_a_small_bucket_without_a_503(work_db, fake_portal: FakeBitrix24) -> None:
    fake_portal.bucket, fake_portal.drain = 6, 4.0
    started = time.monotonic()
    summary = _sync(work_db, fake_portal, limits=Limits(bucket=6, per_second=4.0, retries_503=1, retry_delay=0.05))
    assert summary.deals == 120 and fake_portal.rejected == []
    assert time.monotonic() - started >= (summary.requests - 4) / 4.0 * 0.9  # it waited for the bucket to drain


def test_second_sync_creates_nothing(work_db, fake_portal: FakeBitrix24) -> None:
    _sync(work_db, fake_portal)
    counts = (len(fake_portal.deals()), len(fake_portal.companies()), len(fake_portal.tasks),
              len(fake_portal.comments), len(fake_portal.requisites))
    before = _rows(work_db)
    again = _sync(work_db, fake_portal)
    assert (again.deals, again.companies, again.tasks, again.updated, again.pulled) == (0, 0, 0, 0, 0)
    assert counts == (len(fake_portal.deals()), len(fake_portal.companies()), len(fake_portal.tasks),
                      len(fake_portal.comments), len(fake_portal.requisites))
    assert _rows(work_db) == before


def test_a_stage_changed_on_the_portal_comes_back_as_an_event(work_db, fake_portal: FakeBitrix24) -> None:
    _sync(work_db, fake_portal)
    crm_id = next(r["crm_id"] for r in _rows(work_db) if r["notice_number"] == number(3))
    time.sleep(1.1)  # the portal's modification times have one-second resolution
    fake_portal.edit_deal(int(crm_id), stageId="EXECUTING", assignedById=8, updatedBy=8)
    summary = _sync(work_db, fake_portal)
    assert summary.pulled == 2 and summary.deals == 0
    with session_scope(work_db) as session:
        repository = PipelineRepository(session)
        entry = repository.by_crm_id(crm_id)
        events = [(e.field, e.from_value, e.to_value, e.who, e.source) for e in repository.events(entry)]
    assert ("stage", "preparing", "submitted", "ivan", "crm") in events
    assert ("assignee", "olga", "ivan", "ivan", "crm") in events
    assert _sync(work_db, fake_portal).pulled == 0  # pulled once, not again


def test_a_conflict_goes_to_the_later_change_and_keeps_both_events(work_db, fake_portal: FakeBitrix24) -> None:
    _sync(work_db, fake_portal)
    crm_id = next(r["crm_id"] for r in _rows(work_db) if r["notice_number"] == number(5))
    time.sleep(1.1)
    fake_portal.edit_deal(int(crm_id), stageId="APOLOGY", updatedBy=7)  # first on the portal...
    time.sleep(1.1)
    with session_scope(work_db) as session:  # ...then, later, here
        review(session, number(5), Change(stage="submitted"), Actor("olga", "web", "specialist"))
    summary = _sync(work_db, fake_portal)
    assert summary.conflicts == 1
    with session_scope(work_db) as session:
        repository = PipelineRepository(session)
        entry = repository.by_crm_id(crm_id)
        stage_events = [(e.to_value, e.source, e.applied) for e in repository.events(entry) if e.field == "stage"]
        assert entry.stage == "submitted"
    assert ("submitted", "web", True) in stage_events and ("declined", "crm", False) in stage_events
    assert fake_portal.items[2][int(crm_id)]["stageId"] == "EXECUTING"  # ours pushed back to the portal


def test_a_503_storm_leaves_the_local_pipeline_intact(work_db, fake_portal: FakeBitrix24) -> None:
    before = _decisions(work_db)
    fake_portal.storm = 1000
    with pytest.raises(CrmError, match=r"перегружен|недоступен"):
        _sync(work_db, fake_portal)
    assert _decisions(work_db) == before and fake_portal.deals() == []
    assert all(row["crm_id"] is None for row in _rows(work_db))
    fake_portal.storm = 0  # the next sync catches up
    assert _sync(work_db, fake_portal).deals == 120


def test_a_storm_in_the_middle_keeps_what_was_created(work_db, fake_portal: FakeBitrix24) -> None:
    before = _decisions(work_db)
    methods = fake_portal.methods
    original = methods["tasks.task.add"]

    def storm_after_deals(params):
        fake_portal.storm = 1000
        return original(params)

    methods["tasks.task.add"] = storm_after_deals
    with pytest.raises(CrmError):
        _sync(work_db, fake_portal)
    methods["tasks.task.add"] = original
    fake_portal.storm = 0
    created = len(fake_portal.deals())
    assert created == 50 and _decisions(work_db) == before
    assert _sync(work_db, fake_portal).deals == 70 and len(fake_portal.deals()) == 120  # none twice


def test_a_refused_webhook_is_one_clear_error(work_db, fake_portal: FakeBitrix24) -> None:
    before = _rows(work_db)
    with session_scope(work_db) as session, pytest.raises(CrmRefused, match="отклонил вебхук"):
        sync(session, make_portal(fake_portal, token="wrong-token"), crm_settings())
    assert _rows(work_db) == before and fake_portal.deals() == []
    assert fake_portal.rejected == ["INVALID_CREDENTIALS"]


def test_operation_time_limit_is_waited_out(work_db, fake_portal: FakeBitrix24) -> None:
    fake_portal.time_limited = {"batch": 1}
    summary = _sync(work_db, fake_portal)
    assert summary.deals == 120 and fake_portal.rejected == ["OPERATION_TIME_LIMIT"]


def test_the_fake_enforces_paging_and_batch_size(fake_portal: FakeBitrix24) -> None:
    portal = make_portal(fake_portal)
    for index in range(120):
        stamp = "2026-12-01T10:00:00+03:00"
        fake_portal.items[2][index + 1] = {"id": index + 1, "title": str(index), "updatedTime": stamp}
    before = len(fake_portal.log)
    rows = list(portal.list_all("crm.item.list", {"entityTypeId": 2}, key="items"))
    assert [r["id"] for r in rows] == list(range(1, 121)) and len(fake_portal.log) - before == 3
    with pytest.raises(ValueError):  # the SDK itself refuses a batch over 50
        portal._token.call_batch({str(i): ("crm.item.get", {"entityTypeId": 2, "id": 1}) for i in range(51)})
