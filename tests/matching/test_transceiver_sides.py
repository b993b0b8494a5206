"""A transceiver's side named in Russian («Длина волны приемника», «… передатчика») is read where the card writes
that side: «Tx 1310 нм / Rx 1550 нм» or «передатчик 1550 нм, приемник 1310 нм» (issue 15, dev5 19/1: the receiver's
1550 нм of a BiDi module was compared with its transmitter's 1310 нм, a wrong «no»). Traps: the other side's
wavelength never meets the asked one. Hand-made cards."""

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
        product("BX-A", "Модуль SFP WDM 1000BASE-BX", [("Длина волны", "Tx 1310 нм / Rx 1550 нм"), ("Тип", "BiDi")]),
        product("BX-B", "Модуль SFP WDM 1000BASE-BX", [("Длина волны", "передатчик 1550 нм, приемник 1310 нм")]),
    )
}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, name: str, nm: str) -> str:
    ch = Characteristic(name=name, kind="range", min=nm, max=nm, unit="нм")
    (req,) = item_requirements(Item(index=1, name="Модуль SFP", characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def test_each_side_read_where_the_card_writes_it():
    assert decide("BX-A", "Длина волны приемника", "1550") == "yes"
    assert decide("BX-A", "Длина волны передатчика", "1310") == "yes"
    assert decide("BX-B", "Длина волны приемника", "1310") == "yes"
    assert decide("BX-B", "Длина волны передатчика", "1550") == "yes"


def test_the_other_sides_wavelength_never_meets():
    assert decide("BX-A", "Длина волны приемника", "1310") == "no"
    assert decide("BX-B", "Длина волны передатчика", "1310") == "no"
