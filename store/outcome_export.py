"""``tenderflow export outcomes --format jsonl|csv|xlsx`` (contract 4.5).

JSON lines carry the records exactly as the contract defines them. CSV and XLSX have one row per notice with
the same top-level fields; nested values (participants, winner, contract, documents) are JSON text in their
cell, so no field is renamed, dropped or invented. Cells are neutralised against formula injection.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy.orm import Session

from store.outcome_schema import OutcomeRecord
from store.outcomes import OutcomeRepository
from store.tabular import write_csv, write_jsonl, write_xlsx

OUTCOME_COLUMNS = list(OutcomeRecord.model_fields)


def outcome_row(record: OutcomeRecord) -> dict[str, Any]:
    row = record.to_json_dict()
    for key, value in row.items():
        if isinstance(value, dict | list):
            row[key] = orjson.dumps(value).decode()
    return row


def export_outcomes(session: Session, fmt: str, out: Path) -> int:
    """Write every known outcome to ``out``; the number of records written."""
    records: Iterator[OutcomeRecord] = OutcomeRepository(session).iter_records()
    if fmt == "jsonl":
        return write_jsonl(out, (record.to_json_dict() for record in records))
    writer = write_csv if fmt == "csv" else write_xlsx
    return writer(out, OUTCOME_COLUMNS, (outcome_row(record) for record in records))
