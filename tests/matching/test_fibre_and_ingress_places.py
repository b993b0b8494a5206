"""Fibre modes are rival classes (single-mode «SM», «OS2» against multimode «OM3»); a bracket inside a value repeats
one of its words («одномодовое (SM) 9/125 мкм»); an ingress code written in the body's spec («Исполнение: уличное,
степень защиты IP66») or the product's name decides a card with no spec of its own for it. Hand-made cards."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

SM = product("PC-SM", "Патч-корд оптический LC-LC", [("Тип волокна", "одномодовое 9/125 мкм (G.652.D, OS2)")])
MM = product("PC-MM", "Патч-корд оптический LC-SC", [("Тип волокна", "многомодовое 50/125 OM3")])
OUTDOOR = product("AP-O", "Точка доступа уличная, IP66", [("Исполнение", "уличное, степень защиты IP66")])
INDOOR = product("AP-I", "Точка доступа", [("Исполнение", "для помещений, IP20")])
PSU = product("AP-P", "Точка доступа", [("Блок питания", "внешний, IP67")])
MIXED = product("AP-M", "Точка доступа IP54", [("Корпус", "IP65")])
GLAND = product("AP-G", "Точка доступа уличная", [("Исполнение", "уличное; кабельный гермоввод IP68")])
SEALED = product("AP-S", "Точка доступа", [("Исполнение", "уличное, пыле- и влагозащищённый корпус IP65, 1 × SFP")])
VANDAL = product("CAM-V", "Камера уличная", [("Исполнение", "антивандальный корпус IK10")])
TABLET = product("TB-1", "Планшет защищённый", [("Защита корпуса", "IP68; MIL-STD-810H; падение с 1,5 м")])
SHELF = Shelf(SM, MM, OUTDOOR, INDOOR, PSU, MIXED, GLAND, SEALED, VANDAL, TABLET)


def req(name: str, value: str, kind: str = "values"):
    fields = {"text": value} if kind == "text" else {"values": [value]}
    (found,) = from_characteristic(Characteristic(name=name, kind=kind, **fields))
    return found


FIBRE = req("Тип волокна", "одномодовое (SM) 9/125 мкм")
IP = req("Степень защиты оболочки", "не ниже IP65", kind="text")


def test_a_fibre_mode_with_an_inner_bracket():
    assert SHELF.decide(FIBRE, SM) == "yes"
    assert SHELF.decide(FIBRE, MM) == "no"


def test_an_ingress_code_in_the_bodys_spec():
    assert SHELF.decide(IP, OUTDOOR) == "yes"
    assert SHELF.decide(IP, INDOOR) == "no"


def test_an_ingress_code_of_a_part_or_two_codes_decide_nothing():
    assert SHELF.decide(IP, PSU) == "unknown"
    assert SHELF.decide(IP, MIXED) == "unknown"


def test_the_bodys_clause_and_the_bodys_protection_spec():
    assert SHELF.decide(IP, SEALED) == "yes"  # «влагозащищённый корпус IP65» speaks of the body
    assert SHELF.decide(IP, TABLET) == "yes"  # «Защита корпуса: IP68; MIL-STD-810H»


def test_a_glands_code_or_an_impact_code_is_not_the_bodys_ingress():
    assert SHELF.decide(IP, GLAND) == "unknown"  # the cable gland's IP68, not the body's
    assert SHELF.decide(IP, VANDAL) == "unknown"  # IK10 is impact, not ingress
