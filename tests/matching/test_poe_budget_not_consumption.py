"""A PoE budget is not the power a device consumes (issue 15, a false «yes» found in session 12): «Бюджет PoE ≥ 120
Вт» on a switch whose only spec in watts is «Потребляемая мощность: 150 Вт» was met by the unit alone. Traps: the
consumption, and a power spec naming PoE only for its per-port figure; the budget named as such still proves it.
Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import item_requirements
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Item
from tests.matching.conftest import product

PORTS = ("Порты", "8 × 10/100/1000BASE-T PoE+, 2 × SFP")
CARDS = {
    p.sku: product_card(p)
    for p in (
        product("SW-1", "Коммутатор 8 портов PoE+", [PORTS, ("Потребляемая мощность", "150 Вт")]),
        product("SW-2", "Коммутатор 8 портов PoE+", [PORTS, ("Питание", "100–240 В, 150 Вт; PoE+ до 30 Вт на порт")]),
        product("SW-3", "Коммутатор 8 портов PoE+", [PORTS, ("Бюджет PoE", "120 Вт"), ("Энергопотребление", "160 Вт")]),
        product("MN-1", "Монитор 24\"", [("Энергопотребление", "18 Вт")]),
    )
}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, name: str, least: str | None = None, most: str | None = None) -> str:
    ch = Characteristic(name=name, kind="range", min=least, max=most, unit="Вт")
    (req,) = item_requirements(Item(index=1, name="Коммутатор", characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def test_consumption_is_no_poe_budget():
    for name in ("Бюджет PoE", "Суммарная мощность PoE", "Мощность PoE на порт"):
        assert decide("SW-1", name, "120") == "unknown", name
        assert decide("SW-2", name, "120") == "unknown", name


def test_the_budget_named_and_the_consumption_asked():
    assert decide("SW-3", "Бюджет PoE", "120") == "yes"
    assert decide("SW-3", "Бюджет PoE", "240") == "no"
    assert decide("MN-1", "Энергопотребление", most="25") == "yes"
