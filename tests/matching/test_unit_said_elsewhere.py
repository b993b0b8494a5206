"""The card's only spec in a requirement's dimension is surely the one meant only when no other spec states a
quantity in that very unit: «19"» of a PDU line is not its «Длина шнура: 2,5 м» when «Монтаж: 19", 1U» says inches
(dev2: a false «no», 2,5 м against 19"). Another unit of the dimension elsewhere («падение с 1,5 м») leaves a
tablet's screen the only inch spec, so its 8" still fails «не менее 10"»."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

PDU = product(
    "PDU-1",
    'Блок розеток 19" Hyperline, 8 розеток Schuko',
    [("Монтаж", 'горизонтальный, 19", 1U'), ("Розетки", "8 × Schuko"), ("Длина шнура", "2,5", "м")],
)
TABLET = product(
    "TB-1",
    'Защищённый планшет 8"',
    [("Дисплей", '8" IPS, 1280 × 800'), ("Защита корпуса", "IP68; MIL-STD-810H; падение с 1,5 м"), ("Масса", "780 г")],
)
SHELF = Shelf(PDU, TABLET)


def test_a_unit_said_by_another_spec_leaves_the_only_length_spec_unsure():
    assert SHELF.decide_name(PDU, 'Блок розеток 19" на 8 розеток с выключателем', "19") != "no"


def test_another_unit_of_the_dimension_does_not():
    (req,) = from_characteristic(Characteristic(name="Диагональ экрана", kind="range", min="10", unit="дюйм"))
    assert SHELF.decide(req, TABLET) == "no"
