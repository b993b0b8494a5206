"""notice_matches.possible: the third relevance state (issue 15)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07

A notice that is not relevant but would be were its best "unknown" candidates proven is "possible"
(«возможно подходит: соответствие не доказано»). Stored results were scored by the earlier rule, which gave an
"unknown" line partial credit toward ``relevant``: their ``catalogue_hash`` is cleared so that the next
``tenderflow match`` scores them again (a stored relevance is never left meaning the old thing).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("notice_matches") as batch:
        batch.add_column(sa.Column("possible", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.execute(sa.text("UPDATE notice_matches SET catalogue_hash = ''"))


def downgrade() -> None:
    with op.batch_alter_table("notice_matches") as batch:
        batch.drop_column("possible")
