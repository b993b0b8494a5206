"""outcome documents and outcomes (contract 4.5)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_TYPE = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')


def upgrade() -> None:
    op.create_table('outcome_documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('doc_key', sa.String(length=250), nullable=False),
    sa.Column('family', sa.String(length=20), nullable=False),
    sa.Column('doc_type', sa.String(length=80), nullable=False),
    sa.Column('law', sa.String(length=20), nullable=True),
    sa.Column('notice_number', sa.String(length=120), nullable=True),
    sa.Column('contract_reg_number', sa.String(length=60), nullable=True),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('record', JSON_TYPE, nullable=False),
    sa.Column('record_hash', sa.String(length=64), nullable=False),
    sa.Column('raw_document_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['raw_document_id'], ['raw_documents.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('doc_key', 'record_hash', name='uq_outcome_documents_version')
    )
    with op.batch_alter_table('outcome_documents', schema=None) as batch_op:
        batch_op.create_index('ix_outcome_documents_notice', ['notice_number'], unique=False)
        batch_op.create_index('ix_outcome_documents_contract', ['contract_reg_number'], unique=False)

    op.create_table('outcomes',
    sa.Column('notice_number', sa.String(length=120), nullable=False),
    sa.Column('law', sa.String(length=20), nullable=True),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('decided_at', sa.String(length=40), nullable=True),
    sa.Column('record', JSON_TYPE, nullable=False),
    sa.Column('record_hash', sa.String(length=64), nullable=False),
    sa.Column('flags', JSON_TYPE, nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('notice_number')
    )
    with op.batch_alter_table('outcomes', schema=None) as batch_op:
        batch_op.create_index('ix_outcomes_updated', ['updated_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('outcomes', schema=None) as batch_op:
        batch_op.drop_index('ix_outcomes_updated')
    op.drop_table('outcomes')
    with op.batch_alter_table('outcome_documents', schema=None) as batch_op:
        batch_op.drop_index('ix_outcome_documents_contract')
        batch_op.drop_index('ix_outcome_documents_notice')
    op.drop_table('outcome_documents')
