"""UPS batteries (`value_classes.json`): the technology (AGM / GEL «гелевая») is stated under the card's «Технология»
whatever the line calls it (`align_by_value`), terminals are F1 / F2 / bolted with the bolt's thread (M6 / M8), and
«Тип клеммных выводов» is the card's «Тип клемм» (`alignment.json` paraphrases)."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

AGM = product(
    "BT-AGM", "Аккумуляторная батарея 12 В 9 А·ч",
    [("Емкость", 9, "А·ч"), ("Технология", "AGM (VRLA), необслуживаемая"), ("Тип клемм", "F2 (6,35 мм)")],
)  # fmt: skip
GEL = product(
    "BT-GEL", "Аккумуляторная батарея 12 В 100 А·ч",
    [("Номинальная емкость (C20)", 100, "А·ч"), ("Технология", "GEL (гелевая)"), ("Тип клемм", "под болт M8")],
)  # fmt: skip
M6 = product("BT-M6", "Аккумуляторная батарея 12 В 55 А·ч", [("Технология", "AGM"), ("Тип клемм", "под болт M6")])
SHELF = Shelf(AGM, GEL, M6)


def asked(name: str, value: str):
    (req,) = from_characteristic(Characteristic(name=name, kind="values", values=[value]))
    return req


def test_the_technology_whatever_the_line_calls_it():
    assert SHELF.decide(asked("Тип аккумуляторной батареи", "AGM (или эквивалент)"), AGM) == "yes"
    assert SHELF.decide(asked("Технология изготовления", "Гелевая"), GEL) == "yes"
    assert SHELF.decide(asked("Технология", "AGM"), GEL) == "no"


def test_terminals_by_class_and_thread():
    assert SHELF.decide(asked("Тип клеммных выводов", "F2 (6,3 мм)"), AGM) == "yes"
    assert SHELF.decide(asked("Тип клемм", "болтовое соединение М8"), GEL) == "yes"
    assert SHELF.decide(asked("Тип клемм", "болтовое соединение М8"), M6) == "no"
