"""index notice_versions.raw_document_id (the unchanged-document lookup)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07

A crawl recognises documents stored already by their sha256 (``NoticeRepository.known_documents``): it joins
``raw_documents`` to ``notice_versions`` on ``raw_document_id`` to count the notices each came from. Without an
index on that column every lookup scans ``notice_versions``.
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_notice_versions_raw_document", "notice_versions", ["raw_document_id"])


def downgrade() -> None:
    op.drop_index("ix_notice_versions_raw_document", table_name="notice_versions")
