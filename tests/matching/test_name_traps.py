"""Requirements written in line names that a product must not pass unchecked (issue 15, point 1). Each test
failed before its fix."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check, overall
from matching.namegrammar import name_requirements
from matching.requirements import from_characteristic
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic
from tests.matching.conftest import product

LAPTOP_8 = product(
    "NB-8", "Ноутбук 15,6\"", [("Диагональ экрана", 15.6, "дюйм"), ("Оперативная память", 8, "ГБ"), ("SSD", 256, "ГБ")]
)
SWITCH_8 = product(
    "SW-8", "Коммутатор управляемый",
    [("Порты 1 Гбит/с RJ-45", 24, "шт"), ("Количество портов PoE+", 8, "шт"), ("Управление", "управляемый")],
)  # fmt: skip
SWITCH_2SFP = product(
    "SW-2S", "Коммутатор управляемый", [("Порты 1 Гбит/с RJ-45", 24, "шт"), ("Порты SFP", 2, "шт")]
)
ALL = [LAPTOP_8, SWITCH_8, SWITCH_2SFP]
CARDS = {p.sku: product_card(p) for p in ALL}
VOCAB = SpecVocabulary(CARDS.values())


def verdict(name: str, sku: str) -> str:
    return overall([check(r, CARDS[sku], VOCAB) for r in name_requirements(name)])


def test_a_size_written_after_a_range_is_a_requirement_too():
    reqs = name_requirements("Ноутбук 15,6–17,3\", 16 ГБ ОЗУ")
    assert [r.dimension for r in reqs if r.kind == "range"] == ["length", "bytes"]
    # The size names what it measures: the 256 ГБ SSD does not meet "16 ГБ ОЗУ".
    assert verdict("Ноутбук 15,6–17,3\", 16 ГБ ОЗУ", "NB-8") != "yes"


def test_a_card_counting_its_powered_ports_must_count_enough():
    assert verdict("Коммутатор 24 порта 1G PoE+, управляемый", "SW-8") == "no"


def test_ports_counted_by_their_type_alone():
    assert verdict("Коммутатор 24 порта, 4 SFP", "SW-2S") == "no"


def test_the_only_spec_in_the_unit_proves_an_exact_size_of_the_line_name_not_a_lower_bound():
    ssd_only = product_card(product("NB-9", "Ноутбук", [("Накопитель SSD", 512, "ГБ")]))
    server = product_card(product("SRV-9", "Сервер", [("Форм-фактор", 2, "U"), ("Вес", 20, "кг")]))
    vocab = SpecVocabulary([ssd_only, server])
    # "Ноутбук 16 ГБ" against a card stating only its SSD: 512 ГБ is in the unit, but it is not the memory.
    (at_least,) = name_requirements("Ноутбук 16 ГБ")
    assert check(at_least, ssd_only, vocab).status == "unknown"
    (exact,) = name_requirements("Сервер 2U")
    assert check(exact, server, vocab).status == "yes"


CABLE_6 = product_card(product("K-6", "Кабель витая пара", [("Категория", "6"), ("Длина", 305, "м")]))
CABLE_VOCAB = SpecVocabulary([CABLE_6])


def test_a_category_with_a_cyrillic_letter_is_not_amperes():
    (req,) = from_characteristic(Characteristic(name="Категория", kind="values", values=["6а"]))
    assert check(req, CABLE_6, CABLE_VOCAB).status != "yes"  # 6A asked, 6 offered


def test_a_cable_category_in_the_name_is_a_requirement():
    reqs = name_requirements("Кабель витая пара Cat.6а 305 м")
    assert overall([check(r, CABLE_6, CABLE_VOCAB) for r in reqs]) != "yes"


def test_a_size_of_data_names_what_follows_it_without_a_range_too():
    # Dev 106/1: «Ноутбук 14", 16 ГБ ОЗУ» read «16 ГБ» as a bare capacity (the memory or the SSD: undecided).
    def laptop(sku: str, memory: int, ssd: int):
        specs = [("Диагональ экрана", 14, "дюйм"), ("Оперативная память", memory, "ГБ"), ("SSD", ssd, "ГБ")]
        return product_card(product(sku, "Ноутбук 14\"", specs))

    laptop_16, small = laptop("NB-16", 16, 512), laptop("NB-4", 4, 16)
    vocab = SpecVocabulary([laptop_16, small])
    reqs = name_requirements("Ноутбук 14\", 16 ГБ ОЗУ")
    assert overall([check(r, laptop_16, vocab) for r in reqs]) == "yes"
    # Trap: a 16 ГБ SSD is not 16 ГБ of memory.
    assert overall([check(r, small, vocab) for r in reqs]) == "no"
