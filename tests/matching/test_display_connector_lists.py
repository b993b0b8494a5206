"""A display's connectors counted in its list: «Количество портов HDMI» on «Видеовходы: 1 × HDMI 1.4, 1 × DisplayPort
1.2» or «Интерфейсы: 1 × DisplayPort 1.2, 2 × HDMI 1.4, 1 × USB Type-C (DisplayPort Alt Mode)» (issue 15, dev2/dev3:
«характеристика не найдена»). Only counted entries count, DisplayPort over USB-C is a USB port, and a list with fewer
(or uncounted: «HDMI 1.4b» among counted USB ports) is never a closed list's "no". Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import item_requirements
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Item
from tests.matching.conftest import product

INPUTS = product("MN-1", "Монитор 23,8", [("Видеовходы", "1 × HDMI 1.4, 1 × DisplayPort 1.2, 1 × VGA (D-Sub)")])
HUB = "1 × DisplayPort 1.2, 2 × HDMI 1.4, 1 × USB Type-C (DisplayPort Alt Mode, зарядка 65 Вт), 2 × USB 3.2 Gen1 Type-A"
COMBINED = product("MN-2", "Монитор 27", [("Интерфейсы", HUB)])
LAPTOP = product("NB-1", "Ноутбук 15,6", [("Порты", "2 × USB 3.2 Gen 1 Type-A, 1 × USB 2.0, HDMI 1.4b, RJ-45")])
CARDS = {p.sku: product_card(p) for p in (INPUTS, COMBINED, LAPTOP)}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, name: str, least: str, line: str = "Монитор") -> str:
    ch = Characteristic(name=name, kind="range", min=least, unit="шт")
    (req,) = item_requirements(Item(index=1, name=line, characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def test_listed_display_connectors_are_counted():
    assert decide("MN-1", "Количество портов HDMI", "1") == "yes"
    assert decide("MN-2", "Количество портов HDMI", "2") == "yes"
    assert decide("MN-1", "Количество портов VGA", "1") == "yes"


def test_fewer_uncounted_or_over_usb_prove_nothing_either_way():
    assert decide("MN-1", "Количество портов HDMI", "2") == "unknown"
    assert decide("MN-2", "Количество портов DisplayPort", "2") == "unknown"  # one, and one over USB-C
    assert decide("NB-1", "Количество портов HDMI", "2", "Ноутбук") == "unknown"  # a bare «HDMI 1.4b» is one
