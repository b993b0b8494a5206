"""One spec stating several things of the asked dimension («Память и накопители: 32 ГБ DDR4 …; SSD 1 ТБ»): the
quantity next to the word the requirement adds to the spec's name («SSD» of «Объем накопителя SSD») decides, and
the first quantity, maybe another thing's, never gives «no» alone (dev3 112/1: 32 ГБ of memory read as the SSD's
volume rejected a compliant computer). An upper bound («расширение до 64 ГБ») is no value of the product's."""

from __future__ import annotations

from matching.requirements import Requirement, from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

PC = product("PC", "Компьютер", [
    ("Память и накопители", "32 ГБ DDR4-3200 (2 × 16 ГБ, 4 слота, до 128 ГБ); SSD 1 ТБ M.2 NVMe PCIe 4.0"),
])  # fmt: skip
SMALL = product("PS", "Компьютер", [("Память и накопители", "32 ГБ DDR4-3200; SSD 256 ГБ M.2")])
NOTEBOOK = product("NB", "Ноутбук", [("Оперативная память", "16 ГБ DDR4-3200 (2 × 8 ГБ), расширение до 64 ГБ")])
SHELF = Shelf(PC, SMALL, NOTEBOOK)


def at_least(name: str, value: float, unit: str) -> Requirement:
    (req,) = from_characteristic(Characteristic(name=name, kind="range", min=value, unit=unit))
    return req


def test_the_labelled_quantity_decides():
    assert SHELF.decide(at_least("Объем накопителя SSD", 1, "ТБ"), PC) == "yes"
    assert SHELF.decide(at_least("Объем накопителя SSD", 512, "ГБ"), SMALL) == "no"  # trap: the SSD's own 256 ГБ


def test_an_unlabelled_quantity_among_several_gives_no_no():
    # «оперативной» labels no part: 32 ГБ fails 64 ГБ, the SSD's 1 ТБ meets it; which one is asked?
    assert SHELF.decide(at_least("Объем оперативной памяти", 64, "ГБ"), PC) == "unknown"
    assert SHELF.decide(at_least("Объем оперативной памяти", 2, "ТБ"), PC) == "no"  # none of them meets it


def test_an_upper_bound_is_no_value_of_the_product():
    assert SHELF.decide(at_least("Объем оперативной памяти", 32, "ГБ"), NOTEBOOK) == "no"
    assert SHELF.decide(at_least("Объем оперативной памяти", 16, "ГБ"), NOTEBOOK) == "yes"
