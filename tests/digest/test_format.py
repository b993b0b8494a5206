"""Russian formatting of money, percents, dates, countdowns and requirements."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from digest import format as fmt
from tests.digest.factories import MSK

NB = "\u00a0"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1234567.89", f"1{NB}234{NB}567,89{NB}₽"),
        ("1234567.895", f"1{NB}234{NB}567,90{NB}₽"),
        ("999", f"999,00{NB}₽"),
        ("0.5", f"0,50{NB}₽"),
        ("-115000", f"-115{NB}000,00{NB}₽"),
        ("1000", f"1{NB}000,00{NB}₽"),
    ],
)
def test_money_is_grouped_with_a_comma_and_the_rouble_sign(value, expected):
    assert fmt.format_money(Decimal(value)) == expected


def test_money_other_currency_unknown_and_short_forms():
    assert fmt.format_money(Decimal("10"), "EUR") == f"10,00{NB}€"
    assert fmt.format_money(Decimal("10"), "KZT") == f"10,00{NB}KZT"
    assert fmt.format_money(None) == "—"
    assert fmt.format_money_short(Decimal("12345678")) == f"12,3{NB}млн{NB}₽"
    assert fmt.format_money_short(Decimal("850000")) == f"850{NB}тыс.{NB}₽"
    with pytest.raises(TypeError):
        fmt.to_decimal(1.5)


def test_percent_and_quantity_drop_trailing_zeros():
    assert fmt.format_percent(Decimal("0.50")) == f"0,5{NB}%"
    assert fmt.format_percent(Decimal("10")) == f"10{NB}%"
    assert fmt.format_quantity(Decimal("1500.000")) == f"1{NB}500"
    assert fmt.format_quantity(Decimal("2.5")) == "2,5"


def test_dates_keep_the_published_zone():
    assert fmt.format_datetime(datetime(2026, 11, 25, 9, 0, tzinfo=MSK)) == f"25.11.2026 09:00{NB}МСК"
    moment = fmt.parse_timestamp("2026-11-25T09:00:00+07:00")
    assert fmt.format_datetime(moment) == f"25.11.2026 09:00{NB}(МСК+4), 05:00{NB}МСК"
    late = fmt.parse_timestamp("2026-11-25T02:00:00+10:00")  # still the day before in Moscow
    assert fmt.format_datetime(late) == f"25.11.2026 02:00{NB}(МСК+7), 24.11.2026 19:00{NB}МСК"
    europe = fmt.parse_timestamp("2020-04-03T12:00:00+01:00")
    assert fmt.format_datetime(europe) == f"03.04.2020 12:00{NB}(МСК−2), 14:00{NB}МСК"


def test_procedure_dates_without_a_time_stay_dates():
    """A bidding date published as a date is shown as one, never as 00:00 (issue 19 point 1)."""
    assert fmt.parse_moment("2025-10-22") == date(2025, 10, 22)
    assert fmt.format_moment(fmt.parse_moment("2025-10-22")) == "22.10.2025"
    assert fmt.format_moment(fmt.parse_moment("2025-11-18T12:00:00+03:00")) == f"18.11.2025 12:00{NB}МСК"


def test_units_are_abbreviated_or_agree_with_the_number():
    assert fmt.format_quantity(Decimal("5"), "Штука") == f"5{NB}шт."
    assert fmt.format_quantity(Decimal("1.75"), "Килограмм") == f"1,75{NB}кг"
    assert fmt.format_quantity(Decimal("23.8"), "дюйм") == f"23,8{NB}дюйма"
    assert fmt.format_quantity(Decimal("3"), "Лицензия") == f"3{NB}лицензии"
    assert fmt.format_quantity(Decimal("11"), "Лицензия") == f"11{NB}лицензий"
    assert fmt.format_money(Decimal("298800")) == f"298{NB}800,00{NB}₽"
    assert fmt.format_money(Decimal("1311264"), "MXN") == f"1{NB}311{NB}264,00{NB}MXN"
    assert fmt.parse_timestamp("2026-11-25") == datetime(2026, 11, 25, 23, 59, tzinfo=MSK)


@pytest.mark.parametrize(
    ("delta", "expected"),
    [
        (timedelta(days=2, hours=4, minutes=5), f"2{NB}дня 4{NB}ч"),
        (timedelta(days=1, hours=1), f"1{NB}день 1{NB}ч"),
        (timedelta(days=11), f"11{NB}дней 0{NB}ч"),
        (timedelta(days=21), f"21{NB}день 0{NB}ч"),
        (timedelta(hours=5, minutes=10), f"5{NB}ч 10{NB}мин"),
        (timedelta(minutes=7), f"7{NB}мин"),
        (timedelta(minutes=-1), "срок истёк"),
    ],
)
def test_countdown_in_russian_plurals(delta, expected):
    now = datetime(2026, 11, 23, 8, 0, tzinfo=MSK)
    assert fmt.format_countdown(now + delta, now) == expected


def test_requirements_read_like_a_specification():
    assert (
        fmt.format_requirement({"kind": "range", "min": "24", "min_inclusive": True, "unit": "шт"}) == f"≥{NB}24{NB}шт"
    )
    assert fmt.format_requirement({"kind": "range", "min": "2", "min_inclusive": False}) == f">{NB}2"
    assert (
        fmt.format_requirement({"kind": "range", "min": "8", "max": "16", "max_inclusive": False, "unit": "ГБ"})
        == f"≥{NB}8 и <{NB}16{NB}ГБ"
    )
    assert fmt.format_requirement({"kind": "values", "values": ["PoE+", "PoE++"]}) == "PoE+ или PoE++"
    assert fmt.format_requirement({"kind": "text", "text": "наличие L3"}) == "наличие L3"
