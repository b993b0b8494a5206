"""Specialists' corrections of compliance verdicts (``tenderflow match correct``): stored, listed, undone.

The store does not know the matcher: a correction comes in and goes out as plain data (:class:`CorrectionData`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import MatchCorrection, utcnow


@dataclass(frozen=True)
class CorrectionData:
    id: int
    notice_number: str
    item_index: int
    sku: str
    characteristic: str
    required: str | None
    spec_name: str | None
    offered: str | None
    verdict: str
    created_at: datetime | None = None
    undone_at: datetime | None = None
    author: str | None = None


def _data(row: MatchCorrection) -> CorrectionData:
    return CorrectionData(
        id=row.id, notice_number=row.notice_number, item_index=row.item_index, sku=row.sku,
        characteristic=row.characteristic, required=row.required, spec_name=row.spec_name, offered=row.offered,
        verdict=row.verdict, created_at=row.created_at, undone_at=row.undone_at, author=row.author,
    )  # fmt: skip


class CorrectionRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, correction: CorrectionData) -> int:
        """Store a correction; an earlier active one on the same (notice, line, product, characteristic) is undone."""
        for row in self.session.scalars(
            select(MatchCorrection).where(
                MatchCorrection.notice_number == correction.notice_number,
                MatchCorrection.item_index == correction.item_index,
                MatchCorrection.sku == correction.sku,
                MatchCorrection.characteristic == correction.characteristic,
                MatchCorrection.undone_at.is_(None),
            )
        ):
            row.undone_at = utcnow()
        row = MatchCorrection(
            notice_number=correction.notice_number, item_index=correction.item_index, sku=correction.sku,
            characteristic=correction.characteristic, required=correction.required, spec_name=correction.spec_name,
            offered=correction.offered, verdict=correction.verdict, author=correction.author,
        )  # fmt: skip
        self.session.add(row)
        self.session.flush()
        return row.id

    def listing(self, include_undone: bool = False) -> list[CorrectionData]:
        query = select(MatchCorrection).order_by(MatchCorrection.id)
        if not include_undone:
            query = query.where(MatchCorrection.undone_at.is_(None))
        return [_data(row) for row in self.session.scalars(query)]

    def active(self) -> list[CorrectionData]:
        return self.listing()

    def undo(self, correction_id: int) -> CorrectionData | None:
        """Undo an active correction (the row stays, marked undone); None when there is no such active one."""
        row = self.session.get(MatchCorrection, correction_id)
        if row is None or row.undone_at is not None:
            return None
        row.undone_at = utcnow()
        self.session.flush()
        return _data(row)

    def fingerprint(self) -> str:
        """Changes whenever the active corrections change (part of what makes stored matches stale)."""
        digest = hashlib.sha256()
        for c in self.active():
            digest.update(f"{c.id}|{c.verdict}\n".encode())
        return digest.hexdigest()[:16]
