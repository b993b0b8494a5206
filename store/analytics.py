"""Reads of the market analytics (issue 22): aggregation done in SQL over the fact tables
(:mod:`store.analytics_models`, kept current by :func:`store.analytics_facts.refresh_facts`); the analytics
package gets plain rows and does the last step with pandas.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from store.analytics_facts import FactWriter, digits, okpd2_group, refresh_facts
from store.analytics_models import ParticipantFact, PaymentFact, PurchaseFact
from store.models import Match, Notice, NoticeMatch, Product
from store.pipeline_models import PipelineEntry, PipelineEvent

__all__ = ["AnalyticsRepository", "Comparable", "FactWriter", "Session", "digits", "okpd2_group", "refresh_facts"]

DECIDED = ("awarded", "contracted")


@dataclass(frozen=True, slots=True)
class Comparable:
    """Which finished procedures count as comparable: each ``None`` is "any"."""

    okpd2_group: str | None = None
    okpd2_class: str | None = None
    """The first level only ("26"): the widest comparison by goods."""
    procedure_code: str | None = None
    region: str | None = None
    nmck_low: Decimal | None = None
    nmck_high: Decimal | None = None


def _rows(result: Any) -> list[dict[str, Any]]:
    return [dict(row._mapping) for row in result]


class AnalyticsRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # -- price advice ---------------------------------------------------------------------------------------

    def purchase(self, number: str) -> dict[str, Any] | None:
        row = self.session.execute(select(PurchaseFact.__table__).where(PurchaseFact.notice_number == number)).first()
        return dict(row._mapping) if row else None

    def discounts(self, where: Comparable, exclude: str | None = None) -> list[Decimal]:
        """Winning discounts (contract 4.5 ``discount_percent``) of the comparable finished procedures."""
        fact = PurchaseFact
        query = select(fact.discount).where(fact.outcome.in_(DECIDED), fact.discount.is_not(None))
        if where.okpd2_group:
            query = query.where(fact.okpd2_group == where.okpd2_group)
        if where.okpd2_class:
            query = query.where(fact.okpd2_group.like(f"{where.okpd2_class}.%"))
        if where.procedure_code:
            query = query.where(fact.procedure_code == where.procedure_code)
        if where.region:
            query = query.where(fact.region == where.region)
        if where.nmck_low is not None:
            query = query.where(fact.nmck >= where.nmck_low)
        if where.nmck_high is not None:
            query = query.where(fact.nmck < where.nmck_high)
        if exclude:
            query = query.where(fact.notice_number != exclude)
        return list(self.session.scalars(query))

    def cost_floor_lines(self, number: str) -> list[tuple[int, str, Decimal]]:
        """(item index, SKU, catalogue unit price) of the best candidate of each line of the notice."""
        notice_id = self.session.scalar(
            select(Notice.id).where(Notice.number == number).order_by(Notice.updated_at.desc()).limit(1)
        )
        if notice_id is None:
            return []
        query = (
            select(Match.item_index, Match.sku, Product.price)
            .join(Product, Product.sku == Match.sku)
            .where(Match.notice_id == notice_id, Match.rank == 1)
            .order_by(Match.item_index)
        )
        return [(index, sku, price) for index, sku, price in self.session.execute(query)]

    def notice_record(self, number: str) -> dict[str, Any] | None:
        return self.session.scalar(
            select(Notice.record).where(Notice.number == number).order_by(Notice.updated_at.desc()).limit(1)
        )

    # -- receivables and payment discipline -----------------------------------------------------------------

    def payments(self, supplier_inn: str | None = None, customer_inn: str | None = None) -> list[dict[str, Any]]:
        query = select(PaymentFact.__table__)
        if supplier_inn:
            query = query.where(PaymentFact.supplier_inn == digits(supplier_inn))
        if customer_inn:
            query = query.where(PaymentFact.customer_inn == digits(customer_inn))
        return _rows(self.session.execute(query.order_by(PaymentFact.due_on, PaymentFact.id)))

    # -- cards ----------------------------------------------------------------------------------------------

    def customer_purchases(self, inn: str) -> list[dict[str, Any]]:
        query = select(PurchaseFact.__table__).where(PurchaseFact.customer_inn == digits(inn))
        return _rows(self.session.execute(query.order_by(PurchaseFact.published_on, PurchaseFact.notice_number)))

    def participations(self, inns: Sequence[str]) -> list[dict[str, Any]]:
        """Every participation of these INNs with the purchase it was in."""
        p, f = ParticipantFact, PurchaseFact
        query = (
            select(p.notice_number, p.inn, p.name, p.offer, p.place, p.admitted, f.customer_inn, f.customer_name,
                   f.region, f.okpd2_group, f.nmck, f.discount, f.winner_inn, f.decided_on, f.title)
            .join(f, f.notice_number == p.notice_number)
            .where(p.inn.in_([digits(inn) for inn in inns]))
            .order_by(f.decided_on, p.notice_number)
        )
        return _rows(self.session.execute(query))

    def wins(self, inn: str) -> list[dict[str, Any]]:
        query = select(PurchaseFact.__table__).where(PurchaseFact.winner_inn == digits(inn))
        return _rows(self.session.execute(query.order_by(PurchaseFact.decided_on)))

    def pipeline_of(self, numbers: Iterable[str]) -> list[dict[str, Any]]:
        """Our pipeline entries on these notices (stage, prices)."""
        wanted = sorted(set(numbers))
        found: list[dict[str, Any]] = []
        for start in range(0, len(wanted), 500):
            query = (
                select(Notice.number.label("notice_number"), PipelineEntry.stage, PipelineEntry.loss_reason,
                       PipelineEntry.our_price, PipelineEntry.winning_price)
                .join(PipelineEntry, PipelineEntry.notice_id == Notice.id)
                .where(Notice.number.in_(wanted[start : start + 500]))
            )
            found += _rows(self.session.execute(query))
        return found

    # -- weekly ---------------------------------------------------------------------------------------------

    def catalogue_groups(self) -> list[str]:
        codes = self.session.scalars(select(Product.okpd2).where(Product.okpd2.is_not(None)).distinct())
        return sorted({group for group in (okpd2_group(code) for code in codes) if group})

    def top_customers(self, groups: Sequence[str], since: date, limit: int = 10) -> list[dict[str, Any]]:
        """Customers with the largest NMCK total published since ``since`` (in ``groups`` when given)."""
        f = PurchaseFact
        query = (
            select(f.customer_inn, func.count().label("purchases"), func.sum(f.nmck).label("nmck"),
                   func.sum(case((f.relevant.is_(True), 1), else_=0)).label("relevant"))
            .where(f.published_on >= since, f.customer_inn.is_not(None))
            .group_by(f.customer_inn)
            .order_by(func.sum(f.nmck).desc(), f.customer_inn)
            .limit(limit)
        )
        if groups:
            query = query.where(f.okpd2_group.in_(list(groups)))
        rows = _rows(self.session.execute(query))
        return self._named(rows, "customer_inn", f.customer_inn, f.customer_name, "customer_name")

    def top_winners(self, groups: Sequence[str], since: date, exclude: str | None, limit: int = 10) -> list[dict]:
        """Suppliers with the most wins decided since ``since`` (in ``groups`` when given), ``exclude`` aside."""
        f = PurchaseFact
        query = (
            select(f.winner_inn, func.count().label("wins"), func.sum(f.winning_price).label("amount"),
                   func.avg(f.discount).label("discount"))
            .where(f.decided_on >= since, f.winner_inn.is_not(None), f.outcome.in_(DECIDED))
            .group_by(f.winner_inn)
            .order_by(func.count().desc(), f.winner_inn)
            .limit(limit)
        )
        if groups:
            query = query.where(f.okpd2_group.in_(list(groups)))
        if exclude:
            query = query.where(f.winner_inn != digits(exclude))
        rows = _rows(self.session.execute(query))
        return self._named(rows, "winner_inn", f.winner_inn, f.winner_name, "winner_name")

    def _named(self, rows: list[dict], key: str, inn_column: Any, name_column: Any, name: str) -> list[dict]:
        """Add the (latest-known) name of each INN: looked up for the few rows found, not aggregated over all."""
        inns = [row[key] for row in rows]
        query = select(inn_column, func.max(name_column)).where(inn_column.in_(inns)).group_by(inn_column)
        names = dict(self.session.execute(query).all()) if inns else {}
        return [dict(row, **{name: names.get(row[key])}) for row in rows]

    def new_relevant(self, since: datetime) -> list[dict[str, Any]]:
        query = (
            select(Notice.number, Notice.title, Notice.customer_name, Notice.nmck, Notice.deadline_at,
                   NoticeMatch.score)
            .join(NoticeMatch, NoticeMatch.notice_id == Notice.id)
            .where(NoticeMatch.relevant.is_(True), Notice.first_seen_at >= since)
            .order_by(NoticeMatch.score.desc(), Notice.deadline_at)
        )
        return _rows(self.session.execute(query))

    def stage_changes(self, since: datetime) -> list[dict[str, Any]]:
        """Applied stage changes of pipeline entries at or after ``since``, with the tender, the reason and the
        winning price (the entry's, else the outcome's)."""
        query = (
            select(Notice.number, Notice.title, Notice.customer_name, PipelineEvent.at, PipelineEvent.who,
                   PipelineEvent.from_value, PipelineEvent.to_value, PipelineEntry.loss_reason,
                   PipelineEntry.our_price, Notice.nmck,
                   func.coalesce(PipelineEntry.winning_price, PurchaseFact.winning_price).label("winning_price"))
            .join(PipelineEntry, PipelineEntry.id == PipelineEvent.entry_id)
            .join(Notice, Notice.id == PipelineEntry.notice_id)
            .outerjoin(PurchaseFact, PurchaseFact.notice_number == Notice.number)
            .where(PipelineEvent.field == "stage", PipelineEvent.applied.is_(True), PipelineEvent.at >= since)
            .order_by(PipelineEvent.at, PipelineEvent.id)
        )
        return _rows(self.session.execute(query))

    def fact_count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(PurchaseFact)) or 0

    def insert_facts(self, purchases: list[dict], participants: list[dict], payments: list[dict]) -> None:
        FactWriter(self.session).insert(purchases, participants, payments)
