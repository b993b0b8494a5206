"""Counts of one kind read from a card's list (issue 15, round 2): outlets counted by their code under any
connector word («разъемов IEC 320 С13» on «Выходные розетки: 6 × IEC 320 C13, клеммная колодка»), 10GBASE-T ports
as ports of 10 Гбит/с, and a total of power supplies that are not held in reserve. Hand-made cards."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

TERMINALS = product("UPS-T", "ИБП 3000 ВА", [("Выходные розетки", "6 × IEC 320 C13, клеммная колодка")])
CONNECTORS = product("UPS-C", "ИБП 2200 ВА", [("Выходные разъёмы", "8 × C13 и 1 × C19")])
SCHUKO = product("UPS-S", "ИБП 1500 ВА", [("Розетки", "4 × C13, Schuko")])
PHONE = product("PH-1", "IP-телефон", [("Сетевые порты", "2 × RJ-45 10/100 Мбит/с (LAN/PC, мост)")])
SERVER = product("SRV-1", "Сервер 2U", [("Сетевые адаптеры", "4 × 10GBASE-T (OCP 3.0) + 2 × 25GbE SFP28")])
GIGABIT = product("SRV-2", "Сервер 1U", [("Сетевые адаптеры", "4 × 1000BASE-T")])
SUPPLIES = product("SRV-3", "Сервер 2U", [("Мощность блоков питания", "2 × 1200 Вт")])
RESERVED = product("SRV-4", "Сервер 2U", [("Мощность блоков питания", "2 × 1600 Вт, горячая замена (1+1)")])
SHELF = Shelf(TERMINALS, CONNECTORS, SCHUKO, PHONE, SERVER, GIGABIT, SUPPLIES, RESERVED)


def decide(card, name: str, low: float, unit: str = "шт") -> str:
    (req,) = from_characteristic(Characteristic(name=name, kind="range", min=low, unit=unit))
    return SHELF.decide(req, card)


C13 = "Количество выходных разъемов IEC 320 С13"  # a Cyrillic С, as notices write it


def test_outlets_of_one_code_are_counted_under_a_connector_word():
    assert decide(TERMINALS, C13, 6) == "yes"  # the terminal block beside them counts no C13
    assert decide(CONNECTORS, C13, 8) == "yes"
    assert decide(CONNECTORS, C13, 9) != "yes"  # the C19 outlet is no C13: never summed with them
    assert decide(CONNECTORS, "Количество выходных разъемов IEC 320 C19", 2) != "yes"


def test_an_uncounted_part_naming_the_kind_decides_nothing():
    # «Schuko» without a count: how many Schuko outlets the card has is not written.
    assert decide(SCHUKO, "Количество выходных розеток Schuko", 1) == "unknown"


def test_a_feature_kind_is_not_read_as_an_outlet_code():
    # RJ-45 ports of 10/100 Мбит/с are no gigabit ports, whatever socket they share.
    assert decide(PHONE, "Количество портов Ethernet 10/100/1000 Мбит/с", 2) != "yes"


def test_ten_gigabit_copper_ports_count_as_ten_gigabit():
    assert decide(SERVER, "Количество сетевых портов 10 Гбит/с", 2) == "yes"
    assert decide(GIGABIT, "Количество сетевых портов 10 Гбит/с", 2) != "yes"


def test_a_total_of_supplies_in_reserve_is_no_sum():
    assert decide(SUPPLIES, "Совокупная мощность блоков питания", 2, "кВт") == "yes"
    assert decide(RESERVED, "Суммарная мощность блоков питания", 3000, "Вт") == "unknown"  # 1+1: one carries it
    assert decide(RESERVED, "Суммарная мощность блоков питания", 1500, "Вт") == "yes"  # one alone meets it
    assert decide(RESERVED, "Суммарная мощность блоков питания", 4000, "Вт") == "no"
