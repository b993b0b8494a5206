"""A line name's Ethernet standard («Модуль SFP 1000BASE-T») and a rack height of two digits («Шкаф 42U») are
requirements (issue 15: neither was read, so fibre modules and a 12U wall cabinet were «yes» in the tenth dev
batch). Hand-made cards."""

from __future__ import annotations

from matching.namegrammar import name_requirements
from tests.matching.conftest import Shelf, product

COPPER = product("SFP-T", "Модуль SFP 1000BASE-T", [("Тип модуля", "SFP"), ("Стандарт", "1000BASE-T")])
FIBRE = product("SFP-LX", "Модуль SFP 1000BASE-LX", [("Тип модуля", "SFP"), ("Стандарт", "1000BASE-LX")])
SILENT = product("SFP-X", "Модуль SFP", [("Тип модуля", "SFP"), ("Скорость", 1.25, "Гбит/с")])
TALL = product("RK-42", "Шкаф напольный 42U", [("Высота", 42, "U"), ("Ширина", 600, "мм")])
WALL = product("RK-12", "Шкаф настенный 12U", [("Высота", 12, "U"), ("Ширина", 600, "мм")])
SHELF = Shelf(COPPER, FIBRE, SILENT, TALL, WALL)


def test_an_ethernet_standard_in_the_name_is_the_cards_standard():
    assert [r.values for r in name_requirements("Модуль SFP 1000BASE-T (RJ-45)")] == [("1000BASE-T",)]
    assert SHELF.decide_name(COPPER, "Модуль SFP 1000BASE-T (RJ-45)", "1000BASE-T") == "yes"
    assert SHELF.decide_name(FIBRE, "Модуль SFP 1000BASE-T (RJ-45)", "1000BASE-T") != "yes"
    assert SHELF.decide_name(SILENT, "Модуль SFP 1000BASE-T (RJ-45)", "1000BASE-T") == "unknown"


def test_a_two_digit_rack_height():
    assert [(r.min, r.max) for r in name_requirements("Шкаф 42U 600×800")] == [(42.0, 42.0)]
    assert SHELF.decide_name(TALL, "Шкаф 42U 600×800", "42U") == "yes"
    assert SHELF.decide_name(WALL, "Шкаф 42U 600×800", "42U") == "no"
    assert name_requirements("Сервер 2U")[0].min == 2.0
