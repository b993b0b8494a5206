"""A line buying a service («Техническое обслуживание МФУ», «Замена аккумуляторных батарей в ИБП», «Прокладка кабеля»;
`alignment.json` `service_heads`) is of another type than any product, whatever product it is about; a product
line naming the same product stays of its type."""

from __future__ import annotations

from matching.cards import product_card
from matching.typegate import SERVICE, line_types, other_type, product_types
from tests.matching.conftest import product

MFP = product_card(product("MFP", "МФУ лазерное ч/б A4", [("Дуплекс", "да")], category="МФУ"))


def gate(name: str) -> str | None:
    return other_type(line_types(name), (), MFP, product_types(MFP))


def test_a_service_line_is_no_product():
    assert line_types("Техническое обслуживание МФУ лазерного ч/б А4 с дуплексом") == SERVICE
    assert line_types("Замена аккумуляторных батарей 12 В 9 А·ч в ИБП") == SERVICE
    assert gate("Техническое обслуживание МФУ лазерного ч/б А4 с дуплексом") is not None


def test_a_product_line_about_the_same_product_is_its_type():
    assert gate("МФУ лазерное ч/б А4 с дуплексом") is None
    assert line_types("Монтажный шкаф 19\"") == frozenset({"шкаф"})
