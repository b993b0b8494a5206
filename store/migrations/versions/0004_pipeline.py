"""pipeline: entries, events, users of `serve`, sync marks (contract 4.6)

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-07

The old ``reviews`` table (never written by any command) stays as it is; the pipeline lives in its own tables.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0004'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), 'postgresql')
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        'pipeline_entries',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('notice_id', sa.Integer(), sa.ForeignKey('notices.id', ondelete='CASCADE'), nullable=False,
                  unique=True),
        sa.Column('stage', sa.String(20), nullable=False),
        sa.Column('assignee', sa.String(120)),
        sa.Column('loss_reason', sa.String(60)),
        sa.Column('comment', sa.Text()),
        sa.Column('our_price', sa.Numeric(20, 2)),
        sa.Column('winning_price', sa.Numeric(20, 2)),
        sa.Column('decided_by', JSON, nullable=False),
        sa.Column('crm_id', sa.String(40)),
        sa.Column('crm_refs', JSON, nullable=False),
        sa.Column('created_at', TS, nullable=False),
        sa.Column('updated_at', TS, nullable=False),
    )
    op.create_index('ix_pipeline_entries_stage', 'pipeline_entries', ['stage'])
    op.create_table(
        'pipeline_events',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('entry_id', sa.Integer(), sa.ForeignKey('pipeline_entries.id', ondelete='CASCADE'),
                  nullable=False),
        sa.Column('at', TS, nullable=False),
        sa.Column('who', sa.String(120), nullable=False),
        sa.Column('source', sa.String(10), nullable=False),
        sa.Column('field', sa.String(30), nullable=False),
        sa.Column('from_value', sa.Text()),
        sa.Column('to_value', sa.Text()),
        sa.Column('applied', sa.Boolean(), nullable=False),
    )
    op.create_index('ix_pipeline_events_entry', 'pipeline_events', ['entry_id', 'at'])
    op.create_table(
        'users',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('name', sa.String(120), nullable=False, unique=True),
        sa.Column('role', sa.String(20), nullable=False),
        sa.Column('password_hash', sa.Text(), nullable=False),
        sa.Column('crm_user_id', sa.String(40)),
        sa.Column('failed_logins', sa.Integer(), nullable=False),
        sa.Column('locked_until', TS),
        sa.Column('created_at', TS, nullable=False),
    )
    op.create_table(
        'sync_marks',
        sa.Column('key', sa.String(60), primary_key=True),
        sa.Column('value', sa.Text(), nullable=False),
        sa.Column('updated_at', TS, nullable=False),
    )


def downgrade() -> None:
    op.drop_table('sync_marks')
    op.drop_table('users')
    op.drop_index('ix_pipeline_events_entry', table_name='pipeline_events')
    op.drop_table('pipeline_events')
    op.drop_index('ix_pipeline_entries_stage', table_name='pipeline_entries')
    op.drop_table('pipeline_entries')
