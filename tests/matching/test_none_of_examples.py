"""«Наличие беспроводных интерфейсов (Wi-Fi, Bluetooth): Отсутствие» is proven by the card's «Беспроводные
интерфейсы: нет» (none of the thing is none of its examples) and such a presence fails on it; a spec listing
some of them, or a spec of another thing saying «нет», proves no absence. Hand-made cards."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

WIRED = product("PC-W", "Системный блок", [("Беспроводные интерфейсы", "нет"), ("Тип ОЗУ", "DDR4")])
WIRELESS = product(
    "PC-B", "Системный блок", [("Беспроводные интерфейсы", "Wi-Fi 6, Bluetooth 5.2"), ("Тип ОЗУ", "DDR4")]
)
OTHER_NONE = product("PC-O", "Системный блок", [("Оптический привод", "нет"), ("Тип ОЗУ", "DDR4")])
SHELF = Shelf(WIRED, WIRELESS, OTHER_NONE)
NAME = "Наличие беспроводных интерфейсов (Wi-Fi, Bluetooth)"


def decide(value: str, card) -> str:
    (req,) = from_characteristic(Characteristic(name=NAME, kind="values", values=[value]))
    return SHELF.decide(req, card)


def test_none_of_the_thing_is_none_of_its_examples():
    assert decide("Отсутствие", WIRED) == "yes"
    assert decide("Наличие", WIRED) == "no"


def test_a_listed_example_or_another_things_none_proves_no_absence():
    assert decide("Отсутствие", WIRELESS) != "yes"
    assert decide("Отсутствие", OTHER_NONE) == "unknown"
