"""What the digest shows of outcomes (contract 4.5): a notice cancelled or declared failed never stays in the
open lists (it moves to the "cancelled / failed" block with the published reason), and the winners and
contracts of relevant notices are shown with price, discount and contract stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from digest import format as fmt
from store.outcome_schema import OutcomeRecord
from store.outcomes import OutcomeNews, OutcomeRepository

ENDED = ("cancelled", "failed")
LABELS = {"cancelled": "Отменена", "failed": "Не состоялась", "awarded": "Определён победитель",
          "contracted": "Заключён контракт"}


@dataclass
class StageView:
    due: date | None
    amount: Decimal | None
    paid_at: date | None


@dataclass
class OutcomeView:
    number: str
    title: str | None
    customer: str | None
    outcome: str
    reason: str | None
    decided_at: date | None
    nmck: Decimal | None = None
    currency: str | None = "RUB"
    winner_name: str | None = None
    winner_inn: str | None = None
    price: Decimal | None = None
    discount: Decimal | None = None
    participants: int = 0
    contract_number: str | None = None
    contract_price: Decimal | None = None
    signed_at: date | None = None
    stages: list[StageView] = field(default_factory=list)

    @property
    def label(self) -> str:
        return LABELS.get(self.outcome, self.outcome)

    @property
    def discount_text(self) -> str:
        """The discount as published in the contract 4.5 record: two decimals (``15,00 %``)."""
        return "—" if self.discount is None else f"{fmt.format_number(self.discount, 2)}\u00a0%"

    @property
    def ended(self) -> bool:
        return self.outcome in ENDED


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def outcome_view(news: OutcomeNews) -> OutcomeView:
    record: OutcomeRecord = news.record
    winner, contract = record.winner, record.contract
    view = OutcomeView(
        number=record.notice_number, title=news.title, customer=news.customer, outcome=record.outcome,
        reason=record.outcome_reason, decided_at=_date(record.decided_at), nmck=fmt.to_decimal(record.nmck),
        discount=fmt.to_decimal(record.discount_percent), participants=len(record.participants),
    )
    if winner is not None:
        view.winner_name, view.winner_inn = winner.name, winner.inn
        view.price, view.currency = fmt.to_decimal(winner.price), winner.currency or "RUB"
    if contract is not None:
        view.contract_number, view.signed_at = contract.reg_number, _date(contract.signed_at)
        view.contract_price = fmt.to_decimal(contract.price)
        view.stages = [StageView(_date(s.due), fmt.to_decimal(s.amount), _date(s.paid_at)) for s in contract.execution]
    return view


def without_decided(session: Any, rows: list[Any]) -> list[Any]:
    """The notices (rows with a ``number``) whose outcome is not known yet: the others are no longer open."""
    decided = OutcomeRepository(session).outcome_kinds(row.number for row in rows)
    return [row for row in rows if row.number not in decided]


def outcome_views(session: Any, since: datetime, min_score: int) -> list[OutcomeView]:
    """Outcomes of relevant notices created or changed since ``since``, for the digest's two blocks."""
    return [outcome_view(news) for news in OutcomeRepository(session).news_since(since, min_score)]
