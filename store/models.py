"""Tables. Canonical records live in JSON columns; the columns beside them are what queries filter on."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from store.codec import JsonText, PackedJson, decompress, pack_json, unpack_json

JSONType = JSON().with_variant(JSONB(), "postgresql")
Money = Numeric(20, 2)


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timestamps stored in UTC and always read back timezone-aware (SQLite would drop the offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive timestamp {value!r}: store timezone-aware values only")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class RecordJSON(TypeDecorator[dict[str, Any]]):
    """A canonical record: JSONB on PostgreSQL (which compresses it in TOAST); on SQLite, which compresses
    nothing, a zstd frame of the JSON text, a sixth of its size (every byte is written twice, WAL then
    checkpoint, and records are a third of what ingest writes). Reads accept JSON text too (rows written
    before this type). Binds take a dict, a :class:`~store.codec.JsonText` or a :class:`~store.codec.PackedJson`
    (compressed by a parsing worker), whichever the writer has. The SQLite column keeps its declared type
    JSON from migration 0001: SQLite stores a blob in it as is (type affinity never converts blobs)."""

    impl = JSON
    cache_ok = True

    def load_dialect_impl(self, dialect: Any) -> Any:
        return dialect.type_descriptor(JSONB() if dialect.name == "postgresql" else LargeBinary())

    def process_bind_param(self, value: Any, dialect: Any) -> Any:
        if value is None:
            return None
        if dialect.name == "postgresql":
            return JsonText(decompress(value).decode()) if isinstance(value, PackedJson) else value
        if isinstance(value, PackedJson):
            return bytes(value)
        return pack_json(value)

    def process_result_value(self, value: Any, dialect: Any) -> Any:
        if value is None or dialect.name == "postgresql":
            return value
        return unpack_json(value)


class PackedJSON(RecordJSON):
    """JSON kept as a zstd frame of its text on both back ends (``bytea`` on PostgreSQL since migration 0010):
    for values written in bulk and only ever read whole by Python, never queried in SQL (a candidate's
    explanation). The frame is made where the value is computed (a matching worker) and stored as is: neither
    the writer nor PostgreSQL parses the JSON (parsing ~60 explanations per notice into JSONB was half of
    PostgreSQL's extra time in ``tenderflow match``). Reads accept JSON text too, as str (SQLite rows written
    before :class:`RecordJSON`) or bytes (PostgreSQL rows converted from JSONB by migration 0010)."""

    cache_ok = True

    def load_dialect_impl(self, dialect: Any) -> Any:
        return dialect.type_descriptor(LargeBinary())

    def process_bind_param(self, value: Any, dialect: Any) -> Any:
        if value is None:
            return None
        return bytes(value) if isinstance(value, PackedJson) else pack_json(value)

    def process_result_value(self, value: Any, dialect: Any) -> Any:
        return None if value is None else unpack_json(value)


class Base(DeclarativeBase):
    pass


class RawDocument(Base):
    """A source document exactly as fetched (compressed, see ``store.codec``), so parsing can be re-run."""

    __tablename__ = "raw_documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str | None] = mapped_column(Text)
    size: Mapped[int] = mapped_column(BigInteger)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Notice(Base):
    """The current state of a notice: one row per (source, number)."""

    __tablename__ = "notices"
    __table_args__ = (
        UniqueConstraint("source", "number", name="uq_notices_source_number"),
        Index("ix_notices_deadline", "deadline_at"),
        Index("ix_notices_number", "number"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(40))
    number: Mapped[str] = mapped_column(String(120))
    seq: Mapped[int] = mapped_column(Integer)
    """How many distinct versions have been stored (the current one is ``seq``)."""
    version: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20))
    law: Mapped[str | None] = mapped_column(String(20))
    title: Mapped[str | None] = mapped_column(Text)
    customer_name: Mapped[str | None] = mapped_column(Text)
    region: Mapped[str | None] = mapped_column(Text)
    nmck: Mapped[Decimal | None] = mapped_column(Money)
    currency: Mapped[str | None] = mapped_column(String(8))
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    deadline_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    record: Mapped[dict[str, Any]] = mapped_column(RecordJSON)
    record_hash: Mapped[str] = mapped_column(String(64))
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class NoticeVersion(Base):
    """Every distinct version of a notice ever seen, in arrival order (``seq`` 1..n)."""

    __tablename__ = "notice_versions"
    __table_args__ = (
        UniqueConstraint("notice_id", "seq", name="uq_notice_versions_seq"),
        UniqueConstraint("notice_id", "record_hash", name="uq_notice_versions_hash"),
        Index("ix_notice_versions_raw_document", "raw_document_id"),  # the unchanged-document lookup joins on it
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    version: Mapped[int | None] = mapped_column(Integer)
    record: Mapped[dict[str, Any]] = mapped_column(RecordJSON)
    record_hash: Mapped[str] = mapped_column(String(64))
    raw_document_id: Mapped[int | None] = mapped_column(ForeignKey("raw_documents.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Product(Base):
    """A catalogue product; ``record`` is the full :class:`store.schema.Product` with specs."""

    __tablename__ = "products"

    sku: Mapped[str] = mapped_column(String(120), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    vendor: Mapped[str | None] = mapped_column(Text)
    model: Mapped[str | None] = mapped_column(Text)
    category: Mapped[str | None] = mapped_column(Text)
    okpd2: Mapped[str | None] = mapped_column(String(40))
    ktru: Mapped[str | None] = mapped_column(String(60))
    price: Mapped[Decimal] = mapped_column(Money)
    country: Mapped[str | None] = mapped_column(Text)
    registry_number: Mapped[str | None] = mapped_column(Text)
    record: Mapped[dict[str, Any]] = mapped_column(JSONType)
    content_hash: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Match(Base):
    """A candidate product for a notice line (contract 4.3 row), with the explanation of its score."""

    __tablename__ = "matches"
    __table_args__ = (Index("ix_matches_notice", "notice_id", "item_index", "rank"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id", ondelete="CASCADE"))
    notice_seq: Mapped[int] = mapped_column(Integer)
    item_index: Mapped[int] = mapped_column(Integer)
    rank: Mapped[int] = mapped_column(Integer)
    sku: Mapped[str] = mapped_column(String(120))
    score: Mapped[int] = mapped_column(Integer)
    compliant: Mapped[str] = mapped_column(String(10))
    failed: Mapped[list[str]] = mapped_column(JSONType, default=list)
    unknown: Mapped[list[str]] = mapped_column(JSONType, default=list)
    explanation: Mapped[dict[str, Any]] = mapped_column(PackedJSON, default=dict)
    """Every verdict of the candidate: the bulk of what ``tenderflow match`` writes (a zstd frame)."""


class NoticeMatch(Base):
    """The notice-level result of matching: score, relevance and why."""

    __tablename__ = "notice_matches"

    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id", ondelete="CASCADE"), primary_key=True)
    notice_seq: Mapped[int] = mapped_column(Integer)
    score: Mapped[int] = mapped_column(Integer)
    relevant: Mapped[bool] = mapped_column(Boolean)
    possible: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    """Not relevant, but would be were its best "unknown" candidates proven (``matching.relevance``)."""
    explanation: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    catalogue_hash: Mapped[str] = mapped_column(String(64))
    matched_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Review(Base):
    """A specialist's decision on a notice."""

    __tablename__ = "reviews"

    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id", ondelete="CASCADE"), primary_key=True)
    status: Mapped[str] = mapped_column(String(20))
    assignee: Mapped[str | None] = mapped_column(Text)
    comment: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CrawlRun(Base):
    """One run of one source: the health record the digest shows."""

    __tablename__ = "crawl_runs"
    __table_args__ = (Index("ix_crawl_runs_source", "source", "started_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(40))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(20), default="running")
    close_reason: Mapped[str | None] = mapped_column(Text)
    stats: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)


class CrawlWindow(Base):
    """A time window of a source (and query) that a run completed or failed: no silent gaps."""

    __tablename__ = "crawl_windows"
    __table_args__ = (Index("ix_crawl_windows_source", "source", "query_key", "window_end"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(40))
    query_key: Mapped[str] = mapped_column(String(200), default="")
    window_start: Mapped[datetime] = mapped_column(UTCDateTime)
    window_end: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(20))
    run_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_runs.id"))


class DigestView(Base):
    """What a digest showed, so the next one knows what is new to the reader."""

    __tablename__ = "digest_views"
    __table_args__ = (Index("ix_digest_views_notice", "notice_id", "notice_seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id", ondelete="CASCADE"))
    notice_seq: Mapped[int] = mapped_column(Integer)
    digest_id: Mapped[str] = mapped_column(String(64))
    shown_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Attachment(Base):
    """A document attached to a notice version (ТЗ, specification...), with what could be read from it."""

    __tablename__ = "attachments"
    __table_args__ = (UniqueConstraint("notice_id", "url", name="uq_attachments_notice_url"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id", ondelete="CASCADE"))
    notice_seq: Mapped[int] = mapped_column(Integer)
    url: Mapped[str] = mapped_column(Text)
    name: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str | None] = mapped_column(Text)
    sha256: Mapped[str | None] = mapped_column(String(64))
    size: Mapped[int | None] = mapped_column(BigInteger)
    media_type: Mapped[str | None] = mapped_column(String(120))
    status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text)
    raw_document_id: Mapped[int | None] = mapped_column(ForeignKey("raw_documents.id"))
    text: Mapped[str | None] = mapped_column(Text)
    requirements: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    fetched_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


# --- Outcomes (issue 20, contract 4.5): outcome documents, every version kept, and the outcome per notice ----


class OutcomeDocumentRow(Base):
    """One distinct version of a parsed outcome document (cancellation, protocol, contract, execution)."""

    __tablename__ = "outcome_documents"
    __table_args__ = (
        UniqueConstraint("doc_key", "record_hash", name="uq_outcome_documents_version"),
        Index("ix_outcome_documents_notice", "notice_number"),
        Index("ix_outcome_documents_contract", "contract_reg_number"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_key: Mapped[str] = mapped_column(String(250))
    family: Mapped[str] = mapped_column(String(20))
    doc_type: Mapped[str] = mapped_column(String(80))
    law: Mapped[str | None] = mapped_column(String(20))
    notice_number: Mapped[str | None] = mapped_column(String(120))
    contract_reg_number: Mapped[str | None] = mapped_column(String(60))
    version: Mapped[int | None] = mapped_column(Integer)
    record: Mapped[dict[str, Any]] = mapped_column(RecordJSON)
    record_hash: Mapped[str] = mapped_column(String(64))
    raw_document_id: Mapped[int | None] = mapped_column(ForeignKey("raw_documents.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Outcome(Base):
    """The outcome of a notice derived from its documents (without the NMCK-dependent fields, which are
    computed when read, from the stored notice); ``flags`` lists the inconsistencies found."""

    __tablename__ = "outcomes"
    __table_args__ = (Index("ix_outcomes_updated", "updated_at"),)

    notice_number: Mapped[str] = mapped_column(String(120), primary_key=True)
    law: Mapped[str | None] = mapped_column(String(20))
    outcome: Mapped[str] = mapped_column(String(20))
    decided_at: Mapped[str | None] = mapped_column(String(40))
    record: Mapped[dict[str, Any]] = mapped_column(RecordJSON)
    record_hash: Mapped[str] = mapped_column(String(64))
    flags: Mapped[list[str]] = mapped_column(JSONType, default=list)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


# --- matching: specialists' corrections of compliance verdicts (learned by the matcher, never lost by a re-match) ---
class MatchCorrection(Base):
    """A specialist's verdict on one characteristic of one line for one product, with the evidence it was given on
    (the requirement as matched, the product spec and value it was aligned to). Undoing keeps the row."""

    __tablename__ = "match_corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_number: Mapped[str] = mapped_column(String(64), index=True)
    item_index: Mapped[int] = mapped_column(Integer)
    sku: Mapped[str] = mapped_column(String(120))
    characteristic: Mapped[str] = mapped_column(Text)
    required: Mapped[str | None] = mapped_column(Text)
    spec_name: Mapped[str | None] = mapped_column(Text)
    offered: Mapped[str | None] = mapped_column(Text)
    verdict: Mapped[str] = mapped_column(String(10))
    author: Mapped[str | None] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
