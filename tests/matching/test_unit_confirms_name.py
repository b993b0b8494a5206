"""A name half-matched on the card's only spec in the requirement's dimension, a bare number («Длина кабеля = 3000 мм»
on «Длина: 3 м»), is that spec: the unit confirms it (it was "unknown" at a name score of 0.64). Not when the card
has another spec in that dimension."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

CORD = product("PC-3", "Патч-корд U/UTP кат. 6, 3 м", [("Категория", "6"), ("Длина", 3, "м"), ("Экран", "нет")])
WIDE = product("PC-W", "Патч-корд кат. 6", [("Категория", "6"), ("Длина", 3, "м"), ("Ширина", 20, "мм")])
SHELF = Shelf(CORD, WIDE)


def asked(name: str, unit: str, **bounds):
    (req,) = from_characteristic(Characteristic(name=name, kind="range", unit=unit, **bounds))
    return req


def test_the_only_length_of_the_card_is_the_cable_length():
    assert SHELF.decide(asked("Длина кабеля", "мм", min="3000", max="3000"), CORD) == "yes"
    assert SHELF.decide(asked("Длина кабеля", "мм", min="5000"), CORD) == "no"


def test_two_lengths_decide_nothing():
    assert SHELF.decide(asked("Длина кабеля", "мм", min="3000", max="3000"), WIDE) == "unknown"
