"""2020-schema (``epProtocol*``) evasion documents in the EIS export format (project-authored, from the element
names of the published 2020 schemas as the other ``epProtocol*`` builders in :mod:`testing.outcome_documents`
use them): the protocol declaring a participant to have evaded signing the contract (``epProtocolEvasion``) and
the cancellation of such a decision (``epProtocolEvDevCancel``, "Отменено решение об уклонении или отклонении",
published since 2022; its ``canceledProtocolInfo`` names the cancelled protocol).

Every builder returns UTF-8 bytes of one document.
"""

from __future__ import annotations

from datetime import datetime

from testing.outcome_documents import _DECL, _EXPORT, Bidder, _e, _participant, _signature, _ts


def _common(number: str, doc_number: str, published: datetime) -> str:
    return (f"<ns9:commonInfo><ns9:purchaseNumber>{number}</ns9:purchaseNumber><ns9:docNumber>{_e(doc_number)}"
            f"</ns9:docNumber><ns9:publishDTInEIS>{_ts(published)}</ns9:publishDTInEIS><ns9:docDT>"
            f"{published.date().isoformat()}+03:00</ns9:docDT></ns9:commonInfo>")


_PUBLISHER = ("<ns9:protocolPublisherInfo><ns9:publisherOrg><ns9:regNum>03732000297</ns9:regNum><ns9:INN>7726020722"
              "</ns9:INN></ns9:publisherOrg><ns9:publisherRole>CU</ns9:publisherRole></ns9:protocolPublisherInfo>")


def ep_protocol_evasion(number: str, doc_number: str, evader: Bidder, ground: str, published: datetime) -> bytes:
    """``epProtocolEvasion``: the application (by number, with its participant) declared to have evaded signing,
    and the published ground."""
    return (f"{_DECL}{_EXPORT}<ns9:epProtocolEvasion schemeVersion=\"15.3\"><ns9:id>41001</ns9:id>"
            f"<ns9:versionNumber>1</ns9:versionNumber>{_common(number, doc_number, published)}{_PUBLISHER}"
            f"<ns9:printFormInfo><ns3:url>https://zakupki.gov.ru/pf/ev</ns3:url>{_signature(11)}</ns9:printFormInfo>"
            f"<ns9:protocolInfo><ns9:applicationsInfo><ns9:applicationInfo><ns9:commonInfo><ns9:appNumber>"
            f"{evader.application or 1}</ns9:appNumber></ns9:commonInfo>{_participant(evader)}<ns9:evasionInfo>"
            f"<ns9:reason><ns4:code>1</ns4:code><ns4:name>{_e(ground)}</ns4:name></ns9:reason></ns9:evasionInfo>"
            "</ns9:applicationInfo></ns9:applicationsInfo></ns9:protocolInfo></ns9:epProtocolEvasion></ns2:export>"
            ).encode()


def ep_protocol_ev_dev_cancel(
    number: str, doc_number: str, cancelled: str | None, reason: str, published: datetime
) -> bytes:
    """``epProtocolEvDevCancel``: a decision on evasion or deviation cancelled; ``cancelled``: the number of the
    cancelled protocol (None: a document that does not name it)."""
    named = (f"<ns9:canceledProtocolInfo><ns9:docNumber>{_e(cancelled)}</ns9:docNumber><ns9:docType><ns4:code>EPE"
             "</ns4:code><ns4:name>Протокол признания участника уклонившимся от заключения контракта</ns4:name>"
             "</ns9:docType></ns9:canceledProtocolInfo>") if cancelled else ""
    return (f"{_DECL}{_EXPORT}<ns9:epProtocolEvDevCancel schemeVersion=\"15.3\"><ns9:id>41002</ns9:id>"
            f"<ns9:versionNumber>1</ns9:versionNumber>{_common(number, doc_number, published)}{_PUBLISHER}{named}"
            f"<ns9:cancelReasonInfo><ns9:reason>{_e(reason)}</ns9:reason></ns9:cancelReasonInfo><ns9:printFormInfo>"
            f"<ns3:url>https://zakupki.gov.ru/pf/evc</ns3:url>{_signature(12)}</ns9:printFormInfo>"
            "</ns9:epProtocolEvDevCancel></ns2:export>").encode()
