"""A list of numbers written with one unit after the last («Диапазоны: 2,4 и 5 ГГц») is in that unit, and its unit
says what it measures: «Диапазон частот» is the card's «Диапазоны» (issue 15: left "unknown" at a name similarity of
0.60). Several asked values are proven only when every one is offered; one of them may be what is asked or not.
A dimension's word alone («емкость») still names no spec. Hand-made cards."""

from __future__ import annotations

from matching.cards import list_unit
from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

DUAL = product("AP-2", "Точка доступа уличная", [("Диапазоны", "2,4 и 5 ГГц"), ("Степень защиты", "IP65")])
SINGLE = product("AP-1", "Точка доступа", [("Диапазон", "2,4 ГГц"), ("Степень защиты", "IP54")])
SHELF = Shelf(DUAL, SINGLE)


def bands(*values: str, name: str = "Диапазон частот"):
    (req,) = from_characteristic(Characteristic(name=name, kind="values", values=list(values)))
    return req


def test_a_list_written_with_one_unit():
    assert list_unit("2,4 и 5 ГГц") == "ГГц"
    assert list_unit("0, 1, 5, 6, 10") is None
    assert list_unit("2 × 1 Гбит/с") is None


def test_the_unit_names_what_the_spec_measures():
    assert SHELF.decide(bands("2,4 ГГц", "5 ГГц"), DUAL) == "yes"
    assert SHELF.decide(bands("2,4 ГГц", "5 ГГц", name="Диапазоны частот"), DUAL) == "yes"


def test_every_asked_value_must_be_offered():
    assert SHELF.decide(bands("2,4 ГГц", "5 ГГц"), SINGLE) == "unknown"
    assert SHELF.decide(bands("5 ГГц", "6 ГГц"), DUAL) == "unknown"
    assert SHELF.decide(bands("5 ГГц", "6 ГГц"), SINGLE) == "no"


TWO_BANDS = product("AP-5", "Точка доступа", [("Частотные диапазоны", "2,4 ГГц и 5 ГГц (одновременная работа)")])


def test_supported_values_are_asked_all_at_once():
    # dev3 007/1: «Поддерживаемые частотные диапазоны: 2,4; 5; 6 ГГц» on «2,4 ГГц и 5 ГГц»: no 6 ГГц band.
    shelf = Shelf(TWO_BANDS)
    supported = "Поддерживаемые частотные диапазоны"
    assert shelf.decide(bands("2,4 ГГц", "5 ГГц", "6 ГГц", name=supported), TWO_BANDS) == "no"
    assert shelf.decide(bands("2,4 ГГц", "5 ГГц", name=supported), TWO_BANDS) == "yes"
    # Trap: without «поддерживаемые» one of several values may be what is asked.
    assert shelf.decide(bands("2,4 ГГц", "5 ГГц", "6 ГГц", name="Частотные диапазоны"), TWO_BANDS) == "unknown"


SLASHED = product("AP-6", "Точка доступа", [("Диапазоны", "2,4 / 5 ГГц"), ("Скорость", "450 + 867 Мбит/с")])


def test_a_closed_list_of_bands_read_with_its_one_unit():
    # dev3 007/1 (EAP225): the list is closed whatever the name similarity; «2,4 / 5 ГГц» lists 2,4 ГГц too.
    shelf = Shelf(SLASHED)
    supported = "Поддерживаемые частотные диапазоны"
    assert shelf.decide(bands("2,4 ГГц", "5 ГГц", "6 ГГц", name=supported), SLASHED) == "no"
    assert shelf.decide(bands("2,4 ГГц", "5 ГГц", name=supported), SLASHED) != "no"
    (band,) = from_characteristic(Characteristic(name="Поддержка диапазона 2,4 ГГц", kind="values", values=["Да"]))
    assert shelf.decide(band, SLASHED) != "no"
