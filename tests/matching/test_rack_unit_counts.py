"""A count of rack units («Количество монтажных единиц (U): 42 шт») is a height in rack units compared with the
card's «Высота: 42U» or the «42U» of its name (issue 15: left "unknown", the count and the U never met). Traps: a
height in millimetres is no rack units (no "no" on «Высота: 2000 мм»); another count («Количество единиц»,
«Количество полок») stays a count."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

TALL = product("RK-42", 'Шкаф напольный 19" 42U 600×1000', [("Высота", "42U"), ("Ширина", 600, "мм")])
SHORT = product("RK-24", 'Шкаф напольный 19" 24U 600×600', [("Высота", "24U"), ("Глубина", 600, "мм")])
NAMED = product("RK-N", 'Шкаф 19" 42U 600×800', [("Глубина", 800, "мм"), ("Цвет", "серый")])
METRIC = product("RK-M", "Шкаф телекоммуникационный напольный", [("Высота", 2000, "мм"), ("Полки", 2, "шт")])
SHELF = Shelf(TALL, SHORT, NAMED, METRIC)


def units(count: str, unit: str | None = "шт", name: str = "Количество монтажных единиц (U)"):
    (found,) = from_characteristic(Characteristic(name=name, kind="values", values=[count], unit=unit))
    return found


def test_a_count_of_rack_units_is_a_height_in_units():
    asked = units("42")
    assert asked.dimension == "rack_units"
    assert SHELF.decide(asked, TALL) == "yes"
    assert SHELF.decide(asked, SHORT) == "no"
    assert SHELF.decide(units("24", "Штука", "Количество монтажных единиц"), SHORT) == "yes"
    assert SHELF.decide(asked, NAMED) == "yes"  # «42U» in the card's name


def test_millimetres_and_other_counts_are_no_rack_units():
    assert SHELF.decide(units("42"), METRIC) == "unknown"  # trap: 2000 мм is no 42U, nor its refusal
    assert units("2", name="Количество единиц").dimension == "count"
    assert units("2", name="Количество полок").dimension == "count"
