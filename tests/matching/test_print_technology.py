"""«Электрографическая» (the KTRU word) is laser printing (`value_classes.json` `print`): a laser printer's card
proves it, an inkjet card contradicts it."""

from __future__ import annotations

from matching.compliance import check
from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

LASER = product("PR-L", "Принтер лазерный", [("Технология печати", "лазерная")])
PHOTO = product("PR-E", "Принтер", [("Технология печати", "электрографическая")])
INKJET = product("PR-I", "Принтер струйный", [("Технология печати", "струйная")])
SHELF = Shelf(LASER, PHOTO, INKJET)


def verdict(value: str, sku: str) -> str:
    (req,) = from_characteristic(Characteristic(name="Технология печати", kind="values", values=[value]))
    return check(req, SHELF.cards[sku], SHELF.vocab).status


def test_electrographic_is_laser_both_ways():
    assert verdict("Электрографическая", "PR-L") == "yes"
    assert verdict("Лазерная", "PR-E") == "yes"


def test_an_inkjet_card_is_not_electrographic():
    assert verdict("Электрографическая", "PR-I") == "no"
