"""What the pages show: the digest's cards filtered like the static digest, the board by stage, a tender."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from digest.model import Digest, TenderCard
from digest.query import build_digest
from pipeline.settings import STAGES, PipelineSettings
from store.pipeline import PipelineRepository, Session, TenderRef


@dataclass
class Row:
    card: TenderCard
    stage: str | None
    assignee: str | None


def _matches_text(card: TenderCard, text: str) -> bool:
    haystack = " ".join(filter(None, [card.number, card.title, card.customer_name, card.region])).lower()
    return all(word in haystack for word in text.lower().split())


def filter_cards(digest: Digest, entries: Mapping[int, Any], query: Mapping[str, str], me: str) -> list[Row]:
    """The static digest's filters (text, law, minimum score, closing soon, new only) and the pipeline's own
    (stage, assignee: a name, ``me`` or ``none``)."""
    text, law, stage, assignee = (query.get(k, "").strip() for k in ("q", "law", "stage", "assignee"))
    try:
        min_score = int(query.get("min_score") or 0)
    except ValueError:
        min_score = 0
    closing = {card.notice_id for card in digest.closing_soon()} if query.get("closing") else None
    rows = []
    for card in sorted(digest.cards, key=lambda c: (-c.score, c.deadline_at or digest.generated_at)):
        entry = entries.get(card.notice_id)
        row = Row(card, entry.stage if entry else None, entry.assignee if entry else None)
        if (text and not _matches_text(card, text)) or (law and card.law != law) or card.score < min_score:
            continue
        if (closing is not None and card.notice_id not in closing) or (query.get("new") and not card.is_new):
            continue
        if stage and (row.stage or "none") != stage:
            continue
        if assignee and (row.assignee or "none") != (me if assignee == "me" else assignee):
            continue
        rows.append(row)
    return rows


def board_columns(entries: Iterable[tuple[Any, TenderRef]], settings: PipelineSettings) -> list[dict[str, Any]]:
    """One column per stage: its tenders and the sum of their expected amounts."""
    columns = {stage: {"stage": stage, "items": [], "expected": Decimal(0)} for stage in STAGES}
    for entry, tender in entries:
        expected = settings.expected_amount(entry.stage, entry.our_price, tender.nmck)
        column = columns[entry.stage]
        column["items"].append({"entry": entry, "tender": tender, "expected": expected})
        column["expected"] += expected or 0
    return list(columns.values())


def tender_view(session: Session, number: str, settings: Any, user: Any) -> dict[str, Any] | None:
    repository = PipelineRepository(session)
    tender = repository.tender(number)
    if tender is None:
        return None
    entry = repository.entry(tender.notice_id)
    digest = build_digest(session, settings=settings.digest)
    card = next((c for c in digest.cards if c.notice_id == tender.notice_id), None)
    assignee = entry.assignee if entry else None
    can_change = user.role == "head" or assignee in (None, user.name)
    expected = settings.pipeline.expected_amount(entry.stage, entry.our_price, tender.nmck) if entry else None
    return {
        "tender": tender, "entry": entry, "card": card, "events": repository.events(entry) if entry else [],
        "can_change": can_change, "can_assign": user.role == "head", "expected": expected,
        "loss_reasons": settings.pipeline.loss_reasons,
    }
