"""Reading one downloaded attachment: extraction (every member of an archive) and the specification blocks, as
the values an ``Attachment`` row keeps. Pure: bytes in, values out."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from crawlers.documents.extract import extract
from crawlers.documents.model import DEFAULT_LIMITS, ExtractedDocument, Limits
from crawlers.documents.specification import find_specification, requirements_json

MAX_STORED_TEXT = 1_000_000
"""Characters of extracted text kept in the row (for search and the digest); requirements are kept in full."""

_SPECIFICATION_FAILED = "таблица требований не разобрана (ошибка программы, подробности в журнале)"

log = logging.getLogger(__name__)

_STATUS_ORDER = ("ok", "refused", "error", "unreadable")
"""The status of an archive whose members differ: readable if any is, else the most serious."""


@dataclass
class ReadAttachment:
    status: str
    reason: str | None
    media_type: str
    text: str
    requirements: list[dict[str, Any]] = field(default_factory=list)
    documents: list[ExtractedDocument] = field(default_factory=list)


def read_attachment(name: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> ReadAttachment:
    """Extract ``data`` and find its specification. An archive is ``ok`` when any member could be read; the
    reason then lists the members that could not (nothing is dropped silently)."""
    documents = extract(name, data, limits)
    readable = [document for document in documents if document.readable]
    problems = [document.reason or document.name for document in documents if not document.readable]
    warnings = [f"{document.name}: {warning}" for document in readable for warning in document.warnings]
    statuses = {document.status for document in documents}
    status = next(status for status in _STATUS_ORDER if status in statuses)
    try:
        requirements = requirements_json(block for document in readable for block in find_specification(document))
    except Exception:  # a finder bug on an odd layout must not lose the document's text
        log.exception("specification of %s could not be read", name)
        requirements = []
        warnings.append(f"{name}: {_SPECIFICATION_FAILED}")
    text = "\n\n".join(document.text() for document in readable)[:MAX_STORED_TEXT]
    reason = "; ".join(problems + warnings) or None
    media_type = documents[0].media_type if len(documents) == 1 else "application/zip"
    return ReadAttachment(status, reason, media_type, text, requirements, documents)
