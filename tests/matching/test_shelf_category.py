"""A catalogue category naming several types («Системные блоки и моноблоки») is a shelf, not the product's type: an
all-in-one on that shelf is not a «Системный блок» (dev batch 10: an all-in-one meeting every characteristic of a
system-unit line was «yes» once its processor and drive were read)."""

from __future__ import annotations

from matching.cards import product_card
from matching.typegate import line_types, other_type, product_types
from tests.matching.conftest import product

SHELF = "Системные блоки и моноблоки"
AIO = product_card(product("AIO", "Моноблок ICL SafeRAY A241 23,8\"", [], category=SHELF))
TOWER = product_card(product("PC", "Системный блок iRU Office 310", [], category=SHELF))
UNNAMED = product_card(product("X", "iRU Office 310", [], category="Ноутбуки"))


def test_the_products_own_name_says_its_type_before_its_shelf():
    assert product_types(AIO) == frozenset({"моноблок"})
    assert other_type(line_types("Системный блок"), (), AIO, product_types(AIO)) is not None
    assert other_type(line_types("Системный блок"), (), TOWER, product_types(TOWER)) is None
    assert other_type(line_types("Моноблок 23,8\""), (), AIO, product_types(AIO)) is None


def test_a_name_naming_no_type_leaves_it_to_the_category():
    assert product_types(UNNAMED) == frozenset({"ноутбук"})


WALL = product_card(product("CB", "Шкаф настенный Stoyka SW-1264 12U", [], category="Шкафы телекоммуникационные"))


def test_a_category_naming_one_type_adds_it_to_the_head():
    """A wall cabinet named «Шкаф настенный» on the shelf «Шкафы телекоммуникационные» is the telecom cabinet a line
    «Шкаф телекоммуникационный настенный 12U» asks (dev5 14/1: a wrong «другой тип товара» on the compliant card).
    Trap: a shelf naming several types still adds none (the all-in-one above stays no system unit)."""
    assert product_types(WALL) == frozenset({"шкаф", "стойка"})
    assert other_type(line_types("Шкаф телекоммуникационный настенный 12U"), (), WALL, product_types(WALL)) is None
    assert product_types(AIO) == frozenset({"моноблок"})
