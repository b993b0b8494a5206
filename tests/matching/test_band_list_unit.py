"""A list of frequencies writing its unit once, after the last («в диапазонах 2,4 и 5 ГГц», «2,4/5 ГГц»), names each
band: «Одновременная работа в диапазонах 2,4 и 5 ГГц» is proven by «Диапазоны: 2,4 ГГц и 5 ГГц одновременно».
Hand-made cards."""

from __future__ import annotations

from matching.normalise import tokens
from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

BOTH = product("AP-1", "Точка доступа", [("Диапазоны", "2,4 ГГц и 5 ГГц одновременно")])
FIVE = product("AP-2", "Точка доступа", [("Диапазон", "5 ГГц"), ("Режим", "одновременно два SSID")])
SHELF = Shelf(BOTH, FIVE)


def simultaneous(bands: str):
    name = f"Одновременная работа в диапазонах {bands}"
    (req,) = from_characteristic(Characteristic(name=name, kind="values", values=["Да"]))
    return req


def test_each_number_of_the_list_takes_the_unit():
    assert set(tokens("2,4 и 5 ГГц")) == {"frequency2400000000", "frequency5000000000"}
    assert set(tokens("2,4/5 ГГц")) == {"frequency2400000000", "frequency5000000000"}
    assert SHELF.decide(simultaneous("2,4 и 5 ГГц"), BOTH) == "yes"
    assert SHELF.decide(simultaneous("2,4 ГГц и 5 ГГц"), BOTH) == "yes"


def test_a_card_with_one_band_never_proves_both():
    # Trap: read as «2.4» and «5 ГГц», the name's only band is 5 ГГц, which a 5 ГГц-only card says «одновременно».
    assert SHELF.decide(simultaneous("2,4 и 5 ГГц"), FIVE) != "yes"
    # Numbers that are no list of the unit keep their own reading: a Wi-Fi generation, a MIMO scheme.
    assert "frequency5000000000" not in tokens("Wi-Fi 6 и 5 шт")
    assert tokens("MIMO 4x4 и 5 ГГц") == ("mimo", "4x4", "frequency5000000000")
