"""Calendar arithmetic for guarantee terms and step deadlines: months, and working days on the Russian production
calendar (the ``holidays`` package for holidays and the Labour Code moves, the rule set's decree table for the
yearly transfers), plus the time of a published timestamp in its own zone and in Moscow time."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

import holidays

from bids.ruleset import RuleSet

MOSCOW = timezone(timedelta(hours=3))


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


@dataclass(frozen=True)
class WorkCalendar:
    """Working days: weekends and holidays off, the decree table's transfers win; ``years`` are the years whose
    transfers a decree in the table settles (other years are provisional)."""

    transfers: tuple[tuple[date, bool], ...]
    years: frozenset[int]
    unconfirmed: frozenset[int] = frozenset()
    """Years in the table whose decree was not read (confidence C): used, but said so."""

    def is_working_day(self, day: date) -> bool:
        for when, working in self.transfers:
            if when == day:
                return working
        return day.weekday() < 5 and day not in _public_holidays(day.year)

    def known(self, day: date) -> bool:
        return day.year in self.years


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("RU", years=year)


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def work_calendar(rules: RuleSet) -> WorkCalendar:
    section = rules.section("calendar")
    transfers = tuple((_as_date(x["day"]), bool(x["working"])) for x in section.get("transfers", []))
    years = frozenset(int(x["year"]) for x in section.get("years", []))
    unconfirmed = frozenset(int(x["year"]) for x in section.get("years", []) if x.get("confidence") == "C")
    return WorkCalendar(transfers, years, unconfirmed)


def is_working_day(day: date, rules: RuleSet) -> bool:
    return work_calendar(rules).is_working_day(day)


def add_working_days(day: date, count: int, rules: RuleSet) -> date:
    """``count`` working days after ``day`` (before it when negative); ``day`` itself is not counted."""
    cal = work_calendar(rules)
    step = 1 if count >= 0 else -1
    remaining = abs(count)
    current = day
    while remaining:
        current += timedelta(days=step)
        if cal.is_working_day(current):
            remaining -= 1
    return current


def working_days_between(start: date, end: date, rules: RuleSet) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when ``end`` is not after ``start``)."""
    cal = work_calendar(rules)
    count, current = 0, start
    while current < end:
        current += timedelta(days=1)
        count += cal.is_working_day(current)
    return count


def unknown_years(days: Iterable[date | None], rules: RuleSet) -> list[int]:
    """Years among ``days`` (and the spans between them) that the calendar data does not settle."""
    cal = work_calendar(rules)
    found = [d for d in days if d is not None]
    if not found:
        return []
    return [y for y in range(min(found).year, max(found).year + 1) if y not in cal.years]


def unconfirmed_years(days: Iterable[date | None], rules: RuleSet) -> list[int]:
    """Years among ``days`` whose transfers are in the rules but the decree was not read."""
    cal = work_calendar(rules)
    found = [d for d in days if d is not None]
    if not found:
        return []
    return [y for y in range(min(found).year, max(found).year + 1) if y in cal.unconfirmed]


def calendar_warning(years: list[int], unconfirmed: list[int] | None = None) -> str | None:
    texts = []
    if years:
        texts.append(
            f"Производственный календарь на {', '.join(map(str, years))} г. (переносы выходных) ещё не утверждён "
            "или не внесён в правила: даты, рассчитанные в рабочих днях, ориентировочные - сверьте с календарём"
        )
    if unconfirmed:
        texts.append(
            f"Переносы выходных на {', '.join(map(str, unconfirmed))} г. взяты из справочника без сверки с "
            "постановлением Правительства РФ (не подтверждено)"
        )
    return "; ".join(texts) or None


def format_day(day: date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else "не указано"


def _offset_text(moment: datetime) -> str:
    offset = moment.utcoffset() or timedelta(0)
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    minutes = rest // 60
    sign = "+" if offset >= timedelta(0) else "-"
    return f"UTC{sign}{abs(hours)}" + (f":{minutes:02d}" if minutes else "")


def format_moment(value: str | None) -> str:
    """A published timestamp with its zone and the Moscow time: "18.12.2026 09:00 (UTC+10; 02:00 МСК)"."""
    parsed = parse_when(value)
    if parsed is None:
        return "не указано"
    if not isinstance(parsed, datetime):
        return format_day(parsed)
    if parsed.tzinfo is None:
        return f"{parsed:%d.%m.%Y %H:%M} (часовой пояс не указан)"
    moscow = parsed.astimezone(MOSCOW)
    if moscow.utcoffset() == parsed.utcoffset():
        return f"{parsed:%d.%m.%Y %H:%M} МСК"
    same_day = moscow.date() == parsed.date()
    msk = f"{moscow:%H:%M}" if same_day else f"{moscow:%d.%m.%Y %H:%M}"
    return f"{parsed:%d.%m.%Y %H:%M} ({_offset_text(parsed)}; {msk} МСК)"
