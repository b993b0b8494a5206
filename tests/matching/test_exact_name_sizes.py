"""A bare diagonal, voltage or battery capacity in a line's name is the product's own size, not a lower bound
(`alignment.json` `exact_name_sizes`): «Интерактивная панель 65" для кабинета информатики» was "yes" for 75" and 86"
panels. Other bare sizes stay lower bounds («ИБП 3 кВА», «Кабель 305 м»)."""

from __future__ import annotations

from matching.compliance import check, overall
from matching.namegrammar import name_requirements
from tests.matching.conftest import Shelf, product

PANEL_65 = product("IP-65", "Интерактивная панель 65\"", [("Диагональ экрана", 65, "дюйм")])
PANEL_75 = product("IP-75", "Интерактивная панель 75\"", [("Диагональ экрана", 75, "дюйм")])
BATTERY_72 = product("BT-72", "Батарея аккумуляторная", [("Номинальное напряжение", 12, "В"), ("Емкость", 7.2, "А·ч")])
UPS_3K = product("UPS-3", "Источник бесперебойного питания", [("Выходная мощность", 3, "кВА")])
SHELF = Shelf(PANEL_65, PANEL_75, BATTERY_72, UPS_3K)


def verdict(name: str, sku: str) -> str:
    return overall([check(r, SHELF.cards[sku], SHELF.vocab) for r in name_requirements(name)])


def test_a_larger_panel_does_not_meet_the_diagonal_of_the_name():
    assert verdict("Интерактивная панель 65\" для кабинета информатики", "IP-75") == "no"
    assert verdict("Интерактивная панель 65\"", "IP-75") == "no"


def test_the_panel_of_that_diagonal_meets_it():
    assert verdict("Интерактивная панель 65\" для кабинета информатики", "IP-65") == "yes"


def test_a_battery_of_another_capacity_is_not_the_named_one():
    assert verdict("Аккумулятор для ИБП 12 В 7 А·ч", "BT-72") == "no"


def test_a_bare_power_stays_a_lower_bound():
    (power,) = name_requirements("ИБП 1,5 кВА")
    assert power.max is None
    assert verdict("ИБП 1,5 кВА", "UPS-3") == "yes"
