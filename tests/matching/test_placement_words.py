"""A ceiling mount written as a noun («Размещение: потолок / стена») is the «Потолочный» asked (dev3 021/1: two
ceiling access points left "unknown" on «не совпадает дословно»); the placement classes, kept to telling values
apart until development cases proved this direction, now prove it too. Hand-made cards."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

CEILING = product("AP-C", "Точка доступа", [("Размещение", "потолок / стена"), ("Питание", "PoE 802.3af")])
MAST = product("AP-M", "Точка доступа уличная", [("Размещение", "на мачту / столб"), ("Степень защиты", "IP67")])
SHELF = Shelf(CEILING, MAST)


def mount(value: str):
    (req,) = from_characteristic(Characteristic(name="Способ монтажа", kind="values", values=[value]))
    return req


def test_a_ceiling_mount_in_other_words_is_the_asked_one():
    assert SHELF.decide(mount("Потолочный"), CEILING) == "yes"
    assert SHELF.decide(mount("Потолочный"), MAST) == "no"  # trap: a rival placement
    assert SHELF.decide(mount("Мачтовый"), CEILING) != "yes"
