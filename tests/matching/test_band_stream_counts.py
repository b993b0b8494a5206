"""Streams of one radio band (issue 15, session 13, dev7 12/1): «Количество пространственных потоков в диапазоне
5 ГГц ≥ 4» on «Скорость: AX5400: 574 Мбит/с (2,4 ГГц, 2x2) + 4804 Мбит/с (5 ГГц, 4x4)» stayed «характеристика не
найдена». Traps: the 2,4 ГГц radio's grid for the 5 ГГц one; a grid beside two bands. Hand-made cards."""

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
        product(
            "AP-44", "Точка доступа", [("Скорость", "AX5400: 574 Мбит/с (2,4 ГГц, 2x2) + 4804 Мбит/с (5 ГГц, 4x4)")]
        ),
        product(
            "AP-42", "Точка доступа", [("Скорость", "AX3000: 1148 Мбит/с (2,4 ГГц, 4x4) + 2402 Мбит/с (5 ГГц, 2x2)")]
        ),
        product("AP-BOTH", "Точка доступа", [("Радио", "4x4 (2,4 ГГц и 5 ГГц), до 2402 Мбит/с")]),
    )
}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, band: str, least: int) -> str:
    name = f"Количество пространственных потоков в диапазоне {band}"
    ch = Characteristic(name=name, kind="range", min=str(least), unit="шт")
    (req,) = item_requirements(Item(index=1, name="Точка доступа", characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def test_streams_of_the_asked_band():
    assert decide("AP-44", "5 ГГц", 4) == "yes"
    assert decide("AP-44", "2,4 ГГц", 2) == "yes"


def test_other_band_streams_prove_nothing():
    assert decide("AP-44", "2,4 ГГц", 4) != "yes"  # trap: the 5 ГГц radio's 4x4
    assert decide("AP-42", "5 ГГц", 4) != "yes"  # trap: the 2,4 ГГц radio's 4x4
    assert decide("AP-BOTH", "5 ГГц", 4) != "yes"  # a grid beside two bands: whose?
