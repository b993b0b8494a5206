"""Notices: upsert by (source, number), every distinct version kept, raw documents kept compressed.

Writes are batched (``upsert_many``) because a nightly crawl stores tens of thousands of notices. Concurrent
writers are safe: on PostgreSQL each batch takes transaction-level advisory locks on its keys (sorted, so two
writers never deadlock); on SQLite every transaction begins IMMEDIATE (see ``store.db``), which serialises
writers. Unique constraints back both up, so nothing is ever duplicated.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import func, insert, select, text, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from store.keysets import Lookup
from store.models import Notice, NoticeVersion, RawDocument, utcnow
from store.prepared import PreparedNotice, PreparedRaw, prepare, prepare_raw
from store.schema import NoticeRecord
from store.stored_documents import known_documents

UpsertOutcome = Literal["new", "version", "unchanged"]

_NOTICES = Notice.__table__
_VERSIONS = NoticeVersion.__table__
_RAW = RawDocument.__table__
# Per-batch look-ups of source documents by sha256 (``store.keysets``: the keys in one bound parameter).
_RAW_IDS = Lookup(lambda among: select(_RAW.c.sha256, _RAW.c.id).where(among(_RAW.c.sha256)))


@dataclass(frozen=True, slots=True)
class Incoming:
    """A record to store, with the source document it was parsed from (if any)."""

    record: NoticeRecord
    raw: bytes | None = None
    raw_name: str | None = None

    def prepared(self) -> PreparedNotice:
        return prepare(self.record, self.raw, self.raw_name)


def _insert(session: Session, table: Any) -> Any:
    dialect = session.get_bind().dialect.name
    return (postgresql if dialect == "postgresql" else sqlite).insert(table)


@dataclass(slots=True)
class _NoticeState:
    """What an upsert needs to know of a stored (or batch-new) notice."""

    id: int | None
    seq: int
    version: int | None
    hashes: set[str]
    current: PreparedNotice | None = None
    """For a notice new in this batch, or one whose current version changes: its newest record."""
    stored_seq: int = 0


class NoticeRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # -- writing -----------------------------------------------------------------------------------------

    def upsert(self, record: NoticeRecord, raw: bytes | None = None, raw_name: str | None = None) -> UpsertOutcome:
        """Store one notice; ``"new"``, ``"version"`` (a new distinct version) or ``"unchanged"``."""
        return self.upsert_many([Incoming(record, raw, raw_name)])[0]

    def upsert_many(self, batch: Sequence[Incoming | PreparedNotice]) -> list[UpsertOutcome]:
        """Store a batch in the caller's transaction with a few bulk statements; outcomes in batch order.

        Records come validated, either prepared already (by a parsing worker) or prepared here.
        """
        if not batch:
            return []
        notices = [item if isinstance(item, PreparedNotice) else item.prepared() for item in batch]
        keys = sorted({notice.key for notice in notices})
        self._lock_keys(keys)
        raw_ids = self._store_raw_documents([notice.raw for notice in notices if notice.raw is not None])
        states = self._load_states(keys)
        new_keys = {key for key in keys if key not in states}

        outcomes: list[UpsertOutcome] = []
        versions: list[tuple[tuple[str, str], dict[str, Any]]] = []
        now = utcnow()
        for notice in notices:
            state = states.get(notice.key)
            if state is None:
                state = states[notice.key] = _NoticeState(None, 0, notice.version, set())
                outcome: UpsertOutcome = "new"
            elif notice.record_hash in state.hashes:
                outcomes.append("unchanged")
                continue
            else:
                outcome = "version"
            state.seq += 1
            state.hashes.add(notice.record_hash)
            if state.seq == 1 or state.version is None or notice.version is None or notice.version >= state.version:
                state.version = notice.version
                state.current = notice
            versions.append((notice.key, {
                "seq": state.seq, "version": notice.version, "record": notice.record,
                "record_hash": notice.record_hash,
                "raw_document_id": raw_ids[notice.raw.sha256] if notice.raw is not None else None,
                "created_at": now,
            }))
            outcomes.append(outcome)

        self._insert_new_notices([(key, states[key]) for key in keys if key in new_keys], now)
        self._update_changed_notices([states[key] for key in keys if key not in new_keys], now)
        if versions:
            rows = [{"notice_id": states[key].id, **row} for key, row in versions]
            self.session.execute(insert(_VERSIONS), rows)
        return outcomes

    def _insert_new_notices(self, new: list[tuple[tuple[str, str], _NoticeState]], now: datetime) -> None:
        if not new:
            return
        rows = []
        for (source, number), state in new:
            notice = state.current
            assert notice is not None
            rows.append({
                "source": source, "number": number, "seq": state.seq, "record": notice.record,
                "record_hash": notice.record_hash, "first_seen_at": now, "updated_at": now, **notice.summary,
            })
        # One executemany, then the ids in one query per chunk: an INSERT ... RETURNING whose ids must come back
        # in the rows' order runs one statement per row on SQLite (no sentinel for an integer key).
        self.session.execute(insert(_NOTICES), rows)
        ids = self._notice_ids([key for key, _ in new])
        for key, state in new:
            state.id = ids[key]

    def _notice_ids(self, keys: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
        found: dict[tuple[str, str], int] = {}
        for chunk in _chunks(keys, 400):
            query = select(_NOTICES.c.source, _NOTICES.c.number, _NOTICES.c.id)
            query = query.where(tuple_(_NOTICES.c.source, _NOTICES.c.number).in_(chunk))
            found.update({(source, number): notice_id for source, number, notice_id in self.session.execute(query)})
        return found

    def _update_changed_notices(self, states: list[_NoticeState], now: datetime) -> None:
        for state in states:
            notice = state.current
            if notice is not None:
                values = {"record": notice.record, "record_hash": notice.record_hash, "updated_at": now,
                          **notice.summary}
            elif state.seq != state.stored_seq:  # only an older version arrived: history grows, current stays
                values = {}
            else:
                continue
            self.session.execute(update(_NOTICES).where(_NOTICES.c.id == state.id).values(seq=state.seq, **values))

    def store_raw(self, data: bytes, name: str | None = None) -> int:
        """Keep a source document (stored once per sha256, compressed); its ``raw_documents`` id."""
        raw = prepare_raw(data, name)
        return self._store_raw_documents([raw])[raw.sha256]

    def known_documents(self, shas: Sequence[str]) -> dict[str, int]:
        """Of these source documents (sha256), those stored already with their notices (``store.stored_documents``)."""
        return known_documents(self.session, shas)

    def _lock_keys(self, keys: list[tuple[str, str]]) -> None:
        if self.session.get_bind().dialect.name != "postgresql":
            return
        for source, number in keys:  # sorted: concurrent writers take locks in one order
            self.session.execute(
                text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"), {"key": f"{source}\x1f{number}"}
            )

    def _store_raw_documents(self, documents: list[PreparedRaw]) -> dict[str, int]:
        """Insert the documents not stored yet (by sha256); sha256 -> id for all of them."""
        if not documents:
            return {}
        unique = {raw.sha256: raw for raw in documents}
        ids = self._raw_ids(list(unique))
        now = utcnow()
        missing = [
            {"sha256": sha, "name": raw.name, "size": raw.size, "content": raw.content, "created_at": now}
            for sha, raw in unique.items()
            if sha not in ids
        ]
        if missing:
            self.session.execute(_insert(self.session, _RAW).on_conflict_do_nothing(), missing)
            ids = self._raw_ids(list(unique))
        return ids

    def _raw_ids(self, shas: list[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        for chunk in _chunks(shas, 500):
            found.update({sha: raw_id for sha, raw_id in _RAW_IDS(self.session, chunk)})
        return found

    def _load_states(self, keys: list[tuple[str, str]]) -> dict[tuple[str, str], _NoticeState]:
        states: dict[tuple[str, str], _NoticeState] = {}
        by_id: dict[int, _NoticeState] = {}
        for chunk in _chunks(keys, 400):
            query = select(_NOTICES.c.id, _NOTICES.c.source, _NOTICES.c.number, _NOTICES.c.seq, _NOTICES.c.version)
            query = query.where(tuple_(_NOTICES.c.source, _NOTICES.c.number).in_(chunk))
            for notice_id, source, number, seq, version in self.session.execute(query):
                state = _NoticeState(notice_id, seq, version, set(), stored_seq=seq)
                states[(source, number)] = by_id[notice_id] = state
        for chunk in _chunks(list(by_id), 800):
            query = select(_VERSIONS.c.notice_id, _VERSIONS.c.record_hash).where(_VERSIONS.c.notice_id.in_(chunk))
            for notice_id, digest in self.session.execute(query):
                by_id[notice_id].hashes.add(digest)
        return states

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


def _chunks(items: Sequence[Any] | Iterable[Any], size: int) -> Iterator[list[Any]]:
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]
