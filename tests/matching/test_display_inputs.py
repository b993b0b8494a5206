"""A display's connectors are its inputs: a monitor's or a projector's «Количество входов HDMI» is the card's
«HDMI» count (issue 15: left "unknown"). Outputs («выходов DisplayPort») are another thing, and another type's
inputs (a laptop's HDMI is an output) are not read so. Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import item_requirements
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Item
from tests.matching.conftest import product

MONITOR = product("MN-2", "Монитор 27\"", [("HDMI", 2, "шт"), ("DisplayPort", 1, "шт"), ("Диагональ", 27, "дюйм")])
SMALL = product("MN-1", "Монитор 24\"", [("HDMI", 1, "шт"), ("Диагональ", 24, "дюйм")])
PROJECTOR = product("PJ-1", "Проектор Full HD", [("HDMI", 2, "шт"), ("Яркость", 4000, "лм")])
LAPTOP = product("NB-1", "Ноутбук 14\"", [("HDMI", 1, "шт"), ("Вес", 1.4, "кг")])
CARDS = {p.sku: product_card(p) for p in (MONITOR, SMALL, PROJECTOR, LAPTOP)}
VOCAB = SpecVocabulary(CARDS.values())


def decide(card, line: str, name: str, least: str) -> str:
    ch = Characteristic(name=name, kind="range", min=least, unit="шт")
    (req,) = item_requirements(Item(index=1, name=line, characteristics=[ch]))
    return check(req, CARDS[card.sku], VOCAB).status


def test_a_displays_inputs_are_its_connectors():
    assert decide(MONITOR, "Монитор", "Количество входов HDMI", "2") == "yes"
    assert decide(SMALL, "Монитор", "Количество входов HDMI", "2") == "no"
    assert decide(PROJECTOR, "Проектор мультимедийный", "Количество входов HDMI", "2") == "yes"


def test_outputs_and_other_types_inputs_are_not_read_so():
    assert decide(MONITOR, "Монитор", "Количество выходов DisplayPort (DP Out)", "1") != "yes"
    assert decide(LAPTOP, "Ноутбук", "Количество входов HDMI", "1") == "unknown"
