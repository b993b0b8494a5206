"""procedure notices: TED contract award notices linked to their contract notice (issue 20)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07

eForms gives every notice of one procedure the same procedure identifier (BT-04 ``ContractFolderID``):
``procedure_notices`` records the contract notice and the award notices of each procedure, so the outcome
documents of an award notice stand under the contract notice's number whatever order the two arrive in.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | Sequence[str] | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'procedure_notices',
        sa.Column('procedure_id', sa.String(100), nullable=False),
        sa.Column('role', sa.String(10), nullable=False),
        sa.Column('number', sa.String(120), nullable=False),
        sa.PrimaryKeyConstraint('procedure_id', 'role', 'number', name='pk_procedure_notices'),
    )


def downgrade() -> None:
    op.drop_table('procedure_notices')
