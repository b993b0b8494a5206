"""«IEEE 802.11ax» is the standard 802.11ax ("IEEE" before 802.x is dropped), so a card stating it proves
«Стандарт беспроводной связи: IEEE 802.11ax»; a Bluetooth value or another standard proves nothing. Hand-made
cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import item_requirements
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Item
from tests.matching.conftest import product

INDOOR = product("AP-I", "Точка доступа Wi-Fi 6", [("Стандарт Wi-Fi", "802.11ax"), ("Монтаж", "потолочный")])
LAPTOP = product("NB-1", "Ноутбук 14\"", [("Стандарт Wi-Fi", "802.11ax"), ("Вес", 1.4, "кг")])
CARDS = {p.sku: product_card(p) for p in (INDOOR, LAPTOP)}
VOCAB = SpecVocabulary(CARDS.values())


def decide_in_line(card, line_name: str, name: str, *values: str) -> str:
    chars = [Characteristic(name=name, kind="values", values=list(values))]
    item = Item(index=1, name=line_name, characteristics=chars)
    (req,) = [r for r in item_requirements(item) if r.source != "name"]
    return check(req, CARDS[card.sku], VOCAB).status


def test_an_ieee_standard_is_the_cards_standard():
    assert decide_in_line(INDOOR, "Точка доступа", "Стандарт беспроводной связи", "IEEE 802.11ax") == "yes"
    assert decide_in_line(INDOOR, "Точка доступа", "Стандарт беспроводной связи", "IEEE 802.11be") != "yes"
    assert decide_in_line(INDOOR, "Точка доступа", "Стандарт беспроводной связи", "Wi-Fi 7") != "yes"


def test_a_bluetooth_value_proves_nothing_of_it():
    assert decide_in_line(INDOOR, "Точка доступа", "Стандарт беспроводной связи", "Bluetooth 5.0") == "unknown"
    assert decide_in_line(LAPTOP, "Ноутбук", "Стандарт беспроводной связи", "Bluetooth 5.0") == "unknown"
