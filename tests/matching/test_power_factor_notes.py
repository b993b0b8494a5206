"""A UPS's power in its parts' units closed by its power factor («Мощность: 3000 ВА / 3000 Вт (PF = 1,0)», dev7):
the note's bare number is no part, so the value is split without it and «… полная» / «… активная» each find
their part (`alignment.json` `part_notes`). A power factor never makes a value in ВА alone state the active power."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.requirements import from_characteristic
from matching.specmatch import SpecVocabulary
from matching.specsplit import unit_parts
from store.schema import Characteristic, ProductSpec
from tests.matching.conftest import product

UNITY = product("UPS-3K", "ИБП 3000RT", [("Мощность", "3000 ВА / 3000 Вт (PF = 1,0)"), ("Топология", "On-Line")])
TENTHS = product("UPS-10K", "ИБП 10K", [("Мощность", "10 кВА / 9 кВт (PF 0,9)"), ("Топология", "On-Line")])
ONLY_VA = product("UPS-2K", "ИБП 2000", [("Мощность", "2000 ВА (PF 0,9)"), ("Топология", "On-Line")])
CARDS = {p.sku: product_card(p) for p in (UNITY, TENTHS, ONLY_VA)}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, name: str, unit: str, low: str) -> str:
    (req,) = from_characteristic(Characteristic(name=name, kind="range", unit=unit, min=low))
    return check(req, CARDS[sku], VOCAB).status


def test_the_parts_are_read_without_the_power_factor():
    assert decide("UPS-3K", "Выходная мощность полная", "кВА", "3") == "yes"
    assert decide("UPS-3K", "Выходная мощность активная", "Вт", "2700") == "yes"
    assert decide("UPS-3K", "Выходная мощность (активная)", "кВт", "3.5") == "no"
    assert decide("UPS-10K", "Выходная мощность (полная)", "кВА", "10") == "yes"
    assert decide("UPS-10K", "Активная мощность", "кВт", "9") == "yes"
    assert decide("UPS-10K", "Активная мощность", "кВт", "10") == "no"


def test_trap_a_power_factor_states_no_active_power_of_a_value_in_va_alone():
    # 2000 ВА × 0,9 would be 1800 Вт: a derived value, not one the card states
    assert decide("UPS-2K", "Выходная мощность активная", "Вт", "1000") != "yes"


def test_only_a_power_factor_note_is_left_out():
    split = unit_parts(ProductSpec(name="Мощность", value="3000 ВА / 3000 Вт (PF = 1,0)"))
    assert [(s.name, s.value) for s in split] == [("Мощность (полная)", "3000 ВА"), ("Мощность (активная)", "3000 Вт")]
    assert [s.value for s in unit_parts(ProductSpec(name="Мощность", value="1 кВА / 0,9 кВт (cos φ 0,9)"))] == [
        "1 кВА",
        "0,9 кВт",
    ]
    other = ProductSpec(name="Мощность", value="1000 ВА / 600 Вт (при 230 В)")  # a condition, not a power factor
    assert unit_parts(other) == (other,)
