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


def test_ports_of_the_speed_or_faster_are_counted_not_denied():
    assert SHELF.decide_name(TEN, "Коммутатор 6 портов 10G", "6 портов 10G") != "no"
    # 10 Гбит/с ports may serve a 2,5G count: the specialist decides.
    assert SHELF.decide_name(TEN, "Коммутатор 6 портов 2,5G", "6 портов 2,5G") != "no"


def test_a_speed_written_with_a_decimal_comma_qualifies_its_count():
    from matching.namegrammar import name_requirements

    (count,) = [r for r in name_requirements("Коммутатор неуправляемый 8 портов 2,5G") if r.kind == "range"]
    assert count.name == "8 портов 2,5G (в наименовании)" and "rate2500000000" in count.name_tokens
    assert SHELF.decide_name(GIGABIT, "Коммутатор 8 портов 2,5G", "8 портов 2,5G") == "no"
    assert SHELF.decide_name(GIGABIT, "Коммутатор 8 портов 2.5GbE", "8 портов 2.5GbE") == "no"
