"""223-FZ contracts and their notices, in either order: a contract whose notice was never collected still gives
the outcome of its purchase (keyed by the purchase's registry number), completed with the NMCK and discount when
the notice arrives; a contract that names no purchase (a single-supplier purchase made without a notice) is kept
and reported, never silently dropped."""

from __future__ import annotations

from datetime import datetime

from crawlers.parsers import read_document
from store.db import init_db, session_scope
from store.notices import NoticeRepository
from store.outcomes import OutcomeRepository
from store.schema import NoticeRecord
from testing.outcome_documents import Bidder, contract_223

PURCHASE = "31908645944"
REG = "50105018196190002040000"
SUPPLIER = Bidder("ООО «ГАЗСНАБ»", "0105055790", "1")
NOTICE = NoticeRecord(source="eis223", number=PURCHASE, law="223-FZ", nmck="2000000.00", currency="RUB",
                      status="active")


def contract_documents(purchase: str | None = PURCHASE):
    data = contract_223(REG, purchase, "1750000.00", "2019-12-16", SUPPLIER, datetime(2019, 12, 17, 9, 0))
    return read_document(data, "contract.xml").outcomes


def exported(url: str) -> list[bytes]:
    with session_scope(init_db(url)) as session:
        return [record.to_json() for record in OutcomeRepository(session).iter_records()]


def test_a_contract_before_its_notice_gives_the_outcome_keyed_by_the_purchase(any_db_url: str, tmp_path) -> None:
    with session_scope(init_db(any_db_url)) as session:
        result = OutcomeRepository(session).store(contract_documents())
    assert result.changed == [PURCHASE] and result.unattached == []
    with session_scope(init_db(any_db_url)) as session:
        [record] = OutcomeRepository(session).iter_records()
    assert (record.notice_number, record.law, record.outcome, record.nmck) == (PURCHASE, "223-FZ", "contracted", None)
    assert (record.winner.inn, record.winner.price, record.contract.reg_number) == ("0105055790", "1750000.00", REG)
    with session_scope(init_db(any_db_url)) as session:
        NoticeRepository(session).upsert(NOTICE)
    contract_first = exported(any_db_url)
    with session_scope(init_db(any_db_url)) as session:
        [record] = OutcomeRepository(session).iter_records()
    assert (record.nmck, record.discount_percent) == ("2000000.00", "12.50")
    other = f"sqlite:///{tmp_path / 'notice-first.db'}"  # the other order: the notice, then the contract
    with session_scope(init_db(other)) as session:
        NoticeRepository(session).upsert(NOTICE)
    with session_scope(init_db(other)) as session:
        OutcomeRepository(session).store(contract_documents())
    assert exported(other) == contract_first


def test_a_contract_naming_no_purchase_is_kept_and_reported(any_db_url: str) -> None:
    with session_scope(init_db(any_db_url)) as session:
        result = OutcomeRepository(session).store(contract_documents(purchase=None))
    assert (result.stored, result.changed, result.unattached) == (["new"], [], [REG])
    with session_scope(init_db(any_db_url)) as session:
        repository = OutcomeRepository(session)
        assert (repository.document_count(), repository.count()) == (1, 0)
    with session_scope(init_db(any_db_url)) as session:
        again = OutcomeRepository(session).store(contract_documents(purchase=None))
    assert (again.stored, again.unattached) == (["unchanged"], [])  # reported once, when first stored
