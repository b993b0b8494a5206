"""«Ethernet RJ45» (a KTRU value of «Наличие модулей и интерфейсов») is an RJ-45 port: the network named with its
connector adds nothing the connector does not say, so a laptop card listing «RJ-45 (1 Гбит/с)» or «Сетевой порт
RJ-45: есть» states it (issue 15, dev2/dev3: left "unknown" as «характеристика не найдена»). A card without an RJ-45
port (an optical SFP only, or Wi-Fi only) still does not. Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import item_requirements
from matching.normalise import tokens
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Item
from tests.matching.conftest import product

LISTED = product("NB-1", 'Ноутбук 15,6"', [("Порты", "2 × USB 3.2 Gen 1 Type-A, HDMI 1.4b, RJ-45 (1 Гбит/с)")])
OWN = product("NB-2", 'Ноутбук 14"', [("HDMI", 1, "шт"), ("Сетевой порт RJ-45", "есть, 10/100/1000 Мбит/с")])
WIRELESS = product("NB-3", 'Ноутбук 13"', [("Порты", "2 × USB Type-C, HDMI 2.0"), ("Wi-Fi", "802.11ax")])
OPTICAL = product("MC-1", "Медиаконвертер", [("Порты", "2 × SFP 1000BASE-X"), ("HDMI", "нет")])
CARDS = {p.sku: product_card(p) for p in (LISTED, OWN, WIRELESS, OPTICAL)}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, values: list[str]) -> str:
    ch = Characteristic(name="Наличие модулей и интерфейсов", kind="values", values=values)
    (req,) = item_requirements(Item(index=1, name="Ноутбук", characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def test_an_rj45_port_is_the_ethernet_rj45_asked():
    assert tokens("Ethernet RJ45") == tokens("RJ-45") == tokens("Ethernet (RJ-45)")
    assert decide("NB-1", ["HDMI", "Ethernet RJ45"]) == "yes"
    assert decide("NB-2", ["HDMI", "Ethernet RJ45"]) == "yes"


def test_no_rj45_port_states_none():
    assert decide("NB-3", ["HDMI", "Ethernet RJ45"]) != "yes"
    assert decide("MC-1", ["Ethernet RJ45"]) != "yes"
    assert tokens("Ethernet 10/100/1000") != tokens("RJ-45 10/100/1000")  # a bare «Ethernet» keeps its word
