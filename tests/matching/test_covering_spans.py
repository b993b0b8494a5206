"""A required span a product must work over («от -40 до +70 °C») met by an offered span covering it («-40…+75 °C»),
failed by one leaving part of it out («0 … +70 °C»)."""

from __future__ import annotations

from matching.requirements import from_characteristic
from matching.spans import span, span_covers
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

WIDE = product("MC-IND", "Медиаконвертер промышленный", [("Диапазон рабочих температур", "-40…+75 °C")])
OFFICE = product("SFP-LR", "Модуль SFP+", [("Рабочая температура", "0 … +70 °C")])
SHELF = Shelf(WIDE, OFFICE)


def temperature(text: str):
    (req,) = from_characteristic(Characteristic(name="Диапазон рабочих температур", kind="text", text=text))
    return req


def test_an_offered_span_covering_the_asked_one_meets_it():
    assert SHELF.decide(temperature("от -40 до +70 °C"), WIDE) == "yes"
    assert SHELF.decide(temperature("от -40 до +85 °C"), WIDE) == "no"  # +75 °C is short of +85 °C
    assert SHELF.decide(temperature("от -40 до +85 °C"), OFFICE) == "no"


def test_only_two_spans_of_one_dimension_are_compared():
    assert span_covers("от 100 до 240 В", "100–240 В") is True
    assert span_covers("от 100 до 240 В", "220 В") is None  # one value: the range check's business
    assert span_covers("от -40 до +70 °C", "-40…+75 В") is None
    assert span("10/100/1000") is None and span("2,4 и 5 ГГц") is None
