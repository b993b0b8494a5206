"""The outcome of a notice, derived from every document that concerns it (a pure function).

Documents may arrive in any order (a contract before its protocol, a protocol before the notice): the
derivation sorts them by publication (then version) and reads them in that order, so the same set of
documents always gives the same outcome.

- **cancelled**: the latest cancellation is not revoked by a later cancellation of the cancellation;
- **contracted**: a contract is registered (its latest version);
- **awarded**: a protocol names the winner (place 1, or the single admitted application); when the winner is
  declared to have evaded signing the contract (an evasion protocol), the award passes to the next participant
  by place, the reason says so, and the evader stays among the participants with its place; a decision on
  evasion (or deviation) later cancelled (``epProtocolEvDevCancel``) counts for nothing;
- **failed**: a protocol declares the procedure failed and nobody is awarded (or every ranked participant
  evaded).

Applications are merged across protocols by (lot, application number): the names of the summing-up protocol
and the offers of the auction protocol make one participant. Inconsistencies are kept and flagged, never
"fixed": a contract supplier who is not the protocol's winner, two contracts for one lot, a winner absent
from the participants, a contract above the NMCK (checked in :func:`finish`, which knows the NMCK).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from store.outcome_schema import (
    ContractInfo,
    DocumentRef,
    Execution,
    Offer,
    OutcomeDocument,
    OutcomeRecord,
    Participant,
    Winner,
)

_FAMILY_ORDER = {"cancellation": 0, "protocol": 1, "contract": 2, "execution": 3}


@dataclass(slots=True)
class Derived:
    record: OutcomeRecord
    """Without NMCK and discount: those come from the stored notice (:func:`finish`)."""
    flags: list[str] = field(default_factory=list)


def latest_versions(documents: list[OutcomeDocument]) -> list[OutcomeDocument]:
    """One document per identity (``doc_type`` + number): its highest version, the latest published."""
    best: dict[str, OutcomeDocument] = {}
    for document in documents:
        current = best.get(document.key)
        if current is None or _version_key(document) >= _version_key(current):
            best[document.key] = document
    return list(best.values())


def _version_key(document: OutcomeDocument) -> tuple[int, str]:
    return (document.version if document.version is not None else -1, document.published_at or "")


def _order(document: OutcomeDocument) -> tuple[str, int, int, str]:
    return (
        document.published_at or document.decided_at or "",
        _FAMILY_ORDER.get(document.family, 9),
        document.version or 0,
        document.number or "",
    )


def derive(notice_number: str, documents: list[OutcomeDocument]) -> Derived | None:
    """The outcome of one notice, or None while nothing is decided (e.g. only a first-part review)."""
    documents = sorted(latest_versions(documents), key=_order)
    if not documents:
        return None
    flags: list[str] = []
    cancellation = _active_cancellation(documents)
    protocols = _in_force([doc for doc in documents if doc.family == "protocol"])
    offers = _merge_offers(protocols)
    contract, contract_doc = _contract(documents, flags)
    winner_offer, evaders = _winner(offers, flags)
    failed = next((doc for doc in reversed(protocols) if doc.result == "failed"), None)
    deciding = next((doc for doc in reversed(protocols) if doc.result == "decided"), None)
    evasion = _evasion(protocols, evaders, winner_offer)
    if evasion is not None:
        evaded_at, evasion_reason = evasion
        deciding = deciding.model_copy(update={"reason": evasion_reason, "decided_at": evaded_at}) if deciding \
            else None
    if cancellation is not None:
        outcome, reason, decided_at = "cancelled", cancellation.reason, cancellation.decided_at
    elif contract is not None and contract_doc is not None:
        outcome, decided_at = "contracted", contract.signed_at or contract_doc.decided_at
        reason = _termination(documents, contract) or (deciding.reason if deciding else None)
    elif winner_offer is not None and deciding is not None:
        outcome, reason, decided_at = "awarded", deciding.reason, deciding.decided_at
    elif evasion is not None and evaders:
        outcome, reason, decided_at = "failed", evasion[1], evasion[0]
    elif failed is not None:
        outcome, reason, decided_at = "failed", failed.reason, failed.decided_at
    else:
        return None
    winner = _winner_record(winner_offer, contract)
    if contract is not None and winner_offer is not None and contract.supplier and contract.supplier.inn \
            and winner_offer.inn and contract.supplier.inn != winner_offer.inn:
        flags.append(f"поставщик по контракту (ИНН {contract.supplier.inn}) не победитель протокола "
                     f"(ИНН {winner_offer.inn})")
    law = next((doc.law for doc in documents if doc.law), None)
    record = OutcomeRecord(
        notice_number=notice_number, law=law, outcome=outcome, outcome_reason=reason, decided_at=decided_at,
        participants=[
            Participant(name=o.name, inn=o.inn, offer=o.offer, admitted=o.admitted, place=o.place) for o in offers
        ],
        winner=winner, contract=contract,
        documents=[DocumentRef(kind=doc.doc_type, number=doc.number, published_at=doc.published_at)
                   for doc in documents],
    )
    return Derived(record, flags)


def _active_cancellation(documents: list[OutcomeDocument]) -> OutcomeDocument | None:
    active = None
    for document in documents:  # in publication order: a revocation undoes the cancellation before it
        if document.result == "cancelled" and document.family == "cancellation":
            active = document
        elif document.result == "cancel_revoked":
            active = None
    return active


def _in_force(protocols: list[OutcomeDocument]) -> list[OutcomeDocument]:
    """The protocols (in publication order) without the decisions on evasion or deviation a later
    ``epProtocolEvDevCancel`` cancelled: the protocol it names, or, when it names none that is stored, the latest
    such decision before it; the cancellations themselves decide nothing."""
    revoked: set[int] = set()
    for position, document in enumerate(protocols):
        if document.result != "evasion_revoked":
            continue
        decisions = [index for index, other in enumerate(protocols[:position])
                     if index not in revoked and ("Evasion" in other.doc_type or "Deviation" in other.doc_type)]
        named = [index for index in decisions if document.revokes and protocols[index].number == document.revokes]
        revoked.update(named or decisions[-1:])
    return [doc for index, doc in enumerate(protocols) if index not in revoked and doc.result != "evasion_revoked"]


def _termination(documents: list[OutcomeDocument], contract: ContractInfo) -> str | None:
    ended = [doc for doc in documents if doc.result == "terminated" and doc.contract_reg_number == contract.reg_number]
    if not ended:
        return None
    return f"Контракт расторгнут: {ended[-1].reason}" if ended[-1].reason else "Контракт расторгнут"


def _merge_offers(protocols: list[OutcomeDocument]) -> list[Offer]:
    merged: dict[tuple[int | None, str], Offer] = {}
    for protocol in protocols:
        for index, offer in enumerate(protocol.offers):
            key = (offer.lot, offer.application or f"#{index}:{offer.inn or offer.name}")
            if offer.application is None and offer.evaded:  # an evasion protocol may name the party only
                key = next((k for k, o in merged.items() if _same_party(o, offer)), key)
            current = merged.get(key)
            if current is None:
                merged[key] = offer.model_copy()
                continue
            for name, value in offer:
                if value is not None:
                    setattr(current, name, value)
    return sorted(merged.values(), key=lambda o: (o.lot or 0, o.place if o.place is not None else 10**6))


def _same_party(one: Offer, other: Offer) -> bool:
    if other.lot is not None and one.lot != other.lot:
        return False
    return bool(other.inn and one.inn == other.inn) or bool(not other.inn and other.name and one.name == other.name)


def _winner(offers: list[Offer], flags: list[str]) -> tuple[Offer | None, list[Offer]]:
    """The winner of the first lot, and those who evaded signing before it (in order): when the winner evades,
    the next participant by place (admitted, ranked) is offered the contract, and so on."""
    winners = [offer for offer in offers if offer.place == 1 or offer.winner]
    lots = sorted({offer.lot or 0 for offer in winners})
    if len(lots) > 1:
        flags.append(f"победители в нескольких лотах ({len(lots)}): показан победитель лота {lots[0]}")
    first = [offer for offer in winners if (offer.lot or 0) == (lots[0] if lots else 0)]
    if len(first) > 1:
        flags.append("несколько победителей одного лота")
    winner, evaders = (first[0] if first else None), []
    while winner is not None and winner.evaded:
        evaders.append(winner)
        place = winner.place or 1
        following = [o for o in offers if (o.lot or 0) == (winner.lot or 0) and o.place is not None
                     and o.place > place and o.admitted is not False]
        winner = min(following, key=lambda o: o.place or 0) if following else None
    return winner, evaders


def _evasion(
    protocols: list[OutcomeDocument], evaders: list[Offer], winner: Offer | None
) -> tuple[str | None, str] | None:
    """(when, why) the award passed on: who evaded signing, the published ground, who is offered the contract."""
    if not evaders:
        return None
    documents = [doc for doc in protocols if any(offer.evaded for offer in doc.offers)]
    parts = []
    for evader in evaders:
        who = " ".join(filter(None, [evader.name, f"(ИНН {evader.inn})" if evader.inn else None])) or "участник"
        role = "Победитель" if (evader.place or 1) == 1 else f"Участник, занявший {evader.place}-е место,"
        grounds = [doc.reason for doc in documents if doc.reason and any(
            _same_party(offer, evader) or (offer.application and offer.application == evader.application)
            for offer in doc.offers if offer.evaded)]
        parts.append(f"{role} {who} признан уклонившимся от заключения контракта"
                     + (f" ({'; '.join(dict.fromkeys(grounds))})" if grounds else ""))
    if winner is not None:
        name = " ".join(filter(None, [winner.name, f"(ИНН {winner.inn})" if winner.inn else None]))
        parts.append(f"контракт предложен участнику, занявшему {winner.place}-е место" + (f": {name}" if name else ""))
    else:
        parts.append("других участников, которым можно предложить контракт, нет")
    return documents[-1].decided_at if documents else None, "; ".join(parts)


def _contract(documents: list[OutcomeDocument], flags: list[str]) -> tuple[ContractInfo | None, OutcomeDocument | None]:
    contracts = [doc for doc in documents if doc.family == "contract" and doc.contract is not None]
    if not contracts:
        return None, None
    numbers = {doc.contract_reg_number for doc in contracts}
    if len(numbers) > 1:
        flags.append(f"несколько контрактов по одной закупке: {', '.join(sorted(n or '?' for n in numbers))}")
    latest = contracts[-1]
    contract = latest.contract.model_copy()  # type: ignore[union-attr]  # shallow: execution is replaced, not edited
    executions = [doc for doc in documents if doc.family == "execution"
                  and doc.contract_reg_number == latest.contract_reg_number]
    paid: list[Execution] = [stage for doc in executions for stage in doc.execution]
    if paid:
        contract.execution = _merge_execution(contract.execution, paid)
    return contract, latest


def _merge_execution(planned: list[Execution], actual: list[Execution]) -> list[Execution]:
    """Planned stages first; a payment fills the first unpaid planned stage with the same due date, others
    are listed after the plan."""
    result = [stage.model_copy() for stage in planned]
    for payment in actual:
        slot = next((s for s in result if s.paid_at is None and s.due and s.due == payment.due), None)
        if slot is not None and payment.paid_at is not None:
            slot.paid_at = payment.paid_at
            slot.amount = payment.amount or slot.amount
        else:
            result.append(payment.model_copy())
    return result


def _winner_record(offer: Offer | None, contract: ContractInfo | None) -> Winner | None:
    if offer is not None:
        return Winner(name=offer.name, inn=offer.inn, price=offer.offer, currency=offer.currency)
    if contract is not None and contract.supplier is not None:  # no protocol (single supplier): the contract's
        return Winner(name=contract.supplier.name, inn=contract.supplier.inn, price=contract.price,
                      currency=contract.currency)
    return None


def finish(derived: Derived, nmck: str | None, currency: str | None) -> tuple[OutcomeRecord, list[str]]:
    """The contract 4.5 record with the stored notice's NMCK and the discount, and every flag."""
    record = derived.record.model_copy(deep=True)
    flags = list(derived.flags)
    record.nmck = nmck
    winner = record.winner
    if winner is not None and winner.currency is None:
        winner.currency = currency  # protocol prices are in the notice's currency
    if nmck is not None and winner is not None and winner.price is not None and winner.currency == currency:
        total = Decimal(nmck)
        if total > 0:
            discount = (total - Decimal(winner.price)) / total * 100
            record.discount_percent = str(discount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
    contract = record.contract
    if nmck is not None and contract is not None and contract.price is not None \
            and contract.currency in (None, currency) and Decimal(contract.price) > Decimal(nmck):
        flags.append(f"цена контракта {contract.price} выше НМЦК {nmck}")
    return record, flags
