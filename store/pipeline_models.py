"""Tables of the company's own work on tenders (contract 4.6): pipeline entries, their events, the users of
``tenderflow serve`` and the bookmarks of the CRM sync. On the same ``Base`` as ``store.models``."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from store.models import Base, JSONType, Money, UTCDateTime, utcnow


class PipelineEntry(Base):
    """One tender the company looked at: its stage, who works on it, why it was lost, our price, its CRM deal."""

    __tablename__ = "pipeline_entries"
    __table_args__ = (Index("ix_pipeline_entries_stage", "stage"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id", ondelete="CASCADE"), unique=True)
    stage: Mapped[str] = mapped_column(String(20), default="new")
    assignee: Mapped[str | None] = mapped_column(String(120))
    loss_reason: Mapped[str | None] = mapped_column(String(60))
    comment: Mapped[str | None] = mapped_column(Text)
    our_price: Mapped[Decimal | None] = mapped_column(Money)
    winning_price: Mapped[Decimal | None] = mapped_column(Money)
    decided_by: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    """Field name -> source (cli, web, crm, system) of its last change: what a specialist set stays set."""
    crm_id: Mapped[str | None] = mapped_column(String(40))
    crm_refs: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    """What the CRM holds for this tender besides the deal: company id, task ids, last pushed state."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PipelineEvent(Base):
    """One change of one field of a pipeline entry: who, when, from where, from -> to. Never updated."""

    __tablename__ = "pipeline_events"
    __table_args__ = (Index("ix_pipeline_events_entry", "entry_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("pipeline_entries.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    who: Mapped[str] = mapped_column(String(120))
    source: Mapped[str] = mapped_column(String(10))
    field: Mapped[str] = mapped_column(String(30))
    from_value: Mapped[str | None] = mapped_column(Text)
    to_value: Mapped[str | None] = mapped_column(Text)
    applied: Mapped[bool] = mapped_column(Boolean, default=True)
    """False for a change that lost a conflict (kept so that nothing anyone did is lost)."""


class User(Base):
    """A person who logs in to `tenderflow serve`: Argon2 password hash, role, failed-login counter."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(Text)
    crm_user_id: Mapped[str | None] = mapped_column(String(40))
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SyncMark(Base):
    """Bookmarks of an external sync (e.g. the CRM's last pulled modification time)."""

    __tablename__ = "sync_marks"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
