"""Requirements written in line names that a product must not pass unchecked (issue 15, point 1): a size after a
range, a count of powered ports, a cable category (with look-alike letters). Each failed before its fix."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check, overall
from matching.namegrammar import name_requirements
from matching.requirements import from_characteristic
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic
from tests.matching.conftest import product

LAPTOP_8 = product("NB-8", "Ноутбук 15,6\"", [("Диагональ экрана", 15.6, "дюйм"), ("Оперативная память", 8, "ГБ")])
LAPTOP_16 = product("NB-16", "Ноутбук 15,6\"", [("Диагональ экрана", 15.6, "дюйм"), ("Оперативная память", 16, "ГБ")])
SWITCH_8 = product(
    "SW-8", "Коммутатор управляемый",
    [("Порты 1 Гбит/с RJ-45", 24, "шт"), ("Количество портов PoE+", 8, "шт"), ("Управление", "управляемый")],
)  # fmt: skip
SWITCH_24 = product(
    "SW-24", "Коммутатор управляемый",
    [("Порты 1 Гбит/с RJ-45", 24, "шт"), ("Количество портов PoE+", 24, "шт"), ("Управление", "управляемый")],
)  # fmt: skip
SWITCH_2SFP = product(
    "SW-2S", "Коммутатор управляемый", [("Порты 1 Гбит/с RJ-45", 24, "шт"), ("Порты SFP", 2, "шт")]
)
CABLE_5E = product("K-5E", "Кабель витая пара", [("Категория", "5e"), ("Длина", 305, "м")])
CABLE_6 = product("K-6", "Кабель витая пара", [("Категория", "6"), ("Длина", 305, "м")])
ALL = [LAPTOP_8, LAPTOP_16, SWITCH_8, SWITCH_24, SWITCH_2SFP, CABLE_5E, CABLE_6]
CARDS = {p.sku: product_card(p) for p in ALL}
VOCAB = SpecVocabulary(CARDS.values())


def verdict(name: str, sku: str) -> str:
    return overall([check(r, CARDS[sku], VOCAB) for r in name_requirements(name)])


def test_a_size_written_after_a_range_is_a_requirement_too():
    assert verdict("Ноутбук 15,6–17,3\", 16 ГБ ОЗУ", "NB-8") == "no"
    assert verdict("Ноутбук 15,6–17,3\", 16 ГБ ОЗУ", "NB-16") == "yes"


def test_a_card_counting_its_powered_ports_must_count_enough():
    assert verdict("Коммутатор 24 порта 1G PoE+, управляемый", "SW-8") == "no"
    assert verdict("Коммутатор 24 порта 1G PoE+, управляемый", "SW-24") == "yes"


def test_a_cable_category_in_the_name_is_checked_and_is_not_part_of_the_length():
    assert verdict("Кабель витая пара кат. 6 305 м", "K-5E") == "no"
    assert verdict("Кабель витая пара кат. 6 305 м", "K-6") == "yes"


def test_a_category_with_a_cyrillic_letter_is_not_amperes():
    (req,) = from_characteristic(Characteristic(name="Категория", kind="values", values=["6а"]))
    assert check(req, CARDS["K-6"], VOCAB).status != "yes"  # 6A asked, 6 offered


def test_ports_counted_by_their_type_alone():
    assert verdict("Коммутатор 24 порта, 4 SFP", "SW-2S") == "no"
