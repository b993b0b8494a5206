"""Thousands written with a letter («не менее 16K записей», a card's «Таблица MAC-адресов: 32K»): read as 16 000 and
32 000 on both sides (dev2 001/1: the requirement was read as 16 and the card's value as no number). «4K»
(a resolution) and «6500K» (a colour temperature) stay as written."""

from __future__ import annotations

from matching.requirements import from_characteristic
from matching.units import expand_multipliers, parse_quantities
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

SW16 = product("SW-16", "Коммутатор", [("Таблица MAC-адресов", "16K записей"), ("Порты", "24 × RJ-45")])
SW8 = product("SW-8", "Коммутатор", [("Таблица MAC-адресов", "8K"), ("Порты", "8 × RJ-45")])
SW32 = product("SW-32", "Коммутатор", [("Таблица MAC-адресов", "32K"), ("Порты", "48 × RJ-45")])
SHELF = Shelf(SW16, SW8, SW32)


def test_a_thousands_letter_is_read_before_a_count_noun_or_as_a_table_size():
    assert parse_quantities("16K записей")[0].value == 16000
    assert parse_quantities("32K")[0].value == 32000
    assert expand_multipliers("4K UHD") == "4K UHD" and expand_multipliers("6500K") == "6500K"
    assert expand_multipliers("8K") == "8K"  # bare: 8K is also a resolution


def test_a_table_size_in_thousands_meets_the_asked_one():
    (req,) = from_characteristic(Characteristic(name="Таблица MAC-адресов", kind="text", text="не менее 16K записей"))
    assert req.min == 16000
    assert SHELF.decide(req, SW16) == "yes"
    assert SHELF.decide(req, SW32) == "yes"
    assert SHELF.decide(req, SW8) != "yes"  # trap: «8K» is not read as 16 000 nor as 8 ≥ 16
