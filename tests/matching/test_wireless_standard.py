"""«IEEE 802.11ax» is the standard 802.11ax ("IEEE" before 802.x is dropped), so a card stating it proves
«Стандарт беспроводной связи: IEEE 802.11ax»; a Bluetooth value or another standard proves nothing. Hand-made
cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check, overall
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


def decide_text(card, name: str, text: str) -> str:
    item = Item(index=1, name="Точка доступа", characteristics=[Characteristic(name=name, kind="text", text=text)])
    return overall([check(r, CARDS[card.sku], VOCAB) for r in item_requirements(item)])


def test_each_802_11_amendment_is_proven_only_by_a_card_stating_it():
    # Dev 115/2: fast roaming 802.11k/v/r was "yes" on a card stating only 802.11ax (every 802.11x read "Wi-Fi").
    roaming = "Поддержка стандартов быстрого роуминга"
    assert decide_text(INDOOR, roaming, "IEEE 802.11k, IEEE 802.11v, IEEE 802.11r") != "yes"
    assert decide_in_line(INDOOR, "Точка доступа", roaming, "802.11k/v/r") != "yes"
    assert decide_in_line(INDOOR, "Точка доступа", "Стандарт Wi-Fi", "802.11n") != "yes"
    assert decide_in_line(INDOOR, "Точка доступа", "Стандарт Wi-Fi", "802.11a/b/g/n/ac/ax") != "yes"
    # What the card states is still proven, with or without the IEEE prefix and as a listed alternative.
    ac_ax = product_card(product("AP-2", "Точка доступа", [("Стандарт Wi-Fi", "802.11a/b/g/n/ac/ax")]))
    vocab = SpecVocabulary([ac_ax])
    item = Item(index=1, name="Точка доступа", characteristics=[
        Characteristic(name="Стандарт Wi-Fi", kind="values", values=["IEEE 802.11n"])])  # fmt: skip
    assert [check(r, ac_ax, vocab).status for r in item_requirements(item)] == ["yes"]
    assert decide_in_line(INDOOR, "Точка доступа", "Стандарт Wi-Fi", "802.11ax") == "yes"
