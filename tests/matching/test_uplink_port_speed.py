"""An access point's uplink speed (issue 15, session 13, dev7 12/1): «Скорость порта uplink ≥ 2,5 Гбит/с» on «Порты:
1 x 2,5GbE (PoE in), 1 x 1GbE» stayed «характеристика не найдена»: the port taking PoE is the uplink. Traps: the 1G
port is no 2,5G uplink, a 2,5G port beside a 1G powered one proves nothing. Hand-made cards."""

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
        product("AP-25", "Точка доступа Wi-Fi 6", [("Порты", "1 x 2,5GbE (PoE in), 1 x 1GbE")]),
        product("AP-1G", "Точка доступа Wi-Fi 6", [("Порты", "1 x 1GbE (PoE in), 1 x 2,5GbE")]),
        product("AP-IN", "Точка доступа Wi-Fi 6", [("Порт", "1 x 2,5GbE RJ45 с PoE-входом")]),
    )
}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, least: str) -> str:
    ch = Characteristic(name="Скорость порта uplink", kind="range", min=least, unit="Гбит/с")
    (req,) = item_requirements(Item(index=1, name="Точка доступа", characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def test_powered_port_is_the_uplink():
    assert decide("AP-25", "2,5") == "yes"
    assert decide("AP-IN", "2,5") == "yes"


def test_other_ports_speed_is_not_the_uplinks():
    assert decide("AP-1G", "2,5") != "yes"  # trap: the 2,5GbE port is not the powered one
    assert decide("AP-25", "5") != "yes"
