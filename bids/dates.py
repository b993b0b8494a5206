"""Calendar arithmetic for guarantee terms and step deadlines (months, working days from the rule set)."""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta

from bids.ruleset import RuleSet


def parse_when(value: str | None) -> datetime | date | None:
    """A contract timestamp/date string as published ("2025-10-22T09:00:00+03:00", "2025-12-22+03:00")."""
    if not value:
        return None
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def day_of(value: str | None) -> date | None:
    """The calendar date of a published timestamp, in its own (local) offset."""
    parsed = parse_when(value)
    if isinstance(parsed, datetime):
        return parsed.date()
    return parsed


def add_months(day: date, months: int) -> date:
    """Same day ``months`` later; clamped to the month's last day (31.01 + 1 month = 28/29.02)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def is_working_day(day: date, rules: RuleSet) -> bool:
    holidays = set(rules.value("calendar", "holidays"))
    return day.weekday() < 5 and day.strftime("%m-%d") not in holidays


def add_working_days(day: date, count: int, rules: RuleSet) -> date:
    """``count`` working days after ``day`` (before it when negative); ``day`` itself is not counted."""
    step = 1 if count >= 0 else -1
    remaining = abs(count)
    current = day
    while remaining:
        current += timedelta(days=step)
        if is_working_day(current, rules):
            remaining -= 1
    return current


def format_day(day: date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else "не указано"
