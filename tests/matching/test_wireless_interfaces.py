"""A card's «Беспроводные интерфейсы» is its wireless communication: KTRU's «Тип беспроводной связи: Wi-Fi, Bluetooth»
is decided on it (issue 15, dev3: «не уверены … сходство названий 0.51»). A value it does not list is not proven.
Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import item_requirements
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Item
from tests.matching.conftest import product

BOTH = product("NB-1", "Ноутбук", [("Беспроводные интерфейсы", "Wi-Fi 6 (802.11ax) 2×2, Bluetooth 5.2")])
WIFI = product("NB-2", "Ноутбук", [("Беспроводные интерфейсы", "Wi-Fi 6 (802.11ax)"), ("Вес", "1,7 кг")])
CARDS = {p.sku: product_card(p) for p in (BOTH, WIFI)}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, values: list[str]) -> str:
    ch = Characteristic(name="Тип беспроводной связи", kind="values", values=values)
    (req,) = item_requirements(Item(index=1, name="Ноутбук", characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def test_wireless_interfaces_are_the_wireless_communication():
    assert decide("NB-1", ["Wi-Fi", "Bluetooth"]) == "yes"


def test_a_value_not_listed_is_not_proven():
    assert decide("NB-2", ["Wi-Fi", "Bluetooth"]) != "yes"
