"""Value conversions shared by the EIS parsers."""

from __future__ import annotations

import pytest

from crawlers.parsers.eis_values import (
    calendar_date,
    clean,
    decimal,
    inn_kpp_from_customer_code,
    percent,
    region_name,
    timestamp,
    valid_inn,
)


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2025-10-22T09:00:00+03:00", "2025-10-22T09:00:00+03:00"),  # kept as published
        ("2025-10-17T08:22:39.752+03:00", "2025-10-17T08:22:39.752+03:00"),
        ("2025-10-22+03:00", "2025-10-22T00:00:00+03:00"),  # EIS date with offset
        ("2016-08-05T18:00:00", "2016-08-05T18:00:00+03:00"),  # 223-FZ, no offset: Moscow
        ("2012-11-14T18:00:00", "2012-11-14T18:00:00+04:00"),  # Moscow was UTC+4 in 2011-2014
        ("", None),
        ("not a date", None),
        (None, None),
    ],
)
def test_timestamp(published: str | None, expected: str | None) -> None:
    assert timestamp(published) == expected


def test_numbers() -> None:
    assert decimal("10025050.52") == "10025050.52"
    assert decimal(" 1 234,50 ") == "1234.50"
    assert decimal("n/a") is None and decimal(None) is None
    assert percent("5.0") == "5" and percent("0.50") == "0.5" and percent("100.0") == "100"


def test_clean_collapses_whitespace() -> None:
    assert clean("Поставка\n   коммутаторов\t и  ИБП ") == "Поставка коммутаторов и ИБП"
    assert clean("   ") is None and clean(None) is None


def test_inn_and_customer_code() -> None:
    assert valid_inn("7710474791") and not valid_inn("7710474792") and not valid_inn("77104747")
    assert inn_kpp_from_customer_code("29715414944771501001") == ("9715414944", "771501001")
    assert inn_kpp_from_customer_code("29715414945771501001") == (None, None)  # bad check digit
    assert inn_kpp_from_customer_code("123") == (None, None)


def test_region_from_tax_codes() -> None:
    assert region_name("2540015767", "254001001") == "Приморский край"
    assert region_name("7706107510", "997750001") == "Москва"  # KPP 99..: largest taxpayers, INN decides
    assert region_name(None, None) is None


def test_calendar_date() -> None:
    assert calendar_date("2025-12-22+03:00") == "2025-12-22"
    assert calendar_date("2025-12-22T10:00:00+03:00") == "2025-12-22"
    assert calendar_date("soon") is None
