"""Items spiders yield. Pipelines validate and store them; spiders never touch the database."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from store.schema import NoticeRecord


@dataclass
class NoticeItem:
    """A canonical notice (a :class:`NoticeRecord`, or its JSON dict) and the source document it came from."""

    record: NoticeRecord | dict[str, Any]
    raw: bytes | None = None
    raw_name: str | None = None
    source_url: str | None = None

    def __repr__(self) -> str:  # logs and errors name the notice, never dump the document
        record = self.record
        if isinstance(record, NoticeRecord):
            source, number, version = record.source, record.number, record.version
        else:
            source, number, version = record.get("source"), record.get("number"), record.get("version")
        return f"<NoticeItem {source} {number} v{version} from {self.raw_name or self.source_url}>"
