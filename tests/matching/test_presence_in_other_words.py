"""A presence said by the card in other word forms, in one place (matching/presencewords.py), and «802.3af/at» read
as both PoE standards. Each with a trap that must stay undecided. Hand-made cards."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

DUAL = product("AP-1", "Точка доступа Wi-Fi 6", [("Диапазоны частот", "2,4 ГГц и 5 ГГц (одновременно)"),
                                                 ("Питание", "PoE-in 802.3af/at, разъём DC")])  # fmt: skip
APART = product(
    "AP-2", "Точка доступа Wi-Fi 5",
    [("Диапазоны частот", "2,4 ГГц и 5 ГГц"), ("Режим", "одновременно один клиент"), ("Питание", "PoE 802.3af")],
)  # fmt: skip
PIVOT = product("MN-1", 'Монитор 27"', [("Эргономика", "наклон, поворот, разворот в портретный режим")])
BARE = product("MN-2", 'Монитор 24"', [("Режимы", "портретный режим, игровой режим"), ("Подставка", "наклон")])
SHELF = Shelf(DUAL, APART, PIVOT, BARE)


def has(name: str):
    (req,) = from_characteristic(Characteristic(name=name, kind="values", values=["Да"]))
    return req


BOTH = has("Одновременная работа в диапазонах 2,4 ГГц и 5 ГГц")
PORTRAIT = has("Возможность поворота экрана по вертикали (портретный режим)")


def test_a_presence_in_other_word_forms_in_one_place():
    assert SHELF.decide(BOTH, DUAL) == "yes"


def test_its_words_in_different_places_prove_nothing():
    assert SHELF.decide(BOTH, APART) == "unknown"  # «одновременно» said of another thing


def test_a_plain_bracket_names_the_feature_where_a_word_of_the_name_is_said_too():
    assert SHELF.decide(PORTRAIT, PIVOT) == "yes"
    assert SHELF.decide(PORTRAIT, BARE) == "unknown"  # no word of «поворот экрана по вертикали» with it


def test_a_slash_list_of_poe_standards_names_both():
    assert SHELF.decide(has("Питание по PoE (IEEE 802.3at)"), DUAL) == "yes"
    assert SHELF.decide(has("Питание по PoE (IEEE 802.3at)"), APART) != "yes"


FEEDER = product("MFP-1", "МФУ A4", [("Автоподатчик", "однопроходный двусторонний (DSDF), 100 листов"),
                                     ("Тип печати", "лазерная монохромная")])  # fmt: skip
NO_FEEDER = product("MFP-2", "МФУ A4", [("Автоподатчик", "нет"), ("Подача бумаги", "автоматическая, 250 листов")])
INKJET = product("MFP-3", "МФУ A4", [("Тип", "струйный, цветной")])
FEEDERS = Shelf(FEEDER, NO_FEEDER, INKJET)
ADF = has("Наличие устройства автоподачи сканера")


def test_the_part_a_feature_is_always_of_need_not_be_named():
    assert FEEDERS.decide(ADF, FEEDER) == "yes"
    assert FEEDERS.decide(ADF, NO_FEEDER) != "yes"  # «нет» is no place that says it


def test_a_print_technology_is_read_by_its_class_under_any_spec_name():
    (technology,) = from_characteristic(Characteristic(name="Технология печати", kind="values",
                                                       values=["Электрографическая"]))  # fmt: skip
    assert FEEDERS.decide(technology, FEEDER) == "yes"
    assert FEEDERS.decide(technology, INKJET) == "no"
