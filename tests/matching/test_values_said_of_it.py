"""A characteristic no spec is named like is proven by the card's words only where they are said of its thing."""

from __future__ import annotations

import pytest

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product


def asked(name: str, *values: str):
    (requirement,) = from_characteristic(Characteristic(name=name, kind="values", values=list(values)))
    return requirement


MFP_PRINT = product("M1", "МФУ лазерное цветное A4", [("Цветность печати", "цветная"), ("Формат", "A4")])
MFP_PLAIN = product("M2", "МФУ лазерное A4", [("Цветность", "цветная"), ("Формат", "A4")])
CAMERA = product("C1", "IP-камера уличная", [("Корпус", "металлический, белый"), ("Степень защиты", "IP67")])
SHELF = Shelf(MFP_PRINT, MFP_PLAIN, CAMERA)


@pytest.mark.parametrize(
    ("requirement", "card"),
    [
        (asked("Цветность сканирования", "Цветная"), MFP_PRINT),  # the colour is the printing's
        (asked("Цветность сканирования", "Цветная"), MFP_PLAIN),  # an MFP's plain «Цветность» is its printing
        (asked("Цвет объектива", "белый"), CAMERA),  # the body is white, not the lens
        (asked("Материал крепления", "металлический"), CAMERA),  # the body is metal, not the mount
    ],
)
def test_words_of_another_part_prove_nothing(requirement, card) -> None:
    assert SHELF.decide(requirement, card) == "unknown"


def test_words_said_of_the_product_still_prove() -> None:
    scanner = product("S1", "Сканер планшетный", [("Цветность", "цветная"), ("Датчик", "CIS")])
    laptop = product("N1", "Ноутбук 15,6\" серебристый", [("Диагональ", "15,6", "дюйм")])
    shelf = Shelf(scanner, laptop)
    assert shelf.decide(asked("Режим сканирования", "цветной"), scanner) == "yes"
    assert shelf.decide(asked("Цвет корпуса", "серебристый"), laptop) == "yes"  # the name speaks for the body


def test_a_text_requirement_is_held_to_the_same_place() -> None:
    (lens,) = from_characteristic(Characteristic(name="Цвет объектива", kind="text", text="белый матовый"))
    (body,) = from_characteristic(Characteristic(name="Цвет корпуса", kind="text", text="белый матовый"))
    camera = product("C2", "IP-камера уличная", [("Корпус", "металлический, белый матовый")])
    shelf = Shelf(camera)
    assert shelf.decide(lens, camera) == "unknown"
    assert shelf.decide(body, camera) == "yes"
