"""Web-poet style fixture pairs: an input file in the platform's real format and the records expected from it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from store.schema import NoticeRecord

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def expected(path: Path) -> list[dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8"))


def as_json(records: list[NoticeRecord]) -> list[dict[str, Any]]:
    return [record.to_json_dict() for record in records]


def assert_clean_text(records: list[NoticeRecord]) -> None:
    """No markup, entity or literal ``null`` leaked into text fields; money is decimal strings."""
    for record in records:
        for value in (record.title, record.customer.name if record.customer else None, record.procedure):
            if value:
                assert "<" not in value and "&lt;" not in value and "&quot;" not in value, value
                assert value != "null"
        if record.nmck is not None:
            assert isinstance(record.nmck, str) and float(record.nmck) > 0
