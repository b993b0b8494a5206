"""specialists' corrections of compliance verdicts

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "match_corrections",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("notice_number", sa.String(64), nullable=False),
        sa.Column("item_index", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(120), nullable=False),
        sa.Column("characteristic", sa.Text(), nullable=False),
        sa.Column("required", sa.Text()),
        sa.Column("spec_name", sa.Text()),
        sa.Column("offered", sa.Text()),
        sa.Column("verdict", sa.String(10), nullable=False),
        sa.Column("author", sa.String(120)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True)),
    )
    op.create_index("ix_match_corrections_notice_number", "match_corrections", ["notice_number"])


def downgrade() -> None:
    op.drop_index("ix_match_corrections_notice_number", table_name="match_corrections")
    op.drop_table("match_corrections")
