"""A size written as a tuple of lengths under a spec naming its axes (dev4 010/1: «Ширина: = 600 мм» against
«Ширина × глубина: 600 × 1000 мм» was «no», the value read as 600 things of 1000 мм each): the asked axis's number
decides; without an order the card's wording gives, any number may be the asked one, so «no» only when none meets
and never «yes». Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.ranges import check_range
from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

FLOOR = product(
    "RK-42", "Шкаф телекоммуникационный напольный 19\" 42U",
    [("Высота", "42U"), ("Ширина × глубина", "600 × 1000 мм"), ("Статическая нагрузка", "800", "кг")],
)  # fmt: skip
WALL = product("RK-12", 'Шкаф настенный 19" 12U', [("Высота", "12U"), ("Размеры (Ш×Г)", "600 × 450 мм")])
SHELF = Shelf(FLOOR, WALL)


def size(name: str, **bounds: object):
    (req,) = from_characteristic(Characteristic(name=name, kind="range", unit="мм", **bounds))
    return req


def test_the_asked_axis_is_read_at_its_place_in_the_name():
    assert SHELF.decide(size("Ширина", min="600", max="600"), FLOOR) == "yes"
    assert SHELF.decide(size("Глубина", min="800"), FLOOR) == "yes"
    assert SHELF.decide(size("Глубина", max="500", max_inclusive=False), WALL) == "yes"


def test_another_axis_number_never_meets_the_asked_one():
    # Both numbers are on the card; only one of them is the asked axis.
    assert SHELF.decide(size("Ширина", min="1000"), FLOOR) == "no"
    assert SHELF.decide(size("Глубина", max="700"), FLOOR) == "no"
    assert SHELF.decide(size("Глубина", max="500", max_inclusive=False), FLOOR) == "no"


def read(spec_name: str, value: str, name: str, **bounds: object) -> str:
    spec = next(s for s in product_card(product("X", "Шкаф", [(spec_name, value)])).specs)
    return check_range(size(name, **bounds), spec)[0]


def test_three_axes_in_the_names_order():
    assert read("Габариты (В × Ш × Г)", "1210 × 600 × 800 мм", "Глубина", min="800") == "yes"
    assert read("Габариты (В × Ш × Г)", "1210 × 600 × 800 мм", "Высота", max="1000") == "no"  # not the last number
    assert read("Габаритные размеры (Д х Ш х В)", "151х65х94 мм", "Ширина", max="70") == "yes"


def test_without_an_order_no_number_is_taken_for_the_asked_one():
    assert read("Размеры", "600 × 1000 мм", "Ширина", min="600", max="600") == "unknown"
    assert read("Размеры", "600 × 1000 мм", "Глубина", min="600") == "unknown"
    assert read("Размеры", "600 × 1000 мм", "Ширина", min="1200") == "no"  # none of them meets
    assert read("Ширина × глубина", "600 × 1000 мм", "Высота", max="2000") == "unknown"  # no height listed


def test_a_count_of_things_of_one_length_stays_a_count():
    assert read("Кабели питания", "2 × 1,8 м", "Длина", min="1.5") == "yes"
