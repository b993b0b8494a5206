"""«Допустимая (статическая) нагрузка» is the card's «(Статическая) нагрузка», «Скорость передачи данных» its «Скорость
передачи»: words that never change which value is meant (dev batch 10 cabinets and SFP modules)."""

from __future__ import annotations

from tests.matching.conftest import Shelf, at_least, product

RACK = product("RK", 'Шкаф напольный 19" 42U', [("Статическая нагрузка", 1000, "кг"), ("Масса", 112, "кг")])
WALL = product("RW", 'Шкаф настенный 19" 12U', [("Нагрузка", 60, "кг"), ("Масса", 18, "кг")])
SFP = product("LR", "Модуль SFP+", [("Скорость передачи", 10.3, "Гбит/с"), ("Максимальная дальность", 10, "км")])
SHELF = Shelf(RACK, WALL, SFP)


def test_permissible_load_is_the_cards_load():
    assert SHELF.decide(at_least("Допустимая статическая нагрузка", 800, "кг"), RACK) == "yes"
    assert SHELF.decide(at_least("Допустимая статическая нагрузка", 1200, "кг"), RACK) == "no"
    assert SHELF.decide(at_least("Допустимая нагрузка", 50, "кг"), WALL) == "yes"


def test_data_rate_is_the_cards_rate():
    assert SHELF.decide(at_least("Скорость передачи данных", 10, "Гбит/с"), SFP) == "yes"
