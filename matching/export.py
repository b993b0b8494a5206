"""Export of matches, contract 4.3: csv | jsonl | xlsx, untrusted text neutralised against formula injection."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from store.matches import MatchRepository
from store.schema import MatchRow
from store.tabular import neutralise, write_csv, write_jsonl, write_xlsx

COLUMNS = [
    "notice_number", "notice_score", "notice_relevant", "item_index", "item_name", "rank", "sku",
    "product_name", "score", "compliant", "failed", "unknown", "reasons", "notice_possible",
]  # fmt: skip
FORMATS = ("csv", "jsonl", "xlsx")


def write_matches(rows: Iterable[MatchRow], fmt: str, out_path: Path | str) -> int:
    """Write contract 4.3 rows; returns how many. CSV/XLSX join ``failed``/``unknown``/``reasons`` with ``;``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    out = Path(out_path)
    if fmt == "jsonl":
        return write_jsonl(out, (row.to_json_dict() for row in rows))
    flat = (_flat(row) for row in rows)
    if fmt == "csv":
        return write_csv(out, COLUMNS, flat)
    return write_xlsx(out, COLUMNS, flat, sheet="matches")


def _flat(row: MatchRow) -> dict[str, Any]:
    data = row.to_flat_dict()
    # ``failed``/``unknown`` are joined lists: neutralise the joined text, not only the first name.
    return {key: neutralise(value) if isinstance(value, str) else value for key, value in data.items()}


def export_matches(session: Any, fmt: str, out: Path | str, top: int = 3) -> int:
    """``tenderflow export matches``: stored results as contract 4.3 rows."""
    return write_matches(MatchRepository(session).rows(top=top), fmt, out)
