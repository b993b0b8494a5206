"""A line name written with Cyrillic look-alikes («4 SFР», «РоЕ+») counts its Latin kinds as the Latin name does, and
a card whose port list is a spec of its own («Порты») and lists fewer ports of the asked kind fails the count (a
closed list); a list of one kind («Порты SFP+») or a card without such a list never does. Hand-made cards."""

from __future__ import annotations

from tests.matching.conftest import Shelf, product

BIG = product("SW-24", "Коммутатор", [("Порты", "24 × 10/100/1000BASE-T PoE+ (RJ-45), 4 × 1/10GBASE-X SFP+")])
SMALL = product("SW-8", "Коммутатор", [("Порты", "8 × 10/100/1000BASE-T PoE, 2 × 1000BASE-X SFP")])
UPLINKS = product("SW-U", "Коммутатор 24 порта", [("Порты SFP+", "2 × 10GBASE-X SFP+")])
SHELF = Shelf(BIG, SMALL, UPLINKS)
LINE = "Коммутатор 24 порта 1G РоЕ+, 4 SFР, управляемый, 1U"


def test_lookalike_letters_in_a_count_are_latin():
    assert SHELF.decide_name(BIG, LINE, "4 SFP") == "yes"  # was an unread «4 SFP»


def test_a_closed_port_list_with_fewer_ports_fails_the_count():
    assert SHELF.decide_name(SMALL, LINE, "4 SFP") == "no"
    assert SHELF.decide_name(SMALL, LINE, "24 порта") == "no"


def test_a_list_of_one_kind_is_no_closed_list():
    assert SHELF.decide_name(UPLINKS, LINE, "4 SFP") == "unknown"
