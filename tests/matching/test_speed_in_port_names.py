"""A speed asked of ports of a kind («Скорость передачи данных портов SFP+: не менее 10000 Мбит/с») is the speed the
card's count of those ports names («Порты SFP+ 10 Гбит/с: 4 шт»): it was "unknown" (no spec named a speed)."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

TEN = product("SW-10", "Коммутатор", [("Порты 1 Гбит/с RJ-45", 24, "шт"), ("Порты SFP+ 10 Гбит/с", 4, "шт")])
UNNAMED = product("SW-U", "Коммутатор", [("Порты 1 Гбит/с RJ-45", 24, "шт"), ("Порты SFP+", 4, "шт")])
SFP_ONLY = product("SW-S", "Коммутатор", [("Порты 1 Гбит/с RJ-45", 24, "шт"), ("Порты SFP 1 Гбит/с", 4, "шт")])
SHELF = Shelf(TEN, UNNAMED, SFP_ONLY)


def speed(least: str, unit: str = "Мбит/с"):
    asked = Characteristic(name="Скорость передачи данных портов SFP+", kind="range", min=least, unit=unit)
    (req,) = from_characteristic(asked)
    return req


def test_the_count_of_sfp_plus_ports_names_their_speed():
    assert SHELF.decide(speed("10000"), TEN) == "yes"


def test_a_faster_speed_than_the_named_one_is_no():
    assert SHELF.decide(speed("25", "Гбит/с"), TEN) == "no"


def test_a_count_naming_no_speed_or_other_ports_proves_nothing():
    assert SHELF.decide(speed("10000"), UNNAMED) == "unknown"
    assert SHELF.decide(speed("10000"), SFP_ONLY) != "yes"
