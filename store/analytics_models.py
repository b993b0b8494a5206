"""Tables of the market analytics (issue 22): flat projections of notices and their outcomes that SQL can
aggregate. The canonical records stay in ``notices`` and ``outcomes`` (JSON, zstd-compressed on SQLite, which
no SQL can read); these rows are derived from them by :mod:`store.analytics` and can be rebuilt at any time.

Kept out of ``store/models.py`` (near its size limit): this module declares its tables on the same ``Base``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Boolean, Date, Index, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from store.models import Base, Money

# -- analytics (issue 22): purchase, participant and payment facts ---------------------------------------------


class PurchaseFact(Base):
    """One notice (collected or only known from its outcome) with what analytics groups and filters on."""

    __tablename__ = "purchase_facts"
    __table_args__ = (
        Index("ix_purchase_facts_comparable", "okpd2_group", "procedure_code", "outcome"),
        # Covering indexes: the weekly report groups by customer / winner over a period, and a card reads one
        # INN; led by the INN, they give rows in group order with every column read from the index (the table
        # is never touched: 50 ms instead of 1 s on 100,000 facts on SQLite, which otherwise walks the INN
        # index and looks every row up).
        Index("ix_purchase_facts_customer", "customer_inn", "published_on", "nmck", "relevant", "okpd2_group"),
        Index("ix_purchase_facts_winner", "winner_inn", "decided_on", "outcome", "winning_price", "discount",
              "okpd2_group"),
    )

    notice_number: Mapped[str] = mapped_column(String(120), primary_key=True)
    law: Mapped[str | None] = mapped_column(String(20))
    title: Mapped[str | None] = mapped_column(Text)
    customer_inn: Mapped[str | None] = mapped_column(String(20))
    customer_name: Mapped[str | None] = mapped_column(Text)
    region: Mapped[str | None] = mapped_column(Text)
    okpd2: Mapped[str | None] = mapped_column(String(40))
    okpd2_group: Mapped[str | None] = mapped_column(String(20))
    """The first two levels of the main line's OKPD2 code ("26.30"): what "the same goods" means here."""
    procedure_code: Mapped[str | None] = mapped_column(String(40))
    procedure: Mapped[str | None] = mapped_column(Text)
    nmck: Mapped[Decimal | None] = mapped_column(Money)
    currency: Mapped[str | None] = mapped_column(String(8))
    published_on: Mapped[date | None] = mapped_column(Date)
    published_month: Mapped[str | None] = mapped_column(String(7))
    relevant: Mapped[bool] = mapped_column(Boolean, default=False)
    """The matcher found the notice relevant to our catalogue."""
    outcome: Mapped[str | None] = mapped_column(String(20))
    outcome_reason: Mapped[str | None] = mapped_column(Text)
    decided_on: Mapped[date | None] = mapped_column(Date)
    decided_month: Mapped[str | None] = mapped_column(String(7))
    winner_inn: Mapped[str | None] = mapped_column(String(20))
    winner_name: Mapped[str | None] = mapped_column(Text)
    winning_price: Mapped[Decimal | None] = mapped_column(Money)
    discount: Mapped[Decimal | None] = mapped_column(Numeric(9, 2))
    """Contract 4.5 ``discount_percent``."""
    participants: Mapped[int | None] = mapped_column(Integer)
    contract_price: Mapped[Decimal | None] = mapped_column(Money)
    supplier_inn: Mapped[str | None] = mapped_column(String(20))


class ParticipantFact(Base):
    """One participant of a finished procedure (contract 4.5 ``participants``)."""

    __tablename__ = "participant_facts"
    __table_args__ = (
        Index("ix_participant_facts_inn", "inn"),
        Index("ix_participant_facts_notice", "notice_number"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_number: Mapped[str] = mapped_column(String(120))
    inn: Mapped[str | None] = mapped_column(String(20))
    name: Mapped[str | None] = mapped_column(Text)
    offer: Mapped[Decimal | None] = mapped_column(Money)
    place: Mapped[int | None] = mapped_column(Integer)
    admitted: Mapped[bool | None] = mapped_column(Boolean)


class PaymentFact(Base):
    """One execution stage of a contract (contract 4.5 ``contract.execution``): due, amount, paid."""

    __tablename__ = "payment_facts"
    __table_args__ = (
        Index("ix_payment_facts_supplier", "supplier_inn"),
        Index("ix_payment_facts_notice", "notice_number"),
        Index("ix_payment_facts_customer", "customer_inn"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_number: Mapped[str] = mapped_column(String(120))
    contract_reg_number: Mapped[str | None] = mapped_column(String(60))
    supplier_inn: Mapped[str | None] = mapped_column(String(20))
    customer_inn: Mapped[str | None] = mapped_column(String(20))
    customer_name: Mapped[str | None] = mapped_column(Text)
    due_on: Mapped[date | None] = mapped_column(Date)
    amount: Mapped[Decimal | None] = mapped_column(Money)
    paid_on: Mapped[date | None] = mapped_column(Date)
