"""An outdoor ingress minimum («Степень защиты корпуса: не ниже IP65») fails on a card that states no code at all and
says its body is for indoors only («Исполнение: для помещений»); a card naming outdoors too, a code anywhere, or a
low asked code decides nothing here. Hand-made cards."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

INDOOR = product("AP-I", "Точка доступа Wi-Fi 6", [("Питание", "PoE+ 802.3at"), ("Исполнение", "для помещений")])
PLACED = product("AP-P", "Точка доступа", [("Размещение", "внутреннее, потолочное/настенное крепление")])
BOTH = product("AP-B", "Точка доступа", [("Исполнение", "для помещений и уличной установки")])
CODED = product("AP-C", "Точка доступа", [("Исполнение", "для помещений"), ("Корпус", "пластик, IP67")])
PSU = product("AP-S", "Точка доступа", [("Блок питания", "для помещений")])
SHELF = Shelf(INDOOR, PLACED, BOTH, CODED, PSU)


def ingress(value: str):
    (req,) = from_characteristic(Characteristic(name="Степень защиты корпуса", kind="values", values=[value]))
    return req


def test_an_indoor_only_body_fails_an_outdoor_minimum():
    assert SHELF.decide(ingress("не ниже IP65"), INDOOR) == "no"
    assert SHELF.decide(ingress("не ниже IP66"), PLACED) == "no"


def test_nothing_else_decides_by_indoors():
    # Traps: «для помещений и уличной установки» is outdoor too; a code on the card is the card's answer; an indoor
    # product may well meet IP20 or IP54; a power supply's placement is not the body's.
    assert SHELF.decide(ingress("не ниже IP65"), BOTH) != "no"
    assert SHELF.decide(ingress("не ниже IP65"), CODED) == "yes"
    assert SHELF.decide(ingress("не ниже IP54"), INDOOR) != "no"
    assert SHELF.decide(ingress("не ниже IP65"), PSU) != "no"
