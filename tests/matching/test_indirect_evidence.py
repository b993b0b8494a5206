"""Indirect evidence disproves a requirement, never proves it (issue 15: a false "yes" costs a bid). One test
per inference of the re-applied pass that could prove a "yes" on weak evidence; each asserted "yes" before the
restriction. Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import name_requirements
from matching.requirements import from_characteristic
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic
from tests.matching.conftest import product

PRINTER = product("PR-9", "Принтер A4", [("Скорость печати", 40, "стр/мин"), ("Цветность", "цветная")])
SERVER = product(
    "SRV-9", "Сервер",
    [("Сетевые порты", "2 × 1 Гбит/с"), ("Блоки питания", "2 × 1200 Вт"), ("Форм-фактор", 2, "U")],
)  # fmt: skip
SWITCH = product("SW-9", "Коммутатор", [("Уровень", "L3")])
LAPTOP = product("NB-9", "Ноутбук", [("Накопитель SSD", 512, "ГБ")])
AP = product("AP-9", "Точка доступа", [("Стандарт Wi-Fi", "802.11ac"), ("Порты USB", "2 × USB 3.0, 4 × USB 2.0")])
UPS = product("UPS-9", "ИБП", [("Топология", "online"), ("Управление", "неуправляемый")])
CABLE = product("PC-9", "Патч-корд", [("Экранирование", "U/UTP")])
MFP = product("MFP-9", "МФУ A4", [("Дуплекс сканирования", "да"), ("Формат", "A4")])
CARDS = {p.sku: product_card(p) for p in (PRINTER, SERVER, SWITCH, LAPTOP, AP, UPS, CABLE, MFP)}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, name: str, unit: str | None = None, values: list[str] | None = None, **bounds: str) -> str:
    kind = "range" if bounds.keys() & {"min", "max"} else "values"
    ch = Characteristic(name=name, kind=kind, unit=unit, values=values or [], **bounds)
    (req,) = from_characteristic(ch)
    return check(req, CARDS[sku], VOCAB).status


def test_the_only_spec_in_the_unit_disproves_a_named_characteristic_but_never_proves_it():
    # "Скорость цветной печати" finds "Скорость печати" by its unit alone: it may be the monochrome speed.
    assert decide("PR-9", "Скорость цветной печати", "стр/мин", min="20", min_inclusive=True) == "unknown"
    assert decide("PR-9", "Скорость цветной печати", "стр/мин", min="50", min_inclusive=True) == "no"


def test_the_only_spec_in_the_unit_proves_an_exact_size_of_the_line_name_not_a_lower_bound():
    # "Ноутбук 16 ГБ" against a card stating only its SSD: 512 ГБ is in the unit, but it is not the memory.
    (at_least,) = name_requirements("Ноутбук 16 ГБ")
    assert check(at_least, CARDS["NB-9"], VOCAB).status == "unknown"
    (exact,) = name_requirements("Сервер 2U")
    assert check(exact, CARDS["SRV-9"], VOCAB).status == "yes"
    # The grammar's own wording ("уровень коммутации") contains "Уровень": the card states the very value.
    (level,) = name_requirements("Коммутатор L3")
    assert check(level, CARDS["SW-9"], VOCAB).status == "yes"


def test_a_count_read_from_a_value_proves_only_the_kind_it_counts():
    # "2 × 1200 Вт" counts 1200 Вт supplies: two 1600 Вт supplies are not proven by it.
    assert decide("SRV-9", "Количество блоков питания 1600 Вт", min="2", min_inclusive=True) == "unknown"
    assert decide("SRV-9", "Количество портов 10 Гбит/с", min="2", min_inclusive=True) == "unknown"
    assert decide("SRV-9", "Количество блоков питания", min="2", min_inclusive=True) == "yes"
    assert decide("SRV-9", "Количество блоков питания", min="3", min_inclusive=True) == "no"


def test_a_contained_spec_name_with_one_more_noun_disproves_but_never_proves():
    # "Мощность блока питания" holds "Блоки питания" and "мощность": only the contained-name rule aligns them.
    assert decide("SRV-9", "Мощность блока питания", "Вт", min="1000", min_inclusive=True) == "unknown"
    assert decide("SRV-9", "Мощность блока питания", "Вт", min="1500", min_inclusive=True) == "no"


def test_an_indirect_paraphrase_disproves_but_never_proves():
    # "Стандарт беспроводной связи" is taken for "Стандарт Wi-Fi", but Bluetooth and LTE have standards too.
    assert decide("AP-9", "Стандарт беспроводной связи", values=["802.11ac"]) == "unknown"
    assert decide("AP-9", "Стандарт беспроводной связи Wi-Fi", values=["802.11ac"]) == "yes"
    assert decide("AP-9", "Стандарт беспроводной связи", values=["802.11ax"]) == "no"


def test_a_paraphrased_value_class_tells_values_apart_but_never_proves_them_the_same():
    assert decide("UPS-9", "Топология", values=["с двойным преобразованием"]) == "unknown"
    assert decide("UPS-9", "Топология", values=["on-line"]) == "yes"
    assert decide("UPS-9", "Топология", values=["линейно-интерактивная"]) == "no"
    assert decide("PC-9", "Экранирование", values=["неэкранированная витая пара"]) == "unknown"
    assert decide("PC-9", "Экранирование", values=["F/UTP"]) == "no"


def test_a_feature_named_by_a_class_is_disproved_by_the_class_and_never_proved_by_it():
    # "Управление: неуправляемый" states the class; a feature written as another class's variant is
    # disproved, the same class read from a synonym is not proven.
    assert decide("UPS-9", "Управляемый", values=["Да"]) == "no"
    assert decide("UPS-9", "Unmanaged", values=["Да"]) == "unknown"


def test_numbers_of_a_counting_value_are_not_a_list_of_values():
    # "2 × USB 3.0, 4 × USB 2.0": 2 and 4 are counts of two kinds, not the values 2 and 4 of one list.
    assert decide("AP-9", "Порты USB", values=["2", "4"]) == "unknown"


def test_duplex_scanning_does_not_prove_two_sided_printing():
    assert decide("MFP-9", "Двусторонняя печать", values=["Да"]) == "unknown"
