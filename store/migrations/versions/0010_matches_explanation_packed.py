"""matches.explanation as a zstd frame on PostgreSQL too (bytea instead of jsonb)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-08

A candidate's explanation is written in bulk (~60 rows per notice) and only ever read whole by Python: it is
now the zstd frame the matching worker makes (``store.models.PackedJSON``), as SQLite has stored it since
``RecordJSON``, instead of JSON that PostgreSQL parsed into JSONB on every insert. Existing rows keep their
content as their JSON text in the bytea (``PackedJSON`` reads both), so nothing is rematched. SQLite's column
already holds the frames (its declared type, JSON, never converts a blob): nothing to do there.
Downgrade: every frame is unpacked to JSON text, then the column is JSONB again.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from store.codec import decompress

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 2000


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.alter_column(
        "matches", "explanation", type_=sa.LargeBinary(), existing_type=postgresql.JSONB(astext_type=sa.Text()),
        existing_nullable=False, postgresql_using="convert_to(explanation::text, 'UTF8')",
    )  # fmt: skip


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "postgresql":
        return
    last = 0
    while True:  # the frames (anything but JSON text, which starts with "{" or "[") unpacked to their text
        rows = connection.execute(
            sa.text(
                "SELECT id, explanation FROM matches WHERE id > :last AND get_byte(explanation, 0) NOT IN (123, 91) "
                "ORDER BY id LIMIT :batch"
            ),
            {"last": last, "batch": BATCH},
        ).all()
        if not rows:
            break
        connection.execute(
            sa.text("UPDATE matches SET explanation = :text WHERE id = :id"),
            [{"id": row_id, "text": decompress(bytes(blob))} for row_id, blob in rows],
        )
        last = rows[-1][0]
    op.alter_column(
        "matches", "explanation", type_=postgresql.JSONB(astext_type=sa.Text()), existing_type=sa.LargeBinary(),
        existing_nullable=False, postgresql_using="convert_from(explanation, 'UTF8')::jsonb",
    )  # fmt: skip
