"""Ethernet physical-layer standards are rival codes: a card's «Стандарт» listing «1000BASE-LX» (or «10GBASE-LR /
LW») is no 1000BASE-T module; a standard written with a Cyrillic look-alike in a line's name («1000BASE-LХ») is
read as the standard; a standard the list holds, or a card stating none, is never failed. Hand-made cards."""

from __future__ import annotations

from tests.matching.conftest import Shelf, product

LX = product("SFP-LX", "Модуль SFP", [("Стандарт", "1000BASE-LX"), ("Длина волны", 1310, "нм")])
LR = product("SFP-LR", "Модуль SFP+", [("Стандарт", "10GBASE-LR / LW"), ("Длина волны", 1310, "нм")])
WDM = product("SFP-BX", "Модуль SFP", [("Технология", "WDM (BiDi), одно волокно"), ("Дальность", 20, "км")])
SHELF = Shelf(LX, LR, WDM)


def test_another_standard_is_no():
    assert SHELF.decide_name(LX, "Модуль SFP 1000BASE-T (RJ-45)", "1000BASE-T") == "no"
    assert SHELF.decide_name(LR, "Модуль SFP 1000BASE-LX", "1000BASE-LX") == "no"


def test_a_look_alike_letter_names_the_same_standard():
    assert SHELF.decide_name(LX, "Модуль SFP 1000BASE-LХ, одномодовый", "1000BASE-LX") == "yes"


def test_a_listed_standard_or_none_stated_is_never_failed():
    assert SHELF.decide_name(LR, "Модуль SFP+ 10GBASE-LW", "10GBASE-LW") != "no"
    assert SHELF.decide_name(WDM, "Модуль SFP 1000BASE-LX", "1000BASE-LX") == "unknown"
