"""Closed world: a card that clearly contradicts a requirement makes it "no", not "unknown" (issue 15: an
"unknown" where the catalogue decides is wrong too). Each rule only disproves: the same card never proves a
requirement it does not state. Hand-made cards; each "no" below was "unknown" before the rule."""

from __future__ import annotations

from matching.compliance import check
from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

MANAGED = product("SW-M", "Коммутатор L2 24 порта", [("Порты RJ-45", 24, "шт"), ("Управление", "управляемый")])
UNMANAGED = product("SW-U", "Коммутатор 8 портов", [("Порты RJ-45", 8, "шт"), ("Управление", "неуправляемый")])
MONO = product("PR-M", "Принтер A4", [("Скорость печати", 30, "стр/мин"), ("Цветность", "черно-белая")])
MONO_SCREEN = product(
    "PR-S", "Принтер A4", [("Цветность", "черно-белая"), ("Цветной сенсорный дисплей", "да")]
)
ONLINE = product("UPS-O", "ИБП 3000 ВА", [("Топология", "с двойным преобразованием"), ("Мощность", 3000, "ВА")])
INDOOR = product("AP-I", "Точка доступа Wi-Fi 6", [("Степень защиты", "IP20"), ("Монтаж", "на мачту / стену")])
OUTDOOR = product("AP-O", "Точка доступа Wi-Fi 5", [("Степень защиты", "IP65")])
NO_OS = product("NB-N", "Ноутбук 15,6\"", [("Операционная система", "нет"), ("Экран", "нет")])
CORD_5E = product("PC-5", "Патч-корд 1 м", [("Категория", "5e"), ("Длина", 1, "м")])
CORD_6A = product("PC-6", "Патч-корд 1 м", [("Категория", "6a"), ("Длина", 1, "м")])
MONITOR = product("MN-1", "Монитор 24\"", [("Разрешение", "1920x1080"), ("Диагональ", 23.8, "дюйм")])
MFP = product("MFP-1", "МФУ A4", [("Разрешение печати", "600x600 dpi"), ("Формат", "A4")])
ALL = [MANAGED, UNMANAGED, MONO, MONO_SCREEN, ONLINE, INDOOR, OUTDOOR, NO_OS, CORD_5E, CORD_6A, MONITOR, MFP]
SHELF = Shelf(*ALL)
CARDS, VOCAB = SHELF.cards, SHELF.vocab
decide_name = SHELF.decide_name


def decide(card, name: str, *values: str, kind: str = "values", unit: str | None = None, **bounds: str) -> str:
    ch = Characteristic(name=name, kind=kind, unit=unit, values=list(values), **bounds)
    (req,) = from_characteristic(ch)
    return check(req, CARDS[card.sku], VOCAB).status


def test_an_unmanaged_switch_asked_is_contradicted_by_a_managed_card():
    assert decide_name(MANAGED, "Коммутатор неуправляемый 8 портов", "неуправляемый") == "no"
    assert decide_name(UNMANAGED, "Коммутатор неуправляемый 8 портов", "неуправляемый") == "yes"


def test_a_colour_speed_on_a_monochrome_card_is_no_but_a_colour_screen_is_not_printing():
    assert decide(MONO, "Скорость цветной печати", kind="range", unit="стр/мин", min="20") == "no"
    # "цветной" qualifies the screen, not the printing: the monochrome card does not contradict it.
    assert decide(MONO, "Наличие цветного сенсорного дисплея", "Да") == "unknown"


def test_ups_topologies_of_different_classes_exclude_each_other_and_paraphrases_prove_one():
    assert decide(ONLINE, "Топология", "линейно-интерактивная") == "no"
    # "онлайн" and "с двойным преобразованием" are one class: the development part's thirteenth batch asks
    # «On-Line (или эквивалент)» of double-conversion cards (the family only told values apart before).
    assert decide(ONLINE, "Топология", "онлайн") == "yes"


def test_a_ceiling_mount_is_contradicted_by_a_mast_or_wall_mount():
    assert decide(INDOOR, "Тип установки", "потолочная") == "no"


def test_a_lower_ingress_code_is_no_whatever_the_reading():
    assert decide(INDOOR, "Степень защиты оболочки", "не ниже IР54") == "no"
    assert decide(INDOOR, "Степень защиты оболочки", "IPХ4") == "no"


def test_a_card_saying_none_contradicts_a_named_value_but_not_an_absence_or_a_class():
    assert decide(NO_OS, "Операционная система", "Astra Linux (или эквивалент)") == "no"
    assert decide(NO_OS, "Операционная система", "отсутствует") != "no"
    # "Экран: нет" is an unshielded cable: U/UTP is a class of shielding, not something the card lacks.
    assert decide(NO_OS, "Тип экранирования", "U/UTP") != "no"


def test_a_graded_category_outside_the_range_is_no_inside_it_unknown():
    assert decide(CORD_5E, "Категория", "6") == "no"
    assert decide(CORD_6A, "Категория", "6") == "unknown"
    # 5e is above 5 (5 < 5e < 6): a minimum of 5 is met (matching/categories.py; this rule only disproved).
    assert decide(CORD_5E, "Категория", kind="range", min="5") == "yes"


def test_another_resolution_on_the_only_resolution_spec_is_no():
    assert decide(MONITOR, "Разрешение экрана", "3840x2160") == "no"
    assert decide(MONITOR, "*Разрешение экрана", kind="text", text="не менее 2560x1600") == "no"
    # A print resolution is not the scanner's: the qualifier the card lacks keeps it undecided.
    assert decide(MFP, "Оптическое разрешение сканирования", "1200x1200 dpi") == "unknown"
