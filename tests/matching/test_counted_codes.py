"""A code with digits counted after it («IEC C13 × 8») keeps the code whole: the times sign joined «C13 × 8» into
one token «c13x8», so a Cyrillic «С13» asked of the outlets was never the card's C13 (the code was lost)."""

from __future__ import annotations

from matching.compliance import check
from matching.normalise import tokens
from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

C13 = product("UPS-C13", "ИБП 1500 ВА", [("Розетки", "IEC C13 × 4")])
SCHUKO = product("UPS-EU", "ИБП 1500 ВА", [("Розетки", "Schuko × 4")])
SHELF = Shelf(C13, SCHUKO)


def verdict(sku: str) -> str:
    (req,) = from_characteristic(Characteristic(name="Тип выходных розеток", kind="values", values=["С13"]))
    return check(req, SHELF.cards[sku], SHELF.vocab).status  # «С13» with a Cyrillic С


def test_the_code_stays_whole_before_its_count():
    assert "c13" in tokens("IEC C13 × 8")
    assert tokens("1920 × 1080") == ("1920x1080",)  # sizes and resolutions are still one token


def test_c13_outlets_meet_a_cyrillic_c13():
    assert verdict("UPS-C13") == "yes"


def test_schuko_outlets_do_not():
    assert verdict("UPS-EU") != "yes"
