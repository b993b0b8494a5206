"""A card's one list of radio bands («Диапазоны частот: 2,4 ГГц и 5 ГГц», «Частоты») is closed: «Поддержка диапазона
6 ГГц» is "no" on it; a processor's «Частота» is no band list. Hand-made cards."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

DUAL = product("AP-5", "Точка доступа Wi-Fi 6", [("Диапазоны частот", "2,4 ГГц и 5 ГГц (одновременно)")])
TRI = product("AP-6E", "Точка доступа Wi-Fi 6E", [("Частоты", "2,4 ГГц, 5 ГГц и 6 ГГц")])
LAPTOP = product("NB", "Ноутбук", [("Частота процессора", "1,3–4,4 ГГц"), ("Беспроводная связь", "Wi-Fi 6")])
SHELF = Shelf(DUAL, TRI, LAPTOP)
(SIX,) = from_characteristic(Characteristic(name="Поддержка диапазона 6 ГГц", kind="values", values=["Да"]))


def test_a_band_missing_from_the_cards_band_list_is_no():
    assert SHELF.decide(SIX, DUAL) == "no"
    assert SHELF.decide(SIX, TRI) != "no"  # listed: never failed (this rule only disproves)


def test_another_frequency_is_no_band_list():
    assert SHELF.decide(SIX, LAPTOP) == "unknown"
