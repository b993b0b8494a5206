"""A card's one band list («Частотные диапазоны: 2,4 ГГц и 5 ГГц (одновременная работа)») proves the bands a name
asking every one lists and their count; bands asked to work at once only where the list says so. Hand-made cards."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

TOGETHER = product("AP-1", "Точка доступа", [("Частотные диапазоны", "2,4 ГГц и 5 ГГц (одновременная работа)")])
EITHER = product("AP-2", "Точка доступа", [("Частотные диапазоны", "2,4 ГГц / 5 ГГц")])
TRI = product("AP-3", "Точка доступа Wi-Fi 6E", [("Диапазоны", "2,4 ГГц, 5 ГГц, 6 ГГц")])
LAPTOP = product("NB-1", "Ноутбук", [("Частота процессора", "1,3–4,4 ГГц")])
SHELF = Shelf(TOGETHER, EITHER, TRI, LAPTOP)


def count(least: int, name: str = "Количество одновременно работающих частотных диапазонов"):
    (req,) = from_characteristic(Characteristic(name=name, kind="range", min=least, unit="шт"))
    return req


def supported(*bands: str):
    name = "Поддерживаемые частотные диапазоны"
    (req,) = from_characteristic(Characteristic(name=name, kind="values", values=list(bands)))
    return req


def test_the_listed_bands_are_counted():
    assert SHELF.decide(count(2), TOGETHER) == "yes"
    assert SHELF.decide(count(3, "Количество частотных диапазонов"), TRI) == "yes"
    assert SHELF.decide(count(3), TOGETHER) == "no"  # the list is closed: no third band


def test_bands_at_once_only_where_the_card_says_so():
    # Trap: two bands listed, but nothing says they work at the same time (a dual-band radio may switch).
    assert SHELF.decide(count(2), EITHER) == "unknown"
    assert SHELF.decide(count(2, "Количество частотных диапазонов"), EITHER) == "yes"
    # Trap: a processor's frequencies are no band list.
    assert SHELF.decide(count(2, "Количество частотных диапазонов"), LAPTOP) != "yes"


def test_every_asked_band_in_the_list_proves_them():
    assert SHELF.decide(supported("2,4 ГГц", "5 ГГц", "6 ГГц"), TRI) == "yes"
    assert SHELF.decide(supported("2,4 ГГц", "5 ГГц"), EITHER) == "yes"
    assert SHELF.decide(supported("2,4 ГГц", "5 ГГц", "6 ГГц"), EITHER) == "no"


def test_radios_listed_by_band_are_the_band_list():
    radios = product("AP-R", "Точка доступа", [("Радиомодули", "2,4 ГГц 2×2 и 5 ГГц 2×2, работают одновременно")])
    laptop = product("NB-2", "Ноутбук", [("Процессор", "4 ядра, 2,4–4,2 ГГц"), ("Беспроводная связь", "Wi-Fi 6")])
    shelf = Shelf(radios, laptop)
    (six,) = from_characteristic(Characteristic(name="Поддержка диапазона 6 ГГц", kind="values", values=["Да"]))
    assert shelf.decide(six, radios) == "no"
    assert shelf.decide(count(2), radios) == "yes"
    # Trap: a processor's frequencies are no radio list, whatever other words its spec has.
    assert shelf.decide(six, laptop) == "unknown"
