"""A count of powered ports («Количество портов с поддержкой PoE+») is met by the ports a card lists with that
power («2 × RJ-45 10/100/1000 с PoE+»), never by ports listed without it nor by a port taking power («вход PoE»).
Hand-made cards."""

from __future__ import annotations

from tests.matching.conftest import Shelf, at_least, product

POWERED = product("MC-P", "Медиаконвертер", [("Порты", "2 × RJ-45 10/100/1000 с PoE+, 2 × SFP 100/1000BASE-X"),
                                             ("Монтаж", "DIN-рейка")])  # fmt: skip
POWERED_DEVICE = product("MC-D", "Медиаконвертер", [("Интерфейсы", "1 × RJ-45 10/100/1000 (вход PoE+), 1 × слот SFP"),
                                                    ("Установка", "настенная")])  # fmt: skip
SEPARATE = product("MC-S", "Медиаконвертер", [("Порты", "8 × RJ-45 10/100/1000, 2 × SFP"), ("PoE", "IEEE 802.3at")])
SHELF = Shelf(POWERED, POWERED_DEVICE, SEPARATE)
COUNT = "Количество портов с поддержкой PoE+ (IEEE 802.3at)"


def test_listed_powered_ports_meet_the_count():
    assert SHELF.decide(at_least(COUNT, 2, "шт"), POWERED) == "yes"


def test_unpowered_or_powering_ports_are_not_counted():
    assert SHELF.decide(at_least(COUNT, 1, "шт"), POWERED_DEVICE) != "yes"
    assert SHELF.decide(at_least(COUNT, 8, "шт"), SEPARATE) != "yes"
    assert SHELF.decide(at_least(COUNT, 4, "шт"), POWERED) != "yes"
