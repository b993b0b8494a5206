"""A rate asked for one radio band («Максимальная скорость передачи данных в диапазоне 5 ГГц») is the rate the card
writes with that band: in a part of a combined value («574 Мбит/с (2,4 ГГц) + 2402 Мбит/с (5 ГГц)») or in a spec
named with the band. A total over the bands or rates without bands say nothing of one band. Hand-made cards."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

PLUS = product("AP-1", "Точка доступа", [("Максимальная скорость", "574 Мбит/с (2,4 ГГц) + 2402 Мбит/с (5 ГГц)")])
UPTO = product("AP-2", "Точка доступа", [("Скорость радиоканала", "до 574 Мбит/с (2,4 ГГц), до 1201 Мбит/с (5 ГГц)")])
COLON = product("AP-3", "Точка доступа", [("Скорость", "5 ГГц: 2402 Мбит/с; 2,4 ГГц: 574 Мбит/с")])
NAMED = product("AP-4", "Точка доступа", [("Макс. скорость 2,4 ГГц", "574 Мбит/с"),
                                         ("Макс. скорость 5 ГГц", "1201 Мбит/с")])  # fmt: skip
TOTAL = product("AP-5", "Точка доступа Wi-Fi 6", [("Скорость", "до 5400 Мбит/с"), ("Диапазоны", "2,4 ГГц + 5 ГГц")])
UNLABELLED = product("AP-6", "Точка доступа", [("Скорость", "300 Мбит/с + 867 Мбит/с")])
SHELF = Shelf(PLUS, UPTO, COLON, NAMED, TOTAL, UNLABELLED)


def at_least(band: str, value: str, unit: str = "Мбит/с"):
    name = f"Максимальная скорость передачи данных в диапазоне {band}"
    (req,) = from_characteristic(Characteristic(name=name, kind="range", min=value, unit=unit))
    return req


def test_the_rate_written_with_the_asked_band_decides():
    assert SHELF.decide(at_least("5 ГГц", "867"), PLUS) == "yes"
    assert SHELF.decide(at_least("5 ГГц", "1.2", "Гбит/с"), UPTO) == "yes"
    assert SHELF.decide(at_least("5 ГГц", "2000"), COLON) == "yes"
    assert SHELF.decide(at_least("5 ГГц", "867"), NAMED) == "yes"
    assert SHELF.decide(at_least("5 ГГц", "3000"), PLUS) == "no"


def test_another_bands_rate_never_proves_it():
    # Trap: the card's highest rate (2402 Мбит/с, of 5 ГГц) is no rate of the 2,4 ГГц band.
    assert SHELF.decide(at_least("2,4 ГГц", "1000"), PLUS) == "no"
    assert SHELF.decide(at_least("2,4 ГГц", "1000"), NAMED) == "no"
    assert SHELF.decide(at_least("2,4 ГГц", "500"), COLON) == "yes"


def test_a_total_or_unlabelled_rates_say_nothing_of_one_band():
    # Trap: «до 5400 Мбит/с» is the sum over both bands, not the 5 ГГц band's rate.
    assert SHELF.decide(at_least("5 ГГц", "4000"), TOTAL) == "unknown"
    assert SHELF.decide(at_least("5 ГГц", "867"), UNLABELLED) == "unknown"


def test_a_spec_named_with_the_band_may_keep_its_unit_apart():
    own_unit = product("AP-7", "Точка доступа", [("Макс. скорость 2,4 ГГц", "574", "Мбит/с"),
                                                  ("Макс. скорость 5 ГГц", "1201", "Мбит/с")])  # fmt: skip
    shelf = Shelf(own_unit)
    assert shelf.decide(at_least("5 ГГц", "1.2", "Гбит/с"), own_unit) == "yes"
    assert shelf.decide(at_least("2,4 ГГц", "1.2", "Гбит/с"), own_unit) == "no"
