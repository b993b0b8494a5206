"""A card's «Беспроводные интерфейсы» is its wireless communication: KTRU's «Тип беспроводной связи: Wi-Fi, Bluetooth»
is decided on it (issue 15, dev3: «не уверены … сходство названий 0.51»). A value it does not list is not proven.
Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import item_requirements
from matching.specmatch import SURE_SPEC_SCORE, SpecVocabulary, best_spec
from store.schema import Characteristic, Item
from tests.matching.conftest import product

BOTH = product("NB-1", "Ноутбук", [("Беспроводные интерфейсы", "Wi-Fi 6 (802.11ax) 2×2, Bluetooth 5.2")])
NONE = product("NB-2", "Ноутбук", [("Беспроводные интерфейсы", "нет"), ("Вес", "1,7 кг")])
NFC = product("NB-3", "Ноутбук", [("Беспроводные интерфейсы", "NFC")])
OTHERS = [
    product(f"SW-{n}", "Коммутатор", [("Порты", "USB 2.0"), ("Связь", "LTE"), ("Беспроводный модуль", "есть")])
    for n in range(4)
]
CARDS = {p.sku: product_card(p) for p in (BOTH, NONE, NFC, *OTHERS)}
VOCAB = SpecVocabulary(CARDS.values())


def requirement(values: list[str]):
    ch = Characteristic(name="Тип беспроводной связи", kind="values", values=values)
    (req,) = item_requirements(Item(index=1, name="Ноутбук", characteristics=[ch]))
    return req


def decide(sku: str, values: list[str]) -> str:
    return check(requirement(values), CARDS[sku], VOCAB).status


def test_wireless_interfaces_are_the_wireless_communication():
    spec, score = best_spec(requirement(["Wi-Fi", "Bluetooth"]), CARDS["NB-1"], VOCAB)
    assert spec is not None and spec.spec.name == "Беспроводные интерфейсы" and score >= SURE_SPEC_SCORE
    assert decide("NB-1", ["Wi-Fi", "Bluetooth"]) == "yes"


def test_a_value_not_listed_is_not_proven():
    assert decide("NB-2", ["Wi-Fi", "Bluetooth"]) != "yes"
    assert decide("NB-3", ["Wi-Fi", "Bluetooth"]) != "yes"
