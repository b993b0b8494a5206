"""The pipeline aggregate (contract 4.6): entries (one per tender the company looked at) and their events.

Entries live in their own table keyed by the notice row, which a re-crawl updates in place and a re-match never
touches: nothing here is written by anything but the pipeline's own functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import Notice, utcnow
from store.pipeline_models import PipelineEntry, PipelineEvent, SyncMark

__all__ = ["BEFORE_SUBMISSION", "EventData", "PipelineRepository", "Session", "TenderRef"]

BEFORE_SUBMISSION: tuple[str, ...] = ("new", "qualified", "preparing")
"""Stages in which the application is still to be submitted (the overdue block watches these)."""


@dataclass(frozen=True, slots=True)
class TenderRef:
    """What the pipeline shows of a notice."""

    notice_id: int
    source: str
    number: str
    title: str | None
    customer_name: str | None
    customer_inn: str | None
    nmck: Decimal | None
    currency: str | None
    deadline_at: datetime | None
    url: str | None
    status: str
    application_security: bool


@dataclass(frozen=True, slots=True)
class EventData:
    field: str
    from_value: str | None
    to_value: str | None
    who: str
    source: str
    at: datetime
    applied: bool = True


def _ref(notice: Notice) -> TenderRef:
    record = notice.record or {}
    customer = record.get("customer") or {}
    security = record.get("application_security") or {}
    return TenderRef(
        notice.id, notice.source, notice.number, notice.title, notice.customer_name, customer.get("inn"),
        notice.nmck, notice.currency, notice.deadline_at, record.get("url"), notice.status,
        bool(security.get("amount") or security.get("percent")),
    )


class PipelineRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # -- notices -------------------------------------------------------------------------------------------

    def tender(self, number: str) -> TenderRef | None:
        """The notice with this registry number (newest first when several sources hold it)."""
        notice = self.session.scalars(
            select(Notice).where(Notice.number == number).order_by(Notice.updated_at.desc())
        ).first()
        return _ref(notice) if notice else None

    def tender_by_id(self, notice_id: int) -> TenderRef | None:
        notice = self.session.get(Notice, notice_id)
        return _ref(notice) if notice else None

    # -- entries -------------------------------------------------------------------------------------------

    def entry(self, notice_id: int) -> PipelineEntry | None:
        return self.session.scalar(select(PipelineEntry).where(PipelineEntry.notice_id == notice_id))

    def get_or_create(self, notice_id: int) -> PipelineEntry:
        entry = self.entry(notice_id)
        if entry is None:
            now = utcnow()
            entry = PipelineEntry(notice_id=notice_id, stage="new", decided_by={}, crm_refs={},
                                  created_at=now, updated_at=now)
            self.session.add(entry)
            self.session.flush()
        return entry

    def by_crm_id(self, crm_id: str) -> PipelineEntry | None:
        return self.session.scalar(select(PipelineEntry).where(PipelineEntry.crm_id == crm_id))

    def entries(self, stages: Sequence[str] | None = None) -> Iterator[tuple[PipelineEntry, TenderRef]]:
        """Every entry with its notice, newest change first."""
        query = select(PipelineEntry, Notice).join(Notice, Notice.id == PipelineEntry.notice_id)
        if stages:
            query = query.where(PipelineEntry.stage.in_(list(stages)))
        for entry, notice in self.session.execute(query.order_by(PipelineEntry.updated_at.desc())):
            yield entry, _ref(notice)

    def numbers(self) -> set[str]:
        """Registry numbers of the tenders in the pipeline."""
        query = select(Notice.number).join(PipelineEntry, PipelineEntry.notice_id == Notice.id)
        return set(self.session.scalars(query))

    def entries_for(self, notice_ids: Iterable[int]) -> dict[int, PipelineEntry]:
        ids = list(notice_ids)
        found: dict[int, PipelineEntry] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            query = select(PipelineEntry).where(PipelineEntry.notice_id.in_(chunk))
            found.update({entry.notice_id: entry for entry in self.session.scalars(query)})
        return found

    def touch(self, entry: PipelineEntry, values: dict[str, Any], at: datetime | None = None) -> None:
        for name, value in values.items():
            setattr(entry, name, value)
        entry.updated_at = at or utcnow()
        self.session.flush()

    def save_crm_state(self, entry: PipelineEntry, refs: dict[str, Any], crm_id: str | None = None) -> None:
        """What the CRM holds for the entry; not a decision, so ``updated_at`` stays."""
        if crm_id is not None:
            entry.crm_id = crm_id
        entry.crm_refs = refs
        self.session.flush()

    def commit(self) -> None:
        """Make what is done so far durable (a long sync keeps the ids of what it created)."""
        self.session.commit()

    # -- events --------------------------------------------------------------------------------------------

    def add_events(self, entry: PipelineEntry, events: Iterable[EventData]) -> int:
        rows = [
            PipelineEvent(entry_id=entry.id, at=e.at, who=e.who, source=e.source, field=e.field,
                          from_value=e.from_value, to_value=e.to_value, applied=e.applied)
            for e in events
        ]
        self.session.add_all(rows)
        self.session.flush()
        return len(rows)

    def events(self, entry: PipelineEntry) -> list[EventData]:
        query = select(PipelineEvent).where(PipelineEvent.entry_id == entry.id).order_by(
            PipelineEvent.at, PipelineEvent.id
        )
        return [
            EventData(e.field, e.from_value, e.to_value, e.who, e.source, e.at, e.applied)
            for e in self.session.scalars(query)
        ]

    def last_change(self, entry: PipelineEntry, field: str) -> datetime | None:
        """When an applied change of this field was last made (any source)."""
        return self.session.scalar(
            select(PipelineEvent.at)
            .where(PipelineEvent.entry_id == entry.id, PipelineEvent.field == field, PipelineEvent.applied)
            .order_by(PipelineEvent.at.desc())
            .limit(1)
        )

    # -- sync bookmarks ------------------------------------------------------------------------------------

    def mark(self, key: str) -> str | None:
        row = self.session.get(SyncMark, key)
        return row.value if row else None

    def set_mark(self, key: str, value: str) -> None:
        row = self.session.get(SyncMark, key)
        if row is None:
            self.session.add(SyncMark(key=key, value=value, updated_at=utcnow()))
        else:
            row.value, row.updated_at = value, utcnow()
        self.session.flush()
