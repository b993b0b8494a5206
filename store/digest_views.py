"""What each digest showed (table ``digest_views``), so the next digest knows what is new to the reader.

One row per (digest, notice) with the notice's version sequence at that moment: a notice never shown is
"new"; a notice shown at an older ``seq`` than its current one is "amended since the reader saw it".
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from store.models import DigestView


def _aware(moment: datetime | None) -> datetime | None:
    """SQLite hands timestamps back naive; they were written in UTC."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


class DigestViewRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def last_digest(self) -> tuple[str, datetime] | None:
        """(digest_id, shown_at) of the most recent digest that showed anything."""
        row = self.session.execute(
            select(DigestView.digest_id, DigestView.shown_at).order_by(DigestView.shown_at.desc(), DigestView.id.desc())
        ).first()
        if row is None:
            return None
        return row[0], _aware(row[1])

    def shown_seqs(self, before: datetime | None = None) -> dict[int, int]:
        """notice_id -> the newest version sequence any digest showed (optionally only digests before a moment)."""
        query = select(DigestView.notice_id, func.max(DigestView.notice_seq)).group_by(DigestView.notice_id)
        if before is not None:
            query = query.where(DigestView.shown_at < before)
        return dict(self.session.execute(query).all())

    def record(self, digest_id: str, shown: Iterable[tuple[int, int]], shown_at: datetime) -> int:
        """Remember that ``digest_id`` showed these (notice_id, seq) pairs; returns the number of rows."""
        rows = [
            {"notice_id": notice_id, "notice_seq": seq, "digest_id": digest_id, "shown_at": shown_at}
            for notice_id, seq in dict(shown).items()
        ]
        for start in range(0, len(rows), 1000):
            self.session.execute(insert(DigestView), rows[start : start + 1000])
        return len(rows)
