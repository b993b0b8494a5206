"""A level or a rack height written in a line's name ("L3", "L2+", "1U") is decided on the card's one spec named
in the grammar's own words ("Уровень", "Высота"), and proven only by that exact value (issue 15: a false "yes"
costs a bid). Hand-made cards."""

from __future__ import annotations

from tests.matching.conftest import Shelf, product

SWITCH_L3 = product("SW-3", "Коммутатор 48 портов", [("Порты RJ-45", 48, "шт"), ("Высота", 1, "U"), ("Уровень", "L3")])
SWITCH_L2 = product("SW-2", "Коммутатор 24 порта", [("Порты RJ-45", 24, "шт"), ("Высота", 1, "U"), ("Уровень", "L2")])
LITE = product("SW-L", "Коммутатор 24 порта", [("Порты RJ-45", 24, "шт"), ("Уровень", "L3 Lite")])
QUIET = product("SW-Q", "Коммутатор 8 портов", [("Порты RJ-45", 8, "шт"), ("Уровень шума", 20, "дБ")])
SHELF = Shelf(SWITCH_L3, SWITCH_L2, LITE, QUIET)
decide_name = SHELF.decide_name


def test_a_level_or_rack_height_is_the_spec_named_in_the_grammars_own_words():
    assert decide_name(SWITCH_L3, "Коммутатор L3 48 портов, 1U", "L3") == "yes"
    assert decide_name(SWITCH_L3, "Коммутатор L2+ 48 портов", "L2+") == "yes"
    assert decide_name(SWITCH_L3, "Коммутатор L3 48 портов, 1U", "1U") == "yes"
    assert decide_name(SWITCH_L2, "Коммутатор L3 48 портов, 1U", "L3") == "no"
    assert decide_name(SWITCH_L2, "Коммутатор L2+ 24 порта", "L2+") == "no"
    assert decide_name(SWITCH_L3, "Коммутатор L3 2U", "2U") == "no"


def test_only_the_exact_level_proves_it():
    # «L3 Lite» (static routing only) shares the code, not the level: the specialist decides.
    assert decide_name(LITE, "Коммутатор L3 24 порта", "L3") == "unknown"


def test_a_spec_adding_a_word_is_not_the_grammars_own():
    # «Уровень шума» is not the switching level.
    assert decide_name(QUIET, "Коммутатор L3", "L3") == "unknown"
