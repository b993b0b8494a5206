"""44-FZ protocols: the legacy ``fcsProtocol*`` schemas (auctions' first parts, auction offers, summing-up,
single application, procedure declared failed, evasion) and the 2020 ``epProtocol*`` schemas
(``epProtocolEF2020Final``, ``epProtocolEZK2``, ``epProtocolEOK1``...).

A protocol yields one :class:`~store.outcome_schema.OutcomeDocument` with every application it lists
(number, participant, first and final offer, admission, place) and what it decides on its own:

- ``failed``: the procedure was declared failed (``abandonedReason``, ``*Invalidation``) with no application
  to award (a failed auction with one admitted application still has a winner: ``decided``, the reason kept);
- ``decided``: a winner is known (place 1, ``WIN_OFFER``, the single admitted application);
- ``pending``: an intermediate step (first parts, auction offers, a protocol cancelled), and the evasion of a
  participant (``fcsProtocolEvasion``, ``epProtocolEvasion``): its applications are marked ``evaded`` with the
  published reason, and the derivation passes the award to the next participant by place;
- an extract (``epProtocolEZP1Extract`` and the like) lists no application, only the best price so far, which
  the participants' final offers then answer (``pending``); when the procedure was declared failed because a
  single application was submitted, that application is awarded at the best price (``decided``, the published
  reason kept) to a participant the extract does not name. Nobody is awarded when the extract has no price;
- ``evasion_revoked``: the cancellation of a decision on evasion or deviation (``epProtocolEvDevCancel``, since
  2022): it names the protocol it cancels (``revokes``) and the published reason; the derivation then ignores
  that protocol, so a winner declared to have evaded is the winner again.
"""

from __future__ import annotations

from lxml import etree

from crawlers.parsers.eis_values import calendar_date, clean, decimal, timestamp
from crawlers.parsers.outcome_values import boolean, first_text, integer, party
from crawlers.parsers.xmlsafe import child, children, index, localname, text, value
from store.outcome_schema import Offer, OutcomeDocument

# First-part reviews: an application admitted there is not yet awarded, even when it is the only one.
_FIRST_PARTS = ("EF1", "EOK1", "FirstSections")
_PARTICIPANT = ("appParticipantInfo", "appParticipant", "participantInfo", "participant")
_RESULT_PLACE = {"WIN_OFFER": 1, "SECOND_OFFER": 2}
_REFUSAL = frozenset({"refusalFact", "evasionInfo", "evasionReason"})


_REVOKED_NUMBER = (
    "canceledProtocolInfo/docNumber", "cancelledProtocolInfo/docNumber", "canceledProtocolInfo/docNumberExternal",
    "canceledProtocolInfo/protocolNumber", "protocolInfo/docNumber", "foundationDocInfo/foundationDocNumber",
)
"""Where an ``epProtocolEvDevCancel`` names the protocol it cancels (the schemas' variants, first found wins)."""
_REVOCATION_REASON = (
    "cancelReasonInfo/reason", "cancelReasonInfo/name", "cancelReasonInfo/addInfo", "cancelReason/name",
    "cancelReason", "reason", "addInfo",
)


def extract(node: etree._Element, source_name: str) -> list[OutcomeDocument]:
    kind = etree.QName(node).localname
    common = child(node, "commonInfo")
    if kind.endswith("EvDevCancel"):
        return [_revocation(node, common, kind)]
    if common is not None:  # 2020 "ep" schemas
        number = first_text(common, "docNumberExternal", "docNumber")
        notice = text(common, "purchaseNumber")
        published = timestamp(first_text(common, "publishDTInEIS", "publishDTInETP"))
        decided = calendar_date(first_text(common, "signDT", "procedureDT", "publishDTInETP"))
        body = child(node, "protocolInfo")
        version = integer(text(node, "versionNumber"))
    else:  # legacy fcs schemas
        number = text(node, "protocolNumber")
        notice = text(node, "purchaseNumber")
        published = timestamp(text(node, "publishDate"))
        decided = calendar_date(first_text(node, "protocolDate", "signDate", "publishDate"))
        body = node
        version = integer(first_text(node, "versionNumber", "modification/modificationNumber"))
    offers, reason, abandoned = _lots(body, kind)
    if "Evasion" in kind:
        for offer in offers:
            offer.evaded, offer.winner = True, None
        reason = _refusal(body) or reason
    elif not offers and abandoned and kind.endswith("Extract"):
        best = decimal(text(body, "bestPrice"))
        if best is not None:  # a single application: awarded at its price, to a participant the extract omits
            offers = [Offer(offer=best, winner=True, place=1, admitted=True)]
    return [
        OutcomeDocument(
            family="protocol",
            doc_type=kind,
            law=_law(kind),
            notice_number=notice,
            number=number,
            version=version,
            published_at=published,
            decided_at=decided,
            result=_result(kind, offers, abandoned),
            reason=reason,
            offers=offers,
        )
    ]


