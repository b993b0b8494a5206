"""The production calendar: every transferred day of 2025 and 2026, whole years against a second source, the
"send to the bank by" date of issue 18, and years beyond the data."""

from datetime import date, timedelta

import pytest
import work_calendar

from bids.dates import (
    add_working_days,
    calendar_warning,
    is_working_day,
    unconfirmed_years,
    unknown_years,
    working_days_between,
)
from bids.ruleset import load_rules

RULES = load_rules("2026-02-02")

# Weekdays made days off by the transfer decrees (and by the Labour Code move of a weekend holiday).
DAYS_OFF = [
    date(2025, 5, 2), date(2025, 5, 8), date(2025, 6, 13), date(2025, 11, 3), date(2025, 12, 31),
    date(2026, 1, 9), date(2026, 3, 9), date(2026, 5, 11), date(2026, 12, 31),
]  # fmt: skip
# Weekends made working days.
WORKING_WEEKENDS = [date(2025, 11, 1)]


@pytest.mark.parametrize("day", DAYS_OFF, ids=str)
def test_transferred_days_off(day: date) -> None:
    assert day.weekday() < 5
    assert not is_working_day(day, RULES)


@pytest.mark.parametrize("day", WORKING_WEEKENDS, ids=str)
def test_working_saturday(day: date) -> None:
    assert day.weekday() == 5
    assert is_working_day(day, RULES)


@pytest.mark.parametrize("year", [2025, 2026])
def test_whole_year_matches_work_calendar(year: int) -> None:
    day, differing = date(year, 1, 1), []
    while day.year == year:
        if is_working_day(day, RULES) != work_calendar.is_workday(day):
            differing.append(day)
        day += timedelta(days=1)
    assert differing == []


@pytest.mark.parametrize("year", [2025, 2026])
def test_every_transfer_in_the_rule_table_agrees_with_both_sources(year: int) -> None:
    transfers = [x for x in RULES.list("calendar.transfers") if x["day"].year == year]
    assert transfers and all("постановление Правительства РФ" in x["decree"] for x in transfers)
    for x in transfers:
        assert work_calendar.is_workday(x["day"]) is x["working"]


def test_send_to_bank_date_before_new_year_holidays() -> None:
    # Deadline 13.01.2026, five working days back: 12, 9 (off), 8..1 (off), 31.12 (off) -> 30, 29, 26, 25.12.
    assert add_working_days(date(2026, 1, 13), -5, RULES) == date(2025, 12, 25)


def test_forward_count_skips_transferred_days() -> None:
    assert add_working_days(date(2025, 4, 30), 1, RULES) == date(2025, 5, 5)
    assert add_working_days(date(2025, 10, 31), 1, RULES) == date(2025, 11, 1)
    assert add_working_days(date(2026, 3, 6), 1, RULES) == date(2026, 3, 10)
    assert working_days_between(date(2025, 12, 29), date(2026, 1, 12), RULES) == 2


def test_year_beyond_the_data_is_said_so() -> None:
    assert unknown_years([date(2026, 12, 20), date(2026, 12, 28)], RULES) == []
    assert unknown_years([date(2026, 12, 20), date(2028, 1, 15)], RULES) == [2028]
    text = calendar_warning([2028])
    assert text and "2028" in text and "ориентировочные" in text


def test_2027_transfers_are_used_but_marked_unconfirmed() -> None:
    # The holidays package has 2027; the decree itself was not read, so the package says so.
    assert is_working_day(date(2027, 2, 20), RULES) and not is_working_day(date(2027, 2, 22), RULES)
    assert not is_working_day(date(2027, 11, 5), RULES) and not is_working_day(date(2027, 12, 31), RULES)
    assert unconfirmed_years([date(2026, 12, 28), date(2027, 1, 12)], RULES) == [2027]
    text = calendar_warning([], [2027])
    assert text and "2027" in text and "не подтверждено" in text
