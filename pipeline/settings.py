"""Stages, loss reasons and stage probabilities: defaults here, overridable in ``[pipeline]`` of
``tenderflow.toml``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

__all__ = ["FINAL", "STAGES", "PipelineSettings", "SettingsError"]

STAGES: tuple[str, ...] = ("new", "qualified", "preparing", "submitted", "won", "lost", "declined", "cancelled")
FINAL: tuple[str, ...] = ("won", "lost", "declined", "cancelled")

STAGE_LABELS: dict[str, str] = {
    "new": "Новая", "qualified": "Отобрана", "preparing": "Готовим заявку", "submitted": "Заявка подана",
    "won": "Выиграна", "lost": "Проиграна", "declined": "Отказались", "cancelled": "Отменена",
}
DEFAULT_LOSS_REASONS: dict[str, str] = {
    "price": "цена",
    "requirements": "не соответствуем требованиям",
    "guarantee": "обеспечение / банковская гарантия",
    "deadline": "не успели к сроку",
    "rejected": "заявка отклонена",
    "cancelled": "процедура отменена",
    "other": "другое",
}
DEFAULT_PROBABILITIES: dict[str, Decimal] = {
    "new": Decimal("0.05"), "qualified": Decimal("0.15"), "preparing": Decimal("0.30"),
    "submitted": Decimal("0.50"), "won": Decimal("1"), "lost": Decimal("0"), "declined": Decimal("0"),
    "cancelled": Decimal("0"),
}


class SettingsError(ValueError):
    """A wrong value in ``[pipeline]``."""


@dataclass(frozen=True)
class PipelineSettings:
    probabilities: Mapping[str, Decimal] = field(default_factory=lambda: dict(DEFAULT_PROBABILITIES))
    loss_reasons: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_LOSS_REASONS))
    near_days: int = 3
    """The overdue block: a deadline within this many days counts as near."""
    guarantee_working_days: int = 5
    """The bank-guarantee request task is due this many working days before the deadline."""

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | None) -> PipelineSettings:
        """``[pipeline]``: ``probabilities = {stage = 0.3, ...}``, ``loss_reasons = {code = "label", ...}``."""
        data = data or {}
        probabilities = dict(DEFAULT_PROBABILITIES)
        for stage, value in (data.get("probabilities") or {}).items():
            if stage not in STAGES:
                raise SettingsError(f"[pipeline] probabilities: неизвестная стадия «{stage}»")
            try:
                number = Decimal(str(value))
            except InvalidOperation:
                number = Decimal(-1)
            if not Decimal(0) <= number <= Decimal(1):
                raise SettingsError(f"[pipeline] probabilities.{stage}: нужна доля от 0 до 1, указано «{value}»")
            probabilities[stage] = number
        reasons = data.get("loss_reasons")
        if reasons is not None and (not isinstance(reasons, Mapping) or not reasons):
            raise SettingsError("[pipeline] loss_reasons: нужна таблица код = \"название\"")
        return cls(
            probabilities=probabilities,
            loss_reasons={str(k): str(v) for k, v in reasons.items()} if reasons else dict(DEFAULT_LOSS_REASONS),
            near_days=int(data.get("near_days", 3)),
            guarantee_working_days=int(data.get("guarantee_working_days", 5)),
        )

    def expected_amount(self, stage: str, our_price: Decimal | None, nmck: Decimal | None) -> Decimal | None:
        """Probability of the stage × our price (or the NMCK while we have no price), to the kopeck."""
        base = our_price if our_price is not None else nmck
        if base is None:
            return None
        return (self.probabilities.get(stage, Decimal(0)) * base).quantize(Decimal("0.01"))
