"""A value stated as an upper bound is the maximum asked (issue 15, dev5 22/1): «Максимальная скорость передачи данных
≥ 1,7 Гбит/с» is the card's «Скорость: до 1775 Мбит/с (574 + 1201)», a remark in brackets after the bound; «Скорость
передачи данных», «Длина шнура» and «Длина провода» are paraphrases of «Скорость» and «Длина кабеля»
(`alignment.json` `paraphrases`). Traps: a plain value without «до» states no maximum, and a bound below the asked
one fails. Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.limits import limit_of
from matching.namegrammar import item_requirements
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Item
from tests.matching.conftest import product

CARDS = {
    p.sku: product_card(p)
    for p in (
        product("AP-1", "Точка доступа", [("Скорость", "до 1775 Мбит/с (574 + 1201)"), ("Порт", "1 × 1G RJ-45")]),
        product("AP-2", "Точка доступа", [("Скорость", "1775 Мбит/с"), ("Порт", "1 × 1G RJ-45")]),
        product("PDU-1", "Блок розеток", [("Длина шнура", "3 м, вилка Schuko"), ("Глубина", "45 мм")]),
    )
}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, name: str, least: str, unit: str) -> str:
    ch = Characteristic(name=name, kind="range", min=least, unit=unit)
    (req,) = item_requirements(Item(index=1, name="Оборудование", characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def test_an_upper_bound_with_a_remark():
    assert limit_of("до 1775 Мбит/с (574 + 1201)", "upper").value == 1775
    assert decide("AP-1", "Максимальная скорость передачи данных", "1.7", "Гбит/с") == "yes"
    assert decide("AP-1", "Максимальная скорость передачи данных", "2.4", "Гбит/с") == "no"


def test_a_plain_value_states_no_maximum():
    assert decide("AP-2", "Максимальная скорость передачи данных", "1.7", "Гбит/с") == "unknown"


def test_cord_and_wire_are_the_cable():
    assert decide("PDU-1", "Длина провода", "3", "м") == "yes"
    assert decide("PDU-1", "Длина кабеля", "5", "м") == "no"
