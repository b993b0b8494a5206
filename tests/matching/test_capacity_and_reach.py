"""What a unit measures and limits by nature (issue 15, dev5 8/1 and 101/2): «Емкость аккумулятора ≥ 50 Вт·ч» is the
card's «Аккумулятор: 54 Вт·ч, 3 ячейки» (energy and charge measure a capacity, `alignment.json` `dimension_names`);
«Максимальная дальность передачи ≥ 10 км» its «Дальность: 10 км» (a reach is its maximum, `scope_qualifiers`
`limits`). Traps: a charge in мА·ч against watt-hours, a minimum reach, and a «Максимальный объем оперативной
памяти» against the installed memory (another value, unchanged). Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import item_requirements
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Item
from tests.matching.conftest import product

CARDS = {
    p.sku: product_card(p)
    for p in (
        product("NB-1", "Ноутбук", [("Аккумулятор", "54 Вт·ч, 3 ячейки"), ("Оперативная память", "16 ГБ DDR4")]),
        product("TB-1", "Планшет", [("Аккумулятор", "7000 мА·ч")]),
        product("SFP-1", "Модуль SFP+", [("Дальность", "10 км"), ("Длина волны", "1310 нм")]),
    )
}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, name: str, least: str | None, unit: str, most: str | None = None) -> str:
    ch = Characteristic(name=name, kind="range", min=least, max=most, unit=unit)
    (req,) = item_requirements(Item(index=1, name="Оборудование", characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def test_capacity_in_energy_units():
    assert decide("NB-1", "Емкость аккумулятора", "50", "Вт·ч") == "yes"
    assert decide("NB-1", "Емкость аккумулятора", "60", "Вт·ч") == "no"
    assert decide("TB-1", "Емкость аккумулятора", "6000", "мА·ч") == "yes"


def test_a_charge_is_no_energy():
    assert decide("TB-1", "Емкость аккумулятора", "50", "Вт·ч") != "yes"


def test_reach_is_its_maximum():
    assert decide("SFP-1", "Максимальная дальность передачи", "10", "км") == "yes"
    assert decide("SFP-1", "Максимальная дальность передачи", "40", "км") == "no"


def test_minimum_reach_and_maximum_memory_stay_apart():
    assert decide("SFP-1", "Минимальная дальность передачи", "2", "км") != "yes"
    assert decide("NB-1", "Максимальный объем оперативной памяти", "16", "ГБ") != "yes"
