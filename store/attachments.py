"""Attachments of notices (ТЗ, specification, draft contract): what was downloaded, what could be read, and the
requirements found in it. One row per (notice, url), tied to the notice version that listed it first; the raw
bytes are kept once per sha256 in ``raw_documents`` whichever notices share them.

A row's ``status`` is the extraction outcome (``ok``, ``unreadable``, ``refused``, ``error``) or ``failed`` when
the download itself failed: failed rows are retried by the next crawl, every other status is final, so a
re-crawl downloads nothing again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import Attachment, Notice, utcnow
from store.notices import NoticeRepository

FINAL_STATUSES = frozenset({"ok", "unreadable", "refused", "error"})
RETRY_STATUS = "failed"


@dataclass(frozen=True)
class PendingDownload:
    notice_id: int
    notice_seq: int
    source: str
    number: str
    url: str
    name: str | None
    kind: str | None


@dataclass(frozen=True)
class Outcome:
    """What reading a downloaded document gave (or why the download failed)."""

    status: str
    reason: str | None = None
    media_type: str | None = None
    text: str | None = None
    requirements: list[dict[str, Any]] | None = None


DocumentFilter = Callable[[str | None, str | None], bool]
"""``(name, kind) -> worth downloading``."""


class AttachmentRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def pending(
        self,
        wanted: DocumentFilter,
        source: str | None = None,
        numbers: Iterable[str] | None = None,
    ) -> Iterator[PendingDownload]:
        """Documents listed by current notices that ``wanted`` selects and that have no final row yet."""
        done = {
            (notice_id, url)
            for notice_id, url, status in self.session.execute(
                select(Attachment.notice_id, Attachment.url, Attachment.status)
            )
            if status in FINAL_STATUSES
        }
        query = select(Notice.id, Notice.seq, Notice.source, Notice.number, Notice.record).order_by(Notice.id)
        if source:
            query = query.where(Notice.source == source)
        if numbers is not None:
            query = query.where(Notice.number.in_(list(numbers)))
        for notice_id, seq, notice_source, number, record in self.session.execute(query):
            seen: set[str] = set()
            for document in (record or {}).get("documents") or []:
                url = document.get("url")
                if not url or url in seen or (notice_id, url) in done:
                    continue
                seen.add(url)
                if wanted(document.get("name"), document.get("kind")):
                    yield PendingDownload(
                        notice_id, seq, notice_source, number, url, document.get("name"), document.get("kind")
                    )

    def final_by_url(self, url: str) -> Attachment | None:
        """A finished row for this URL under any notice (the same file listed twice is fetched once)."""
        query = select(Attachment).where(Attachment.url == url, Attachment.status.in_(FINAL_STATUSES))
        return self.session.scalars(query.limit(1)).first()

    def final_by_sha256(self, sha256: str) -> Attachment | None:
        """A finished row with these bytes (the same file under another URL is read once)."""
        query = select(Attachment).where(Attachment.sha256 == sha256, Attachment.status.in_(FINAL_STATUSES))
        return self.session.scalars(query.limit(1)).first()

    def save(
        self,
        download: PendingDownload,
        outcome: Outcome,
        data: bytes | None = None,
        sha256: str | None = None,
        raw_document_id: int | None = None,
    ) -> Attachment:
        """Insert or update the (notice, url) row; raw bytes, when given, are stored once per sha256."""
        if data is not None:
            raw_document_id = self.store_raw(data, download.name or download.url)
            sha256 = hashlib.sha256(data).hexdigest()
        row = self.session.scalars(
            select(Attachment).where(Attachment.notice_id == download.notice_id, Attachment.url == download.url)
        ).first()
        if row is None:
            row = Attachment(notice_id=download.notice_id, url=download.url)
            self.session.add(row)
        row.notice_seq = download.notice_seq
        row.name = download.name
        row.kind = download.kind
        row.sha256 = sha256
        row.size = len(data) if data is not None else row.size
        row.media_type = outcome.media_type
        row.status = outcome.status
        row.reason = outcome.reason
        row.raw_document_id = raw_document_id
        row.text = outcome.text
        row.requirements = outcome.requirements or []
        row.fetched_at = utcnow()
        self.session.flush()
        return row

    def copy(self, download: PendingDownload, existing: Attachment) -> Attachment:
        """Record a document already read elsewhere (same URL or same bytes) for this notice."""
        outcome = Outcome(existing.status, existing.reason, existing.media_type, existing.text, existing.requirements)
        row = self.save(download, outcome, sha256=existing.sha256, raw_document_id=existing.raw_document_id)
        row.size = existing.size
        return row

    def store_raw(self, data: bytes, name: str) -> int:
        # The notices repository owns raw document storage (dedup by sha256, compression); reuse it.
        repository = NoticeRepository(self.session)
        return repository.store_raw(data, name)

    def for_notice(self, source: str, number: str) -> list[Attachment]:
        """Every attachment row of the notice (any version, any status), in the order the notice lists them."""
        notice = self.session.scalars(select(Notice).where(Notice.source == source, Notice.number == number)).first()
        if notice is None:
            return []
        urls = [d.get("url") for d in (notice.record or {}).get("documents") or []]
        order = {url: position for position, url in enumerate(urls)}
        rows = list(self.session.scalars(select(Attachment).where(Attachment.notice_id == notice.id)))
        return sorted(rows, key=lambda row: (order.get(row.url, len(order)), row.id))

    def _current(self, notice_ids: list[int]) -> dict[int, list[Attachment]]:
        """Readable attachments of each notice that its current version still lists (an amended notice that
        replaced its ТЗ no longer carries the old file's requirements), in the order the notice lists them."""
        listed: dict[int, list[str]] = {}
        for notice_id, record in self.session.execute(
            select(Notice.id, Notice.record).where(Notice.id.in_(notice_ids))
        ):
            listed[notice_id] = [d.get("url") for d in (record or {}).get("documents") or [] if d.get("url")]
        found: dict[int, list[Attachment]] = {notice_id: [] for notice_id in notice_ids}
        query = select(Attachment).where(Attachment.notice_id.in_(notice_ids), Attachment.status == "ok")
        for row in self.session.scalars(query.order_by(Attachment.id)):
            if row.url in listed.get(row.notice_id, ()):
                found[row.notice_id].append(row)
        for notice_id, rows in found.items():
            order = {url: position for position, url in enumerate(listed.get(notice_id, []))}
            rows.sort(key=lambda row: order.get(row.url, len(order)))
        return found

    def requirements(self, notice_id: int) -> list[dict[str, Any]]:
        """The requirements found in the readable attachments the notice currently lists, in its order."""
        return [entry for row in self._current([notice_id])[notice_id] for entry in (row.requirements or [])]

    def notice_ids(self, among: Sequence[int] | None = None) -> list[int]:
        """Notices that have attachments (of those ``among``, if given), in id order."""
        query = select(Attachment.notice_id).distinct()
        if among is None:
            return sorted(set(self.session.scalars(query)))
        found: set[int] = set()
        for start in range(0, len(among), 500):
            found.update(self.session.scalars(query.where(Attachment.notice_id.in_(among[start : start + 500]))))
        return sorted(found)

    def requirements_many(self, notice_ids: Sequence[int]) -> dict[int, tuple[str, list[dict[str, Any]]]]:
        """Per notice with readable attachments: (fingerprint as :meth:`requirements_hash`, requirements as
        :meth:`requirements`), for a batch of notices in a few queries; notices without any are left out."""
        found: dict[int, tuple[str, list[dict[str, Any]]]] = {}
        with_files = self.notice_ids(notice_ids)
        for start in range(0, len(with_files), 500):
            for notice_id, rows in self._current(with_files[start : start + 500]).items():
                shas = [row.sha256 or "" for row in rows if row.requirements]
                if shas:
                    requirements = [entry for row in rows for entry in (row.requirements or [])]
                    found[notice_id] = (hashlib.sha256("\n".join(shas).encode()).hexdigest(), requirements)
        return found

    def requirements_hash(self, notice_ids: Iterable[int]) -> dict[int, str]:
        """Per notice, a fingerprint of the attachment files its requirements come from (empty string when none):
        a matcher that stores it re-matches a notice whose attachments changed since."""
        hashes: dict[int, str] = {}
        ids = list(notice_ids)
        for start in range(0, len(ids), 500):
            for notice_id, rows in self._current(ids[start : start + 500]).items():
                shas = [row.sha256 or "" for row in rows if row.requirements]
                hashes[notice_id] = hashlib.sha256("\n".join(shas).encode()).hexdigest() if shas else ""
        return hashes
