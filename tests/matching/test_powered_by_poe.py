"""A product powered by PoE «802.3af/at» («Питание по PoE (IEEE 802.3af/at)») takes either standard: a card powered by
802.3af («PoE 802.3af или адаптер 12 В») or by PoE+ meets it. A bare «802.3af/at» (a switch's ports, a card's value)
still states both. Hand-made cards."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

AF = product("AP-1", "Точка доступа", [("Питание", "PoE 802.3af или адаптер 12 В")])
AT = product("AP-2", "Точка доступа", [("Питание", "PoE+ 802.3at")])
BOTH = product("AP-3", "Точка доступа", [("Питание", "PoE 802.3af/at")])
DC = product("AP-4", "Точка доступа", [("Питание", "адаптер 12 В DC")])
SWITCH_AF = product("SW-1", "Коммутатор", [("Порты", "8 × RJ-45 PoE 802.3af"), ("Бюджет PoE", "60", "Вт")])
SHELF = Shelf(AF, AT, BOTH, DC, SWITCH_AF)


def asked(name: str, value: str = "Наличие"):
    (req,) = from_characteristic(Characteristic(name=name, kind="values", values=[value]))
    return req


def test_powered_by_either_standard():
    for card in (AF, AT, BOTH):
        assert SHELF.decide(asked("Питание по PoE (IEEE 802.3af/at)"), card) == "yes"
    assert SHELF.decide(asked("Питание по PoE (IEEE 802.3af/at)"), DC) != "yes"


def test_a_bare_af_at_still_asks_both():
    # Trap: read everywhere as «either», a switch giving only 802.3af would meet «PoE 802.3af/at» on its ports.
    assert SHELF.decide(asked("Поддержка PoE 802.3af/at"), SWITCH_AF) != "yes"
    # A card powered «802.3af/at» still states PoE+.
    assert SHELF.decide(asked("Питание по PoE+ (802.3at)"), BOTH) == "yes"
