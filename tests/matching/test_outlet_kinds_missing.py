"""Outlets of a kind the card's one output list lacks are «no» (issue 15: «Количество выходных разъемов IEC 320
С13» left "unknown" on a UPS with «Выходные разъёмы: клеммная колодка», «Тип выходных розеток: Schuko» on «8 × IEC
C13»). Traps: an output of a kind no code names («8 евророзеток») may be the asked one; another spec named like an
output («Выходной коэффициент мощности: 1,0») is no list; what a list has is left to the spec's own reading."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

TERMINAL = product(
    "UPS-T", "ИБП 10 кВА онлайн", [("Выходной коэффициент мощности", "1,0"), ("Выходные разъёмы", "клеммная колодка")]
)  # fmt: skip
MIXED = product("UPS-X", "ИБП 6 кВА", [("Выход", "клеммная колодка + 2 × C19")])
C13 = product("UPS-C", "ИБП 1500 ВА", [("Выходные разъёмы", "8 × IEC C13")])
EURO = product("PDU-E", "Блок розеток 8 евророзеток", [("Розетки", "8 евророзеток")])
SHELF = Shelf(TERMINAL, MIXED, C13, EURO)


def req(name: str, *values: str, least: str | None = None):
    kind = "range" if least else "values"
    (found,) = from_characteristic(
        Characteristic(name=name, kind=kind, min=least, unit="шт" if least else None, values=list(values))
    )
    return found


def test_a_kind_the_output_list_lacks_is_no():
    c13 = req("Количество выходных разъемов IEC 320 С13", least="6")
    assert SHELF.decide(c13, TERMINAL) == "no"
    assert SHELF.decide(c13, MIXED) == "no"
    assert SHELF.decide(req("Тип выходных розеток", "CEE 7/4 (Schuko)"), C13) == "no"


def test_unnamed_kinds_and_listed_ones_are_not_refused():
    assert SHELF.decide(req("Тип розеток", "Schuko"), EURO) != "no"  # trap: «евророзетка» is Schuko
    assert SHELF.decide(req("Количество розеток IEC C13", least="4"), C13) != "no"  # a listed kind: not refused
    assert SHELF.decide(req("Количество выходных разъемов IEC 320 С19", least="1"), MIXED) != "no"


def test_an_inlet_is_no_output():
    inlet = product("PDU-C", 'Блок розеток 19"', [("Входной разъем", "IEC C20"), ("Розетки", "IEC C13 × 8")])
    shelf = Shelf(inlet)
    assert shelf.decide(req("Входной разъем", "IEC C20"), inlet) != "no"  # trap: the inlet is no output list
