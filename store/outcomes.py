"""Outcomes (contract 4.5): outcome documents kept like notices (raw document, hash, every distinct version),
and one outcome per notice derived from all its documents (``store.outcome_derive``).

Writing a batch of documents re-derives the outcome of every notice they concern; an outcome row changes
(and its ``updated_at`` moves) only when the derived record does, so re-crawling the same documents changes
nothing. Execution documents carry only the contract's registry number: they reach their notice through the
contract, whichever of the two arrives first. The NMCK and the discount come from the stored notice when the
outcome is read, so a notice collected after its protocol still gets its discount.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import LargeBinary, func, select, type_coerce
from sqlalchemy.orm import Session

from store import outcome_links
from store.codec import decompress
from store.keysets import Lookup
from store.models import Notice, NoticeMatch, Outcome, OutcomeDocumentRow, utcnow
from store.notices import NoticeRepository, _insert
from store.outcome_derive import Derived, derive, finish
from store.outcome_prepared import PreparedOutcome, outcome_row, prepare_outcome
from store.outcome_schema import OutcomeDocument, OutcomeRecord

log = logging.getLogger(__name__)

_DOCS = OutcomeDocumentRow.__table__
_OUTCOMES = Outcome.__table__
_ZSTD = b"\x28\xb5\x2f\xfd"

# The writer's per-batch look-ups (``store.keysets``: the keys in one bound parameter).
_NOTICES_WITH_SEVERAL = Lookup(lambda among: select(_DOCS.c.notice_number).where(among(_DOCS.c.notice_number))
                               .group_by(_DOCS.c.notice_number).having(func.count() > 1))
_ORPHAN_CONTRACTS = Lookup(lambda among: select(_DOCS.c.contract_reg_number).where(
    among(_DOCS.c.contract_reg_number), _DOCS.c.notice_number.is_(None)))
_DOC_VERSIONS = Lookup(lambda among: select(_DOCS.c.doc_key, _DOCS.c.record_hash).where(among(_DOCS.c.doc_key)))
_CONTRACT_NOTICES = Lookup(lambda among: select(_DOCS.c.notice_number).where(
    among(_DOCS.c.contract_reg_number), _DOCS.c.notice_number.is_not(None)))
_OUTCOME_HASHES = Lookup(lambda among: select(_OUTCOMES.c.notice_number, _OUTCOMES.c.record_hash).where(
    among(_OUTCOMES.c.notice_number)))


@dataclass(frozen=True, slots=True)
class StoreResult:
    stored: list[str]
    """Per document, in batch order: ``"new"`` (a new distinct version) or ``"unchanged"``."""
    changed: list[str]
    """Notice numbers whose outcome was created or changed."""
    flags: dict[str, list[str]]
    """Inconsistencies found in the changed outcomes, by notice number."""
    unattached: list[str] = field(default_factory=list)
    """Registry numbers of new contracts that name no purchase (223-FZ purchases from a single supplier made
    without a notice): kept, but no notice's outcome can be built from them."""


@dataclass(frozen=True, slots=True)
class OutcomeNews:
    record: OutcomeRecord
    title: str | None
    customer: str | None


class OutcomeRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # -- writing -----------------------------------------------------------------------------------------

    def store(self, batch: Sequence[PreparedOutcome | OutcomeDocument]) -> StoreResult:
        """Store documents (new versions only) and re-derive the outcomes they concern."""
        prepared = [item if isinstance(item, PreparedOutcome) else prepare_outcome(item) for item in batch]
        if not prepared:
            return StoreResult([], [], {})
        prepared = self._to_contract_notices(prepared)
        raws = NoticeRepository(self.session)._store_raw_documents([p.raw for p in prepared if p.raw is not None])
        known = self._known_versions({p.key for p in prepared})
        stored, rows, now = [], [], utcnow()
        for item in prepared:
            if (item.key, item.record_hash) in known:
                stored.append("unchanged")
                continue
            known.add((item.key, item.record_hash))
            stored.append("new")
            rows.append({
                "doc_key": item.key, "family": item.family, "doc_type": item.doc_type, "law": item.law,
                "notice_number": item.notice_number, "contract_reg_number": item.contract_reg_number,
                "version": item.version, "record": item.record, "record_hash": item.record_hash,
                "raw_document_id": raws.get(item.raw.sha256) if item.raw else None, "created_at": now,
            })
        if rows:
            self.session.execute(_insert(self.session, _DOCS).on_conflict_do_nothing(), rows)
        new = [p for p, s in zip(prepared, stored, strict=True) if s == "new"]
        changed, flags = self.rederive(self._notices_concerned(new), self._alone(new))
        unattached = sorted({p.contract_reg_number for p in new
                             if p.family == "contract" and not p.notice_number and p.contract_reg_number})
        return StoreResult(stored, changed, flags, unattached)

    def _to_contract_notices(self, prepared: list[PreparedOutcome]) -> list[PreparedOutcome]:
        """Award notices' documents stand under the contract notice of their procedure when it is known; the
        award notices are recorded so a contract notice arriving later takes their documents over."""
        awards = [(p.procedure_id, "award", p.notice_number) for p in prepared if p.procedure_id and p.notice_number]
        if not awards:
            return prepared
        outcome_links.record(self.session, awards)
        notices = outcome_links.numbers(self.session, {procedure for procedure, _, _ in awards}, "notice")
        return [
            replace(p, notice_number=notices[p.procedure_id][0], alone=None)
            if p.procedure_id in notices and p.notice_number != notices[p.procedure_id][0] else p
            for p in prepared
        ]

    def link_notices(self, procedures: dict[str, str]) -> tuple[list[str], dict[str, list[str]]]:
        """Record contract notices by procedure identifier (id -> notice number) and move to each the documents
        of the award notices of its procedure stored before it; the outcomes concerned are derived again."""
        if not procedures:
            return [], {}
        outcome_links.record(self.session, [(procedure, "notice", number) for procedure, number in procedures.items()])
        notices = outcome_links.numbers(self.session, procedures, "notice")
        moved: dict[str, str] = {}
        for procedure, awards in outcome_links.numbers(self.session, procedures, "award").items():
            target, *others = notices[procedure]  # the first publication; a later-found earlier one takes over
            moved.update({number: target for number in [*awards, *others] if number != target})
        for award, target in moved.items():
            self.session.execute(_DOCS.update().where(_DOCS.c.notice_number == award).values(notice_number=target))
        for chunk in _chunks(sorted(moved), 400):
            self.session.execute(_OUTCOMES.delete().where(_OUTCOMES.c.notice_number.in_(chunk)))
        return self.rederive(set(moved.values()))

    def _alone(self, new: list[PreparedOutcome]) -> dict[str, dict[str, Any]]:
        """Notice number -> the outcome row derived by its only document, for the notices whose one stored
        document is a new one of this batch (and, for a contract, no execution document waits for it)."""
        candidates = {p.notice_number: p for p in new if p.notice_number and p.alone is not None}
        several = {number for number, count in Counter(p.notice_number for p in new).items() if count > 1}
        for chunk in _chunks(sorted(set(candidates) - several), 400):
            several.update(_NOTICES_WITH_SEVERAL(self.session, chunk).scalars())
        contracts = {p.contract_reg_number: p.notice_number for p in candidates.values() if p.contract_reg_number}
        for chunk in _chunks(sorted(contracts), 400):
            several.update(contracts[reg] for reg in _ORPHAN_CONTRACTS(self.session, chunk).scalars())
        return {number: p.alone for number, p in candidates.items() if number not in several and p.alone is not None}

    def _known_versions(self, keys: set[str]) -> set[tuple[str, str]]:
        found: set[tuple[str, str]] = set()
        for chunk in _chunks(sorted(keys), 400):
            found.update((key, digest) for key, digest in _DOC_VERSIONS(self.session, chunk))
        return found

    def _notices_concerned(self, prepared: list[PreparedOutcome]) -> set[str]:
        numbers = {p.notice_number for p in prepared if p.notice_number}
        orphans = {p.contract_reg_number for p in prepared if not p.notice_number and p.contract_reg_number}
        for chunk in _chunks(sorted(orphans), 400):
            numbers.update(_CONTRACT_NOTICES(self.session, chunk).scalars())
        return numbers

    def documents(self, notice_number: str) -> list[OutcomeDocument]:
        """Every stored version of every document about a notice (execution documents through its contracts)."""
        return self._documents_of([notice_number]).get(notice_number, [])

    def _documents_of(self, numbers: list[str]) -> dict[str, list[OutcomeDocument]]:
        """Every stored version of every document about each notice, in a few chunked queries."""
        rows: dict[str, dict[int, Any]] = {}
        contracts: dict[str, set[str]] = {}
        sqlite = self.session.get_bind().dialect.name == "sqlite"
        # SQLite keeps a zstd frame of the JSON text: read the bytes and let pydantic parse the JSON itself
        # (a third faster than building the dict first); PostgreSQL's JSONB arrives as a dict.
        record = type_coerce(_DOCS.c.record, LargeBinary) if sqlite else _DOCS.c.record
        query = select(_DOCS.c.id, _DOCS.c.notice_number, record, _DOCS.c.contract_reg_number)
        for chunk in _chunks(numbers, 400):
            for row_id, number, record, reg in self.session.execute(query.where(_DOCS.c.notice_number.in_(chunk))):
                rows.setdefault(number, {})[row_id] = record
                if reg:
                    contracts.setdefault(reg, set()).add(number)
        for chunk in _chunks(sorted(contracts), 400):
            orphans = query.where(_DOCS.c.contract_reg_number.in_(chunk), _DOCS.c.notice_number.is_(None))
            for row_id, _, record, reg in self.session.execute(orphans):
                for number in contracts[reg]:
                    rows[number][row_id] = record
        return {number: [_document(found[row_id]) for row_id in sorted(found)] for number, found in rows.items()}

    def rederive(
        self, numbers: Iterable[str], alone: dict[str, dict[str, Any]] | None = None
    ) -> tuple[list[str], dict[str, list[str]]]:
        """Derive the outcome of each notice again; write only those that changed (bulk statements).
        ``alone``: rows already derived from a notice's only document (not read back)."""
        ordered = sorted(set(numbers))
        alone = alone or {}
        documents = self._documents_of([number for number in ordered if number not in alone])
        current: dict[str, str] = {}
        for chunk in _chunks(ordered, 400):
            current.update({number: digest for number, digest in _OUTCOME_HASHES(self.session, chunk)})
        rows, changed, flags, now = [], [], {}, utcnow()
        for number in ordered:
            if number in alone:
                row = alone[number] or None
            else:
                row = outcome_row(number, derive(number, documents.get(number, [])))
            if row is None or current.get(number) == row["record_hash"]:
                continue
            rows.append({**row, "updated_at": now})
            changed.append(number)
            if row["flags"]:
                flags[number] = row["flags"]
        if rows:  # an upsert: a concurrent writer deriving the same notice cannot make this batch fail
            statement = _insert(self.session, _OUTCOMES)
            columns = ("law", "outcome", "decided_at", "record", "record_hash", "flags", "updated_at")
            statement = statement.on_conflict_do_update(
                index_elements=[_OUTCOMES.c.notice_number], set_={name: statement.excluded[name] for name in columns}
            )
            self.session.execute(statement, rows)
        return changed, flags

    # -- reading -----------------------------------------------------------------------------------------

    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(Outcome)) or 0

    def document_count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(OutcomeDocumentRow)) or 0

    def iter_records(self, since: datetime | None = None, batch_size: int = 500) -> Iterator[OutcomeRecord]:
        """Every outcome (contract 4.5), in notice-number order; ``since``: only those changed at or after it."""
        last = ""
        while True:
            query = select(Outcome).where(Outcome.notice_number > last)
            if since is not None:
                query = query.where(Outcome.updated_at >= since)
            rows = self.session.scalars(query.order_by(Outcome.notice_number).limit(batch_size)).all()
            if not rows:
                return
            last = rows[-1].notice_number
            yield from self._finish(rows)

    def changed_since(self, since: datetime) -> list[OutcomeRecord]:
        """Outcomes created or changed at or after ``since`` (contract 4.5 records): for the pipeline stages
        (a cancelled / failed / awarded / contracted tender moves its pipeline entry)."""
        return list(self.iter_records(since=since))

    def for_notices(self, numbers: Iterable[str]) -> dict[str, OutcomeRecord]:
        """The outcomes of the given notices that have one, by notice number."""
        found: dict[str, OutcomeRecord] = {}
        for chunk in _chunks(sorted(set(numbers)), 400):
            rows = self.session.scalars(select(Outcome).where(Outcome.notice_number.in_(chunk))).all()
            found.update((record.notice_number, record) for record in self._finish(rows))
        return found

    def outcome_kinds(self, numbers: Iterable[str]) -> dict[str, str]:
        """Notice number -> outcome (``cancelled``, ``failed``, ``awarded``, ``contracted``) for those that have one."""
        found: dict[str, str] = {}
        for chunk in _chunks(sorted(set(numbers)), 400):
            query = select(Outcome.notice_number, Outcome.outcome).where(Outcome.notice_number.in_(chunk))
            found.update({number: outcome for number, outcome in self.session.execute(query)})
        return found

    def news_since(self, since: datetime, min_score: int = 1) -> list[OutcomeNews]:
        """Outcomes created or changed at or after ``since`` for notices the matcher found relevant (score at
        least ``min_score``), with the notice's title and customer: what the digest reports."""
        query = (
            select(Outcome, Notice.title, Notice.customer_name)
            .join(Notice, Notice.number == Outcome.notice_number)
            .join(NoticeMatch, NoticeMatch.notice_id == Notice.id)
            .where(NoticeMatch.score >= max(min_score, 1), Outcome.updated_at >= since)
            .order_by(Outcome.updated_at.desc(), Outcome.notice_number)
        )
        rows: dict[str, tuple[Outcome, str | None, str | None]] = {}
        for outcome, title, customer in self.session.execute(query):
            rows.setdefault(outcome.notice_number, (outcome, title, customer))
        records = {record.notice_number: record for record in self._finish([row for row, _, _ in rows.values()])}
        return [OutcomeNews(records[number], title, customer) for number, (_, title, customer) in rows.items()]

    def flagged(self) -> dict[str, list[str]]:
        """Notices whose documents are inconsistent (kept, never "fixed"), with what was found: the flags of the
        derivation and those that need the notice (a contract above the NMCK)."""
        rows = self.session.scalars(select(Outcome)).all()
        prices = self._notice_prices([row.notice_number for row in rows])
        found: dict[str, list[str]] = {}
        for row in rows:
            derived = Derived(OutcomeRecord.model_validate(row.record), list(row.flags or []))
            _, flags = finish(derived, *prices.get(row.notice_number, (None, None)))
            if flags:
                found[row.notice_number] = flags
        return found

    def _finish(self, rows: Sequence[Outcome]) -> list[OutcomeRecord]:
        prices = self._notice_prices([row.notice_number for row in rows])
        records = []
        for row in rows:
            nmck, currency = prices.get(row.notice_number, (None, None))
            derived = Derived(OutcomeRecord.model_validate(row.record), list(row.flags or []))
            records.append(finish(derived, nmck, currency)[0])
        return records

    def _notice_prices(self, numbers: list[str]) -> dict[str, tuple[str | None, str | None]]:
        prices: dict[str, tuple[str | None, str | None]] = {}
        query = select(Notice.number, Notice.nmck, Notice.currency).where(Notice.number.in_(numbers))
        for number, nmck, currency in self.session.execute(query.order_by(Notice.updated_at)):
            if nmck is not None or number not in prices:
                prices[number] = (_decimal_text(nmck), currency)
        return prices


def _document(stored: Any) -> OutcomeDocument:
    if isinstance(stored, bytes | memoryview):
        data = bytes(stored)
        return OutcomeDocument.model_validate_json(decompress(data) if data[:4] == _ZSTD else data)
    return OutcomeDocument.model_validate(stored)


def _decimal_text(value: Any) -> str | None:
    return None if value is None else format(value, "f")


def _chunks(items: Sequence[Any], size: int) -> Iterator[list[Any]]:
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


__all__ = ["OutcomeNews", "OutcomeRepository", "StoreResult"]
