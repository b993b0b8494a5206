"""«19\\"» in the name of rack equipment is the rack's width, not a length of the product (a PDU's 2,5 м cord failed
«Блок розеток 19\\"» as a length, a wrong «no» of dev2); a monitor's 19" stays its diagonal. The width is proven only
by the card saying it, never disproved. Hand-made cards."""

from __future__ import annotations

from matching.namegrammar import name_requirements
from tests.matching.conftest import Shelf, product

PDU = product("PDU-1", 'Блок розеток 19" 8 розеток Schuko', [("Розетки", "8 × Schuko"), ("Длина шнура", 2.5, "м")])
SILENT = product("PDU-2", "Блок розеток 8 розеток Schuko", [("Розетки", "8 × Schuko"), ("Длина шнура", 2.5, "м")])
TEN = product("PDU-3", 'Блок розеток 10" 4 розетки', [("Монтаж", '10"'), ("Длина шнура", 1.8, "м")])
MONITOR = product("MN-19", 'Монитор 19"', [("Диагональ", 21.5, "дюйм")])
SHELF = Shelf(PDU, SILENT, TEN, MONITOR)
LINE = 'Блок розеток 19" на 8 розеток'


def test_a_rack_width_is_proven_by_the_card_saying_it():
    assert SHELF.decide_name(PDU, LINE, '19 "') == "yes"  # was "no": 2,5 м against ≥ 19"


def test_a_rack_width_is_never_a_length_and_never_disproved_by_one():
    assert SHELF.decide_name(SILENT, LINE, '19 "') == "unknown"
    assert SHELF.decide_name(TEN, LINE, '19 "') == "unknown"
    assert not any(r.kind == "range" and r.dimension == "length" for r in name_requirements(LINE))


def test_a_monitor_size_stays_its_diagonal():
    assert SHELF.decide_name(MONITOR, 'Монитор 19"', '19 "') == "no"
