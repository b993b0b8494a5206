"""A UPS's outlets counted in its one output list («Выходы: 4 x Schuko (CEE 7/4), все с резервированием», «Выход:
чистая синусоида, 8 x C13 + 1 x C19», dev7): «Количество выходных розеток» is the list's total, «… CEE 7/4
(Schuko)» its outlets of that kind; outlets of another kind never count for a kind, and a total holding surge-only
outlets proves no count of outlets on battery."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

SCHUKO = product(
    "UPS-1K", "ИБП 1000", [("Мощность", "1000 ВА / 600 Вт"), ("Выходы", "4 x Schuko (CEE 7/4), все с резервированием")]
)
MIXED = product("UPS-3K", "ИБП 3000", [("Мощность", "3000 ВА"), ("Выход", "чистая синусоида, 8 x C13 + 1 x C19")])
IEC = product("UPS-1K5", "ИБП 1500", [("Полная мощность", "1500", "ВА"), ("Выходные разъёмы", "8 x IEC 320 C13")])
SURGE = product(
    "UPS-650", "ИБП 650",
    [("Мощность", "650 ВА"), ("Розетки", "3 x Schuko (с резервным питанием), 3 x Schuko (только фильтр)")],
)  # fmt: skip
UNKNOWN_KIND = product("UPS-800", "ИБП 800", [("Мощность", "800 ВА"), ("Выходы", "8 евророзеток")])
SHELF = Shelf(SCHUKO, MIXED, IEC, SURGE, UNKNOWN_KIND)


def count(name: str, low: str, card: object) -> str:
    (req,) = from_characteristic(Characteristic(name=name, kind="range", unit="шт", min=low))
    return SHELF.decide(req, card)


def test_the_lists_total_is_the_count_of_outlets():
    assert count("Количество выходных розеток", "4", SCHUKO) == "yes"
    assert count("Количество выходных розеток", "5", SCHUKO) == "no"
    assert count("Количество выходных розеток", "9", MIXED) == "yes"
    assert count("Количество выходных розеток", "6", IEC) == "yes"


def test_a_kind_counts_its_outlets_only():
    assert count("Количество выходных розеток CEE 7/4 (Schuko)", "4", SCHUKO) == "yes"
    assert count("Количество выходных розеток IEC 320 C13", "8", MIXED) == "yes"
    assert count("Количество выходных розеток IEC 320 C13", "9", MIXED) == "no"  # the C19 is another kind


def test_trap_outlets_of_another_kind_or_surge_only_prove_nothing():
    assert count("Количество выходных розеток CEE 7/4 (Schuko)", "4", IEC) != "yes"  # C13 are no Schuko
    assert count("Количество выходных розеток с питанием от батареи", "6", SURGE) != "yes"
    assert count("Количество выходных розеток", "4", UNKNOWN_KIND) != "yes"
    assert count("Количество выходных розеток IEC C21", "1", MIXED) != "yes"  # a kind no list is read for
