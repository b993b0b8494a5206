"""Numeric decisions: an offered quantity against a required range, and the offered value as a specialist reads
it (``1,75 кг``, ``16 ГБ``). A value counting things of one size ("2 × 1200 Вт") is decided only when the
per-unit and the total reading agree."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache
from typing import Literal

from matching import ru_format
from matching.alignment import in_total, per_unit
from matching.cards import SpecCard, counted_each
from matching.requirements import Requirement
from matching.units import Quantity, make_quantity
from matching.values import is_unlimited

Status = Literal["yes", "no", "unknown"]
Reason = str | Callable[[], str]
EPS = 1e-9


def offered(spec: SpecCard) -> str:
    """The catalogue's value as a specialist reads it: ``1,75 кг``, ``16 ГБ``; text values as written."""
    return _offered_value(spec.spec.value, spec.spec.unit)


@lru_cache(maxsize=65_536)
def _offered_value(value: str, unit: str | None) -> str:
    try:
        number = Decimal(value.strip().replace(",", "."))
    except (ArithmeticError, ValueError):
        return f"{value} {unit}".strip() if unit else value
    return ru_format.quantity(number, unit) if number.is_finite() else value


def offered_text(spec: SpecCard) -> str:
    """The offered value as the catalogue writes it, with its unit."""
    return f"{spec.spec.value} {spec.spec.unit}".strip() if spec.spec.unit else spec.spec.value


def in_range(req: Requirement, value: float) -> bool:
    tol = EPS * max(1.0, abs(value))
    if req.min is not None:
        if req.min_inclusive and value < req.min - tol:
            return False
        if not req.min_inclusive and value <= req.min + tol:
            return False
    if req.max is not None:
        if req.max_inclusive and value > req.max + tol:
            return False
        if not req.max_inclusive and value >= req.max - tol:
            return False
    return True


def gap(req: Requirement, value: float) -> float:
    if req.min is not None and value < req.min:
        return (req.min - value) / max(abs(req.min), 1e-12)
    if req.max is not None and value > req.max:
        return (value - req.max) / max(abs(req.max), 1e-12)
    return 0.0


def check_range(req: Requirement, spec: SpecCard) -> tuple[Status, Reason]:
    q = spec.quantity
    if q is None and is_unlimited(spec.spec.value):
        if req.max is None:
            return "yes", lambda: f"«{spec.spec.value}» (не ограничено) соответствует требованию {req.describe()}"
        return "no", lambda: f"«{spec.spec.value}» (не ограничено) превышает {req.describe()}"
    if q is None:
        return "unknown", lambda: f"значение «{spec.spec.value}» не числовое"
    if req.dimension and q.dimension and req.dimension != q.dimension:
        return "unknown", lambda: f"единицы несопоставимы: {req.unit} и {q.unit}"
    counted = counted_each(spec) if req.dimension and not q.dimension else None
    if counted is not None and counted[1].dimension == req.dimension:
        return _check_each_and_total(req, spec, *counted)
    if req.dimension and not q.dimension:
        q = make_quantity(q.value, req.unit)
        value = q.base
    elif not req.dimension and q.dimension:
        value = q.value
    else:
        value = q.base
    if in_range(req, value):
        return "yes", lambda: f"{offered(spec)} соответствует требованию {req.describe()}"
    return "no", lambda: f"{offered(spec)} не соответствует требованию {req.describe()}"


def _check_each_and_total(req: Requirement, spec: SpecCard, count: int, each: Quantity) -> tuple[Status, Reason]:
    """ "2 × 1200 Вт" against a bound that may mean each supply or all of them: decided when both readings agree."""
    each_ok, total_ok = in_range(req, each.base), in_range(req, each.base * count)
    if per_unit(req.name_tokens):
        total_ok = each_ok  # "Мощность каждого блока питания": one of them, never their total
    elif in_total(req.name):
        each_ok = total_ok  # "Суммарная мощность блоков питания": all of them together
    if each_ok and total_ok:
        return "yes", lambda: f"{offered_text(spec)} соответствует требованию {req.describe()}"
    if not each_ok and not total_ok:
        return "no", lambda: f"{offered_text(spec)} не соответствует требованию {req.describe()}"
    return "unknown", lambda: f"{offered_text(spec)}: требование {req.describe()} к каждому или ко всем? проверьте"
