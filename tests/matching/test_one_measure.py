"""A value of one number with its unit («Длина сетевого шнура: 3 м») is as plain as a bare number (issue 15, dev5 12/1):
a half-matched name on the card's only spec in the asked unit's dimension is then that spec, as it was for «3» with
the unit in its own column. Traps: a second spec of the dimension on the card, and a count, which names no
dimension. Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card, value_shape
from matching.compliance import check
from matching.namegrammar import item_requirements
from matching.specmatch import SpecVocabulary
from matching.units import one_measure
from store.schema import Characteristic, Item
from tests.matching.conftest import product

CARDS = {
    p.sku: product_card(p)
    for p in (
        product("PDU-1", "Блок розеток", [("Розетки", "8 × Schuko"), ("Длина сетевого шнура", "3 м"), ("Ток", "16 А")]),
        product("PDU-2", "Блок розеток", [("Длина сетевого шнура", "3 м"), ("Глубина корпуса", "0,05 м")]),
    )
}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, least: str) -> str:
    ch = Characteristic(name="Длина кабеля", kind="range", min=least, unit="м")
    (req,) = item_requirements(Item(index=1, name="Блок розеток", characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def test_one_number_with_its_unit():
    assert one_measure("3 м") and one_measure("54 Вт·ч") and one_measure("1,5 кг")
    assert not one_measure("2 шт") and not one_measure("3 м, вилка") and not one_measure("IP20")
    assert value_shape("3 м") == "number"


def test_the_only_spec_of_the_dimension_decides():
    assert decide("PDU-1", "1.5") == "yes"
    assert decide("PDU-1", "5") == "no"


def test_a_second_length_leaves_it_unsure():
    assert decide("PDU-2", "1.5") == "unknown"
