"""Units: parsing numbers with units and converting within a dimension."""

from __future__ import annotations

import pytest

from matching.units import first_quantity, parse_quantities, unit_info


@pytest.mark.parametrize(
    ("text", "dimension", "base"),
    [
        ("1 Гбит/с", "rate", 1e9),
        ("100 Мбит/с", "rate", 1e8),
        ("2,5 ТБ", "bytes", 2.5e12),
        ("960 ГБ", "bytes", 9.6e11),
        ("3 кВА", "apparent_power", 3000),
        ("370 Вт", "power", 370),
        ('27"', "length", 685.8),
        ("44 Вт·ч", "energy", 44),
        ("1 000 Вт", "power", 1000),
        ("10G", "rate", 1e10),
    ],
)
def test_parse_and_convert(text, dimension, base):
    q = parse_quantities(text)[0]
    assert q.dimension == dimension
    assert q.base == pytest.approx(base)


@pytest.mark.parametrize(
    ("unit", "dimension"),
    [("Гигагерц", "frequency"), ("Штука", "count"), ("Дюйм (25,4 мм)", "length"), ("Тысяча штук", "count"),
     ("Ватт-час", "energy"), ("кд/м2", "luminance"), ("Мпиксель", "pixels")],
)  # fmt: skip
def test_okei_unit_names(unit, dimension):
    assert unit_info(unit)[0] == dimension


def test_binary_units_are_separate_from_decimal():
    assert unit_info("ГиБ")[1] == 1024**3
    assert unit_info("ГБ")[1] == 1e9


def test_bare_number_takes_default_unit_and_unknown_unit_stays_unknown():
    assert first_quantity("24", "шт").dimension == "count"
    assert first_quantity("abc") is None
    assert unit_info("попугай") is None


def test_twelve_months_make_a_year():
    assert parse_quantities("12 мес")[0].base == pytest.approx(parse_quantities("1 год")[0].base)
