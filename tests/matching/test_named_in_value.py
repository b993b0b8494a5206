"""A quantity a spec's value names with the rest of the requirement's name: «Бюджет PoE ≥ 300 Вт» on «PoE:
802.3af/at, бюджет 370 Вт» (dev2: «не уверены … 0.53»). Not a quantity said of something else in the value («до
30 Вт на порт»), not the budget for a per-port bound, not a spec whose name is not part of the requirement's."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

SWITCH = product(
    "SW-1",
    "Коммутатор L3 24 порта PoE+",
    [("PoE", "802.3af/at, до 30 Вт на порт, бюджет 370 Вт"), ("Питание", "встроенный блок питания 500 Вт")],
)
SHELF = Shelf(SWITCH)


def power(name: str, **bounds: str) -> str:
    (req,) = from_characteristic(Characteristic(name=name, kind="range", unit="Вт", **bounds))
    return SHELF.decide(req, SHELF.cards["SW-1"].product)


def test_the_budget_named_in_the_poe_value_decides():
    assert power("Бюджет PoE", min="300") == "yes"
    assert power("Бюджет PoE", min="400") == "no"


def test_other_quantities_of_the_value_are_not_the_budget():
    assert power("Мощность PoE на порт", min="60") != "no"  # the 370 W budget is no port's power
    assert power("Мощность PoE на порт", min="300") != "yes"
    # The supply's 500 W is not surely the budget once another spec states watts too («бюджет 370 Вт»).
    assert power("Бюджет PoE", min="450") == "no"
    assert power("Мощность блока питания", min="600") != "no"  # not read from «бюджет 370 Вт»


LAPTOP = product("NB-1", "Ноутбук", [("Батарея", "53 Вт·ч, до 9 ч автономной работы"), ("Зарядка", "65 Вт, USB-C")])
CHARGE = product("NB-2", "Ноутбук", [("Батарея", "53 Вт·ч, зарядка до 80 % за 1 ч")])
LAPTOPS = Shelf(LAPTOP, CHARGE)


def hours(card: str, **bounds: str) -> str:
    (req,) = from_characteristic(
        Characteristic(name="Время автономной работы от батареи", kind="range", unit="ч", **bounds)
    )
    return LAPTOPS.decide(req, LAPTOPS.cards[card].product)


def test_the_time_named_by_its_unit_in_the_battery_value():
    """dev4: «Время автономной работы от батареи ≥ 8 ч» on «Батарея: 53 Вт·ч, до 9 ч автономной работы»; «время»
    is what the unit ч measures, the rest of the name («автономной работы») is said in the part."""
    assert hours("NB-1", min="8") == "yes"
    assert hours("NB-1", min="12") == "no"  # trap: «до 9 ч» is at most nine hours, never «не менее 12 ч»
    assert hours("NB-2", min="1") == "unknown"  # trap: a charging time is no battery life
