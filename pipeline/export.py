"""``tenderflow export pipeline`` (contract 4.6): one record per tender the company looked at."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from pipeline.settings import PipelineSettings
from store.pipeline import PipelineRepository, Session
from store.tabular import write_csv, write_jsonl, write_xlsx

PIPELINE_COLUMNS = [
    "notice_number", "title", "customer", "nmck", "deadline_at", "stage", "assignee", "loss_reason", "comment",
    "our_price", "probability", "expected_amount", "crm_id", "updated_at",
]


def _money(value: Decimal | None) -> str | None:
    return None if value is None else str(value.quantize(Decimal("0.01")))


def pipeline_rows(session: Session, settings: PipelineSettings | None = None) -> Iterator[dict[str, Any]]:
    settings = settings or PipelineSettings()
    for entry, tender in PipelineRepository(session).entries():
        probability = settings.probabilities.get(entry.stage, Decimal(0))
        yield {
            "notice_number": tender.number,
            "title": tender.title,
            "customer": tender.customer_name,
            "nmck": _money(tender.nmck),
            "deadline_at": tender.deadline_at.isoformat() if tender.deadline_at else None,
            "stage": entry.stage,
            "assignee": entry.assignee,
            "loss_reason": entry.loss_reason,
            "comment": entry.comment,
            "our_price": _money(entry.our_price),
            "probability": str(probability.quantize(Decimal("0.01"))),
            "expected_amount": _money(settings.expected_amount(entry.stage, entry.our_price, tender.nmck)),
            "crm_id": entry.crm_id,
            "updated_at": entry.updated_at.isoformat(),
        }


def export_pipeline(session: Session, fmt: str, out: Path, settings: PipelineSettings | None = None) -> int:
    rows = pipeline_rows(session, settings)
    if fmt == "jsonl":
        return write_jsonl(out, rows)
    writer = write_csv if fmt == "csv" else write_xlsx
    return writer(out, PIPELINE_COLUMNS, rows)
