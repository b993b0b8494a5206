"""Russian-style formatting of money, percents, dates and countdowns for the digest.

Pure functions used both by the view-model builder and as Jinja2 filters. Money is a ``Decimal`` (never a
float), printed as ``1 234 567,89 ₽`` with no-break spaces so an amount never wraps across lines.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal

NBSP = "\u00a0"
_CURRENCY_SIGNS = {"RUB": "₽", "RUR": "₽", "EUR": "€", "USD": "$", "CNY": "¥"}
MOSCOW = timezone(timedelta(hours=3))


def to_decimal(value: object) -> Decimal | None:
    """A contract decimal string (or Decimal/int) as ``Decimal``; ``None`` stays ``None``."""
    if value is None or value == "":
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        raise TypeError("money must not be a float")
    return Decimal(str(value))


def group_digits(integer_part: str) -> str:
    """``"1234567"`` -> ``"1 234 567"`` (no-break spaces)."""
    sign = "-" if integer_part.startswith("-") else ""
    digits = integer_part.lstrip("-")
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return sign + NBSP.join(groups)


def format_number(value: Decimal | None, places: int = 2) -> str:
    """``Decimal("1234567.891")`` -> ``"1 234 567,89"``; ``None`` -> ``"—"``."""
    if value is None:
        return "—"
    quantum = Decimal(1).scaleb(-places)
    rounded = value.quantize(quantum, rounding=ROUND_HALF_UP)
    text = format(rounded, "f")
    integer_part, _, fraction = text.partition(".")
    if integer_part in ("-0",) and set(fraction) <= {"0"}:
        integer_part = "0"
    return group_digits(integer_part) + ("," + fraction if places else "")


def currency_sign(currency: str | None) -> str:
    if not currency:
        return "₽"
    return _CURRENCY_SIGNS.get(currency.upper(), currency.upper())


def format_money(value: Decimal | None, currency: str | None = "RUB") -> str:
    """``1 234 567,89 ₽``; unknown amount -> ``"—"``."""
    if value is None:
        return "—"
    return f"{format_number(value, 2)}{NBSP}{currency_sign(currency)}"


def format_money_short(value: Decimal | None, currency: str | None = "RUB") -> str:
    """Compact form for narrow columns: ``12,3 млн ₽``, ``850 тыс. ₽``, below 10 000 the full amount."""
    if value is None:
        return "—"
    sign = currency_sign(currency)
    magnitude = abs(value)
    if magnitude >= Decimal("1e9"):
        return f"{format_number(value / Decimal('1e9'), 1)}{NBSP}млрд{NBSP}{sign}"
    if magnitude >= Decimal("1e6"):
        return f"{format_number(value / Decimal('1e6'), 1)}{NBSP}млн{NBSP}{sign}"
    if magnitude >= Decimal("1e4"):
        return f"{format_number(value / Decimal('1e3'), 0)}{NBSP}тыс.{NBSP}{sign}"
    return format_money(value, currency)


def format_percent(value: Decimal | None) -> str:
    """``Decimal("0.5")`` -> ``"0,5 %"``; trailing zeros dropped."""
    if value is None:
        return "—"
    text = format(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).normalize(), "f")
    integer_part, _, fraction = text.partition(".")
    return group_digits(integer_part) + ("," + fraction if fraction else "") + f"{NBSP}%"


def format_quantity(value: Decimal | None) -> str:
    if value is None:
        return "—"
    text = format(value.normalize(), "f")
    integer_part, _, fraction = text.partition(".")
    return group_digits(integer_part) + ("," + fraction if fraction else "")


def parse_timestamp(value: str | None) -> datetime | None:
    """An ISO 8601 timestamp of the contract; a bare date counts as the end of that day in Moscow."""
    if not value:
        return None
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        if len(value) <= 10:
            parsed = parsed.replace(hour=23, minute=59)
        parsed = parsed.replace(tzinfo=MOSCOW)
    return parsed


def zone_label(moment: datetime) -> str:
    offset = moment.utcoffset() or timedelta(0)
    if offset == timedelta(hours=3):
        return "МСК"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def format_datetime(moment: datetime | None) -> str:
    """In the notice's own zone, as published: ``25.11.2026 09:00 МСК``."""
    if moment is None:
        return "—"
    return f"{moment:%d.%m.%Y %H:%M}{NBSP}{zone_label(moment)}"


def format_date(moment: datetime | None) -> str:
    return "—" if moment is None else f"{moment:%d.%m.%Y}"


def _plural(number: int, one: str, few: str, many: str) -> str:
    tail = number % 100
    if 11 <= tail <= 14:
        return many
    last = number % 10
    if last == 1:
        return one
    if 2 <= last <= 4:
        return few
    return many


def format_countdown(deadline: datetime | None, now: datetime) -> str:
    """``"2 дня 4 ч"``, ``"5 ч 10 мин"``, ``"истёк"``; the page's script refreshes it as time passes."""
    if deadline is None:
        return "срок не указан"
    seconds = int((deadline - now).total_seconds())
    if seconds <= 0:
        return "срок истёк"
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days:
        return f"{days}{NBSP}{_plural(days, 'день', 'дня', 'дней')} {hours}{NBSP}ч"
    if hours:
        return f"{hours}{NBSP}ч {minutes}{NBSP}мин"
    return f"{minutes}{NBSP}мин"


def plural(number: int, one: str, few: str, many: str) -> str:
    """``plural(3, "тендер", "тендера", "тендеров")`` -> ``"3 тендера"``."""
    return f"{number}{NBSP}{_plural(number, one, few, many)}"


def _bound(value: object) -> str:
    number = to_decimal(value)
    return format_quantity(number) if number is not None else str(value)


def format_requirement(characteristic: dict) -> str:
    """A contract characteristic in a specialist's words: ``≥ 24 шт``, ``от 8 до 16 ГБ``, ``PoE+ или PoE``."""
    unit = f"{NBSP}{characteristic['unit']}" if characteristic.get("unit") else ""
    kind = characteristic.get("kind")
    low, high = characteristic.get("min"), characteristic.get("max")
    if kind == "range" and (low is not None or high is not None):
        low_sign = "≥" if characteristic.get("min_inclusive", True) is not False else ">"
        high_sign = "≤" if characteristic.get("max_inclusive", True) is not False else "<"
        if low is not None and high is not None:
            if low == high and low_sign == "≥" and high_sign == "≤":
                return f"{_bound(low)}{unit}"
            return f"{low_sign}{NBSP}{_bound(low)} и {high_sign}{NBSP}{_bound(high)}{unit}"
        if low is not None:
            return f"{low_sign}{NBSP}{_bound(low)}{unit}"
        return f"{high_sign}{NBSP}{_bound(high)}{unit}"
    values = [str(value) for value in characteristic.get("values") or []]
    if values:
        return " или ".join(values) + unit
    return characteristic.get("text") or "наличие"
