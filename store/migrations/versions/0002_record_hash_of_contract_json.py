"""record hashes over the contract JSON text

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

``record_hash`` was the sha256 of the record's key-sorted JSON; it is now the sha256 of the contract JSON text
as ``NoticeRecord.to_json`` writes it (see ``store.prepared.record_hash``), which a parsing worker has at hand
instead of re-parsing and sorting it. Every stored hash is recomputed, so re-ingesting documents already stored
still changes nothing. A stored record that no longer validates keeps its hash (and is logged).
"""

from collections.abc import Sequence
import logging

import sqlalchemy as sa
from alembic import op

from store.codec import decompress, json_loads
from store.prepared import record_hash
from store.schema import NoticeRecord

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger("alembic.runtime.migration")
BATCH = 500


def _record(value: object) -> dict:
    if isinstance(value, dict):  # PostgreSQL JSONB
        return value
    if isinstance(value, bytes | memoryview):  # SQLite: a compressed frame
        return json_loads(decompress(bytes(value)))
    return json_loads(value)  # SQLite: JSON text (rows written before compression)


def _rehash(table: str) -> None:
    connection = op.get_bind()
    rows = sa.table(table, sa.column("id", sa.Integer), sa.column("record"), sa.column("record_hash", sa.String))
    last, changed = 0, 0
    while True:
        batch = connection.execute(
            sa.select(rows.c.id, rows.c.record).where(rows.c.id > last).order_by(rows.c.id).limit(BATCH)
        ).all()
        if not batch:
            break
        updates = []
        for row_id, stored in batch:
            try:
                updates.append({"row_id": row_id, "hash": record_hash(NoticeRecord.model_validate(_record(stored)))})
            except Exception as error:  # a damaged row must not stop the upgrade
                log.warning("%s %s: запись не прошла проверку, хеш не пересчитан (%s)", table, row_id, error)
        if updates:
            connection.execute(
                rows.update().where(rows.c.id == sa.bindparam("row_id")).values(record_hash=sa.bindparam("hash")),
                updates,
            )
        changed += len(updates)
        last = batch[-1][0]
    log.info("%s: пересчитано хешей записей: %d", table, changed)


def upgrade() -> None:
    _rehash("notices")
    _rehash("notice_versions")


def downgrade() -> None:
    raise NotImplementedError("record hashes cannot be turned back into key-sorted ones; restore a backup")
