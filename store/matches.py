"""Matching results in the store: per notice version the notice-level verdict (``notice_matches``) and the
ranked candidates of every line (``matches``); read back as contract 4.3 rows (:class:`store.schema.MatchRow`).

The store does not know the matcher: results come in as plain data, so any matcher version can write them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import LargeBinary, Text, cast, delete, insert, or_, select, type_coerce
from sqlalchemy.orm import Session

from store.codec import json_dumps, unpack_json
from store.models import Match, Notice, NoticeMatch, utcnow
from store.schema import MatchRow

_MATCHES = Match.__table__
_NOTICE_MATCHES = NoticeMatch.__table__

EncodedRecord = bytes | str
"""A stored record as the database holds it (a zstd frame or JSON text), for a worker process to decode."""


def decode_record(encoded: EncodedRecord) -> dict[str, Any]:
    """The record dict of an :data:`EncodedRecord` (decoded once, where it is used)."""
    return unpack_json(encoded)


CandidateRow = tuple[int, int, str, int, str, list[str], list[str], bytes]
"""One stored candidate: (item_index, rank, sku, score, compliant, failed, unknown, explanation), the
explanation serialised already (a zstd frame of its JSON, as both back ends store it, ``PackedJSON``) and keeping
``item_name`` and ``product_name`` too, so rows read back as they were matched. A plain tuple of plain values:
a batch's results (~60 candidates per notice) are pickled from a worker process to the writer, and a tuple of
built-in types pickles and unpickles ~10× faster than a dataclass (or than str and bytes subclasses)."""
CANDIDATE_COLUMNS = ("item_index", "rank", "sku", "score", "compliant", "failed", "unknown", "explanation")
_INSERT_PACKED = (
    f"INSERT INTO {_MATCHES.name} (notice_id, notice_seq, {', '.join(CANDIDATE_COLUMNS)}) "
    f"VALUES ({', '.join('?' * (len(CANDIDATE_COLUMNS) + 2))})"
)
"""SQLite's insert of candidate rows whose explanation is packed already (:meth:`MatchRepository.save`)."""
_COPY_CANDIDATES = (
    f"COPY {_MATCHES.name} (notice_id, notice_seq, {', '.join(CANDIDATE_COLUMNS)}) FROM STDIN (FORMAT BINARY)"
)
_COPY_TYPES = ["int4", "int4", "int4", "int4", "varchar", "int4", "varchar", "jsonb", "jsonb", "bytea"]
"""PostgreSQL's types of the copied columns, in order (binary ``COPY`` sends each value in its type's format)."""


@dataclass
class NoticeMatchData:
    notice_id: int
    notice_seq: int
    score: int
    relevant: bool
    explanation: dict[str, Any]
    candidates: list[CandidateRow]
    possible: bool = False
    """Not relevant, but would be were its best "unknown" candidates proven."""


class MatchRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def pending(self, catalogue_hash: str, force: bool = False) -> list[int]:
        """Notice ids whose current version or the catalogue changed since their last match (all if forced)."""
        query = select(Notice.id).outerjoin(NoticeMatch, NoticeMatch.notice_id == Notice.id)
        if not force:
            query = query.where(
                or_(
                    NoticeMatch.notice_id.is_(None),
                    NoticeMatch.notice_seq != Notice.seq,
                    NoticeMatch.catalogue_hash != catalogue_hash,
                )
            )
        return list(self.session.scalars(query.order_by(Notice.id)))

    def encoded_records(self, notice_ids: Sequence[int]) -> list[tuple[int, int, EncodedRecord]]:
        """(notice id, current seq, current record) of the given notices in id order, each record left encoded
        (cheap to read and to send to a worker process)."""
        if not notice_ids:
            return []
        if self.session.get_bind().dialect.name == "postgresql":
            encoded = cast(Notice.record, Text)  # jsonb as its text: the driver would decode jsonb itself
        else:
            encoded = type_coerce(Notice.record, LargeBinary)  # the zstd frame (or JSON text) as stored
        query = select(Notice.id, Notice.seq, encoded).where(Notice.id.in_(list(notice_ids))).order_by(Notice.id)
        return [(notice_id, seq, record) for notice_id, seq, record in self.session.execute(query)]

    def stored_attachment_hashes(self, notice_ids: Sequence[int]) -> dict[int, str]:
        """The attachments fingerprint each notice's stored match was made with."""
        found: dict[int, str] = {}
        ids = list(notice_ids)
        for start in range(0, len(ids), 500):
            query = select(NoticeMatch.notice_id, NoticeMatch.explanation).where(
                NoticeMatch.notice_id.in_(ids[start : start + 500])
            )
            found.update({i: (e or {}).get("attachments_hash", "") for i, e in self.session.execute(query)})
        return found

    def save(self, results: Sequence[NoticeMatchData], catalogue_hash: str) -> None:
        """Replace the stored results of these notices."""
        ids = [r.notice_id for r in results]
        if not ids:
            return
        self.session.execute(delete(_MATCHES).where(_MATCHES.c.notice_id.in_(ids)))
        self.session.execute(delete(_NOTICE_MATCHES).where(_NOTICE_MATCHES.c.notice_id.in_(ids)))
        now = utcnow()
        # A Core insert (an ORM entity would route it through the ORM's bulk persistence); the explanations come
        # serialised from the matching workers (``store.codec.JsonText``).
        self.session.execute(insert(_NOTICE_MATCHES), [
            {"notice_id": r.notice_id, "notice_seq": r.notice_seq, "score": r.score, "relevant": r.relevant,
             "possible": r.possible, "explanation": r.explanation, "catalogue_hash": catalogue_hash, "matched_at": now}
            for r in results
        ])  # fmt: skip
        candidates = [(r, c) for r in results for c in r.candidates]
        if not candidates:
            return
        if self.session.get_bind().dialect.name == "postgresql":
            self._copy(candidates)
            return
        # The values as SQLite stores them (the JSON columns' text, the explanation's zstd frame packed by the
        # worker), in one executemany of the driver: the Core insert's per-row parameter processing cost as
        # much as SQLite's own work for the ~60 rows per notice.
        self.session.connection().exec_driver_sql(_INSERT_PACKED, [
            (r.notice_id, r.notice_seq, *c[:5], json_dumps(c[5]), json_dumps(c[6]), c[7]) for r, c in candidates
        ])  # fmt: skip

    def _copy(self, candidates: list[tuple[NoticeMatchData, CandidateRow]]) -> None:
        """PostgreSQL: the candidate rows through the driver's binary ``COPY`` (a batch's ~12,000 rows in one
        stream, no statement per row), in the session's transaction."""
        from psycopg.types.json import set_json_dumps  # only here: ~0.2 s to import, which SQLite never needs

        connection = self.session.connection().connection.driver_connection
        with connection.cursor() as cursor:
            set_json_dumps(json_dumps, cursor)  # the lists of failed and unknown requirements (JSONB)
            with cursor.copy(_COPY_CANDIDATES) as copy:
                copy.set_types(_COPY_TYPES)
                for r, c in candidates:
                    copy.write_row((r.notice_id, r.notice_seq, *c))

    def notice_match(self, notice_id: int) -> NoticeMatch | None:
        return self.session.get(NoticeMatch, notice_id)

    def rows(self, top: int = 3, relevant_only: bool = False) -> Iterator[MatchRow]:
        """Contract 4.3 rows: notices in id order, lines in order, candidates best first (``top`` per line)."""
        query = (
            select(Notice.number, NoticeMatch.score, NoticeMatch.relevant, NoticeMatch.possible, Match)
            .join(NoticeMatch, NoticeMatch.notice_id == Notice.id)
            .join(Match, Match.notice_id == Notice.id)
            .where(Match.rank <= top, Match.notice_seq == NoticeMatch.notice_seq)
            .order_by(Notice.id, Match.item_index, Match.rank)
        )
        if relevant_only:
            query = query.where(NoticeMatch.relevant.is_(True))
        for number, notice_score, relevant, possible, match in self.session.execute(query).yield_per(2000):
            explanation = match.explanation or {}
            yield MatchRow(
                notice_number=number, notice_score=notice_score, notice_relevant=relevant, notice_possible=possible,
                item_index=match.item_index, item_name=explanation.get("item_name", ""), rank=match.rank,
                sku=match.sku, product_name=explanation.get("product_name", match.sku), score=match.score,
                compliant=match.compliant, failed=list(match.failed or []), unknown=list(match.unknown or []),
                reasons=[str(r) for r in explanation.get("reasons") or []],
            )  # fmt: skip

    def candidate_explanation(self, number: str, item_index: int, sku: str) -> dict[str, Any] | None:
        """The stored explanation of one candidate (its requirements' verdicts) in the latest match of a notice."""
        row = self.session.execute(
            select(Match.explanation)
            .join(Notice, Notice.id == Match.notice_id)
            .where(Notice.number == number, Match.item_index == item_index, Match.sku == sku)
            .order_by(Match.notice_seq.desc())
            .limit(1)
        ).first()
        return None if row is None else dict(row.explanation or {})

    def candidates(self, notice_id: int) -> list[Match]:
        """Stored candidates of one notice (with explanations), lines in order, best first."""
        return list(
            self.session.scalars(
                select(Match).where(Match.notice_id == notice_id).order_by(Match.item_index, Match.rank)
            )
        )
