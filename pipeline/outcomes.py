"""Outcomes move stages by themselves (contract 4.5 records in, pipeline events out, source ``system``).

A cancelled notice → ``cancelled``; an award or contract naming the company's INN as winner → ``won``,
otherwise ``lost`` with reason ``price`` and the winning price recorded. Only tenders the company looked at
(with a pipeline entry) move, and only from a stage nobody has closed: a ``won``, ``lost``, ``declined`` or
``cancelled`` set by anyone stays; assignee, comment and our price are never touched.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from pipeline.review import Actor, record_changes
from pipeline.settings import FINAL
from store.pipeline import PipelineRepository, Session

SYSTEM = Actor("tenderflow", "system")


@dataclass
class OutcomeSummary:
    moved: int = 0
    unchanged: int = 0
    not_in_pipeline: int = 0


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value)) if value not in (None, "") else None
    except InvalidOperation:
        return None


def _digits(inn: Any) -> str:
    return "".join(ch for ch in str(inn or "") if ch.isdigit())


def outcome_change(outcome: Mapping[str, Any], company_inn: str) -> dict[str, Any] | None:
    """The pipeline fields an outcome record sets, or None when it decides nothing for us."""
    kind = outcome.get("outcome")
    if kind == "cancelled":
        return {"stage": "cancelled"}
    if kind not in ("awarded", "contracted"):
        return None
    winner = outcome.get("winner") or {}
    contract = outcome.get("contract") or {}
    winner_inn = _digits(winner.get("inn") or (contract.get("supplier") or {}).get("inn"))
    price = _decimal(winner.get("price") or contract.get("price"))
    if winner_inn and winner_inn == _digits(company_inn):
        return {"stage": "won", "winning_price": price}
    if not winner_inn and price is None:
        return None
    return {"stage": "lost", "loss_reason": "price", "winning_price": price}


def apply_outcomes(
    session: Session, outcomes: Iterable[Mapping[str, Any]], company_inn: str, at: datetime | None = None
) -> OutcomeSummary:
    """Apply outcome records (contract 4.5 shape) to the pipeline; re-applying the same records changes nothing."""
    repository = PipelineRepository(session)
    summary = OutcomeSummary()
    at = at or datetime.now(UTC)
    for outcome in outcomes:
        tender = repository.tender(str(outcome.get("notice_number") or ""))
        entry = repository.entry(tender.notice_id) if tender else None
        if entry is None:
            summary.not_in_pipeline += 1
            continue
        change = outcome_change(outcome, company_inn)
        if change is None or (entry.stage in FINAL and entry.stage != change["stage"]):
            summary.unchanged += 1
            continue
        events = record_changes(repository, entry, change, SYSTEM, at)
        if events:
            summary.moved += 1
        else:
            summary.unchanged += 1
    return summary
