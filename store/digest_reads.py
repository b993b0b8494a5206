"""The digest's reads: matched notices, the best product per line, products, attachments and notice versions.

Plain rows, not ORM objects: a digest reads tens of thousands of them and changes none. Every ``IN`` list is
sent in chunks, so a large digest stays under the databases' parameter limits.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Row, or_, select, tuple_
from sqlalchemy.orm import Session

from store.models import Attachment, Match, Notice, NoticeMatch, NoticeVersion, Product

__all__ = ["DigestReads", "Row"]

_CHUNK = 500
_MATCH_COLUMNS = (
    Match.notice_id, Match.item_index, Match.sku, Match.score, Match.compliant, Match.failed, Match.unknown,
    Match.explanation,
)  # fmt: skip
_NOTICE_COLUMNS = (
    Notice.id, Notice.source, Notice.number, Notice.seq, Notice.status, Notice.record, Notice.first_seen_at,
    NoticeMatch.notice_seq, NoticeMatch.score, NoticeMatch.relevant, NoticeMatch.possible,
    NoticeMatch.explanation,
)  # fmt: skip
_PRODUCT_COLUMNS = (Product.sku, Product.name, Product.vendor, Product.price, Product.country, Product.registry_number)
_ATTACHMENT_COLUMNS = (
    Attachment.notice_id, Attachment.url, Attachment.name, Attachment.status, Attachment.reason,
    Attachment.requirements,
)  # fmt: skip


def _chunks(values: Iterable[Any]) -> Iterator[list[Any]]:
    values = list(values)
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


class DigestReads:
    def __init__(self, session: Session) -> None:
        self.session = session

    def matched(self, now: datetime, min_score: int) -> list[Row[Any]]:
        """Notices whose notice-level match scores at least ``min_score`` (and at least 1) and whose deadline
        is not more than a day past ``now`` (SQLite keeps timestamps without their offset: a day of slack,
        the caller makes the exact test). Columns: notice id, source, number, seq, status, record,
        first_seen_at, and the match's notice_seq, score, relevant, possible, explanation."""
        query = (
            select(*_NOTICE_COLUMNS)
            .join(NoticeMatch, NoticeMatch.notice_id == Notice.id)
            .where(NoticeMatch.score >= max(min_score, 1))
            .where(or_(Notice.deadline_at.is_(None), Notice.deadline_at > now - timedelta(days=1)))
        )
        return list(self.session.execute(query))

    def best_matches(self, keys: Iterable[tuple[int, int]]) -> dict[tuple[int, int], Row[Any]]:
        """(notice_id, item_index) → the rank-1 match of each line, for the given (notice_id, notice_seq)."""
        best: dict[tuple[int, int], Row[Any]] = {}
        for chunk in _chunks(keys):
            query = select(*_MATCH_COLUMNS).where(Match.rank == 1, tuple_(Match.notice_id, Match.notice_seq).in_(chunk))
            for match in self.session.execute(query):
                best[(match.notice_id, match.item_index)] = match
        return best

    def products(self, skus: Iterable[str]) -> dict[str, Row[Any]]:
        """sku → the product's name, vendor, price, country and registry number."""
        found: dict[str, Row[Any]] = {}
        for chunk in _chunks(skus):
            query = select(*_PRODUCT_COLUMNS).where(Product.sku.in_(chunk))
            found.update((product.sku, product) for product in self.session.execute(query))
        return found

    def with_readable_attachments(self, notice_ids: Iterable[int]) -> set[int]:
        """Those of the notices that have at least one attachment read successfully."""
        found: set[int] = set()
        for chunk in _chunks(notice_ids):
            query = select(Attachment.notice_id).where(Attachment.notice_id.in_(chunk), Attachment.status == "ok")
            found.update(self.session.scalars(query.distinct()))
        return found

    def attachments(self, notice_ids: Iterable[int]) -> dict[tuple[int, str], Row[Any]]:
        """(notice_id, url) → the attachment's name, status, reason and requirements."""
        found: dict[tuple[int, str], Row[Any]] = {}
        for chunk in _chunks(notice_ids):
            for row in self.session.execute(select(*_ATTACHMENT_COLUMNS).where(Attachment.notice_id.in_(chunk))):
                found[(row.notice_id, row.url)] = row
        return found

    def versions(self, pairs: Iterable[tuple[int, int]]) -> dict[tuple[int, int], dict[str, Any]]:
        """(notice_id, seq) → the stored record of that version."""
        found: dict[tuple[int, int], dict[str, Any]] = {}
        for chunk in _chunks(pairs):
            query = select(NoticeVersion.notice_id, NoticeVersion.seq, NoticeVersion.record).where(
                tuple_(NoticeVersion.notice_id, NoticeVersion.seq).in_(chunk)
            )
            for notice_id, seq, record in self.session.execute(query):
                found[(notice_id, seq)] = record
        return found

    def version_times(self, notice_ids: Iterable[int]) -> Iterator[tuple[int, int, datetime]]:
        """(notice_id, seq, created_at) of every version of the notices, by notice then seq."""
        for chunk in _chunks(notice_ids):
            query = (
                select(NoticeVersion.notice_id, NoticeVersion.seq, NoticeVersion.created_at)
                .where(NoticeVersion.notice_id.in_(chunk))
                .order_by(NoticeVersion.notice_id, NoticeVersion.seq)
            )
            yield from self.session.execute(query).tuples()

    def top_relevant_number(self, now: datetime) -> str | None:
        """The number of the best-scoring relevant notice still open at ``now`` (soonest deadline on a tie)."""
        return self.session.execute(
            select(Notice.number)
            .join(NoticeMatch, NoticeMatch.notice_id == Notice.id)
            .where(NoticeMatch.relevant.is_(True), Notice.deadline_at > now)
            .order_by(NoticeMatch.score.desc(), Notice.deadline_at)
            .limit(1)
        ).scalar()
