"""A name's bound read as a requirement described with grouped thousands («мощностью не менее 1000 ВА» read
«≥ 1 000 ВА»): the part «1000 ВА» is read, not left as an unread part that only the same words on the card prove
(dev7 11/1: a 1500 ВА UPS stayed «unknown» on «1000 ВА (в наименовании)»). A number the read requirements do not
say stays unread."""

from __future__ import annotations

from matching.namegrammar import name_requirements
from matching.unreadname import SOURCE
from tests.matching.conftest import Shelf, product

UPS = product("UPS-1K5", "ИБП Линия 1500R", [("Полная мощность", "1500", "ВА"), ("Активная мощность", "1350", "Вт")])
SHELF = Shelf(UPS)


def unread(name: str) -> list[str]:
    return [r.text or "" for r in name_requirements(name) if r.source == SOURCE]


def test_a_bound_read_with_grouped_thousands_is_read():
    name = "Источники бесперебойного питания мощностью не менее 1000 ВА"
    assert unread(name) == []
    assert all(SHELF.decide(r, UPS) == "yes" for r in name_requirements(name))
    assert unread("ИБП мощностью не менее 10000 ВА") == []


def test_trap_a_number_no_requirement_says_stays_unread():
    # «2000 VA» is not the read «≥ 1 000 ВА»: its digits are not said, grouped or not
    assert unread("ИБП мощностью не менее 1000 ВА, 2000 VA") == ["2000 VA"]
    assert unread("ИБП мощностью не менее 1000 ВА, RS-485") == ["RS-485"]
