"""Room and height in a line's name: «на 4 диска» is four drive bays (the card's «Количество отсеков»), «с 4
дисками» four drives, which bays never prove; «47U» is the card's «Высота в юнитах». Hand-made cards."""

from __future__ import annotations

from matching.requirements import name_tokens
from tests.matching.conftest import Shelf, product

FOUR_BAYS = product("NAS-4", "Сетевое хранилище", [("Количество отсеков", 4, "шт"), ("RAID", "0, 1, 5, 6, 10")])
TWO_BAYS = product("NAS-2", "Сетевое хранилище", [("Количество отсеков", 2, "шт"), ("RAID", "0, 1")])
TALL = product(
    "RK-47", "Шкаф серверный", [("Высота в юнитах", 47, "U"), ("Высота", 2200, "мм"), ("Глубина", 1200, "мм")]
)
SHORT = product(
    "RK-42", "Шкаф серверный", [("Высота в юнитах", 42, "U"), ("Высота", 2000, "мм"), ("Глубина", 1000, "мм")]
)
MILLIMETRES = product("RK-MM", "Шкаф серверный", [("Высота", 2000, "мм"), ("Глубина", 1000, "мм")])
SHELF = Shelf(FOUR_BAYS, TWO_BAYS, TALL, SHORT, MILLIMETRES)


def test_room_for_drives_is_the_bays():
    assert SHELF.decide_name(FOUR_BAYS, "Сетевое хранилище на 4 диска", "4 диска") == "yes"
    assert SHELF.decide_name(TWO_BAYS, "Сетевое хранилище на 4 диска", "4 диска") == "no"


def test_drives_included_are_not_bays():
    assert SHELF.decide_name(FOUR_BAYS, "Сетевое хранилище с 4 дисками", "4 дисками") != "yes"


def test_rack_units_are_the_height_in_units():
    assert name_tokens("Высота в юнитах") == name_tokens("Количество юнитов") == name_tokens("Высота в стойке")
    assert SHELF.decide_name(TALL, "Шкаф серверный 47U", "47U") == "yes"
    assert SHELF.decide_name(SHORT, "Шкаф серверный 47U", "47U") == "no"
    assert SHELF.decide_name(MILLIMETRES, "Шкаф серверный 47U", "47U") != "yes"
