"""Pure parsers: bytes in, canonical records (``store.schema``) out; they never touch the database.

EIS XML documents (export files, print forms, 223-FZ notices) enter through:

- :func:`parse_document` -> validated :class:`~store.schema.NoticeRecord` objects;
- :func:`extract_document` -> the same records as plain dicts (unknown fields omitted), unvalidated:
  for a pipeline that validates at its own boundary anyway (``store.schema.validate_notice``), it saves
  a second pydantic pass (about a third of the parser's time on ICT notices).

Both parse safely (:mod:`crawlers.parsers.xmlsafe`), read the document kind from the root (or the first
element under an ``export`` wrapper) and hand the notice element to its parser: ``eis44``
(``epNotification*``), ``eis44_legacy`` (``fcsNotification*``) or ``eis223`` (``purchaseNotice*``).
Outcome documents (cancellations, protocols, contracts, contract execution: contract 4.5) enter through
:func:`read_document`, which reads notices and outcome documents alike and tells which family a document
belongs to (the crawl counts documents per family). Other kinds raise :class:`UnknownDocumentKind` (naming
the root element); every failure is a :class:`ParseError` naming the source.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from pydantic import ValidationError

from crawlers.parsers import (
    eis44,
    eis44_contracts,
    eis44_legacy,
    eis44_protocols,
    eis223,
    eis223_outcomes,
    eis_cancellations,
)
from crawlers.parsers.xmlsafe import ParseError, UnknownDocumentKind, document_node, localname, parse_xml
from store.outcome_schema import OutcomeDocument
from store.schema import NoticeRecord

__all__ = [
    "DocumentRead", "ParseError", "UnknownDocumentKind", "extract_document", "notice_parser", "outcome_parser",
    "parse_document", "read_document",
]

Extractor = Callable[[etree._Element, str], list[dict[str, Any]]]
OutcomeExtractor = Callable[[etree._Element, str], list[OutcomeDocument]]

# Notice-shaped kinds that are not notices: cancellations, date / organisation changes, clarifications...
_NOT_NOTICES = ("Cancel", "Change", "Clarification", "Explanation", "Invalid", "Protocol", "Lot")
_PARSERS: tuple[tuple[str, Extractor], ...] = (
    ("epNotification", eis44.extract),
    ("fcsNotification", eis44_legacy.extract),
    ("purchaseNotice", eis223.extract),
)


def notice_parser(kind: str) -> Extractor | None:
    """The extractor for a document kind, or None when the kind is not a notice we read."""
    if any(marker in kind for marker in _NOT_NOTICES):
        return None
    return next((parser for prefix, parser in _PARSERS if kind.startswith(prefix)), None)


def extract_document(data: bytes, source_name: str) -> list[dict[str, Any]]:
    """Parse one EIS XML document into canonical record dicts (unvalidated; unknown fields omitted).

    A 223-FZ file may hold several notices (``body/item``), hence the list.
    """
    root = parse_xml(data, source_name)
    node = document_node(root)
    kind = localname(node)
    parser = notice_parser(kind)
    if parser is None:
        raise UnknownDocumentKind(source_name, kind)
    # eis223 reads ``body/item`` from the root; the 44-FZ parsers read the notice element.
    return parser(root if parser is eis223.extract else node, source_name)


def parse_document(data: bytes, source_name: str) -> list[NoticeRecord]:
    """Parse one EIS XML document into validated notices; raise :class:`ParseError` naming the source."""
    records = extract_document(data, source_name)
    try:
        return [NoticeRecord.model_validate(record) for record in records]
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ParseError(source_name, f"извещение не прошло проверку: {where}: {first['msg']}") from exc


# 44-FZ documents come under an ``export`` wrapper and are read from their document element; 223-FZ ones
# (no wrapper, ``body/item``) are read from the root.
_OUTCOMES_44: tuple[tuple[Callable[[str], bool], str, OutcomeExtractor], ...] = (
    (lambda kind: kind.startswith(("fcsProtocol", "epProtocol", "pprf615Protocol")), "protocol",
     eis44_protocols.extract),
    (lambda kind: kind in _CANCELLATIONS_44, "cancellation", eis_cancellations.extract),
    (lambda kind: kind == "contract", "contract", eis44_contracts.extract),
    (lambda kind: kind in ("contractProcedure", "contractCancel"), "execution", eis44_contracts.extract),
)
_CANCELLATIONS_44 = frozenset({
    "fcsNotificationCancel", "fcsNotificationLotCancel", "epNotificationCancel", "fcsNotificationCancelFailure",
    "epNotificationCancelFailure", "fcsNotificationLotCancelFailure",
})  # fmt: skip
_OUTCOMES_223: tuple[tuple[Callable[[str], bool], str, OutcomeExtractor], ...] = (
    (lambda kind: kind.startswith("purchaseProtocol"), "protocol", eis223_outcomes.extract_protocols),
    (lambda kind: kind == "contract", "contract", eis223_outcomes.extract_contracts),
    (lambda kind: kind == "performanceContract", "execution", eis223_outcomes.extract_performance),
    (lambda kind: kind.startswith(("purchaseRejection", "purchaseNoticeCancel")), "cancellation",
     eis_cancellations.extract_223),
)


IGNORED_KINDS: dict[str, str] = {
    "purchaseContractAccount": "a customer's monthly summary of its contracts (count and total cost per type): "
    "it names no purchase, contract or supplier, so it adds nothing to any notice's outcome",
}
"""Kinds read and deliberately not parsed (family ``ignored``, counted by the crawl), with why."""


def outcome_parser(root: etree._Element, node: etree._Element) -> tuple[str, OutcomeExtractor, etree._Element] | None:
    """(family, extractor, element to give it) for an outcome document, or None for any other kind."""
    wrapped = node is not root
    kind = localname(node)
    table = _OUTCOMES_44 if wrapped else _OUTCOMES_223
    for matches, family, extractor in table:
        if matches(kind):
            return family, extractor, node if wrapped else root
    return None


@dataclass(slots=True)
class DocumentRead:
    """One document read: its family (``notice``, ``protocol``, ``contract``, ``cancellation``,
    ``execution``, or ``ignored``: a kind known to hold no notice and no outcome, see :data:`IGNORED_KINDS`), its
    kind (root element) and what it holds."""

    family: str
    kind: str
    notices: list[dict[str, Any]] = field(default_factory=list)
    outcomes: list[OutcomeDocument] = field(default_factory=list)


def read_document(data: bytes, source_name: str) -> DocumentRead:
    """Parse one EIS XML document of any family we read; :class:`UnknownDocumentKind` for other kinds."""
    root = parse_xml(data, source_name)
    node = document_node(root)
    kind = localname(node)
    parser = notice_parser(kind)
    if parser is not None:
        return DocumentRead("notice", kind, notices=parser(root if parser is eis223.extract else node, source_name))
    found = outcome_parser(root, node)
    if found is None and kind in IGNORED_KINDS:
        return DocumentRead("ignored", kind)
    if found is None:
        raise UnknownDocumentKind(source_name, kind)
    family, extractor, element = found
    try:
        outcomes = extractor(element, source_name)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ParseError(source_name, f"invalid {family} document: {where}: {first['msg']}") from exc
    if any(not (document.notice_number or document.contract_reg_number) for document in outcomes):
        raise ParseError(source_name, f"{kind}: no purchase or contract number: the document concerns nothing known")
    return DocumentRead(family, kind, outcomes=outcomes)
