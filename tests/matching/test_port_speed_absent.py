"""Ports counted at a speed the card has none of ("24 порта 10G" on a switch whose port counts each name 1 Гбит/с)
fail (issue 15: left "unknown"). Only where every port count of the card names its speed: an SFP+ or 10GBase-T
count naming none may hold them; a count of PoE+ ports repeats other ports and is not asked to. Hand-made cards."""

from __future__ import annotations

from tests.matching.conftest import Shelf, product

GIGABIT = product(
    "SW-G", "Коммутатор управляемый",
    [("Порты 1 Гбит/с RJ-45", 24, "шт"), ("Порты SFP 1 Гбит/с", 4, "шт"), ("Количество портов PoE+", 12, "шт")],
)  # fmt: skip
UPLINKS = product("SW-U", "Коммутатор управляемый", [("Порты 1 Гбит/с RJ-45", 24, "шт"), ("Порты SFP+", 4, "шт")])
COPPER10 = product("SW-T", "Коммутатор", [("Порты 1 Гбит/с RJ-45", 24, "шт"), ("Порты 10GBase-T", 4, "шт")])
TEN = product("SW-X", "Коммутатор", [("Порты 1 Гбит/с RJ-45", 48, "шт"), ("Порты SFP+ 10 Гбит/с", 6, "шт")])
SHELF = Shelf(GIGABIT, UPLINKS, COPPER10, TEN)


def test_no_port_of_the_asked_speed():
    assert SHELF.decide_name(GIGABIT, "Коммутатор 24 порта 10G", "24 порта 10G") == "no"
    assert SHELF.decide_name(GIGABIT, "Коммутатор 4 порта 1G", "4 порта 1G") != "no"


def test_a_port_count_naming_no_speed_may_hold_them():
    assert SHELF.decide_name(UPLINKS, "Коммутатор 4 порта 10G", "4 порта 10G") == "unknown"
    assert SHELF.decide_name(COPPER10, "Коммутатор 4 порта 10G", "4 порта 10G") != "no"


def test_ports_of_the_speed_are_counted_not_denied():
    assert SHELF.decide_name(TEN, "Коммутатор 6 портов 10G", "6 портов 10G") != "no"
