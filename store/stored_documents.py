"""Source documents stored already, by sha256, with the notices parsed from them: a crawl recognises them and
neither parses nor writes them again. Loads neither the store's record schemas nor its writers, so
``tenderflow crawl`` can ask before loading them (``crawlers.spiders.recrawl``)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store.keysets import Lookup
from store.models import NoticeVersion, RawDocument

LOOKUP_CHUNK = 500
"""Hashes per query."""

_RAW, _VERSIONS = RawDocument.__table__, NoticeVersion.__table__
_KNOWN = Lookup(
    lambda among: select(_RAW.c.sha256, func.count(_VERSIONS.c.id))
    .join(_VERSIONS, _VERSIONS.c.raw_document_id == _RAW.c.id)
    .where(among(_RAW.c.sha256))
    .group_by(_RAW.c.sha256)
)


def known_documents(session: Session, shas: Sequence[str]) -> dict[str, int]:
    """Of these source documents (sha256), those stored already with notices parsed from them: sha256 -> how
    many notice versions came from it. A crawler skips them without parsing: their notices are stored, and the
    same bytes parse to the same records."""
    unique = sorted(set(shas))
    found: dict[str, int] = {}
    for start in range(0, len(unique), LOOKUP_CHUNK):
        found.update({sha: count for sha, count in _KNOWN(session, unique[start : start + LOOKUP_CHUNK])})
    return found
