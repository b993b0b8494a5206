"""A cancelled decision on evasion (44-FZ ``epProtocolEvDevCancel``): the winner declared to have evaded is the
winner again, whatever order the documents arrive in; the protocol it names is the one cancelled, and one that
names none (or a protocol not stored) cancels the latest decision on evasion before it."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from itertools import permutations

from crawlers.parsers import read_document
from store.outcome_derive import derive
from store.outcome_schema import OutcomeDocument
from testing.outcome_documents import Bidder, ep_protocol_final
from testing.outcome_documents_ep import ep_protocol_ev_dev_cancel, ep_protocol_evasion

MSK = timezone(timedelta(hours=3))
T0 = datetime(2026, 4, 6, 10, 0, tzinfo=MSK)
NUMBER = "0373200000126000091"
FIRST = Bidder("ООО «СЕТЕВЫЕ РЕШЕНИЯ»", "7701234560", "850000.00", place=1, application="112")
SECOND = Bidder("ООО «ИНФОСИСТЕМЫ»", "5403456782", "900000.00", place=2, application="113")
GROUND = "Непредставление обеспечения исполнения контракта"
REASON = "Решение ФАС России по жалобе участника закупки № 28/06/105-1234/2026"


def parsed(data: bytes) -> list[OutcomeDocument]:
    return read_document(data, "test.xml").outcomes


def final() -> list[OutcomeDocument]:
    return parsed(ep_protocol_final(NUMBER, [FIRST, SECOND], T0))


def evasion() -> list[OutcomeDocument]:
    return parsed(ep_protocol_evasion(NUMBER, "ПУ1", FIRST, GROUND, T0 + timedelta(days=10)))


def test_the_cancellation_is_read_as_a_protocol_naming_what_it_cancels() -> None:
    found = read_document(ep_protocol_ev_dev_cancel(NUMBER, "ОПУ1", "ПУ1", REASON, T0 + timedelta(days=20)), "c.xml")
    assert found.family == "protocol"
    [document] = found.outcomes
    assert (document.doc_type, document.notice_number, document.number) == ("epProtocolEvDevCancel", NUMBER, "ОПУ1")
    assert (document.result, document.revokes, document.reason) == ("evasion_revoked", "ПУ1", REASON)
    assert (document.decided_at, document.published_at) == ("2026-04-26", "2026-04-26T10:00:00+03:00")
    assert document.offers == []


def test_the_evader_is_the_winner_again_in_any_order() -> None:
    assert derive(NUMBER, final() + evasion()).record.winner.inn == SECOND.inn  # the evasion alone passes it on
    cancel = parsed(ep_protocol_ev_dev_cancel(NUMBER, "ОПУ1", "ПУ1", REASON, T0 + timedelta(days=20)))
    for documents in permutations([final(), evasion(), cancel]):
        record = derive(NUMBER, [doc for group in documents for doc in group]).record
        assert record.outcome == "awarded"
        assert (record.winner.inn, record.winner.price) == (FIRST.inn, "850000.00")
        assert "уклонившимся" not in (record.outcome_reason or "")
        assert [d.kind for d in record.documents] == ["epProtocolEF2020Final", "epProtocolEvasion",
                                                      "epProtocolEvDevCancel"]


def test_the_named_protocol_is_cancelled_and_an_unnamed_cancellation_cancels_the_latest_evasion() -> None:
    second_evades = parsed(ep_protocol_evasion(NUMBER, "ПУ2", SECOND, GROUND, T0 + timedelta(days=15)))
    both = final() + evasion() + second_evades
    assert derive(NUMBER, both).record.outcome == "failed"  # both evaded: nobody left to offer the contract

    def winner(cancelled: str | None) -> str | None:
        cancel = parsed(ep_protocol_ev_dev_cancel(NUMBER, "ОПУ1", cancelled, REASON, T0 + timedelta(days=20)))
        found = derive(NUMBER, both + cancel).record.winner
        return found.inn if found else None

    assert winner("ПУ1") == FIRST.inn  # the first evasion cancelled: the winner is the winner again
    assert winner("ПУ2") == SECOND.inn  # the second one: the contract goes to the second participant
    assert winner(None) == SECOND.inn  # no number: the latest decision before it (ПУ2)
    assert winner("ПУ9") == SECOND.inn  # a number not stored (another numbering): the latest decision too
