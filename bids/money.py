"""Money arithmetic for bid documents: Decimal only, rounding to kopecks as the rule set says."""

from __future__ import annotations

import decimal
from decimal import Decimal

from bids.ruleset import RuleError, RuleSet, to_dec

HUNDRED = Decimal(100)


def dec(value: str | int | Decimal | None) -> Decimal | None:
    """A contract decimal string (or None) as Decimal."""
    if value is None:
        return None
    return value if isinstance(value, Decimal) else Decimal(str(value))


def round_money(amount: Decimal, rules: RuleSet) -> Decimal:
    """Round to the rule set's quantum (kopecks) with its rounding mode (half-up per EIS practice)."""
    mode = str(rules.value("money", "rounding"))
    if not mode.startswith("ROUND_") or not hasattr(decimal, mode):
        raise RuleError(f"money.rounding: неизвестный режим округления {mode!r}")
    return amount.quantize(to_dec(rules.value("money", "quantum"), "money.quantum"), rounding=getattr(decimal, mode))


def percent_of(base: Decimal, percent: Decimal, rules: RuleSet) -> Decimal:
    """``percent`` % of ``base``, rounded to kopecks."""
    return round_money(base * percent / HUNDRED, rules)


def percent_ratio(amount: Decimal, base: Decimal) -> Decimal:
    """What percent ``amount`` is of ``base`` (4 decimals, for display)."""
    return (amount * HUNDRED / base).quantize(Decimal("0.0001"), rounding=decimal.ROUND_HALF_UP)


def format_money(amount: Decimal | None, currency: str = "₽") -> str:
    """``Decimal("10025050.52")`` -> ``"10 025 050,52 ₽"`` (non-breaking thin spaces between groups)."""
    if amount is None:
        return "не указано"
    sign = "-" if amount < 0 else ""
    text = f"{abs(amount):,.2f}".replace(",", "\u00a0").replace(".", ",")
    return f"{sign}{text}\u00a0{currency}" if currency else f"{sign}{text}"


def format_percent(value: Decimal | None) -> str:
    if value is None:
        return "—"
    text = format(value.normalize(), "f")
    return text.replace(".", ",") + " %"
