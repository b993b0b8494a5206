"""A minimum version of a named product («Версия операционной системы: не ниже Android 12») is read where the card
states it of the product: its name or a spec sharing a word of the requirement's name (``matching/versions.py``).
Hand-made cards."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

NEW = product("TB-13", 'Планшет 10,1", 6/128 ГБ, LTE, Android 13', [("Экран", '10,1", IPS'), ("Масса", "520 г")])
OLD = product("TB-11", 'Планшет 10,1"', [("Операционная система", "Android 11"), ("Вес", "0,49 кг")])
AURORA = product("TB-AU", 'Планшет 10,4"', [("Операционная система", "ОС Аврора 5"), ("Wi-Fi", "802.11ac")])
CAMERA = product(
    "WC", "Веб-камера", [("Совместимость", "Windows 10, macOS, Android 12 и выше"), ("Разрешение", "1080p")]
)
SHELF = Shelf(NEW, OLD, AURORA, CAMERA)


def decide(card, name: str, value: str) -> str:
    (req,) = from_characteristic(Characteristic(name=name, kind="text", text=value))
    return SHELF.decide(req, card)


def test_a_newer_version_meets_a_minimum_in_any_wording():
    assert decide(NEW, "Версия операционной системы", "Android не ниже 12") == "yes"  # stated in the name only
    assert decide(NEW, "Версия операционной системы", "не ниже Android 12") == "yes"
    assert decide(NEW, "Версия ОС Android", "не ниже 12") == "yes"


def test_an_older_version_is_no_although_it_is_android():
    assert decide(OLD, "Версия операционной системы", "не ниже Android 12") == "no"
    assert decide(OLD, "Версия ОС Android", "не ниже 12") == "no"


def test_another_system_or_a_compatibility_list_decides_nothing():
    assert decide(AURORA, "Версия операционной системы", "не ниже Android 12") == "unknown"
    assert decide(CAMERA, "Версия операционной системы", "не ниже Android 12") != "yes"
