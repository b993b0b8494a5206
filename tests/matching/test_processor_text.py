"""Processor requirements in text form («не ниже Intel Core i5 12-го поколения»): family and generation read from the
offered model number (dev batch 10 left every desktop "unknown" on them)."""

from __future__ import annotations

from matching.processors import processor_meets
from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

ASKED = "не ниже Intel Core i5 12-го поколения"
I5 = product("I5", "Системный блок", [("Процессор", "Intel Core i5-12400 (6 ядер / 12 потоков, 2,5–4,4 ГГц)")])
I3 = product("I3", "Системный блок", [("Процессор", "Intel Core i3-12100 (4 ядра / 8 потоков)")])
OLD_I7 = product("I7", "Системный блок", [("Процессор", "Intel Core i7-1165G7")])
SHELF = Shelf(I5, I3, OLD_I7)


def test_family_and_generation_at_least_the_asked_ones():
    for form in ({"kind": "text", "text": ASKED}, {"kind": "values", "values": [ASKED]}):
        (req,) = from_characteristic(Characteristic(name="Процессор", **form))
        assert SHELF.decide(req, I5) == "yes"
        assert SHELF.decide(req, I3) == "no"  # the 12th generation, but an i3 is below «не ниже Core i5»
        assert SHELF.decide(req, OLD_I7) == "no"  # an i7 of the 11th generation (1165G7)


def test_model_numbers_of_four_and_five_digits():
    assert processor_meets(ASKED, "Intel Core i5-1235U (10 ядер)") is True  # 12th generation, mobile
    assert processor_meets(ASKED, "Intel Core i5-8250U") is False
    assert processor_meets(ASKED, "Intel Core i7-13700") is True


def test_only_a_minimum_in_words_is_read():
    assert processor_meets("Intel Core i5", "Intel Core i7-13700") is None  # exactly an i5? the specialist decides
    assert processor_meets(ASKED, "AMD Ryzen 5 5600G") is None
    assert processor_meets("Core i5 и выше", "Intel Core i7-13700") is True
