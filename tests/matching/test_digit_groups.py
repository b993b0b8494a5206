"""A number written in digit groups («2 000 000») is one number, every group read (only the first was joined: 2000
and 0, a false «no» of a firewall with 2 000 000 sessions); numbers that are not groups of three stay apart.
Hand-made cards."""

from __future__ import annotations

from matching.units import parse_quantities
from tests.matching.conftest import Shelf, at_least, product

FIREWALL = product("FW", "Межсетевой экран", [("Количество одновременных сессий", "2 000 000"), ("Порты", "8 × GE")])
SHELF = Shelf(FIREWALL)


def test_every_digit_group_is_read():
    assert [q.value for q in parse_quantities("2 000 000")] == [2_000_000]
    assert [q.value for q in parse_quantities("1 500 000 шт")] == [1_500_000]
    assert SHELF.decide(at_least("Количество одновременных сессий", 1_500_000, "шт"), FIREWALL) == "yes"
    assert SHELF.decide(at_least("Количество одновременных сессий", 2_500_000, "шт"), FIREWALL) == "no"


def test_numbers_that_are_no_groups_stay_apart():
    assert [q.value for q in parse_quantities("4 8 ГБ")] == [4, 8]
    assert [q.value for q in parse_quantities("2 × 150 Вт")] == [2, 150]
