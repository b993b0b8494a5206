"""Cable categories are graded codes 5 < 5e < 6 < 6A < 7 (matching/categories.py): «не ниже 5е» is no «at least 5»,
«Cat.6а» / «6А» with Cyrillic letters are 6A, and a card's bracketed remark («6A (500 МГц)») is no unit. A cable card
stating its construction under «Тип» is read for «Экранирование», not its connectors' «экранированные». Hand-made
cards."""

from __future__ import annotations

from matching.namegrammar import name_requirements
from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

CAT5 = product("PC-5", "Патч-корд 2 м", [("Категория", "5"), ("Длина", 2, "м")])
CAT5E = product("PC-5E", "Патч-корд U/UTP 2 м", [("Категория", "5e"), ("Длина", 2, "м")])
CAT6 = product("PC-6", "Патч-корд F/UTP 3 м", [("Категория", "6"), ("Тип", "F/UTP (общий экран из фольги)"),
                                              ("Разъемы", "RJ-45 экранированные")])  # fmt: skip
CAT6A = product("PC-6A", "Патч-корд U/UTP 1 м", [("Категория", "6A (500 МГц)"), ("Длина", 1, "м")])
NAMED = product("PC-N", "Патч-корд U/UTP кат.6A RJ45-RJ45, 1 м", [("Длина", 1, "м")])
TWO = product("PC-2", "Патч-корд кат. 6", [("Категория", "5")])
ENERGY = product("LMP", "Лампа", [("Категория", "5")])
OPTICAL = product("PC-O", "Патч-корд оптический", [("Разъемы", "LC/UPC – SC/UPC"), ("Длина", 2, "м")])
SILENT = product("PC-S", "Патч-корд", [("Разъемы", "RJ-45"), ("Длина", 2, "м")])
SHELF = Shelf(CAT5, CAT5E, CAT6, CAT6A, NAMED, TWO, ENERGY, OPTICAL, SILENT)


def decide(card, name: str, value: str) -> str:
    (req,) = from_characteristic(Characteristic(name=name, kind="values", values=[value]))
    return SHELF.decide(req, card)


def test_a_minimum_graded_category_is_met_by_equal_or_higher_and_failed_by_lower():
    assert decide(CAT5E, "Категория", "не ниже 5е") == "yes"  # Cyrillic «е»
    assert decide(CAT6A, "Категория", "не ниже 5е") == "yes"
    assert decide(CAT5, "Категория", "не ниже 5е") == "no"  # was «at least 5»: a category 5 cord was "yes"
    assert decide(CAT5E, "Категория кабеля", "не ниже 6") == "no"


def test_an_exact_category_with_a_remark_or_cyrillic_letters():
    assert decide(CAT6A, "Категория", "6А") == "yes"  # was "no": 6 amperes against 500 МГц
    assert decide(CAT6, "Категория", "6А") == "no"
    assert decide(NAMED, "Категория", "6A") == "yes"  # stated by the card's name after «кат.»
    assert decide(CAT6A, "Категория", "6") != "yes"  # a higher exact category stays for the specialist


def test_a_category_in_a_line_name():
    assert SHELF.decide_name(CAT6A, "Патч-корд U/UTP Cat.6а RJ45-RJ45 1 м LSZH", "Cat.6а") == "yes"
    reqs = name_requirements("Патч-корд UTP, категория не ниже 5е, 2 м")
    assert not any(r.kind == "range" and r.name_tokens == ("категория",) for r in reqs)  # no «≥ 5»
    assert not any(r.source == "name-unread" and "5" in (r.text or "") for r in reqs)
    assert SHELF.decide_name(CAT5E, "Патч-корд UTP, категория не ниже 5е, 2 м", "категория") == "yes"
    assert SHELF.decide_name(CAT5, "Патч-корд UTP, категория не ниже 5е, 2 м", "категория") == "no"


def test_traps_two_categories_another_category_no_category():
    assert decide(TWO, "Категория", "не ниже 5е") != "yes"  # 6 in its name, 5 in its spec: undecided
    assert decide(ENERGY, "Категория энергоэффективности", "не ниже 5е") != "yes"
    assert decide(SILENT, "Категория", "не ниже 5е") == "unknown"  # no category stated: no grade to compare
    assert decide(OPTICAL, "Категория", "не ниже 5е") == "no"  # another kind of cord (test_card_kinds), no grade


def test_screening_is_read_on_the_cable_spec_not_the_connectors():
    assert decide(CAT6, "Экранирование", "Да (F/UTP)") == "yes"
    assert decide(CAT6, "Экранирование", "Нет (U/UTP)") == "no"


def test_optical_connectors_are_rivals_of_rj45():
    assert decide(OPTICAL, "Разъемы", "RJ-45 с обеих сторон") == "no"
    assert decide(CAT6, "Разъемы", "RJ-45 с обеих сторон") != "no"
