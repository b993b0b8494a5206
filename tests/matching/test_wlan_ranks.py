"""Wi-Fi standards ranked: 802.11n = Wi-Fi 4 < 802.11ac = Wi-Fi 5 < 802.11ax = Wi-Fi 6 < Wi-Fi 6E < 802.11be = Wi-Fi 7.
A generation above the card's highest fails; a minimum at or below it is met; a card stating 802.11ax is never failed
for 6E (6E is 802.11ax in the 6 ГГц band) nor proves it. Hand-made cards."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

AC = product("AP-5", "Точка доступа", [("Стандарт Wi-Fi", "802.11ac Wave 2"), ("Порт", "1 × GE RJ-45")])
AX = product("AP-6", "Точка доступа Wi-Fi 6", [("Стандарт", "Wi-Fi 6 (802.11ax)")])
AX6E = product("AP-6E", "Точка доступа", [("Стандарты", "802.11ax (Wi-Fi 6E), 802.11a/b/g/n/ac")])
BE = product("AP-7", "Точка доступа", [("Стандарт", "Wi-Fi 7 (802.11be)")])
ABGN = product("AP-4", "Точка доступа", [("Стандарты", "IEEE 802.11a/b/g/n/ac")])
SHELF = Shelf(AC, AX, AX6E, BE, ABGN)


def standard(*values: str, name: str = "Стандарт беспроводной связи"):
    (req,) = from_characteristic(Characteristic(name=name, kind="values", values=list(values)))
    return req


def test_a_generation_above_the_cards_fails():
    assert SHELF.decide(standard("IEEE 802.11ах", name="Поддерживаемые стандарты беспроводной связи"), AC) == "no"
    assert SHELF.decide(standard("802.11a/b/g/n/ac/ax"), ABGN) == "no"
    assert SHELF.decide(standard("Wi-Fi 7"), AX) == "no"


def test_a_minimum_is_met_by_any_generation_at_or_above_it():
    assert SHELF.decide(standard("не ниже Wi-Fi 6"), BE) == "yes"
    assert SHELF.decide(standard("не ниже Wi-Fi 6"), AX6E) == "yes"
    assert SHELF.decide(standard("не ниже Wi-Fi 6"), AC) == "no"
    assert SHELF.decide(standard("Wi-Fi 6"), AX6E) == "yes"


def test_wifi_6_neither_proves_nor_fails_6e():
    # Trap: «6» is in «6E» and both are 802.11ax; a card saying Wi-Fi 6 states no 6 ГГц band.
    assert SHELF.decide(standard("Wi-Fi 6E"), AX) == "unknown"
    assert SHELF.decide(standard("не ниже Wi-Fi 6E"), AX) == "unknown"
    assert SHELF.decide(standard("не ниже Wi-Fi 6E"), AC) == "no"


def test_exact_standards_need_the_card_to_state_them():
    # Trap: a Wi-Fi 7 card outranks 802.11ax, but an exact standard is proven only where stated.
    assert SHELF.decide(standard("IEEE 802.11ax"), BE) == "unknown"
    # Values listed apart may be alternatives: the card's 802.11ac is one of them, so no "no".
    assert SHELF.decide(standard("IEEE 802.11ac", "IEEE 802.11ax"), AC) == "unknown"
    assert SHELF.decide(standard("Bluetooth 5.0"), AX) == "unknown"
