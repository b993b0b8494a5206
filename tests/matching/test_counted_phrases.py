"""A counted noun named by a phrase keeps its completing words ("2 блока питания" counts power supplies, not any
«блок»). Hand-made cards."""

from __future__ import annotations

from tests.matching.conftest import Shelf, product

SWITCH_PSU = product("SW-P", "Коммутатор 48 портов", [("Порты RJ-45", 48, "шт"), ("Блоки питания", 2, "шт")])
ONE_PSU = product("SRV-1", "Сервер 1U", [("Блок питания", 1200, "Вт"), ("Блок вентиляторов", 2, "шт")])
SHELF = Shelf(SWITCH_PSU, ONE_PSU)
decide_name = SHELF.decide_name


def test_a_counted_noun_keeps_the_words_completing_it():
    assert decide_name(SWITCH_PSU, "Коммутатор 48 портов 1G, 2 блока питания", "2 блока питания") == "yes"
    assert decide_name(SWITCH_PSU, "Коммутатор 48 портов 1G, 3 блока питания", "3 блока питания") == "no"


def test_a_power_or_another_block_is_no_count_of_supplies():
    # «Блок питания: 1200 Вт» gives a power; «Блок вентиляторов: 2» counts fans.
    assert decide_name(ONE_PSU, "Сервер 1U, 2 блока питания", "2 блока питания") != "yes"
