"""«Блок распределения питания» is a PDU (issue 15: «PDU (в наименовании)» left "unknown" on a card named «Блок
распределения питания вертикальный …»). Traps: a plain «Блок розеток» does not say PDU; power distributed by
something else («распределение питания по портам PoE») is no PDU."""

from __future__ import annotations

from matching.normalise import tokens
from tests.matching.conftest import Shelf, product

PDU = product(
    "PDU-V", "Блок распределения питания вертикальный с мониторингом, 0U, 24 × C13 + 4 × C19, 32 А",
    [("Исполнение", "вертикальное, 0U"), ("Розетки", "24 × IEC C13, 4 × IEC C19")],
)  # fmt: skip
STRIP = product("PDU-S", 'Блок розеток 19" 8 розеток Schuko', [("Розетки", "8 × Schuko")])
SWITCH = product("SW-P", "Коммутатор PoE 8 портов", [("Функции", "распределение питания по портам PoE")])
SHELF = Shelf(PDU, STRIP, SWITCH)
LINE = "Блок распределения питания (PDU) вертикальный"


def test_a_power_distribution_unit_is_a_pdu():
    assert "pdu" in tokens("Блоки распределения электропитания")
    assert SHELF.decide_name(PDU, LINE, "PDU") == "yes"


def test_other_blocks_and_distributions_are_no_pdu():
    assert SHELF.decide_name(STRIP, LINE, "PDU") != "yes"
    assert SHELF.decide_name(SWITCH, LINE, "PDU") != "yes"
    assert "pdu" not in tokens("распределение питания по портам PoE")
