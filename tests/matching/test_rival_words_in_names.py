"""Rival qualifiers written in a line's name («Межсетевой экран настольного исполнения», «МФУ лазерное
монохромное») must be stated by the card: a 1U rack firewall was «yes» for a desktop line once its throughputs were
read. A classification name whose bracket refines the type («Компьютер персональный настольный (моноблок)») keeps its
words for the type gate."""

from __future__ import annotations

from matching.namegrammar import name_requirements
from matching.unreadname import SOURCE
from tests.matching.conftest import Shelf, product

DESKTOP = product("FW-S", "Межсетевой экран NGFW настольный, 5×GE", [("Конструктив", "настольный")])
RACK = product("FW-M", "Межсетевой экран 1U, 8×GE + 2×SFP+", [("Установка", "в 19\" стойку, высота 1U")])
MONO = product("MFP", "МФУ лазерное ч/б A4", [("Цветность", "черно-белая")])
SHELF = Shelf(DESKTOP, RACK, MONO)


def unread(name: str) -> list[str]:
    return [r.text for r in name_requirements(name) if r.source == SOURCE]


def test_a_rival_qualifier_in_the_name_is_asked_of_the_card():
    assert unread("Межсетевой экран настольного исполнения") == ["настольного"]
    assert SHELF.decide_name(DESKTOP, "Межсетевой экран настольного исполнения", "настольного") == "yes"
    assert SHELF.decide_name(RACK, "Межсетевой экран настольного исполнения", "настольного") == "unknown"


def test_black_and_white_is_monochrome():
    assert SHELF.decide_name(MONO, "МФУ лазерное монохромное", "монохромное") == "yes"


def test_qualifiers_read_otherwise_or_of_a_classification_name_are_not_asked_twice():
    assert unread("IP-телефон с цветным дисплеем") == []  # read as a feature the phone comes with
    assert unread("Компьютер персональный настольный (моноблок)") == []
    assert unread("Ноутбук") == []  # a product type is the type gate's
