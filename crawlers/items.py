"""Items spiders yield. Pipelines validate and store them; spiders never touch the database."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class NoticeItem:
    """A canonical notice (``NoticeRecord.to_json_dict()``) and the source document it came from."""

    record: dict[str, Any]
    raw: bytes | None = None
    raw_name: str | None = None
    source_url: str | None = None
