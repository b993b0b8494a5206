"""A UPS's outlets on battery («Количество выходных разъемов с резервным питанием») counted in its outlet list
(issue 15: left "unknown"): the parts marked as backed, every part of an online UPS, never a surge-only part.
Traps: a line-interactive UPS's unmarked outlets prove nothing (some may be surge-only), and the surge-only half
of a mixed list is not counted."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

MARKED = product(
    "UPS-M", "ИБП Powercom Imperial IMD-1500AP, 1500 ВА, линейно-интерактивный",
    [("Розетки", "6 × IEC 320 C13 (с резервным питанием)")],
)  # fmt: skip
ONLINE = product(
    "UPS-O", "ИБП Ippon Innova RT II 3000", [("Топология", "On-Line (двойное преобразование)"),
                                             ("Выходные розетки", "8 × IEC C13, 1 × IEC C19")],
)  # fmt: skip
INTERACTIVE = product(
    "UPS-I", "ИБП 1000 ВА", [("Топология", "линейно-интерактивный"), ("Выходные розетки", "8 × Schuko")]
)  # fmt: skip
MIXED = product(
    "UPS-X", "ИБП 800 ВА", [("Розетки", "4 × Schuko (батарея + фильтр), 4 × Schuko (только фильтр)")]
)  # fmt: skip
SHELF = Shelf(MARKED, ONLINE, INTERACTIVE, MIXED)


def backed(least: str, name: str = "Количество выходных разъемов с резервным питанием"):
    (found,) = from_characteristic(Characteristic(name=name, kind="range", min=least, unit="шт"))
    return found


def test_marked_and_online_outlets_count():
    assert SHELF.decide(backed("4"), MARKED) == "yes"
    assert SHELF.decide(backed("8"), MARKED) == "no"
    assert SHELF.decide(backed("8"), ONLINE) == "yes"
    assert SHELF.decide(backed("4", "Количество розеток с питанием от батарей"), MIXED) == "yes"


def test_unmarked_or_surge_only_outlets_are_no_proof():
    assert SHELF.decide(backed("4"), INTERACTIVE) == "unknown"  # trap: some may be surge-only
    assert SHELF.decide(backed("10"), INTERACTIVE) == "no"  # too few even if every one were backed
    assert SHELF.decide(backed("6"), MIXED) == "no"  # trap: the surge-only half is not counted