def _revocation(node: etree._Element, common: etree._Element | None, kind: str) -> OutcomeDocument:
    """A cancelled decision on evasion or deviation: which protocol it cancels, when and why."""
    return OutcomeDocument(
        family="protocol",
        doc_type=kind,
        law=_law(kind),
        notice_number=text(common, "purchaseNumber"),
        number=first_text(common, "docNumberExternal", "docNumber"),
        version=integer(text(node, "versionNumber")),
        published_at=timestamp(first_text(common, "publishDTInEIS", "publishDTInETP")),
        decided_at=calendar_date(first_text(common, "docDT", "signDT", "publishDTInEIS")),
        result="evasion_revoked",
        reason=clean(first_text(node, *_REVOCATION_REASON)),
        revokes=clean(first_text(node, *_REVOKED_NUMBER)),
    )


def _lots(body: etree._Element | None, kind: str) -> tuple[list[Offer], str | None, bool]:
    """Every application of every lot, the published reason the procedure failed, and whether it failed."""
    lots = [*children(body, "protocolLot"), *children(body, "protocolLots/protocolLot")]
    if not lots and body is not None:
        lots = [body]
    offers: list[Offer] = []
    reasons: list[str] = []
    abandoned = "Invalidation" in kind
    for lot in lots:
        lot_no = integer(text(lot, "lotNumber"))
        abandon = child(lot, "abandonedReason")
        if abandon is not None:
            abandoned = True
            name = clean(first_text(abandon, "name", "code"))
            if name and name not in reasons:
                reasons.append(name)
        applications = [
            *children(lot, "applications/application"),
            *children(lot, "application"),
            *children(lot, "applicationsInfo/applicationInfo"),
            *children(lot, "applicationInfo"),
        ]
        offers.extend(_application(app, lot_no) for app in applications)
    return offers, "; ".join(reasons) or None, abandoned


def _application(app: etree._Element, lot: int | None) -> Offer:
    found = index(app)  # one pass over the application's children, then dict lookups
    common = index(found.get("commonInfo"))
    number = value(found, "journalNumber") or value(found, "appNumber") or value(common, "appNumber")
    participant = next((found[name] for name in _PARTICIPANT if name in found), None)
    name, inn = party(participant)
    admitted_block = found.get("admittedInfo")
    admitted_info = index(child(admitted_block, "appAdmittedInfo"))
    admitted = boolean(value(found, "admitted") or value(admitted_info, "admitted"))
    if admitted is None and child(admitted_block, "appNotAdmittedInfo") is not None:
        admitted = False
    elif admitted is None and admitted_info:  # ranked in the admitted block (tenders: score and rating)
        admitted = True
    result_type = value(admitted_info, "resultType") or value(found, "resultType")
    place = integer(value(found, "appRating") or value(found, "rating") or value(admitted_info, "appRating"))
    if place is None and result_type:
        place = _RESULT_PLACE.get(result_type)
    offers = found.get("priceOffers")
    offer = (
        text(offers, "lastOffer/price")
        or text(found.get("lastOffer"), "price")
        or value(found, "winnerPrice")
        or value(found, "finalPrice")
        or value(found, "price")
        or text(found.get("priceInfo"), "finalPrice")
        or value(found, "offerPrice")
        or value(common, "finalPrice")
        or _cost_offer(admitted_info)
    )
    return Offer(
        lot=lot,
        application=number,
        name=name,
        inn=inn,
        first_offer=decimal(text(offers, "firstOffer/price") or text(found.get("firstOffer"), "price")),
        offer=decimal(offer),
        admitted=admitted,
        place=place,
        winner=True if result_type == "WIN_OFFER" else None,
    )


def _refusal(body: etree._Element | None) -> str | None:
    """Why a participant is declared to have evaded signing: the published ground(s) and explanation."""
    found: list[str] = []
    for node in body.iter() if body is not None else ():
        if isinstance(node.tag, str) and localname(node) in _REFUSAL:
            for part in (first_text(node, "foundation/name", "reason/name", "name"), text(node, "explanation")):
                part = clean(part)
                if part and part not in found:
                    found.append(part)
    return "; ".join(found) or None


def _law(kind: str) -> str:
    """``pprf615Protocol*``: capital repairs of apartment buildings (Government Decree 615), not 44-FZ."""
    return "615-PP" if kind.startswith("pprf615") else "44-FZ"


def _cost_offer(admitted_info: dict[str, etree._Element]) -> str | None:
    """A tender's price offer: the offer scored under its cost criterion (``epProtocolEOK3`` and the like)."""
    for condition in children(admitted_info.get("conditionsScoringInfo"), "conditionScoringInfo"):
        offer = text(condition, "costCriterionInfo/offer")
        if offer:
            return offer
    return None


def _result(kind: str, offers: list[Offer], abandoned: bool) -> str:
    if any(offer.place == 1 or offer.winner for offer in offers):
        return "decided"
    if abandoned:
        admitted = [offer for offer in offers if offer.admitted and offer.offer is not None]
        if len(admitted) == 1 and not any(step in kind for step in _FIRST_PARTS):
            # A single admitted application: the procedure "failed", and the contract goes to that participant.
            admitted[0].winner = True
            admitted[0].place = 1
            return "decided"
        return "failed"
    return "pending"
