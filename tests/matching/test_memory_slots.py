"""Memory slots: «Количество слотов для модулей оперативной памяти», «… слотов памяти» are the card's «Слотов
DIMM» / «Слоты SO-DIMM» (synonyms: a memory module is a DIMM); installed modules or the memory size never count
slots. Hand-made cards."""

from __future__ import annotations

from tests.matching.conftest import Shelf, at_least, product

TWO = product("PC-2", "Системный блок", [("Слотов DIMM", 2, "шт"), ("Объем ОЗУ", 16, "ГБ")])
ONE = product("PC-1", "Системный блок", [("Слоты SO-DIMM", 1, "шт"), ("Объем ОЗУ", 8, "ГБ")])
MODULES = product("PC-M", "Системный блок", [("Модули памяти", "2 × 8 ГБ"), ("Объем ОЗУ", 16, "ГБ")])
SHELF = Shelf(TWO, ONE, MODULES)
SLOTS = "Количество слотов для модулей оперативной памяти"


def test_memory_slots_are_the_cards_dimm_slots():
    assert SHELF.decide(at_least(SLOTS, 2, "шт"), TWO) == "yes"
    assert SHELF.decide(at_least("Количество слотов памяти", 2, "шт"), TWO) == "yes"
    assert SHELF.decide(at_least(SLOTS, 2, "шт"), ONE) == "no"


def test_installed_modules_are_no_slots():
    assert SHELF.decide(at_least(SLOTS, 2, "шт"), MODULES) != "yes"
