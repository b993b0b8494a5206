"""How a UPS connects its load is a class of its own: a card stating terminals («Подключение нагрузки: клеммы»)
has no outlets, so a count of outlets fails on it (issue 15: left "unknown"); a card naming outlets and terminals
both, or saying nothing of the connection, is not contradicted. Hand-made cards."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

TERMINALS = product("UPS-T", "ИБП онлайн 10 кВА", [("Подключение нагрузки", "клеммы"), ("Полная мощность", 10, "кВА")])
BOTH = product(
    "UPS-B", "ИБП онлайн 6 кВА",
    [("Подключение нагрузки", "клеммная колодка и 2 розетки"), ("Полная мощность", 6, "кВА")],
)  # fmt: skip
SILENT = product("UPS-S", "ИБП онлайн 3 кВА", [("Полная мощность", 3, "кВА"), ("Топология", "онлайн")])
OUTLETS = product("UPS-O", "ИБП 3 кВА", [("Розетки", "IEC C13 × 8"), ("Полная мощность", 3, "кВА")])
SHELF = Shelf(TERMINALS, BOTH, SILENT, OUTLETS)


def count(name: str, **bounds: str):
    (req,) = from_characteristic(Characteristic(name=name, kind="range", unit="шт", **bounds))
    return req


def test_terminals_are_no_outlets():
    assert SHELF.decide(count("Количество выходных розеток", min="6"), TERMINALS) == "no"
    assert SHELF.decide(count("Количество розеток с батарейной поддержкой", min="4"), TERMINALS) == "no"
    assert SHELF.decide(count("Количество выходных розеток Schuko", min="2"), TERMINALS) == "no"


def test_no_contradiction_where_the_card_names_outlets_or_nothing():
    assert SHELF.decide(count("Количество выходных розеток", min="2"), BOTH) != "no"
    assert SHELF.decide(count("Количество выходных розеток", min="6"), SILENT) == "unknown"
    assert SHELF.decide(count("Количество выходных розеток", min="6"), OUTLETS) == "yes"


def test_an_upper_bound_on_outlets_is_no_demand():
    assert SHELF.decide(count("Количество выходных розеток", max="4"), TERMINALS) != "no"


INLET_C20 = product("PDU-C", "Блок розеток 19\"", [("Входной разъем", "IEC C20"), ("Розетки", "IEC C13 × 8")])
INLET_PLUG = product("PDU-S", "Блок розеток", [("Входной разъем", "вилка Schuko"), ("Розетки", "Schuko × 6")])
INLETS = Shelf(INLET_C20, INLET_PLUG)


def test_an_inlet_is_a_socket_class_of_its_own():
    # IEC C20 (the 16 А inlet) is a socket class: a Schuko plug is a rival one, not a wording to check by hand.
    (inlet,) = from_characteristic(Characteristic(name="Входной разъем", kind="values", values=["IEC C20"]))
    assert INLETS.decide(inlet, INLET_C20) == "yes"
    assert INLETS.decide(inlet, INLET_PLUG) == "no"
