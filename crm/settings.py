"""``[crm]`` of ``tenderflow.toml``: where the webhook URL is, the deal pipeline and the stage table, users."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from crm.portal import CrmError, Limits
from pipeline.settings import STAGES

DEFAULT_STAGE_TABLE: dict[str, str] = {
    "new": "NEW", "qualified": "PREPARATION", "preparing": "PREPAYMENT_INVOICE", "submitted": "EXECUTING",
    "won": "WON", "lost": "LOSE", "declined": "APOLOGY", "cancelled": "APOLOGY",
}
"""Pipeline stage -> Bitrix24 STATUS_ID of the default deal pipeline (category 0). For another pipeline the
portal's ids are ``C<category>:<id>``; read them with ``crm.status.list`` (docs/crm.md)."""


@dataclass
class CrmSettings:
    webhook_env: str = "TENDERFLOW_B24_WEBHOOK"
    category_id: int = 0
    stages: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_STAGE_TABLE))
    users: dict[str, int] = field(default_factory=dict)
    """Assignee name -> Bitrix24 user id (``tenderflow user add --crm-user`` sets it too)."""
    default_responsible: int | None = None
    """Responsible user for a deal whose assignee has no Bitrix24 id (default: the webhook's own user)."""
    nightly: bool = True
    guarantee_working_days: int = 5
    limits: Limits = field(default_factory=Limits)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | None) -> CrmSettings:
        data = data or {}
        stages = dict(DEFAULT_STAGE_TABLE)
        for stage, status in (data.get("stages") or {}).items():
            if stage not in STAGES:
                raise CrmError(f"[crm.stages]: неизвестная стадия «{stage}»")
            stages[stage] = str(status)
        category = int(data.get("category_id", 0))
        if category and "stages" not in data:
            stages = {stage: f"C{category}:{status}" for stage, status in stages.items()}
        return cls(
            webhook_env=str(data.get("webhook_env", "TENDERFLOW_B24_WEBHOOK")),
            category_id=category,
            stages=stages,
            users={str(name): int(uid) for name, uid in (data.get("users") or {}).items()},
            default_responsible=int(data["default_responsible"]) if data.get("default_responsible") else None,
            nightly=bool(data.get("nightly", True)),
            guarantee_working_days=int(data.get("guarantee_working_days", 5)),
            limits=Limits(time_limit_wait=float(data.get("time_limit_wait", 10.0)),
                          retries_503=int(data.get("retries", 3)), retry_delay=float(data.get("retry_delay", 1.0))),
        )

    def webhook(self) -> str | None:
        """The incoming-webhook URL from the environment (a secret: never in the file)."""
        return os.environ.get(self.webhook_env) or None

    def status_entity(self) -> str:
        return "DEAL_STAGE" if self.category_id == 0 else f"DEAL_STAGE_{self.category_id}"

    def stage_of(self, status_id: str) -> str | None:
        """The pipeline stage of a portal STATUS_ID (the first in the table when several share it)."""
        return next((stage for stage, status in self.stages.items() if status == status_id), None)
