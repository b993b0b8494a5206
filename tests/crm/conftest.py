"""A fake Bitrix24 portal over HTTPS (testing/fake_bitrix24.py) and a pipeline of tenders taken into work."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from crm.portal import Limits, Portal
from crm.settings import CrmSettings
from pipeline.review import Actor, Change, review
from store.db import init_db, session_scope
from store.notices import Incoming, NoticeRepository
from testing.fake_bitrix24 import FakeBitrix24
from tests.digest.records import notice_record

FAST = Limits(retries_503=2, retry_delay=0.05, time_limit_wait=0.2)


@pytest.fixture
def fake_portal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeBitrix24]:
    portal = FakeBitrix24().start(tmp_path)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(portal.ca_bundle))
    yield portal
    portal.stop()


def crm_settings(**overrides: object) -> CrmSettings:
    settings = CrmSettings(users={"olga": 7, "ivan": 8}, limits=FAST)
    for name, value in overrides.items():
        setattr(settings, name, value)
    return settings


def make_portal(fake: FakeBitrix24, limits: Limits = FAST, token: str | None = None) -> Portal:
    return Portal(fake.webhook(token), limits)


def number(index: int) -> str:
    return f"03731000001260{index:05d}"


@pytest.fixture
def work_db(db_url: str) -> Iterator[object]:
    """120 tenders taken into work (6 customers), on the suite's back-end."""
    engine = init_db(db_url)
    with session_scope(engine) as session:
        records = [
            notice_record(number(i), customer={"name": f"ГБУ «Заказчик {i % 6}»", "inn": f"770000000{i % 6}"})
            for i in range(120)
        ]
        NoticeRepository(session).upsert_many([Incoming(record) for record in records])
        for index in range(120):
            assignee = "olga" if index % 2 else "ivan"
            review(session, number(index), Change(stage="preparing", assignee=assignee), Actor("head", "cli"))
    yield engine
    engine.dispose()
