"""A qualifier the requirement's name adds to its spec's name must be stated by the card, or the spec's value
proves nothing (issue 15: a "yes" needs strong evidence). Hand-made cards; each test failed before the guard."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.requirements import from_characteristic
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Product
from tests.matching.conftest import product

LAPTOP = product("NB-1", "Ноутбук 14\"", [("Частота процессора", 4.6, "ГГц"), ("Оперативная память", 16, "ГБ")])
PRINTER = product("PR-1", "Принтер лазерный A4", [("Скорость печати", 40, "стр/мин"), ("Формат", "A4")])
COLOUR = product("PR-2", "Принтер A4", [("Скорость печати", 24, "стр/мин"), ("Цветность", "цветная")])
UPS = product("UPS-1", "ИБП 1500 ВА", [("Розетки", "IEC C13 × 4"), ("Полная мощность", 1500, "ВА")])
SERVER = product(
    "SRV-1", "Сервер 1U",
    [("Оперативная память", 64, "ГБ"), ("Максимальный объем оперативной памяти", 1024, "ГБ"),
     ("Блоки питания", "2 × 800 Вт")],
)  # fmt: skip
ONLY_MAX = product("SRV-2", "Сервер 2U", [("Максимальный объем оперативной памяти", 1024, "ГБ")])
BIG_PSU = product("SRV-3", "Сервер 2U", [("Блоки питания", "2 × 1200 Вт")])
ALL = [LAPTOP, PRINTER, COLOUR, UPS, SERVER, ONLY_MAX, BIG_PSU]
CARDS = {p.sku: product_card(p) for p in ALL}
VOCAB = SpecVocabulary(CARDS.values())


def decide(card: Product, name: str, unit: str | None = None, **bounds: str) -> str:
    kind = "range" if bounds.keys() & {"min", "max"} else "values"
    ch = Characteristic(name=name, kind=kind, unit=unit, **bounds)
    (req,) = from_characteristic(ch)
    return check(req, CARDS[card.sku], VOCAB).status


def test_a_base_frequency_is_not_the_cards_unqualified_frequency():
    assert decide(LAPTOP, "Частота процессора базовая", "ГГц", min="2", min_inclusive=True) == "unknown"
    assert decide(LAPTOP, "Частота процессора", "ГГц", min="2", min_inclusive=True) == "yes"


def test_a_colour_speed_needs_a_card_stating_colour():
    assert decide(PRINTER, "Скорость цветной печати", "стр/мин", min="20", min_inclusive=True) == "unknown"
    # The card states colour, but its only spec in стр/мин is found by the unit alone: it disproves, never proves.
    assert decide(COLOUR, "Скорость цветной печати", "стр/мин", min="20", min_inclusive=True) == "unknown"
    assert decide(COLOUR, "Скорость цветной печати", "стр/мин", min="30", min_inclusive=True) == "no"


def test_outlets_on_battery_are_not_all_outlets():
    assert decide(UPS, "Количество розеток с батарейной поддержкой", "шт", min="4", min_inclusive=True) == "unknown"
    assert decide(UPS, "Количество выходных розеток", "шт", min="4", min_inclusive=True) == "yes"


def test_a_maximum_is_proven_by_the_stated_value_one_way_only():
    # The maximum memory is at least the installed 16 ГБ: ≥ 8 is proven, ≥ 64 is not disproved.
    assert decide(LAPTOP, "Максимальный объем оперативной памяти", "ГБ", min="8", min_inclusive=True) == "yes"
    assert decide(LAPTOP, "Максимальный объем оперативной памяти", "ГБ", min="64", min_inclusive=True) == "unknown"
    assert decide(LAPTOP, "Максимальная частота процессора", "ГГц", max="4", max_inclusive=True) == "no"
    assert decide(PRINTER, "Максимальный формат", values=["A4"]) == "yes"


def test_a_spec_adding_a_maximum_is_not_the_installed_value():
    assert decide(SERVER, "Объем установленной оперативной памяти", "ГБ", min="128", min_inclusive=True) == "no"
    assert decide(ONLY_MAX, "Объем оперативной памяти", "ГБ", min="128", min_inclusive=True) == "unknown"


def test_each_of_counted_power_supplies_has_the_stated_power():
    # "Мощность блока питания" contains "Блоки питания" and one more noun: disproves, never proves.
    assert decide(BIG_PSU, "Мощность блока питания", "Вт", min="1000", min_inclusive=True) == "unknown"
    assert decide(SERVER, "Мощность блока питания", "Вт", min="1000", min_inclusive=True) == "no"


MANUAL_DUPLEX = product("PR-3", "Принтер A4", [("Двусторонняя печать", "ручная")])
DUPLEX_CARDS = [product_card(MANUAL_DUPLEX), product_card(UPS)]
DUPLEX_VOCAB = SpecVocabulary(DUPLEX_CARDS)


def test_a_manual_duplex_does_not_prove_an_automatic_one():
    ch = Characteristic(name="Наличие автоматической двусторонней печати", kind="values", values=["Да"])
    (req,) = from_characteristic(ch)
    assert check(req, DUPLEX_CARDS[0], DUPLEX_VOCAB).status == "unknown"


def test_a_latin_kind_of_the_counted_thing_must_be_stated():
    ch = Characteristic(name="Количество розеток Schuko", kind="range", min="2", min_inclusive=True, unit="шт")
    (req,) = from_characteristic(ch)
    assert check(req, DUPLEX_CARDS[1], DUPLEX_VOCAB).status == "unknown"
