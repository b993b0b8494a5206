"""A spec naming two things with a value for each («Оперативная / встроенная память: 6 ГБ / 128 ГБ») is one spec
per thing: read whole, its first value (6 ГБ) answered for the drive too, a false «no» of a right tablet.
«Планшетный компьютер» is a tablet, not a personal computer. Hand-made cards."""

from __future__ import annotations

from matching.normalise import tokens
from tests.matching.conftest import Shelf, at_least, product

TABLET = product("TB", 'Планшет 10,1"', [("Оперативная / встроенная память", "6 ГБ / 128 ГБ"), ("ОС", "Android 13")])
DRIVE = product("SSD", "Накопитель SSD", [("Скорость чтения/записи", "550/520 МБ/с"), ("Объем", 1, "ТБ")])
SMALL = product("TB-S", 'Планшет 8"', [("Оперативная / встроенная память", "4 ГБ / 64 ГБ")])
SHELF = Shelf(TABLET, DRIVE, SMALL)


def test_each_thing_of_a_paired_spec_has_its_own_value():
    assert SHELF.decide(at_least("Объем встроенной памяти", 128, "ГБ"), TABLET) == "yes"
    assert SHELF.decide(at_least("Объем оперативной памяти", 6, "ГБ"), TABLET) == "yes"
    assert SHELF.decide(at_least("Скорость записи", 500, "МБ/с"), DRIVE) == "yes"


def test_the_other_things_value_never_proves_it():
    assert SHELF.decide(at_least("Объем оперативной памяти", 8, "ГБ"), TABLET) == "no"  # 128 ГБ is the drive
    assert SHELF.decide(at_least("Объем встроенной памяти", 128, "ГБ"), SMALL) == "no"
    assert SHELF.decide(at_least("Скорость записи", 540, "МБ/с"), DRIVE) == "no"  # 550 is the reading speed


def test_a_tablet_computer_is_a_tablet():
    assert tokens("Планшетный компьютер") == tokens("Компьютер планшетный") == ("планшет",)
    assert tokens("Персональный компьютер") == ("пк",)
