"""analytics: purchase, participant and payment facts (issue 22)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07

Flat tables the analytics reports aggregate in SQL (outcome records are stored as compressed JSON), refreshed
incrementally by ``store.analytics_facts.refresh_facts``.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | Sequence[str] | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MONEY = sa.Numeric(20, 2)


def upgrade() -> None:
    op.create_table(
        'purchase_facts',
        sa.Column('notice_number', sa.String(120), primary_key=True),
        sa.Column('law', sa.String(20)),
        sa.Column('title', sa.Text()),
        sa.Column('customer_inn', sa.String(20)),
        sa.Column('customer_name', sa.Text()),
        sa.Column('region', sa.Text()),
        sa.Column('okpd2', sa.String(40)),
        sa.Column('okpd2_group', sa.String(20)),
        sa.Column('procedure_code', sa.String(40)),
        sa.Column('procedure', sa.Text()),
        sa.Column('nmck', MONEY),
        sa.Column('currency', sa.String(8)),
        sa.Column('published_on', sa.Date()),
        sa.Column('published_month', sa.String(7)),
        sa.Column('relevant', sa.Boolean(), nullable=False),
        sa.Column('outcome', sa.String(20)),
        sa.Column('outcome_reason', sa.Text()),
        sa.Column('decided_on', sa.Date()),
        sa.Column('decided_month', sa.String(7)),
        sa.Column('winner_inn', sa.String(20)),
        sa.Column('winner_name', sa.Text()),
        sa.Column('winning_price', MONEY),
        sa.Column('discount', sa.Numeric(9, 2)),
        sa.Column('participants', sa.Integer()),
        sa.Column('contract_price', MONEY),
        sa.Column('supplier_inn', sa.String(20)),
    )
    op.create_index('ix_purchase_facts_comparable', 'purchase_facts', ['okpd2_group', 'procedure_code', 'outcome'])
    op.create_index('ix_purchase_facts_customer', 'purchase_facts',
                    ['customer_inn', 'published_on', 'nmck', 'relevant', 'okpd2_group'])
    op.create_index('ix_purchase_facts_winner', 'purchase_facts',
                    ['winner_inn', 'decided_on', 'outcome', 'winning_price', 'discount', 'okpd2_group'])
    op.create_table(
        'participant_facts',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('notice_number', sa.String(120), nullable=False),
        sa.Column('inn', sa.String(20)),
        sa.Column('name', sa.Text()),
        sa.Column('offer', MONEY),
        sa.Column('place', sa.Integer()),
        sa.Column('admitted', sa.Boolean()),
    )
    op.create_index('ix_participant_facts_inn', 'participant_facts', ['inn'])
    op.create_index('ix_participant_facts_notice', 'participant_facts', ['notice_number'])
    op.create_table(
        'payment_facts',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('notice_number', sa.String(120), nullable=False),
        sa.Column('contract_reg_number', sa.String(60)),
        sa.Column('supplier_inn', sa.String(20)),
        sa.Column('customer_inn', sa.String(20)),
        sa.Column('customer_name', sa.Text()),
        sa.Column('due_on', sa.Date()),
        sa.Column('amount', MONEY),
        sa.Column('paid_on', sa.Date()),
    )
    op.create_index('ix_payment_facts_supplier', 'payment_facts', ['supplier_inn'])
    op.create_index('ix_payment_facts_notice', 'payment_facts', ['notice_number'])
    op.create_index('ix_payment_facts_customer', 'payment_facts', ['customer_inn'])


def downgrade() -> None:
    for table in ('payment_facts', 'participant_facts', 'purchase_facts'):
        op.drop_table(table)
