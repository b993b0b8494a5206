"""Review decisions: every change of a tender's pipeline entry goes through here and is kept as an event.

Who may change what (contract 4.6, ``serve`` roles): the head of sales changes any tender and assigns; a
specialist changes tenders assigned to them or unassigned, and may only take one (assign it to themselves).
The command line and the CRM act with full rights (``admin``): whoever runs them has the database already.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from pipeline.settings import STAGES, PipelineSettings
from store.pipeline import EventData, PipelineRepository, Session, TenderRef

SOURCES = ("cli", "web", "crm", "system")
ROLES = ("specialist", "head")
FIELDS = ("stage", "assignee", "loss_reason", "comment", "our_price")


class PipelineError(ValueError):
    """A review that cannot be applied: unknown tender, stage or reason; the message is for the user."""


class NotAllowed(PipelineError):
    """The actor's role does not allow this change."""


@dataclass(frozen=True)
class Actor:
    name: str
    source: str
    role: str = "admin"

    def __post_init__(self) -> None:
        if self.source not in SOURCES:
            raise ValueError(f"unknown event source {self.source!r}")


@dataclass
class Change:
    """Requested new values; ``None`` leaves a field as it is, ``""`` clears assignee, comment or price."""

    stage: str | None = None
    assignee: str | None = None
    loss_reason: str | None = None
    comment: str | None = None
    our_price: str | Decimal | None = None

    def given(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in FIELDS if getattr(self, name) is not None}


@dataclass
class ReviewResult:
    tender: TenderRef
    created: bool
    events: list[EventData] = field(default_factory=list)


def parse_price(value: str | Decimal) -> Decimal | None:
    if isinstance(value, Decimal):
        number = value
    elif not value.strip():
        return None
    else:
        try:
            number = Decimal(value.replace(" ", "").replace("\u00a0", "").replace(",", "."))
        except InvalidOperation:
            raise PipelineError(f"цена: ожидается число, получено «{value}»") from None
    if not number.is_finite() or number <= 0:
        raise PipelineError(f"цена должна быть положительной, получено «{value}»")
    return number.quantize(Decimal("0.01"))


def text_value(value: Any) -> str | None:
    """How a field's value is written into an event."""
    if value is None or value == "":
        return None
    return str(value)


def check_allowed(actor: Actor, current_assignee: str | None, wanted: dict[str, Any]) -> None:
    if actor.role in ("admin", "head"):
        return
    if current_assignee not in (None, actor.name):
        raise NotAllowed(f"закупку ведёт {current_assignee}: изменить её может он или руководитель")
    if "assignee" in wanted and wanted["assignee"] not in (actor.name, None):
        raise NotAllowed("назначать исполнителя может только руководитель; специалист может взять закупку себе")


def _normalised(change: Change, current_stage: str, settings: PipelineSettings) -> dict[str, Any]:
    wanted = change.given()
    if "stage" in wanted and wanted["stage"] not in STAGES:
        raise PipelineError(f"неизвестная стадия «{wanted['stage']}»; возможные: {', '.join(STAGES)}")
    if "loss_reason" in wanted:
        reason = wanted["loss_reason"] or None
        if reason is not None and reason not in settings.loss_reasons:
            known = ", ".join(settings.loss_reasons)
            raise PipelineError(f"неизвестная причина проигрыша «{reason}»; возможные: {known}")
        wanted["loss_reason"] = reason
    stage = wanted.get("stage", current_stage)
    if wanted.get("loss_reason") and stage != "lost":
        raise PipelineError("причина проигрыша указывается только для стадии lost")
    if "stage" in wanted and stage != "lost":
        wanted["loss_reason"] = None
    for name in ("assignee", "comment"):
        if name in wanted:
            wanted[name] = wanted[name].strip() or None
    if "our_price" in wanted:
        wanted["our_price"] = parse_price(wanted["our_price"])
    return wanted


def review(
    session: Session,
    number: str,
    change: Change,
    actor: Actor,
    settings: PipelineSettings | None = None,
    at: datetime | None = None,
) -> ReviewResult:
    """Apply a review to the tender with this registry number (creating its entry at ``new``)."""
    settings = settings or PipelineSettings()
    repository = PipelineRepository(session)
    tender = repository.tender(number)
    if tender is None:
        raise PipelineError(f"закупка {number} не найдена в базе")
    existing = repository.entry(tender.notice_id)
    check_allowed(actor, existing.assignee if existing else None, change.given())
    entry = existing or repository.get_or_create(tender.notice_id)
    wanted = _normalised(change, entry.stage, settings)
    if wanted.get("stage") == "lost" and not (wanted.get("loss_reason") or entry.loss_reason):
        raise PipelineError("для стадии lost укажите причину проигрыша (--loss-reason)")
    at = at or datetime.now(UTC)
    events = record_changes(repository, entry, wanted, actor, at)
    return ReviewResult(tender, existing is None, events)


def record_changes(
    repository: PipelineRepository, entry: Any, wanted: dict[str, Any], actor: Actor, at: datetime
) -> list[EventData]:
    """Set the fields that differ, one event each; the fields remember which source set them."""
    events: list[EventData] = []
    values: dict[str, Any] = {}
    decided = dict(entry.decided_by or {})
    for name, value in wanted.items():
        old = getattr(entry, name)
        if text_value(old) == text_value(value):
            continue
        events.append(EventData(name, text_value(old), text_value(value), actor.name, actor.source, at))
        values[name] = value
        decided[name] = actor.source
    if events:
        values["decided_by"] = decided
        repository.touch(entry, values, at)
        repository.add_events(entry, events)
    return events
