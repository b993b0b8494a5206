"""The fibres an optical module uses (issue 15, session 13, dev7 6/2 and 13/2): «Количество оптических волокон = 1»
on a BiDi module's card saying «одно волокно», «Simplex SC», «1000BASE-BX-U» stayed «характеристика не найдена». Traps:
a duplex (two-fibre) module for one fibre, a card saying both. Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import item_requirements
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Item
from tests.matching.conftest import product

CARDS = {
    p.sku: product_card(p)
    for p in (
        product("BX", "Модуль SFP WDM 1G, 20 км, SC", [("Волокно", "одномодовое, одно волокно"), ("Разъём", "SC")]),
        product("BX2", "Трансивер SFP BiDi 1,25G", [("Стандарт", "1000BASE-BX-D"), ("Разъём", "Simplex LC")]),
        product("LX", "Модуль SFP 1000BASE-LX, 10 км", [("Волокно", "одномодовое"), ("Разъём", "Duplex LC")]),
        product("CW", "Модуль SFP CWDM 1G, 1470 нм", [("Волокно", "два волокна"), ("Разъём", "LC")]),
        product("BOTH", "Модуль SFP BiDi", [("Разъём", "Duplex LC")]),
    )
}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, name: str, count: str) -> str:
    ch = Characteristic(name=name, kind="range", min=count, max=count, unit="шт")
    (req,) = item_requirements(Item(index=1, name="Модуль SFP", characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def test_one_fibre_said_in_words():
    assert decide("BX", "Количество оптических волокон", "1") == "yes"
    assert decide("BX2", "Количество волокон", "1") == "yes"


def test_duplex_module_is_no_single_fibre():
    assert decide("LX", "Количество оптических волокон", "1") != "yes"  # trap: Duplex LC, two fibres
    assert decide("CW", "Количество волокон", "1") != "yes"  # trap: «два волокна» of a WDM module
    assert decide("CW", "Количество волокон", "2") == "yes"
    assert decide("BOTH", "Количество волокон", "1") != "yes"  # says both: none
