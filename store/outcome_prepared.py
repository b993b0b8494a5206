"""Prepared outcome documents: a parsed outcome document encoded for the store, computed away from the writer.

The outcome counterpart of :mod:`store.prepared`: a pure module (no SQLAlchemy), so the parsing workers
(``crawlers.parse_pool``) and the forkserver they start from import only the parsers and the record schemas,
not the database layer (importing ``store.outcomes`` and its models cost the forkserver ~0.28 s of CPU per
crawl). :mod:`store.outcomes` stores what this module prepares.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from store.codec import PackedJson, PositionalPickle, pack_json
from store.outcome_derive import Derived, derive
from store.outcome_schema import OutcomeDocument
from store.prepared import PreparedRaw, prepare_raw


@dataclass(frozen=True, slots=True)
class PreparedOutcome(PositionalPickle):
    """A parsed outcome document encoded for the store (computed by a parsing worker, off the writer)."""

    key: str
    family: str
    doc_type: str
    law: str | None
    notice_number: str | None
    contract_reg_number: str | None
    version: int | None
    record: PackedJson
    record_hash: str
    raw: PreparedRaw | None = None
    procedure_id: str | None = None
    """A TED award notice's procedure identifier (``store.outcome_links``)."""
    alone: dict[str, Any] | None = None
    """The outcome row the document derives on its own (computed off the writer; ``{}``: none, e.g. a first-part
    review): the writer uses it when the document turns out to be the only one stored about its notice, instead
    of reading it back to derive."""


def prepare_outcome(
    document: OutcomeDocument, raw: bytes | PreparedRaw | None = None, raw_name: str | None = None
) -> PreparedOutcome:
    if isinstance(raw, bytes):
        raw = prepare_raw(raw, raw_name)
    text = document.to_json()
    number = document.notice_number
    return PreparedOutcome(
        key=document.key[:250], family=document.family, doc_type=document.doc_type, law=document.law,
        notice_number=number, contract_reg_number=document.contract_reg_number,
        version=document.version, record=pack_json(text), record_hash=hashlib.sha256(text).hexdigest(), raw=raw,
        procedure_id=document.procedure_id,
        alone=(outcome_row(number, derive(number, [document])) or {}) if number else None,
    )


def outcome_row(number: str, derived: Derived | None) -> dict[str, Any] | None:
    """The ``outcomes`` row of a derivation (without ``updated_at``); its hash covers the record and the flags."""
    if derived is None:
        return None
    text = derived.record.to_json()
    return {
        "notice_number": number, "law": derived.record.law, "outcome": derived.record.outcome,
        "decided_at": derived.record.decided_at, "record": pack_json(text),
        "record_hash": hashlib.sha256(text + repr(derived.flags).encode()).hexdigest(), "flags": derived.flags,
    }
