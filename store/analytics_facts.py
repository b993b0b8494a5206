"""Facts for the market analytics (issue 22): one flat row per notice, per participant and per contract stage,
derived from the stored notice (contract 4.1), its match verdict and its outcome (contract 4.5).

:func:`refresh_facts` is incremental: it re-derives the notices and outcomes changed since its last run (a
bookmark in ``sync_marks``), so the nightly run or a report pays only for what changed; ``full=True`` rebuilds
everything. The lead can call it right after outcome derivation; the report commands call it before reading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from store.analytics_models import ParticipantFact, PaymentFact, PurchaseFact
from store.models import Notice, NoticeMatch, Outcome, utcnow
from store.outcome_schema import OutcomeRecord
from store.outcomes import OutcomeRepository
from store.pipeline_models import SyncMark

MARK = "analytics.facts"
_GROUP = re.compile(r"^(\d{2}\.\d{2})")
Rows = tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]


def _day(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _money(value: Any) -> Decimal | None:
    try:
        number = Decimal(str(value)) if value not in (None, "") else None
    except InvalidOperation:
        return None
    return number if number is not None and number.is_finite() else None


def digits(value: Any) -> str | None:
    """An INN as digits only (documents write it with spaces now and then); None when there is none."""
    found = "".join(ch for ch in str(value or "") if ch.isdigit())
    return found or None


def _main_item(items: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The line that defines what is bought: the largest sum, else the first."""
    if not items:
        return {}
    return max(items, key=lambda item: (_money(item.get("sum")) or Decimal(0), -int(item.get("index") or 0)))


def okpd2_group(code: str | None) -> str | None:
    match = _GROUP.match(code or "")
    return match.group(1) if match else None


def fact_rows(number: str, notice: dict[str, Any] | None, relevant: bool, outcome: OutcomeRecord | None) -> Rows:
    """The purchase row, participant rows and payment rows of one notice (a pure function)."""
    notice = notice or {}
    customer = notice.get("customer") or {}
    items = notice.get("items") or []
    code = _main_item(items).get("okpd2")
    if code is None and outcome and outcome.contract and outcome.contract.items:
        code = outcome.contract.items[0].okpd2
    published = _day(notice.get("published_at"))
    row: dict[str, Any] = {
        "notice_number": number, "law": notice.get("law") or (outcome.law if outcome else None),
        "title": notice.get("title"), "customer_inn": digits(customer.get("inn")),
        "customer_name": customer.get("name"), "region": customer.get("region"), "okpd2": code,
        "okpd2_group": okpd2_group(code), "procedure_code": notice.get("procedure_code"),
        "procedure": notice.get("procedure"), "nmck": _money(notice.get("nmck")), "currency": notice.get("currency"),
        "published_on": published, "published_month": published.isoformat()[:7] if published else None,
        "relevant": relevant, "outcome": None, "outcome_reason": None, "decided_on": None, "decided_month": None,
        "winner_inn": None, "winner_name": None, "winning_price": None, "discount": None, "participants": None,
        "contract_price": None, "supplier_inn": None,
    }
    if outcome is None:
        return [row], [], []
    decided = _day(outcome.decided_at)
    winner, contract = outcome.winner, outcome.contract
    supplier = contract.supplier if contract else None
    row.update(
        outcome=outcome.outcome, outcome_reason=outcome.outcome_reason, decided_on=decided,
        decided_month=decided.isoformat()[:7] if decided else None,
        winner_inn=digits(winner.inn if winner else None) or digits(supplier.inn if supplier else None),
        winner_name=(winner.name if winner else None) or (supplier.name if supplier else None),
        winning_price=_money(winner.price if winner else None) or _money(contract.price if contract else None),
        discount=_money(outcome.discount_percent), participants=len(outcome.participants) or None,
        contract_price=_money(contract.price if contract else None),
        supplier_inn=digits(supplier.inn if supplier else None),
    )
    if row["nmck"] is None:
        row["nmck"] = _money(outcome.nmck)
    participants = [
        {"notice_number": number, "inn": digits(p.inn), "name": p.name, "offer": _money(p.offer),
         "place": p.place, "admitted": p.admitted}
        for p in outcome.participants
    ]
    payments = [
        {"notice_number": number, "contract_reg_number": contract.reg_number, "supplier_inn": row["supplier_inn"],
         "customer_inn": row["customer_inn"], "customer_name": row["customer_name"], "due_on": _day(stage.due),
         "amount": _money(stage.amount), "paid_on": _day(stage.paid_at)}
        for stage in (contract.execution if contract else [])
    ]
    return [row], participants, payments


