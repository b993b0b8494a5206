"""A value stating one thing in the units of its parts («Выходная мощность: 3000 ВА / 2700 Вт»): the unit tells
which part each number is, so «… полная» and «… активная» each find theirs (dev2: a UPS card's only power spec
was «не уверены» for the apparent power and «не найдена» for the active one). A card stating one part only
proves nothing of the other."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.requirements import from_characteristic
from matching.specmatch import SpecVocabulary
from matching.specsplit import unit_parts
from store.schema import Characteristic, ProductSpec
from tests.matching.conftest import product

BOTH = product("UPS-3K", "ИБП 3000", [("Выходная мощность", "3000 ВА / 2700 Вт"), ("Топология", "On-Line")])
SCALED = product("UPS-6K", "ИБП 6K", [("Номинальная мощность", "6 кВА / 6 кВт")])
APPARENT = product("UPS-2K", "ИБП 2000", [("Полная мощность", "2000", "ВА"), ("Тип", "линейно-интерактивный")])
ALONE = product("UPS-6KA", "ИБП 6000", [("Выходная мощность", "6000 ВА"), ("Топология", "On-Line")])
WATTS = product("UPS-6KW", "ИБП 6000", [("Выходная мощность", "6000 Вт"), ("Топология", "On-Line")])
CARDS = {p.sku: product_card(p) for p in (BOTH, SCALED, APPARENT, ALONE, WATTS)}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, name: str, unit: str, low: str) -> str:
    (req,) = from_characteristic(Characteristic(name=name, kind="range", unit=unit, min=low))
    return check(req, CARDS[sku], VOCAB).status


def test_each_part_is_read_in_its_unit():
    assert decide("UPS-3K", "Выходная мощность полная", "кВА", "3") == "yes"
    assert decide("UPS-3K", "Выходная мощность активная", "Вт", "2700") == "yes"
    assert decide("UPS-3K", "Выходная мощность активная", "Вт", "2800") == "no"
    assert decide("UPS-6K", "Выходная мощность полная", "ВА", "6000") == "yes"
    assert decide("UPS-6K", "Выходная мощность активная", "кВт", "5.4") == "yes"


def test_a_card_stating_one_part_proves_nothing_of_the_other():
    assert decide("UPS-2K", "Выходная мощность полная", "ВА", "1000") == "yes"
    assert decide("UPS-2K", "Выходная мощность активная", "Вт", "600") == "unknown"


def test_only_values_wholly_in_part_units_are_split():
    two = ProductSpec(name="Мощность", value="1050 ВА / 600 Вт")
    assert [s.name for s in unit_parts(two)] == ["Мощность (полная)", "Мощность (активная)"]
    for value in ("2 × 1200 Вт", "600 Вт / 230 В", "1050 ВА / 600 Вт / 50 Гц", "600 / 300 Вт"):
        spec = ProductSpec(name="Мощность", value=value)
        assert unit_parts(spec) == (spec,)
    named = ProductSpec(name="Полная мощность", value="2000 ВА / 1800 Вт")
    assert unit_parts(named) == (named,)  # the name already says which part: the values are paired as written


def test_a_value_in_volt_amperes_alone_is_the_apparent_power():
    """dev4: «Выходная мощность (полная) ≥ 5000 ВА» on «Выходная мощность: 6000 ВА» was «не уверены»."""
    assert decide("UPS-6KA", "Выходная мощность (полная)", "ВА", "5000") == "yes"
    assert decide("UPS-6KA", "Выходная мощность (полная)", "ВА", "8000") == "no"
    assert decide("UPS-6KA", "Выходная мощность", "ВА", "5000") == "yes"  # the unqualified name still finds it
    assert decide("UPS-6KA", "Выходная мощность (активная)", "Вт", "5000") == "unknown"
    # trap: a value in Вт is no apparent power, and Вт alone names no part (the plain power of most things)
    assert decide("UPS-6KW", "Выходная мощность (полная)", "ВА", "5000") == "unknown"
    watts = ProductSpec(name="Мощность блока питания", value="550 Вт")
    assert unit_parts(watts) == (watts,)
    assert [s.name for s in unit_parts(ProductSpec(name="Мощность", value="6 кВА"))] == ["Мощность (полная)"]
