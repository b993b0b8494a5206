"""The digest built from a real store (SQLite and PostgreSQL): sections, lines, margins, securities,
new/amended, documents, source health."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from digest.query import Since, build_digest, remember
from digest.settings import DigestSettings
from store.db import init_db, session_scope
from tests.digest.factories import NOW
from tests.digest.records import add_match, add_notice, add_product, add_run, notice_record


@pytest.fixture
def engine(any_db_url):
    """Each test runs on SQLite and on the real PostgreSQL."""
    return init_db(any_db_url)


def _seed(engine) -> dict[str, int]:
    with session_scope(engine) as session:
        add_product(session, "MES2428P", "86500.00")
        ids = {
            "open": add_notice(session, notice_record("0373100000126000101")),
            "low": add_notice(session, notice_record("0373100000126000102", title="Ремонт кровли")),
            "past": add_notice(session, notice_record("0373100000126000103", deadline_at="2026-11-20T09:00:00+03:00")),
            "unmatched": add_notice(session, notice_record("0373100000126000104")),
        }
        add_match(session, ids["open"], 1, "MES2428P", score=87)
        add_match(session, ids["low"], 1, "MES2428P", score=12)
        add_match(session, ids["past"], 1, "MES2428P", score=90)
    return ids


def test_cards_carry_lines_margins_and_securities(engine):
    ids = _seed(engine)
    with session_scope(engine) as session:
        digest = build_digest(session, now=NOW, min_score=30)
    assert [card.notice_id for card in digest.cards] == [ids["open"]]
    card = digest.cards[0]
    assert card.score == 87 and card.region == "г. Москва" and card.law == "44-FZ"
    assert card.deadline_at == datetime.fromisoformat("2026-11-25T09:00:00+03:00")
    # Percent only in the notice: the amount is computed from the NMCK and marked as such.
    assert card.application_security.amount == Decimal("10000.00") and card.application_security.computed
    assert card.contract_security.amount == Decimal("100000.00") and not card.contract_security.computed
    line = card.lines[0]
    assert line.sku == "MES2428P" and line.product_price == Decimal("86500.00")
    assert line.catalogue_total == Decimal("865000.00") and line.margin == Decimal("115000.00")
    assert (line.met, [r.name for r in line.failed], line.requirements_total) == (2, ["Бюджет PoE"], 3)
    assert line.failed[0].requirement == "≥\u00a0370\u00a0Вт"
    assert card.reasons == ["позиции покрыты каталогом"]
    assert card.is_new and not card.changes


def test_new_means_new_to_the_reader_and_amendments_are_diffed(engine):
    ids = _seed(engine)
    with session_scope(engine) as session:
        first = build_digest(session, now=NOW)
        assert {card.notice_id for card in first.new_cards()} == {ids["open"], ids["low"]}
        assert first.since_label == "первый дайджест"
        remember(session, first, "d1")

    with session_scope(engine) as session:
        record = notice_record(
            "0373100000126000101",
            version=2,
            deadline_at="2026-11-28T09:00:00+03:00",
            nmck="1100000.00",
        )
        record.items[0].characteristics[1].min = "740"
        add_notice(session, record)
        fresh = add_notice(session, notice_record("0373100000126000199", title="Поставка маршрутизаторов"))
        add_match(session, fresh, 1, "MES2428P", score=70)

    with session_scope(engine) as session:
        second = build_digest(session, now=NOW + timedelta(hours=1))
    by_id = {card.notice_id: card for card in second.cards}
    assert [card.notice_id for card in second.new_cards()] == [fresh]
    amended = by_id[ids["open"]]
    assert amended in second.amended_cards() and not amended.is_new
    changes = {change.what: (change.old, change.new) for change in amended.changes}
    assert changes["Срок подачи заявок"] == ("25.11.2026 09:00\u00a0МСК", "28.11.2026 09:00\u00a0МСК")
    assert changes["НМЦК"] == ("1\u00a0000\u00a0000,00\u00a0₽", "1\u00a0100\u00a0000,00\u00a0₽")
    assert changes["Позиция 1, «Бюджет PoE»"] == ("≥\u00a0370\u00a0Вт", "≥\u00a0740\u00a0Вт")
    # The match was computed for version 1: the card says so instead of silently showing stale lines.
    assert amended.match_stale
    assert second.since_label.startswith("23.11.2026 08:00")


def test_since_date_uses_first_seen_time(engine):
    _seed(engine)
    with session_scope(engine) as session:
        future = build_digest(session, now=NOW, since=Since.parse((datetime.now(UTC) + timedelta(days=1)).isoformat()))
        past = build_digest(session, now=NOW, since=Since.parse("2020-01-01"))
    assert future.new_cards() == []
    assert len(past.new_cards()) == 2
    assert Since.parse("last") == Since() and Since.parse(None) == Since()


def test_cancelled_notice_is_shown_only_to_a_reader_who_saw_it(engine):
    ids = _seed(engine)
    with session_scope(engine) as session:
        remember(session, build_digest(session, now=NOW), "d1")
        add_notice(session, notice_record("0373100000126000101", version=2, status="cancelled"))
        add_notice(session, notice_record("0373100000126000102", title="Ремонт кровли", status="cancelled"))
    with session_scope(engine) as session:
        digest = build_digest(session, now=NOW)
    by_id = {card.notice_id: card for card in digest.cards}
    assert by_id[ids["open"]].changes[0].what == "Статус"
    assert by_id[ids["open"]].changes[0].new == "отменена"


def test_source_health_warns_about_failures_and_quiet_runs(engine):
    utc_now = NOW.astimezone(UTC)
    with session_scope(engine) as session:
        for day in range(5, 1, -1):
            add_run(session, "eis44", utc_now - timedelta(days=day), "complete", 400)
            add_run(session, "ocds", utc_now - timedelta(days=day), "complete", 50)
            add_run(session, "ted", utc_now - timedelta(days=day), "complete", 80)
        add_run(session, "eis44", utc_now - timedelta(hours=5), "complete", 390)
        add_run(session, "ocds", utc_now - timedelta(hours=5), "complete", 6)
        add_run(session, "ted", utc_now - timedelta(hours=5), "failed", 0, error_rate=1.0, reason="HTTP 503")
    with session_scope(engine) as session:
        health = {h.source: h for h in build_digest(session, now=NOW, settings=DigestSettings()).health}
    assert health["eis44"].ok and health["eis44"].notices == 390 and health["eis44"].usual_notices == 400
    assert any("мало извещений: 6" in warning for warning in health["ocds"].warnings)
    assert any("сбоем" in warning for warning in health["ted"].warnings)
    assert health["ted"].last_success_at == utc_now - timedelta(days=2)
    assert any("нет успешного запуска" in warning for warning in health["ted"].warnings)


def test_documents_show_what_the_attachment_reader_made_of_them(engine):
    from digest.render import render_digest
    from store.models import Attachment

    base = "https://zakupki.gov.ru/44fz/filestore/public/1.0/download/priz/file.html?uid="
    documents = [
        {"name": "Техническое задание.docx", "url": base + "A1", "kind": "ТЗ"},
        {"name": "Проект контракта.pdf", "url": base + "B2", "kind": None},
        {"name": "Обоснование НМЦК.xlsx", "url": base + "C3", "kind": None},
    ]
    with session_scope(engine) as session:
        add_product(session, "MES2428P", "86500.00")
        notice_id = add_notice(session, notice_record("0373100000126000101", documents=documents))
        add_match(session, notice_id, 1, "MES2428P")
        session.add_all([
            Attachment(notice_id=notice_id, notice_seq=1, url=base + "A1", name="Техническое задание.docx",
                       status="ok", requirements=[{"name": "Бюджет PoE"}, {"name": "L3"}]),
            Attachment(notice_id=notice_id, notice_seq=1, url=base + "B2", name="Проект контракта.pdf",
                       status="unreadable", reason="PDF без текстового слоя", requirements=[]),
        ])  # fmt: skip
    with session_scope(engine) as session:
        card = build_digest(session, now=NOW).cards[0]
    assert [(d.name, d.status, d.requirements) for d in card.documents] == [
        ("Техническое задание.docx", "ok", 2),
        ("Проект контракта.pdf", "unreadable", 0),
        ("Обоснование НМЦК.xlsx", None, 0),
    ]
    assert [d.name for d in card.unread_documents] == ["Проект контракта.pdf"]
    with session_scope(engine) as session:
        html = render_digest(build_digest(session, now=NOW))
    assert "не прочитан: PDF без текстового слоя" in html and "требований: 2" in html
    assert "Не прочитано документов: 1" in html
