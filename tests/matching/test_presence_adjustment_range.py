"""An adjustment said by a range of its thing (issue 15, session 13, dev4 108/1; matching/presencewords.py,
`requirements.json` `presence_words` `adjusting`): «Наличие функции регулировки наклона» is the card's «Подставка:
наклон −5°…+15°». Traps: one value is a fixed thing («наклон 5°»), a range of another thing in the same spec says
nothing of this one, and sizes listed apart are no range. Hand-made cards."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

TILT = product("MN-1", 'Монитор 21,5"', [("Подставка", "наклон −5°…+15°")])
FIXED = product("MN-2", 'Монитор 21,5"', [("Подставка", "наклон 5°")])
TILT_ONLY = product("MN-3", 'Монитор 24"', [("Подставка", "наклон −5°…+15°, высота 410 мм")])
SIZES = product("MN-4", 'Монитор 24"', [("Размеры", "высота 410 мм, ширина 540 мм")])
LIFT = product("MN-5", 'Монитор 27"', [("Подставка", "высота 0–130 мм, поворот ±45°")])
SHELF = Shelf(TILT, FIXED, TILT_ONLY, SIZES, LIFT)


def has(name: str):
    (req,) = from_characteristic(Characteristic(name=name, kind="values", values=["Да"]))
    return req


def test_a_range_of_the_thing_is_its_adjustment():
    assert SHELF.decide(has("Наличие функции регулировки наклона"), TILT) == "yes"
    assert SHELF.decide(has("Регулировка по высоте"), LIFT) == "yes"


def test_one_value_or_another_things_range_is_no_adjustment():
    assert SHELF.decide(has("Наличие функции регулировки наклона"), FIXED) != "yes"
    assert SHELF.decide(has("Регулировка по высоте"), TILT_ONLY) != "yes"  # the tilt's range, one height
    assert SHELF.decide(has("Регулировка по высоте"), SIZES) != "yes"
