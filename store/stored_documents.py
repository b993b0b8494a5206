"""Source documents stored already, by sha256, with the notices parsed from them: a crawl recognises them and
neither parses nor writes them again. Loads neither the store's record schemas nor its writers, so
``tenderflow crawl`` can ask before loading them (``crawlers.spiders.recrawl``)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store.models import NoticeVersion, RawDocument

LOOKUP_CHUNK = 500
"""Hashes per query (bound parameters)."""


def known_documents(session: Session, shas: Sequence[str]) -> dict[str, int]:
    """Of these source documents (sha256), those stored already with notices parsed from them: sha256 -> how
    many notice versions came from it. A crawler skips them without parsing: their notices are stored, and the
    same bytes parse to the same records."""
    raw, versions = RawDocument.__table__, NoticeVersion.__table__
    unique = sorted(set(shas))
    found: dict[str, int] = {}
    for start in range(0, len(unique), LOOKUP_CHUNK):
        query = (
            select(raw.c.sha256, func.count(versions.c.id))
            .join(versions, versions.c.raw_document_id == raw.c.id)
            .where(raw.c.sha256.in_(unique[start : start + LOOKUP_CHUNK]))
            .group_by(raw.c.sha256)
        )
        found.update({sha: count for sha, count in session.execute(query)})
    return found
