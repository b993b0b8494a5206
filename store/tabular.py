"""Writing exports: JSON lines, and tables (CSV, XLSX) of untrusted text with every cell neutralised against
formula injection."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import orjson

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def write_jsonl(path: Path, objects: Iterable[dict[str, Any]]) -> int:
    """One JSON object per line, UTF-8, non-ASCII kept as is."""
    count = 0
    with path.open("wb") as handle:
        for data in objects:
            handle.write(orjson.dumps(data) + b"\n")
            count += 1
    return count


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> int:
    count = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(column)) for column in columns])
            count += 1
    return count


def write_xlsx(path: Path, columns: Sequence[str], rows: Iterable[dict[str, Any]], sheet: str = "data") -> int:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(sheet)
    worksheet.append(list(columns))
    count = 0
    for row in rows:
        worksheet.append([_cell(row.get(column)) for column in columns])
        count += 1
    workbook.save(path)
    return count


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return neutralise(value)
