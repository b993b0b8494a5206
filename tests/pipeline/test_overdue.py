"""The overdue block: tenders in work with a near or passed deadline and overdue tasks, per assignee; in the
digest too."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from digest.overdue import UNASSIGNED, overdue_block, working_days_before
from digest.publish import publish_digest
from digest.render import render_mail_body
from pipeline.review import Actor, Change, review
from store.db import init_db, session_scope
from store.notices import NoticeRepository
from tests.digest.records import notice_record

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)  # a Monday

def _iso(moment: datetime) -> str:
    return moment.isoformat()

def test_working_days_skip_weekends() -> None:
    assert working_days_before(datetime(2026, 12, 7, tzinfo=UTC), 1) == datetime(2026, 12, 4, tzinfo=UTC)
    assert working_days_before(datetime(2026, 12, 9, tzinfo=UTC), 5) == datetime(2026, 12, 2, tzinfo=UTC)

def test_block_lists_near_passed_and_overdue_tasks_per_assignee(db_url: str, tmp_path: Path) -> None:

    engine = init_db(db_url)
    plans = {  # number: (deadline, stage, assignee)
        "N-PASSED": (NOW - timedelta(hours=2), "preparing", "olga"),
        "N-NEAR": (NOW + timedelta(days=2), "qualified", None),
        "N-FAR": (NOW + timedelta(days=30), "preparing", "olga"),
        "N-SUBMITTED": (NOW - timedelta(days=1), "submitted", "olga"),
        "N-GUARANTEE": (NOW + timedelta(days=3), "preparing", "ivan"),  # guarantee due 5 working days before
    }
    with session_scope(engine) as session:
        for number, (deadline, stage, assignee) in plans.items():
            NoticeRepository(session).upsert(notice_record(number, deadline_at=_iso(deadline)))
            review(session, number, Change(stage=stage, assignee=assignee), Actor("head", "cli"))
        block = overdue_block(session, NOW, near_days=3)
    assert set(block) == {"olga", "ivan", UNASSIGNED}
    olga = {(item.number, item.what) for item in block["olga"]}
    assert ("N-PASSED", "срок подачи истёк, заявка не подана") in olga
    assert not any(number in ("N-FAR", "N-SUBMITTED") for number, _ in olga)
    assert [item.number for item in block[UNASSIGNED]] == ["N-NEAR", "N-NEAR"]  # near, and its guarantee task
    assert any(item.what == "задача просрочена: Запросить банковскую гарантию" for item in block["ivan"])

    published = publish_digest(engine, tmp_path / "digest.html", now=NOW, record=False)
    html = (tmp_path / "digest.html").read_text(encoding="utf-8")
    assert 'id="overdue"' in html and "N-PASSED" in html and "срок подачи истёк" in html
    assert "N-PASSED" in render_mail_body(published.digest)
