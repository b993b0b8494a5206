"""A span of operating conditions asked («Диапазон рабочих температур: от -40 до +50 °C», or a KTRU range with both
bounds) is met by a card span covering it at both ends, written in its own spec or in a clause of another
(«Исполнение: уличное, IP65, рабочая температура от −45 до +60 °C»); a storage span says nothing of it. Hand-made
cards."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

OUTDOOR = product("AP-O", "Точка доступа уличная", [
    ("Исполнение", "уличное, пыле- и влагозащищённый корпус IP65, рабочая температура от −45 до +60 °C")])  # fmt: skip
NARROW = product("AP-N", "Точка доступа уличная", [("Рабочая температура", "−30…+55 °C")])
STORED = product("AP-S", "Точка доступа", [
    ("Температура хранения", "от -40 до +70 °C"),
    ("Условия эксплуатации", "от 0 до +40 °C, влажность 10–90 %")])  # fmt: skip
ONLY_STORED = product("AP-T", "Точка доступа", [("Температура хранения", "от -40 до +70 °C")])
SHELF = Shelf(OUTDOOR, NARROW, STORED, ONLY_STORED)


def asked(value: str, name: str = "Диапазон рабочих температур"):
    (req,) = from_characteristic(Characteristic(name=name, kind="values", values=[value]))
    return req


def test_a_span_covering_the_asked_one_meets_it():
    assert SHELF.decide(asked("от -40 до +50 °С"), OUTDOOR) == "yes"
    assert SHELF.decide(asked("от -20 до +50 °C", "Температура эксплуатации"), NARROW) == "yes"
    (both_bounds,) = from_characteristic(
        Characteristic(name="Диапазон рабочих температур", kind="range", min="-40", max="60", unit="°C"))  # fmt: skip
    assert SHELF.decide(both_bounds, OUTDOOR) == "yes"


def test_either_end_left_out_is_no():
    assert SHELF.decide(asked("от -40 до +50 °C"), NARROW) == "no"  # the lower end
    assert SHELF.decide(asked("от -40 до +65 °C"), OUTDOOR) == "no"  # the upper end
    assert SHELF.decide(asked("от -10 до +50 °C"), STORED) == "no"


def test_a_storage_span_never_proves_it():
    # Trap: «Температура хранения: от -40 до +70 °C» covers the asked span; the product works only from 0 to +40.
    assert SHELF.decide(asked("от -30 до +60 °C"), STORED) == "no"
    assert SHELF.decide(asked("от -30 до +60 °C"), ONLY_STORED) == "unknown"
    assert SHELF.decide(asked("от -30 до +60 °C", "Температура хранения"), STORED) != "no"
