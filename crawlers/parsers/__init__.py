"""Pure parsers: bytes in, canonical records (``store.schema``) out; they never touch the database.

EIS XML documents (export files, print forms, 223-FZ notices) enter through:

- :func:`parse_document` -> validated :class:`~store.schema.NoticeRecord` objects;
- :func:`extract_document` -> the same records as plain dicts (unknown fields omitted), unvalidated:
  for a pipeline that validates at its own boundary anyway (``store.schema.validate_notice``), it saves
  a second pydantic pass (about a third of the parser's time on ICT notices).

Both parse safely (:mod:`crawlers.parsers.xmlsafe`), read the document kind from the root (or the first
element under an ``export`` wrapper) and hand the notice element to its parser: ``eis44``
(``epNotification*``), ``eis44_legacy`` (``fcsNotification*``) or ``eis223`` (``purchaseNotice*``).
Protocols, contracts, cancellations and other non-notice documents raise :class:`UnknownDocumentKind`;
every failure is a :class:`ParseError` naming the source.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lxml import etree
from pydantic import ValidationError

from crawlers.parsers import eis44, eis44_legacy, eis223
from crawlers.parsers.xmlsafe import ParseError, UnknownDocumentKind, document_node, localname, parse_xml
from store.schema import NoticeRecord

__all__ = ["ParseError", "UnknownDocumentKind", "extract_document", "notice_parser", "parse_document"]

Extractor = Callable[[etree._Element, str], list[dict[str, Any]]]

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
