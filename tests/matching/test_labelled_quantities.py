"""A quantity named by a bracketed label («Длина волны передатчика (Tx): 1310 нм») is read after that label in a
value («WDM Tx 1310 нм / Rx 1550 нм») or in a spec named with it; «10/100BASE-TX» is no label. «Напряжение
питания: 5 В» is the card's «Питание: адаптер 5 В / 1 А» (a voltage says what it measures: dimension_names).
Hand-made cards."""

from __future__ import annotations

from matching.alignment import vocabulary
from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

TX_1310 = product("MC-A", "Медиаконвертер WDM", [("Оптический порт", "1 × SC, WDM Tx 1310 нм / Rx 1550 нм"),
                                                 ("Питание", "адаптер 5 В / 1 А")])  # fmt: skip
TX_1550 = product("MC-B", "Медиаконвертер WDM", [("Оптический интерфейс", "1000BASE-BX, SC, Tx 1550 нм / Rx 1310 нм"),
                                                 ("Питание", "48–57 В DC")])  # fmt: skip
COPPER_TX = product("MC-C", "Медиаконвертер", [("Медный порт", "1 × RJ-45 10/100BASE-TX"), ("Длина волны", 850, "нм")])
SHELF = Shelf(TX_1310, TX_1550, COPPER_TX)


def decide(card, name: str, value: str) -> str:
    (req,) = from_characteristic(Characteristic(name=name, kind="text", text=value))
    return SHELF.decide(req, card)


def test_the_labelled_quantity_decides():
    assert decide(TX_1310, "Длина волны передатчика (Tx)", "1310 нм") == "yes"
    assert decide(TX_1550, "Длина волны передатчика (Tx)", "1310 нм") == "no"


def test_no_label_proves_nothing():
    assert decide(COPPER_TX, "Длина волны передатчика (Tx)", "1310 нм") != "yes"


def test_a_voltage_in_a_power_spec_is_the_supply_voltage():
    assert "напряжение" in vocabulary().dimension_names["voltage"]
    assert decide(TX_1310, "Напряжение питания", "5 В") == "yes"
    assert decide(TX_1550, "Напряжение питания", "5 В") != "yes"
