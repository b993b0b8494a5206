"""A quantity of a line's name proven by the card's name stating the same («Шкаф настенный 19" 12U», «Модуль SFP+
10GBASE-LR, 10 км»): the 19" mounting standard is said by no spec, the reach by a «Максимальная дальность»."""

from __future__ import annotations

from tests.matching.conftest import Shelf, product

RACK = product("RK", "Шкаф настенный 19\" 12U 600×450", [("Цвет", "серый RAL 7035")])
LR = product("LR", "Модуль SFP+ 10GBASE-LR, SM, 1310 нм, 10 км, LC", [("Максимальная дальность", 10, "км")])
PDU = product("PDU", "Блок распределения питания 19\" 1U, 8 розеток", [("Количество розеток", 8, "шт")])
SHELF = Shelf(RACK, LR, PDU)


def test_the_same_quantity_in_the_cards_name_proves_the_lines():
    assert SHELF.decide_name(RACK, "Шкаф настенный 19\" 12U", "19") == "yes"
    assert SHELF.decide_name(RACK, "Шкаф настенный 19\" 12U", "12U") == "yes"
    assert SHELF.decide_name(LR, "Модуль SFP+ 10GBASE-LR, 10 км", "10 км") == "yes"
    assert SHELF.decide_name(PDU, "Блок распределения питания 19\"", "19") == "yes"


def test_only_the_written_number_is_echoed_never_another_in_the_dimension():
    # 1310 нм is no "≥ 850 нм" a name echo proves (a wavelength is no lower bound), nor 10 км a "20 км".
    assert SHELF.decide_name(LR, "Модуль SFP+ многомодовый, 850 нм", "850") != "yes"
    assert SHELF.decide_name(LR, "Модуль SFP WDM, 20 км", "20 км") != "yes"
    assert SHELF.decide_name(RACK, "Шкаф 42U", "42U") != "yes"
