"""«расширенный динамический диапазон» is HDR (`synonyms.json` group): «Поддержка расширенного динамического
диапазона (HDR): Наличие» is proven by a card's «HDR: HDR10» and denied by «HDR: нет»."""

from __future__ import annotations

from matching.normalise import tokens
from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

HDR10 = product("MN-H", "Монитор 27\" IPS 4K", [("Яркость", 350, "кд/м2"), ("HDR", "HDR10")])
NO_HDR = product("MN-N", "Монитор 27\" IPS", [("Яркость", 300, "кд/м2"), ("HDR", "нет")])
PLAIN = product("MN-P", "Монитор 24\" IPS", [("Яркость", 250, "кд/м2")])
SHELF = Shelf(HDR10, NO_HDR, PLAIN)
(HDR,) = from_characteristic(
    Characteristic(name="Поддержка расширенного динамического диапазона (HDR)", kind="values", values=["Наличие"])
)


def test_the_russian_words_are_hdr():
    assert tokens("расширенный динамический диапазон") == ("hdr",)


def test_an_hdr10_card_proves_it():
    assert SHELF.decide(HDR, HDR10) == "yes"


def test_a_card_without_hdr_does_not():
    assert SHELF.decide(HDR, NO_HDR) == "no"
    assert SHELF.decide(HDR, PLAIN) == "unknown"
