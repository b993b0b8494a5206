"""Evasion of the winner (44-FZ ``fcsProtocolEvasion``): the award passes to the next participant by place, the
reason says so, the evader stays recorded; and protocol extracts (``epProtocolEZP1Extract``), which list no
application: awarded at the best price when a single application made the procedure fail, pending otherwise."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from crawlers.parsers import read_document
from store.outcome_derive import derive, finish
from store.outcome_schema import OutcomeDocument
from testing.outcome_documents import (
    Bidder,
    Contract,
    contract,
    ep_protocol_extract,
    fcs_protocol_ef3,
    fcs_protocol_evasion,
)

MSK = timezone(timedelta(hours=3))
T0 = datetime(2026, 3, 2, 10, 0, tzinfo=MSK)
NUMBER = "0373200000126000077"
FIRST = Bidder("ООО «СЕТЕВЫЕ РЕШЕНИЯ»", "7701234560", "850000.00", place=1, application="2")
SECOND = Bidder("Петров Пётр Петрович", "772012345678", "900000.00", place=2, person=True, application="1")
THIRD = Bidder("ООО «ИНФОСИСТЕМЫ»", "5403456782", "950000.00", place=3, application="3")
GROUND = "Непредставление обеспечения исполнения контракта"


def parsed(data: bytes) -> list[OutcomeDocument]:
    return read_document(data, "test.xml").outcomes


def test_the_evasion_protocol_marks_the_evader_with_the_published_ground() -> None:
    [document] = parsed(fcs_protocol_evasion(NUMBER, FIRST, GROUND, "Обеспечение не поступило в срок", T0))
    assert (document.family, document.doc_type, document.result) == ("protocol", "fcsProtocolEvasion", "pending")
    assert document.reason == f"{GROUND}; Обеспечение не поступило в срок"
    [offer] = document.offers
    assert (offer.application, offer.inn, offer.evaded, offer.winner) == ("2", "7701234560", True, None)


def test_the_award_passes_to_the_second_participant_and_the_evader_is_kept() -> None:
    summing_up = parsed(fcs_protocol_ef3(NUMBER, [SECOND, FIRST, THIRD], T0))
    evasion = parsed(fcs_protocol_evasion(NUMBER, FIRST, GROUND, "", T0 + timedelta(days=12)))
    for documents in (summing_up + evasion, evasion + summing_up):  # whatever order they arrive in
        derived = derive(NUMBER, documents)
        record, _ = finish(derived, "1000000.00", "RUB")
        assert record.outcome == "awarded" and record.decided_at == "2026-03-14"
        assert (record.winner.inn, record.winner.price, record.discount_percent) == ("772012345678", "900000.00",
                                                                                      "10.00")
        assert record.outcome_reason == (
            "Победитель ООО «СЕТЕВЫЕ РЕШЕНИЯ» (ИНН 7701234560) признан уклонившимся от заключения контракта "
            f"({GROUND}); контракт предложен участнику, занявшему 2-е место: Петров Пётр Петрович "
            "(ИНН 772012345678)"
        )
        places = {p.inn: p.place for p in record.participants}
        assert places == {"7701234560": 1, "772012345678": 2, "5403456782": 3}  # the evader stays recorded
        assert [d.kind for d in record.documents] == ["fcsProtocolEF3", "fcsProtocolEvasion"]


def test_a_contract_with_the_second_participant_is_not_flagged() -> None:
    deal = Contract("2770123456726000077", NUMBER, "900000.00", "2026-03-20", SECOND, published=T0 + timedelta(days=18))
    documents = [
        *parsed(fcs_protocol_ef3(NUMBER, [SECOND, FIRST], T0)),
        *parsed(fcs_protocol_evasion(NUMBER, FIRST, GROUND, "", T0 + timedelta(days=12))),
        *parsed(contract(deal)),
    ]
    derived = derive(NUMBER, documents)
    assert derived.record.outcome == "contracted" and derived.flags == []
    assert derived.record.winner.inn == derived.record.contract.supplier.inn == "772012345678"
    assert "признан уклонившимся" in derived.record.outcome_reason


def test_when_every_ranked_participant_evades_nobody_is_awarded() -> None:
    lone = Bidder(FIRST.name, FIRST.inn, FIRST.price, place=1, application="2")
    documents = [*parsed(fcs_protocol_ef3(NUMBER, [lone], T0)),
                 *parsed(fcs_protocol_evasion(NUMBER, lone, GROUND, "", T0 + timedelta(days=12)))]
    record = derive(NUMBER, documents).record
    assert (record.outcome, record.winner) == ("failed", None)
    assert record.outcome_reason.endswith("других участников, которым можно предложить контракт, нет")


SINGLE = ("ZP504VPPOR", "По окончании срока подачи заявок подана только одна заявка (ч. 26 ст. 83.1 Закона № 44-ФЗ).")


def test_an_extract_of_a_procedure_failed_for_a_single_application_awards_it() -> None:
    [document] = parsed(ep_protocol_extract(NUMBER, "27720", T0, abandoned=SINGLE))
    assert (document.doc_type, document.result, document.reason) == ("epProtocolEZP1Extract", "decided", SINGLE[1])
    assert document.decided_at == "2026-03-02" and document.number == f"{NUMBER}-5-10956691"
    record, _ = finish(derive(NUMBER, [document]), "30000.00", "RUB")
    assert (record.outcome, record.outcome_reason) == ("awarded", SINGLE[1])
    assert (record.winner.name, record.winner.inn, record.winner.price) == (None, None, "27720")
    assert record.discount_percent == "7.60"


def test_an_extract_before_the_final_offers_decides_nothing() -> None:
    [document] = parsed(ep_protocol_extract(NUMBER, "27720", T0))
    assert (document.result, document.offers) == ("pending", [])
    assert derive(NUMBER, [document]) is None
    [failed] = parsed(ep_protocol_extract(NUMBER, None, T0, abandoned=("ZP504NR", "Не подано ни одной заявки")))
    assert (failed.result, derive(NUMBER, [failed]).record.outcome) == ("failed", "failed")
