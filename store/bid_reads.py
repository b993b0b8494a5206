"""A bid's reads: the stored notices with a number, the top match per line, the catalogue as stored and the
notice-level match (catalogue hash, when matched). Read-only; the bid package is assembled in ``bids/``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store.models import Match, Notice, NoticeMatch
from store.models import Product as ProductRow


@dataclass(frozen=True)
class StoredNotice:
    """The current row of a notice (its record as JSON)."""

    id: int
    source: str
    number: str
    seq: int
    record: dict[str, Any]
    updated_at: datetime | None


@dataclass(frozen=True)
class StoredProduct:
    record: dict[str, Any]
    content_hash: str


@dataclass(frozen=True)
class StoredNoticeMatch:
    catalogue_hash: str | None
    matched_at: datetime | None


class BidReads:
    def __init__(self, session: Session) -> None:
        self.session = session

    def notices(self, number: str) -> list[StoredNotice]:
        """Every stored notice with this number (one per source that published it)."""
        rows = self.session.scalars(select(Notice).where(Notice.number == number))
        return [StoredNotice(row.id, row.source, row.number, row.seq, row.record or {}, row.updated_at) for row in rows]

    def matched_seq(self, notice_id: int) -> int | None:
        """The notice version the newest stored matches were made for (None when never matched)."""
        return self.session.scalar(select(func.max(Match.notice_seq)).where(Match.notice_id == notice_id))

    def top_matches(self, notice_id: int, seq: int) -> list[tuple[int, str, str | None]]:
        """(item_index, sku, compliant) of the rank-1 match of each line of version ``seq``."""
        query = select(Match.item_index, Match.sku, Match.compliant).where(
            Match.notice_id == notice_id, Match.notice_seq == seq, Match.rank == 1
        )
        return [(index, sku, compliant) for index, sku, compliant in self.session.execute(query)]

    def products(self) -> dict[str, StoredProduct]:
        """sku → the stored product record and its content hash, for the whole catalogue."""
        rows = self.session.scalars(select(ProductRow))
        return {row.sku: StoredProduct(row.record, row.content_hash) for row in rows}

    def notice_match(self, notice_id: int) -> StoredNoticeMatch | None:
        matched = self.session.get(NoticeMatch, notice_id)
        return StoredNoticeMatch(matched.catalogue_hash, matched.matched_at) if matched else None
