"""Russian-style formatting of money, percents, dates and countdowns for the digest.

Pure functions used both by the view-model builder and as Jinja2 filters. Money is a ``Decimal`` (never a
float), printed as ``1 234 567,89 ₽`` with no-break spaces so an amount never wraps across lines.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal

from matching import ru_format
from matching.ru_format import NBSP, to_decimal

__all__ = ["NBSP", "to_decimal"]
MOSCOW = timezone(timedelta(hours=3))


def format_number(value: Decimal | None, places: int = 2) -> str:
    """``Decimal("1234567.891")`` -> ``"1 234 567,89"``; ``None`` -> ``"—"``."""
    return ru_format.number(value, places)


def format_money(value: Decimal | None, currency: str | None = "RUB") -> str:
    """``1 234 567,89 ₽``; unknown amount -> ``"—"``."""
    return ru_format.money(value, currency)


def format_money_short(value: Decimal | None, currency: str | None = "RUB") -> str:
    """Compact form for narrow columns: ``12,3 млн ₽``, ``850 тыс. ₽``, below 10 000 the full amount."""
    if value is None:
        return "—"
    sign = ru_format.currency_sign(currency)
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
    return f"{ru_format.number(value.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP))}{NBSP}%"


def format_quantity(value: Decimal | None, unit: str | None = None) -> str:
    """``1 500``, ``2,5``; with a unit ``5 шт.``, ``1,75 кг``, ``3 лицензии``."""
    return ru_format.quantity(value, unit)


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


def parse_moment(value: str | None) -> date | datetime | None:
    """A procedure date of the contract (``auction_at``, ``review_at``, ``summary_at``): a plain ISO date
    stays a date (shown without a time), a timestamp is parsed as :func:`parse_timestamp` does."""
    if not value:
        return None
    if len(value) == 10:
        return date.fromisoformat(value)
    return parse_timestamp(value)


def zone_label(moment: datetime) -> str:
    """``МСК`` for Moscow time, else the offset from Moscow as the EIS writes it (``МСК+4``, ``МСК−2``)."""
    offset = (moment.utcoffset() or timedelta(0)) - timedelta(hours=3)
    if not offset:
        return "МСК"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes > 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"МСК{sign}{hours}" + (f":{rest:02d}" if rest else "")


def format_datetime(moment: datetime | None) -> str:
    """The notice's own local time, and Moscow time when they differ: ``25.11.2026 09:00 МСК``,
    ``18.11.2025 09:00 (МСК+4), 05:00 МСК``; the Moscow date is added when it is another day."""
    if moment is None:
        return "—"
    local = f"{moment:%d.%m.%Y %H:%M}"
    label = zone_label(moment)
    if label == "МСК":
        return f"{local}{NBSP}МСК"
    moscow = moment.astimezone(MOSCOW)
    moscow_text = f"{moscow:%H:%M}" if moscow.date() == moment.date() else f"{moscow:%d.%m.%Y %H:%M}"
    return f"{local}{NBSP}({label}), {moscow_text}{NBSP}МСК"


def format_date(moment: date | datetime | None) -> str:
    return "—" if moment is None else f"{moment:%d.%m.%Y}"


def format_moment(moment: date | datetime | None) -> str:
    """A procedure date: ``22.10.2025`` when published without a time, else :func:`format_datetime`."""
    if isinstance(moment, datetime) or moment is None:
        return format_datetime(moment)
    return format_date(moment)


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
