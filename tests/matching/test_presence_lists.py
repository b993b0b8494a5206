"""A presence requirement against a spec whose value is a list of numbers ("RAID: 0, 1, 5"): the list names what
the product has, it is no count of 0 (issue 15: such a NAS was "no" on «Поддержка RAID»). A lone 0 still counts
none. Hand-made cards."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

LEVELS = product("NAS-L", "Сетевое хранилище", [("RAID", "0, 1, 5"), ("Количество отсеков", 4, "шт")])
NONE = product("NAS-N", "Сетевое хранилище", [("RAID", "нет"), ("Количество отсеков", 2, "шт")])
ZERO_PORTS = product("SW-0", "Коммутатор", [("Порты PoE", 0, "шт"), ("Порты RJ-45", 8, "шт")])
SHELF = Shelf(LEVELS, NONE, ZERO_PORTS)


def presence(name: str):
    (req,) = from_characteristic(Characteristic(name=name, kind="values", values=["Да"]))
    assert req.kind == "presence"
    return req


def test_a_list_of_levels_starting_with_0_is_present():
    assert SHELF.decide(presence("Поддержка RAID"), LEVELS) == "yes"


def test_none_and_a_lone_zero_count_stay_absent():
    assert SHELF.decide(presence("Поддержка RAID"), NONE) == "no"
    assert SHELF.decide(presence("Поддержка PoE"), ZERO_PORTS) == "no"


def test_the_line_name_feature_reads_the_list_too():
    assert SHELF.decide_name(LEVELS, "Сетевое хранилище с RAID", "с RAID") == "yes"
    assert SHELF.decide_name(NONE, "Сетевое хранилище с RAID", "с RAID") != "yes"
