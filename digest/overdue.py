"""The overdue block (digest and ``serve``): tenders in work whose deadline is near or passed without a
submission, and the standard tasks overdue, per assignee.

The tasks are those the CRM sync creates for a deal: submit the application by the deadline, and request the
bank guarantee a number of working days before it (only when the notice asks for application security).
Working days here skip weekends only; the CRM task carries the same due date.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from store.pipeline import BEFORE_SUBMISSION, PipelineRepository, Session

UNASSIGNED = "не назначен"


@dataclass(frozen=True)
class OverdueItem:
    number: str
    title: str | None
    stage: str
    what: str
    """Russian: "срок подачи истёк", "срок подачи через 2 дн.", "задача просрочена: ..."."""
    due: datetime
    passed: bool


def working_days_before(moment: datetime, days: int) -> datetime:
    """``days`` working days (Monday to Friday) before ``moment``."""
    current = moment
    left = days
    while left > 0:
        current -= timedelta(days=1)
        if current.weekday() < 5:
            left -= 1
    return current


def task_dues(deadline: datetime, needs_guarantee: bool, guarantee_days: int) -> list[tuple[str, datetime]]:
    """The standard tasks of a tender in work and their due moments."""
    tasks = [("Подать заявку", deadline)]
    if needs_guarantee:
        tasks.insert(0, ("Запросить банковскую гарантию", working_days_before(deadline, guarantee_days)))
    return tasks


def overdue_block(
    session: Session, now: datetime, near_days: int = 3, guarantee_days: int = 5
) -> dict[str, list[OverdueItem]]:
    """Assignee (or "не назначен") -> what is overdue or about to be, most urgent first."""
    block: dict[str, list[OverdueItem]] = defaultdict(list)
    for entry, tender in PipelineRepository(session).entries(BEFORE_SUBMISSION):
        if tender.deadline_at is None:
            continue
        items = []
        left = tender.deadline_at - now
        if left.total_seconds() <= 0:
            items.append(("срок подачи истёк, заявка не подана", tender.deadline_at, True))
        elif left <= timedelta(days=near_days):
            items.append((f"срок подачи через {max(1, left.days)} дн., заявка не подана", tender.deadline_at, False))
        for task, due in task_dues(tender.deadline_at, tender.application_security, guarantee_days):
            if due <= now and task != "Подать заявку":
                items.append((f"задача просрочена: {task}", due, True))
        for what, due, passed in items:
            block[entry.assignee or UNASSIGNED].append(
                OverdueItem(tender.number, tender.title, entry.stage, what, due, passed)
            )
    return {name: sorted(items, key=lambda item: item.due) for name, items in sorted(block.items())}
