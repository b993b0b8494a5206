"""Notices: upsert by (source, number), every distinct version kept, raw documents kept compressed.

Writes are batched (``upsert_many``) because a nightly crawl stores tens of thousands of notices. Concurrent
writers are safe: on PostgreSQL each batch takes transaction-level advisory locks on its keys (sorted, so two
writers never deadlock); on SQLite every transaction begins IMMEDIATE (see ``store.db``), which serialises
writers. Unique constraints back both up, so nothing is ever duplicated.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

from sqlalchemy import func, select, text, tuple_
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from store.models import Notice, NoticeVersion, RawDocument, utcnow
from store.schema import NoticeRecord

UpsertOutcome = Literal["new", "version", "unchanged"]

# zlib level 1 compresses EIS XML ~6x at >100 MB/s; higher levels gain little and cost ingest speed.
_COMPRESSION_LEVEL = 1


@dataclass(frozen=True, slots=True)
class Incoming:
    """A record to store, with the source document it was parsed from (if any)."""

    record: NoticeRecord
    raw: bytes | None = None
    raw_name: str | None = None


def record_hash(record_dict: dict[str, Any]) -> str:
    canonical = json.dumps(record_dict, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _timestamp(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _insert(session: Session, table: Any) -> Any:
    dialect = session.get_bind().dialect.name
    return (postgresql if dialect == "postgresql" else sqlite).insert(table)


def _summary_columns(record: NoticeRecord) -> dict[str, Any]:
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


class NoticeRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # -- writing -----------------------------------------------------------------------------------------

    def upsert(self, record: NoticeRecord, raw: bytes | None = None, raw_name: str | None = None) -> UpsertOutcome:
        """Store one notice; ``"new"``, ``"version"`` (a new distinct version) or ``"unchanged"``."""
        return self.upsert_many([Incoming(record, raw, raw_name)])[0]

    def upsert_many(self, batch: Sequence[Incoming]) -> list[UpsertOutcome]:
        """Store a batch in the caller's transaction; outcomes in batch order."""
        if not batch:
            return []
        keys = sorted({incoming.record.key for incoming in batch})
        self._lock_keys(keys)
        raw_ids = self._store_raw_documents(batch)
        existing = self._load_existing(keys)
        known_hashes = self._load_version_hashes([notice.id for notice in existing.values()])

        outcomes: list[UpsertOutcome] = []
        now = utcnow()
        for incoming in batch:
            record = incoming.record
            data = record.to_json_dict()
            digest = record_hash(data)
            raw_id = raw_ids.get(_sha256(incoming.raw)) if incoming.raw is not None else None
            notice = existing.get(record.key)
            if notice is None:
                notice = Notice(
                    source=record.source, number=record.number, seq=1, record=data, record_hash=digest,
                    first_seen_at=now, updated_at=now, **_summary_columns(record),
                )
                self.session.add(notice)
                self.session.flush()
                existing[record.key] = notice
                self._add_version(notice, 1, record, data, digest, raw_id, now)
                known_hashes[notice.id] = {digest}
                outcomes.append("new")
                continue
            if digest in known_hashes.setdefault(notice.id, set()):
                outcomes.append("unchanged")
                continue
            notice.seq += 1
            self._add_version(notice, notice.seq, record, data, digest, raw_id, now)
            known_hashes[notice.id].add(digest)
            if notice.version is None or record.version is None or record.version >= notice.version:
                notice.record = data
                notice.record_hash = digest
                notice.updated_at = now
                for column, value in _summary_columns(record).items():
                    setattr(notice, column, value)
            outcomes.append("version")
        self.session.flush()
        return outcomes

    def _add_version(
        self, notice: Notice, seq: int, record: NoticeRecord, data: dict[str, Any], digest: str,
        raw_id: int | None, now: datetime,
    ) -> None:
        self.session.add(
            NoticeVersion(
                notice_id=notice.id, seq=seq, version=record.version, record=data, record_hash=digest,
                raw_document_id=raw_id, created_at=now,
            )
        )

    def _lock_keys(self, keys: list[tuple[str, str]]) -> None:
        if self.session.get_bind().dialect.name != "postgresql":
            return
        for source, number in keys:  # sorted: concurrent writers take locks in one order
            self.session.execute(
                text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"), {"key": f"{source}\x1f{number}"}
            )

    def _store_raw_documents(self, batch: Sequence[Incoming]) -> dict[str, int]:
        """Insert the batch's source documents not stored yet; sha256 -> id for all of them."""
        documents: dict[str, Incoming] = {}
        for incoming in batch:
            if incoming.raw is not None:
                documents.setdefault(_sha256(incoming.raw), incoming)
        if not documents:
            return {}
        ids = self._raw_ids(list(documents))
        missing = [
            {
                "sha256": sha,
                "name": incoming.raw_name,
                "size": len(incoming.raw or b""),
                "content": zlib.compress(incoming.raw or b"", _COMPRESSION_LEVEL),
                "created_at": utcnow(),
            }
            for sha, incoming in documents.items()
            if sha not in ids
        ]
        if missing:
            self.session.execute(_insert(self.session, RawDocument).values(missing).on_conflict_do_nothing())
            ids = self._raw_ids(list(documents))
        return ids

    def _raw_ids(self, shas: list[str]) -> dict[str, int]:
        query = select(RawDocument.sha256, RawDocument.id).where(RawDocument.sha256.in_(shas))
        return {sha: raw_id for sha, raw_id in self.session.execute(query)}

    def _load_existing(self, keys: list[tuple[str, str]]) -> dict[tuple[str, str], Notice]:
        found: dict[tuple[str, str], Notice] = {}
        for chunk in _chunks(keys, 400):
            query = select(Notice).where(tuple_(Notice.source, Notice.number).in_(chunk))
            for notice in self.session.scalars(query):
                found[(notice.source, notice.number)] = notice
        return found

    def _load_version_hashes(self, notice_ids: list[int]) -> dict[int, set[str]]:
        hashes: dict[int, set[str]] = {}
        for chunk in _chunks(notice_ids, 800):
            rows = self.session.execute(
                select(NoticeVersion.notice_id, NoticeVersion.record_hash).where(NoticeVersion.notice_id.in_(chunk))
            )
            for notice_id, digest in rows:
                hashes.setdefault(notice_id, set()).add(digest)
        return hashes

    # -- reading -----------------------------------------------------------------------------------------

    def current(self, source: str, number: str) -> NoticeRecord | None:
        notice = self.session.scalar(select(Notice).where(Notice.source == source, Notice.number == number))
        return NoticeRecord.model_validate(notice.record) if notice else None

    def find_by_number(self, number: str) -> Notice | None:
        """The notice with this registry number from any source (newest first if several)."""
        return self.session.scalars(
            select(Notice).where(Notice.number == number).order_by(Notice.updated_at.desc())
        ).first()

    def iter_current(self, batch_size: int = 1000) -> Iterator[NoticeRecord]:
        """Every notice's current record, in id order, streamed in batches."""
        last_id = 0
        while True:
            rows = self.session.execute(
                select(Notice.id, Notice.record).where(Notice.id > last_id).order_by(Notice.id).limit(batch_size)
            ).all()
            if not rows:
                return
            for notice_id, data in rows:
                last_id = notice_id
                yield NoticeRecord.model_validate(data)

    def versions(self, source: str, number: str) -> list[NoticeRecord]:
        """Every stored version of a notice, oldest first."""
        query = (
            select(NoticeVersion.record)
            .join(Notice, Notice.id == NoticeVersion.notice_id)
            .where(Notice.source == source, Notice.number == number)
            .order_by(NoticeVersion.seq)
        )
        return [NoticeRecord.model_validate(data) for data in self.session.scalars(query)]

    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(Notice)) or 0

    def version_count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(NoticeVersion)) or 0


def _sha256(data: bytes | None) -> str:
    return hashlib.sha256(data or b"").hexdigest()


def _chunks(items: Sequence[Any] | Iterable[Any], size: int) -> Iterator[list[Any]]:
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]