def _chunks(items: Sequence[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


class FactWriter:
    def __init__(self, session: Session) -> None:
        self.session = session

    def stale_numbers(self, since: datetime | None) -> set[str]:
        """Notice numbers whose notice, match verdict or outcome changed at or after ``since`` (all if None)."""
        notices = select(Notice.number)
        outcomes = select(Outcome.notice_number)
        matched = select(Notice.number).join(NoticeMatch, NoticeMatch.notice_id == Notice.id)
        if since is not None:
            notices = notices.where(Notice.updated_at >= since)
            outcomes = outcomes.where(Outcome.updated_at >= since)
            matched = matched.where(NoticeMatch.matched_at >= since)
            numbers = set(self.session.scalars(matched))
        else:
            numbers = set()
        return numbers | set(self.session.scalars(notices)) | set(self.session.scalars(outcomes))

    def rebuild(self, numbers: Iterable[str]) -> int:
        """Derive the facts of these notices again (delete, then insert), in chunks."""
        ordered = sorted(set(numbers))
        outcomes = OutcomeRepository(self.session)
        for chunk in _chunks(ordered, 500):
            records: dict[str, dict[str, Any]] = {}
            query = select(Notice.number, Notice.record).where(Notice.number.in_(chunk)).order_by(Notice.updated_at)
            for number, record in self.session.execute(query):
                records[number] = record
            relevant_query = (
                select(Notice.number).join(NoticeMatch, NoticeMatch.notice_id == Notice.id)
                .where(Notice.number.in_(chunk), NoticeMatch.relevant.is_(True))
            )
            relevant = set(self.session.scalars(relevant_query))
            found = outcomes.for_notices(chunk)
            purchases, participants, payments = [], [], []
            for number in chunk:
                rows = fact_rows(number, records.get(number), number in relevant, found.get(number))
                purchases += rows[0]
                participants += rows[1]
                payments += rows[2]
            self.delete(chunk)
            self.insert(purchases, participants, payments)
        return len(ordered)

    def delete(self, numbers: list[str]) -> None:
        for table in (PurchaseFact, ParticipantFact, PaymentFact):
            self.session.execute(delete(table).where(table.notice_number.in_(numbers)))

    def insert(self, purchases: list[dict], participants: list[dict], payments: list[dict]) -> None:
        """Bulk insert of fact rows (also what the benchmark uses to load generated facts)."""
        for table, rows in ((PurchaseFact, purchases), (ParticipantFact, participants), (PaymentFact, payments)):
            if rows:  # Core insert of the table: one executemany (batched VALUES), no ORM unit of work
                self.session.execute(insert(table.__table__), rows)


def refresh_facts(session: Session, full: bool = False) -> int:
    """Bring the facts up to date with the store; returns how many notices were re-derived."""
    started = utcnow()
    mark = None if full else session.get(SyncMark, MARK)
    since = datetime.fromisoformat(mark.value) if mark is not None else None
    writer = FactWriter(session)
    count = writer.rebuild(writer.stale_numbers(since))
    if mark is None:
        session.merge(SyncMark(key=MARK, value=started.isoformat(), updated_at=started))
    else:
        mark.value, mark.updated_at = started.isoformat(), started
    session.flush()
    return count
