"""A requirement naming the only mode a card's product works in («Скорость черно-белой печати» on a monochrome
MFU) is the card's plain spec («Скорость печати»; issue 15: left "unknown" at a name similarity of 0.56). A colour
device prints black and white too, so its plain speed proves neither mode; a card stating no colour proves
nothing. Hand-made cards."""

from __future__ import annotations

from matching.classmodes import without_own_mode
from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

MONO = product("MFP-M", "МФУ лазерное A4", [("Цветность", "черно-белая"), ("Скорость печати", 33, "стр/мин")])
COLOUR = product("MFP-C", "МФУ струйное A4", [("Цветность", "цветная"), ("Скорость печати", 20, "стр/мин")])
SILENT = product("PR-S", "Принтер лазерный A4", [("Скорость печати", 40, "стр/мин"), ("Формат", "A4")])
FILLER = [product(f"SW-{n}", "Коммутатор", [("Порты RJ-45", n, "шт"), ("Уровень", "L2"), ("Высота", 1, "U")])
          for n in range(8, 40, 4)]  # fmt: skip
SHELF = Shelf(MONO, COLOUR, SILENT, *FILLER)


def speed(name: str, least: str):
    (req,) = from_characteristic(Characteristic(name=name, kind="range", min=least, unit="стр/мин"))
    return req


def test_a_monochrome_devices_speed_is_its_black_and_white_speed():
    assert SHELF.decide(speed("Скорость черно-белой печати", "30"), MONO) == "yes"
    assert SHELF.decide(speed("Скорость черно-белой печати", "40"), MONO) == "no"


def test_a_colour_device_or_a_silent_card_proves_no_mode():
    assert without_own_mode(speed("Скорость черно-белой печати", "10"), SHELF.cards["MFP-C"]) is None
    assert SHELF.decide(speed("Скорость черно-белой печати", "10"), SILENT) == "unknown"
    # «цветной» allows several modes: never read as the plain speed.
    assert without_own_mode(speed("Скорость цветной печати", "10"), SHELF.cards["MFP-C"]) is None


NAMED_MONO = product("MFP-N", "МФУ лазерное монохромное A3", [
    ("Основные характеристики", "МФУ лазерное монохромное, формат A3, сенсорный цветной ЖК-дисплей 7\""),
    ("Сканирование", "цветное сканирование в сетевую папку"),
])  # fmt: skip


def at_most(name: str, seconds: str):
    (req,) = from_characteristic(Characteristic(name=name, kind="range", max=seconds, unit="с"))
    return req


def test_a_single_mode_rival_contradicts_any_bound_on_another_mode():
    # dev3 110/1: a monochrome MFU (so named; its display and scanning are colour) has no first colour print.
    assert Shelf(NAMED_MONO).decide(at_most("Время выхода первого цветного отпечатка", "12"), NAMED_MONO) == "no"
    assert SHELF.decide(at_most("Время выхода первого цветного отпечатка", "12"), MONO) == "no"
    # Traps: a colour device prints black and white too, under any bound.
    assert SHELF.decide(at_most("Время выхода первого черно-белого отпечатка", "12"), COLOUR) == "unknown"
    assert SHELF.decide(speed("Скорость черно-белой печати", "15"), COLOUR) != "no"


NAMED_COLOUR = product("MFP-K", "МФУ цветное лазерное A4", [
    ("Тип", "цветное лазерное МФУ"), ("Первый цветной отпечаток", "10,5 с"),
])  # fmt: skip


def printing(*values: str, name: str = "Цветность печати"):
    (req,) = from_characteristic(Characteristic(name=name, kind="values", values=list(values)))
    return req


def test_the_products_class_asked_as_a_value_against_a_rival_one():
    # dev3 107/1: «Цветность печати: Черно-белая» on a colour MFU, whose wrong «no» by the speed's mode is gone.
    shelf = Shelf(NAMED_COLOUR, NAMED_MONO)
    assert shelf.decide(printing("Черно-белая"), NAMED_COLOUR) == "no"
    # The name as an MFU line leaves it (its own words dropped).
    assert shelf.decide(printing("Черно-белая", name="Цветность"), NAMED_COLOUR) == "no"
    # Traps: a name without the family's word («Тип экрана»); a card also stating the asked class (colour scanning).
    assert shelf.decide(printing("Черно-белый", name="Тип экрана"), NAMED_COLOUR) != "no"
    assert shelf.decide(printing("Цветная"), NAMED_MONO) != "no"


COLOUR_SPEEDS = product("MFP-S", "МФУ лазерное A4", [
    ("Скорость черно-белой печати", 30, "стр/мин"), ("Скорость цветной печати", 30, "стр/мин")])
COLOUR_STATED = product("MFP-T", "МФУ лазерное A4", [
    ("Тип печати", "цветная лазерная"), ("Скорость черно-белой печати", 30, "стр/мин")])
MONO_AFFIRMED = product("MFP-A", "МФУ лазерное A4", [("Монохромная печать", "да"), ("Скорость печати", 30, "стр/мин")])
MODES = Shelf(COLOUR_SPEEDS, COLOUR_STATED, MONO_AFFIRMED, MONO, *FILLER)


def colour(name: str, value: str):
    (req,) = from_characteristic(Characteristic(name=name, kind="values", values=[value]))
    return req


def test_a_mode_a_speed_is_measured_in_states_no_class():
    # A colour device states its black-and-white speed: that is no «Цветность: Черно-белая» (a false «yes» of the
    # card-wide fallback, which read the mode word in the spec's name as the product's class).
    assert MODES.decide(colour("Цветность", "Черно-белая"), COLOUR_SPEEDS) == "unknown"
    assert MODES.decide(colour("Цветность", "Черно-белая"), COLOUR_STATED) != "yes"  # «no» would be right too
    assert MODES.decide(colour("Цветность", "Черно-белая"), MONO_AFFIRMED) == "yes"  # the spec affirms the class
    assert MODES.decide(colour("Цветность", "Черно-белая"), MONO) == "yes"
