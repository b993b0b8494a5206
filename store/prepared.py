"""Prepared notices: a validated record encoded for the store, computed away from the writer.

Everything an upsert needs that costs CPU (the record's JSON text and hash, the queryable summary columns,
the raw document's sha256 and compressed bytes) is computed here, by a pure function. A parsing worker
process (``crawlers.parse_pool``) prepares notices in parallel and sends them to the one writing process,
which then only runs SQL. :meth:`store.notices.NoticeRepository.upsert_many` takes prepared notices or
prepares what it is given itself, so both paths store identical rows.

A prepared notice is small to pickle: compressed JSON and bytes, never the object tree.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from store.codec import PackedJson, PositionalPickle, compress, pack_json, sha256_hex
from store.schema import NoticeRecord


@dataclass(frozen=True, slots=True)
class PreparedRaw(PositionalPickle):
    """A source document ready for ``raw_documents``: stored once per sha256."""

    sha256: str
    name: str | None
    size: int
    content: bytes
    """Compressed by ``store.codec.compress``."""


@dataclass(frozen=True, slots=True)
class PreparedNotice(PositionalPickle):
    """A validated notice ready for ``notices`` / ``notice_versions``."""

    source: str
    number: str
    version: int | None
    record: PackedJson
    """The contract 4.1 JSON text of the record (every field present), compressed."""
    record_hash: str
    summary: dict[str, Any]
    """The queryable columns of ``notices`` derived from the record."""
    raw: PreparedRaw | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.source, self.number)


def prepare(
    record: NoticeRecord, raw: bytes | PreparedRaw | None = None, raw_name: str | None = None
) -> PreparedNotice:
    """Encode a validated record (and its source document, if any) for the store.

    Notices from one document share one :class:`PreparedRaw` (compressed once, pickled once).
    """
    if isinstance(raw, bytes):
        raw = prepare_raw(raw, raw_name)
    text = record.to_json()
    return PreparedNotice(
        source=record.source,
        number=record.number,
        version=record.version,
        record=pack_json(text),
        record_hash=record_hash(text),
        summary=summary_columns(record),
        raw=raw,
    )


def prepare_raw(data: bytes, name: str | None = None, sha256: str | None = None) -> PreparedRaw:
    """``sha256``: the document's, when the caller has computed it already."""
    return PreparedRaw(sha256=sha256 or sha256_hex(data), name=name, size=len(data), content=compress(data))


def record_hash(record: NoticeRecord | bytes) -> str:
    """sha256 of the record's contract JSON text (``NoticeRecord.to_json``, or that text itself).

    The text is canonical: pydantic writes every field, in the model's order, and the record holds no
    free-form mappings, so equal records give equal text. (Until migration 0002 the hash was taken over
    key-sorted JSON re-encoded from a parsed copy, which cost a parse and a sort of every record.)"""
    text = record.to_json() if isinstance(record, NoticeRecord) else record
    return hashlib.sha256(text).hexdigest()


def summary_columns(record: NoticeRecord) -> dict[str, Any]:
    """The queryable columns of ``notices`` derived from the record."""
    customer = record.customer
    return {
        "version": record.version,
        "status": record.status,
        "law": record.law,
        "title": record.title,
        "customer_name": customer.name if customer else None,
        "region": customer.region if customer else None,
        "nmck": Decimal(record.nmck) if record.nmck is not None else None,
        "currency": record.currency,
        "published_at": _timestamp(record.published_at),
        "deadline_at": _timestamp(record.deadline_at),
    }


def _timestamp(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None
