"""Pure parsers: bytes in, canonical records (``store.schema``) out; they never touch the database.

:func:`parse_document` is the entry point for EIS XML documents (export files, print forms, 223-FZ
notices): it parses safely (:mod:`crawlers.parsers.xmlsafe`), reads the document kind from the root
(or the first element under an ``export`` wrapper) and hands the notice element to its parser.
Protocols, contracts and other non-notice documents raise :class:`UnknownDocumentKind`.
"""

from __future__ import annotations

from crawlers.parsers import eis44, eis44_legacy, eis223
from crawlers.parsers.xmlsafe import ParseError, UnknownDocumentKind, document_kind, document_node, parse_xml
from store.schema import NoticeRecord

__all__ = ["ParseError", "UnknownDocumentKind", "notice_kind_parser", "parse_document"]

# Notice-shaped names that are not notices (cancellations, changes, clarifications...).
_NOT_NOTICES = ("Cancel", "Change", "Clarification", "Explanation", "Invalid", "Protocol", "Lot")


def notice_kind_parser(kind: str) -> str | None:
    """Which parser handles a document kind: "eis44", "eis44_legacy", "eis223", or None."""
    if any(marker in kind for marker in _NOT_NOTICES):
        return None
    if kind.startswith("epNotification"):
        return "eis44"
    if kind.startswith("fcsNotification"):
        return "eis44_legacy"
    if kind.startswith("purchaseNotice"):
        return "eis223"
    return None


def parse_document(data: bytes, source_name: str) -> list[NoticeRecord]:
    """Parse one EIS XML document into notices; raise :class:`ParseError` naming ``source_name``.

    A 223-FZ file may hold several notices (``body/item``), hence the list.
    """
    root = parse_xml(data, source_name)
    kind = document_kind(root)
    parser = notice_kind_parser(kind)
    if parser is None:
        raise UnknownDocumentKind(source_name, kind)
    node = document_node(root)
    try:
        if parser == "eis44":
            return [eis44.parse_notice(node, source_name)]
        if parser == "eis44_legacy":
            return [eis44_legacy.parse_notice(node, source_name)]
        return eis223.parse_notices(node, source_name)
    except ParseError:
        raise
    except (ValueError, TypeError) as exc:  # pydantic.ValidationError is a ValueError
        raise ParseError(source_name, f"{kind}: invalid notice: {exc}") from exc
