"""A transceiver's «Максимальная дальность» is its «Дальность передачи» (a reach is a limit by nature), while the
maximum of other things stays another value («Максимальный объем оперативной памяти» is not the installed memory)."""

from __future__ import annotations

from tests.matching.conftest import Shelf, at_least, product

SFP = product("LX", "Модуль SFP", [("Максимальная дальность", 10, "км"), ("Скорость передачи", 1.25, "Гбит/с"),
                                   ("Длина волны", 1310, "нм")])  # fmt: skip
PC = product("PC", "Компьютер", [("Максимальный объем оперативной памяти", 64, "ГБ"), ("Накопитель SSD", 512, "ГБ")])
SHELF = Shelf(SFP, PC)


def test_the_maximum_reach_is_the_reach():
    assert SHELF.decide(at_least("Дальность передачи", 10, "км"), SFP) == "yes"
    assert SHELF.decide(at_least("Дальность передачи", 20, "км"), SFP) == "no"


def test_the_maximum_of_another_thing_is_still_another_value():
    assert SHELF.decide(at_least("Объем оперативной памяти", 16, "ГБ"), PC) == "unknown"
