"""«кат. 6А» in a line's name is the cable category 6A, never a size of 6 amperes, and a card's lower category
(«Категория: 6», «5e») fails it; a higher or equal one is never failed by this rule. Hand-made cards."""

from __future__ import annotations

from matching.namegrammar import name_requirements
from tests.matching.conftest import Shelf, product

SIX = product("PC-6", "Патч-корд", [("Категория", "6"), ("Экран", "F/UTP"), ("Длина", 2, "м")])
SIX_A = product("PC-6A", "Патч-корд", [("Категория", "6A"), ("Экран", "S/FTP"), ("Длина", 2, "м")])
SEVEN = product("PC-7", "Патч-корд", [("Категория", "7"), ("Экран", "S/FTP"), ("Длина", 2, "м")])
SHELF = Shelf(SIX, SIX_A, SEVEN)


def test_a_category_in_a_name_is_no_current():
    reqs = name_requirements("Патч-корд кат. 6А экранированный")
    assert [r.values for r in reqs if r.name.startswith("кат.")] == [("6А",)]
    assert not any(r.dimension == "current" for r in reqs)


def test_a_lower_category_fails_6a():
    assert SHELF.decide_name(SIX, "Патч-корд кат. 6А экранированный", "кат. 6А") == "no"
    assert SHELF.decide_name(SIX, "Патч-корд Cat.6a U/UTP", "Cat.6a") == "no"


def test_an_equal_or_higher_category_is_not_failed():
    assert SHELF.decide_name(SIX_A, "Патч-корд кат. 6А экранированный", "кат. 6А") == "yes"
    assert SHELF.decide_name(SEVEN, "Патч-корд кат. 6А экранированный", "кат. 6А") != "no"
