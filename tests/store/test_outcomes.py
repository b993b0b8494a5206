"""The outcome store on SQLite and PostgreSQL: documents in any arrival order give the same outcome, re-storing
changes nothing, cancellations and their revocation, execution before its contract, inconsistencies flagged,
NMCK and discount from a notice collected later, outcomes changed since a time."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta, timezone

import pytest

from crawlers.parsers import read_document
from store.db import init_db, session_scope
from store.notices import NoticeRepository
from store.outcome_derive import derive
from store.outcome_schema import OutcomeDocument
from store.outcomes import OutcomeRepository
from store.schema import NoticeRecord
from testing.outcome_documents import (
    Bidder,
    Contract,
    Line,
    contract,
    contract_procedure,
    ep_protocol_final,
    fcs_invalidation,
    fcs_protocol_ef2,
    fcs_protocol_ef3,
    notice_cancel,
)

MSK = timezone(timedelta(hours=3))
NUMBER = "0373200000126000042"
T0 = datetime(2026, 3, 2, 10, 0, tzinfo=MSK)
WINNER = Bidder("ООО «СЕТЕВЫЕ РЕШЕНИЯ»", "7701234560", "850000.00", place=1, application="2")
SECOND = Bidder("Петров Пётр Петрович", "772012345678", "900000.00", place=2, person=True, application="1")


def parsed(data: bytes) -> list[OutcomeDocument]:
    return read_document(data, "test.xml").outcomes


def documents() -> list[OutcomeDocument]:
    deal = Contract(
        "2770123456726000042",
        NUMBER,
        "850000.00",
        "2026-03-20",
        WINNER,
        [Line("Коммутатор", "26.30.11.110", "10", "85000.00", "850000.00", ktru="26.30.11.110-00000050")],
        [("2026-04-30", "425000.00"), ("2026-06-30", "425000.00")],
        published=T0 + timedelta(days=18),
    )
    return [
        *parsed(fcs_protocol_ef2(NUMBER, [("1", "990000.00", "900000.00"), ("2", "980000.00", "850000.00")], T0)),
        *parsed(fcs_protocol_ef3(NUMBER, [SECOND, WINNER], T0 + timedelta(days=2))),
        *parsed(contract(deal)),
        *parsed(
            contract_procedure(deal.reg_number, [("2026-04-30", "425000.00", "2026-05-05")], T0 + timedelta(days=60))
        ),
    ]


def store(url: str, docs: list[OutcomeDocument]):
    with session_scope(init_db(url)) as session:
        return OutcomeRepository(session).store(docs)


def records(url: str) -> dict:
    with session_scope(init_db(url)) as session:
        return {r.notice_number: r for r in OutcomeRepository(session).iter_records()}


def test_any_arrival_order_gives_the_same_outcome(any_db_url: str) -> None:
    docs = documents()
    derived = {derive(NUMBER, list(order)).record.to_json() for order in itertools.permutations(docs)}
    assert len(derived) == 1
    for document in reversed(docs):  # stored one by one, last published first
        store(any_db_url, [document])
    record = records(any_db_url)[NUMBER]
    assert record.to_json() in derived
    assert record.outcome == "contracted" and record.decided_at == "2026-03-20"
    assert (record.winner.inn, record.winner.price) == ("7701234560", "850000.00")
    by_inn = {p.inn: p for p in record.participants}
    assert (by_inn["7701234560"].place, by_inn["7701234560"].offer) == (1, "850000.00")
    assert by_inn["772012345678"].name == "Петров Пётр Петрович"
    assert record.contract.reg_number == "2770123456726000042"
    assert [(s.due, s.amount, s.paid_at) for s in record.contract.execution] == [
        ("2026-04-30", "425000.00", "2026-05-05"),
        ("2026-06-30", "425000.00", None),
    ]
    assert [d.kind for d in record.documents] == ["fcsProtocolEF2", "fcsProtocolEF3", "contract", "contractProcedure"]


def test_restoring_the_same_documents_changes_nothing(any_db_url: str) -> None:
    docs = documents()
    first = store(any_db_url, docs)
    assert first.stored == ["new"] * 4 and first.changed == [NUMBER]
    with session_scope(init_db(any_db_url)) as session:
        before = OutcomeRepository(session).changed_since(datetime(2000, 1, 1, tzinfo=UTC))
        mark = datetime.now(UTC)
    again = store(any_db_url, docs)
    assert again.stored == ["unchanged"] * 4 and again.changed == []
    with session_scope(init_db(any_db_url)) as session:
        repository = OutcomeRepository(session)
        assert repository.document_count() == 4 and repository.count() == 1
        assert repository.changed_since(mark) == []
        assert [r.to_json() for r in repository.changed_since(datetime(2000, 1, 1, tzinfo=UTC))] == [
            r.to_json() for r in before
        ]


def test_nmck_and_discount_come_from_a_notice_collected_later(any_db_url: str) -> None:
    store(any_db_url, documents())
    assert records(any_db_url)[NUMBER].nmck is None and records(any_db_url)[NUMBER].discount_percent is None
    with session_scope(init_db(any_db_url)) as session:
        NoticeRepository(session).upsert(
            NoticeRecord(source="eis44", number=NUMBER, law="44-FZ", nmck="1000000.00", currency="RUB", status="active")
        )
    record = records(any_db_url)[NUMBER]
    assert (record.nmck, record.discount_percent, record.winner.currency) == ("1000000.00", "15.00", "RUB")


def test_cancellation_and_its_revocation(any_db_url: str) -> None:
    store(any_db_url, parsed(notice_cancel(NUMBER, "Изменение потребности заказчика", T0)))
    record = records(any_db_url)[NUMBER]
    assert (record.outcome, record.outcome_reason, record.decided_at) == (
        "cancelled",
        "Изменение потребности заказчика",
        "2026-03-02",
    )
    store(
        any_db_url, parsed(notice_cancel(NUMBER, "Предписание ФАС", T0 + timedelta(days=1), legacy=True, revoke=True))
    )
    store(any_db_url, parsed(fcs_invalidation(NUMBER, "Не подано ни одной заявки", T0 + timedelta(days=9))))
    record = records(any_db_url)[NUMBER]
    assert (record.outcome, record.outcome_reason) == ("failed", "Не подано ни одной заявки")
    assert [d.kind for d in record.documents] == [
        "epNotificationCancel",
        "fcsNotificationCancelFailure",
        "fcsProtocolEFInvalidation",
    ]


def test_execution_before_its_contract_joins_when_the_contract_arrives(any_db_url: str) -> None:
    docs = documents()
    store(any_db_url, [docs[3]])  # the payment only: no notice to hang it on yet
    assert records(any_db_url) == {}
    store(any_db_url, [docs[2]])
    record = records(any_db_url)[NUMBER]
    assert record.outcome == "contracted" and record.contract.execution[0].paid_at == "2026-05-05"


def test_inconsistent_documents_are_kept_and_flagged(any_db_url: str) -> None:
    other = Bidder("ООО «ИНФОСИСТЕМЫ»", "5403456782", "990000.00")
    deal = Contract("2770123456726000099", NUMBER, "1200000.00", "2026-03-20", other, published=T0 + timedelta(days=20))
    deal2 = Contract("2770123456726000100", NUMBER, "1.00", "2026-03-21", other, published=T0 + timedelta(days=21))
    result = store(
        any_db_url,
        [*parsed(ep_protocol_final(NUMBER, [SECOND, WINNER], T0)), *parsed(contract(deal)), *parsed(contract(deal2))],
    )
    flags = " | ".join(result.flags[NUMBER])
    assert "не победитель протокола" in flags and "несколько контрактов" in flags
    with session_scope(init_db(any_db_url)) as session:
        NoticeRepository(session).upsert(
            NoticeRecord(source="eis44", number=NUMBER, nmck="1000000.00", currency="RUB", status="active")
        )
        assert OutcomeRepository(session).flagged()[NUMBER] == result.flags[NUMBER]
    record = records(any_db_url)[NUMBER]
    assert record.contract.reg_number == "2770123456726000100"  # the latest, kept as published (not "fixed")
    assert record.winner.inn == "7701234560"  # the protocol's winner stays the winner


def test_a_new_protocol_version_replaces_the_old_one(any_db_url: str) -> None:
    store(any_db_url, parsed(ep_protocol_final(NUMBER, [SECOND, WINNER], T0, version=1)))
    swapped = [
        Bidder(SECOND.name, SECOND.inn, SECOND.price, place=1, person=True, application="1"),
        Bidder(WINNER.name, WINNER.inn, WINNER.price, place=2, application="2"),
    ]
    store(any_db_url, parsed(ep_protocol_final(NUMBER, swapped, T0 + timedelta(hours=5), version=2)))
    record = records(any_db_url)[NUMBER]
    assert record.winner.inn == "772012345678" and len(record.participants) == 2
    with session_scope(init_db(any_db_url)) as session:
        assert OutcomeRepository(session).document_count() == 2  # every version is kept


@pytest.mark.parametrize("kind", ["epProtocolEF2020Final", "epProtocolEZK2020Final"])
def test_ep_final_protocol_kinds(db_url: str, kind: str) -> None:
    store(db_url, parsed(ep_protocol_final(NUMBER, [WINNER], T0, kind=kind)))
    assert records(db_url)[NUMBER].outcome == "awarded"


def test_no_discount_across_currencies(db_url: str) -> None:
    foreign = Bidder("Siemens AG", None, "9000.00", place=1, foreign=True, application="1")
    deal = Contract("2770123456726000077", NUMBER, "9000.00", "2026-03-20", foreign, currency="EUR", published=T0)
    store(db_url, [*parsed(ep_protocol_final(NUMBER, [foreign], T0)), *parsed(contract(deal))])
    with session_scope(init_db(db_url)) as session:
        NoticeRepository(session).upsert(
            NoticeRecord(source="eis44", number=NUMBER, nmck="1000000.00", currency="RUB", status="active")
        )
    record = records(db_url)[NUMBER]
    # the protocol's price has no currency of its own (the notice's: RUB); the contract is in EUR
    assert (record.contract.currency, record.contract.supplier.inn, record.outcome) == ("EUR", None, "contracted")
    assert record.winner.currency == "RUB" and record.discount_percent == "99.10"
    deal_only = Contract(
        "2770123456726000078", "0373200000126000043", "9000.00", "2026-03-20", foreign, currency="EUR", published=T0
    )
    store(db_url, parsed(contract(deal_only)))
    with session_scope(init_db(db_url)) as session:
        NoticeRepository(session).upsert(
            NoticeRecord(
                source="eis44", number="0373200000126000043", nmck="1000000.00", currency="RUB", status="active"
            )
        )
    other = records(db_url)["0373200000126000043"]
    assert (other.winner.currency, other.winner.inn, other.discount_percent) == ("EUR", None, None)


def test_a_notice_s_only_document_is_not_read_back_to_derive(any_db_url: str, monkeypatch) -> None:
    """The worker derives what a document says on its own; the writer uses it when that document is the only
    one about its notice, and reads the stored documents back only for notices with several."""
    alone = parsed(ep_protocol_final("0373200000126000051", [SECOND, WINNER], T0))
    together = documents()
    read_back: list[str] = []
    original = OutcomeRepository._documents_of

    def spy(self: OutcomeRepository, numbers: list[str]) -> dict:
        read_back.extend(numbers)
        return original(self, numbers)

    monkeypatch.setattr(OutcomeRepository, "_documents_of", spy)
    result = store(any_db_url, [*alone, *together])
    assert sorted(result.changed) == [NUMBER, "0373200000126000051"]
    assert read_back == [NUMBER]
    record = records(any_db_url)["0373200000126000051"]
    assert record.to_json() == derive("0373200000126000051", alone).record.to_json()
    assert (record.outcome, record.winner.inn) == ("awarded", "7701234560")
    read_back.clear()
    second = parsed(fcs_protocol_ef3("0373200000126000051", [SECOND, WINNER], T0 + timedelta(days=1)))
    store(any_db_url, second)  # a second document about the notice: derived from both, read back
    assert read_back == ["0373200000126000051"]
    assert [d.kind for d in records(any_db_url)["0373200000126000051"].documents] == [
        "epProtocolEF2020Final", "fcsProtocolEF3"
    ]
