"""Notice cancellations: 44-FZ ``fcsNotificationCancel`` / ``fcsNotificationLotCancel`` (legacy) and
``epNotificationCancel`` (2020), the cancellations of a cancellation (``*NotificationCancelFailure``: the
procedure goes on), and 223-FZ ``purchaseRejection`` / ``purchaseNoticeCancel*`` (the customer refuses to
hold the purchase).

The reason is kept as published: the free-text ``addInfo`` / ``cancelReason`` when given, otherwise the kind
of decision the schema records (customer's decision, control body's prescription, court decision).
"""

from __future__ import annotations

from lxml import etree

from crawlers.parsers.eis_values import calendar_date, clean, timestamp
from crawlers.parsers.outcome_values import first_text, integer
from crawlers.parsers.xmlsafe import child, children, localname
from store.outcome_schema import OutcomeDocument

_DECISIONS = {
    "responsibleDecision": "Решение заказчика (уполномоченного органа)",
    "authorityPrescription": "Предписание контрольного органа",
    "courtDecision": "Решение суда",
    "discussionResult": "Результаты общественного обсуждения",
}


def extract(node: etree._Element, source_name: str) -> list[OutcomeDocument]:
    """A 44-FZ cancellation (or its revocation)."""
    kind = localname(node)
    common = child(node, "commonInfo")
    base = common if common is not None else node
    reason_block = child(node, "cancelReason")
    if reason_block is None:
        reason_block = child(node, "cancelReasonInfo")
    return [
        OutcomeDocument(
            family="cancellation", doc_type=kind, law="44-FZ",
            notice_number=first_text(base, "purchaseNumber") or first_text(node, "purchaseNumber"),
            number=first_text(base, "docNumber", "docNumberExternal", "id") or first_text(node, "id"),
            version=integer(first_text(node, "versionNumber")),
            published_at=timestamp(first_text(base, "docPublishDate", "publishDTInEIS", "docDate")),
            decided_at=calendar_date(
                _decision_date(reason_block) or first_text(base, "docDate", "docPublishDate", "publishDTInEIS")
            ),
            result="cancel_revoked" if "Failure" in kind else "cancelled",
            reason=_reason(node, reason_block),
            revokes=first_text(node, "cancelledDocNumber", "notificationCancelNumber"),
        )
    ]


def _decision_date(block: etree._Element | None) -> str | None:
    if block is None:
        return None
    for decision in block:
        found = first_text(decision, "decisionDate", "decisionDT", "docDate", "date")
        if found:
            return found
    return None


def _reason(node: etree._Element, block: etree._Element | None) -> str | None:
    published = clean(first_text(node, "addInfo", "cancelReasonText", "reason", "cancelReason/reason"))
    if published:
        return published
    if block is None:
        return None
    for decision in block:
        name = localname(decision).removesuffix("Info")
        if name in _DECISIONS:
            detail = clean(first_text(decision, "name", "reason", "docName"))
            return f"{_DECISIONS[name]}: {detail}" if detail else _DECISIONS[name]
    return clean(first_text(block, "name", "reason"))


def extract_223(root: etree._Element, source_name: str) -> list[OutcomeDocument]:
    """223-FZ refusals to hold a purchase: one document per ``body/item``."""
    kind = localname(root)
    documents = []
    for item in children(root, "body/item"):
        data = next((node for node in item if isinstance(node.tag, str)), None)
        if data is None:
            continue
        documents.append(
            OutcomeDocument(
                family="cancellation", doc_type=kind, law="223-FZ",
                notice_number=first_text(data, "purchaseInfo/purchaseNoticeNumber", "purchaseNoticeNumber",
                                         "purchaseRegNum"),
                number=first_text(data, "registrationNumber", "guid"),
                version=integer(first_text(data, "version")),
                published_at=timestamp(first_text(data, "publicationDateTime", "createDateTime")),
                decided_at=calendar_date(first_text(data, "rejectionDate", "decisionDate", "publicationDateTime")),
                result="cancelled",
                reason=clean(first_text(data, "reason", "rejectionReason", "cancellationReason", "cancelReason")),
            )
        )
    return documents
