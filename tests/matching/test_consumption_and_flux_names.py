"""Two KTRU names on sellers' words (issue 15, dev7 117/1 and 111/1): «Потребляемая мощность» is a card's
«Энергопотребление», «Световой поток, ANSI лм» a projector's «Яркость: 5500 лм» (`alignment.json` paraphrases).
Traps: a consumption in standby is another value, and a monitor's «Яркость» in кд/м² is no luminous flux. Hand-made
cards."""

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
        product("MON-1", "Монитор", [("Энергопотребление", "17 Вт (типовое)"), ("Яркость", "250 кд/м²")]),
        product("MON-2", "Монитор", [("Энергопотребление в режиме ожидания", "0,5 Вт")]),
        product("PJ-1", "Проектор", [("Яркость", "5500 лм"), ("Разрешение", "1920×1200")]),
    )
}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, name: str, unit: str, least: str | None = None, most: str | None = None) -> str:
    ch = Characteristic(name=name, kind="range", min=least, max=most, unit=unit)
    (req,) = item_requirements(Item(index=1, name="Оборудование", characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def test_consumption_is_the_cards_energopotreblenie():
    assert decide("MON-1", "Потребляемая мощность", "Вт", most="25") == "yes"
    assert decide("MON-1", "Потребляемая мощность", "Вт", most="15") == "no"


def test_standby_consumption_is_another_value():
    assert decide("MON-2", "Потребляемая мощность", "Вт", most="25") != "yes"


def test_luminous_flux_is_a_projectors_brightness():
    assert decide("PJ-1", "Световой поток, ANSI лм", "лм", least="5000") == "yes"
    assert decide("PJ-1", "Световой поток, ANSI лм", "лм", least="6000") == "no"
    assert decide("MON-1", "Световой поток", "лм", least="200") != "yes"
