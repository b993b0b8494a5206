"""A combined spec of a distributor's card («Матрица: 27" IPS, 1920 × 1080, 75 Гц, 4 мс (GtG)») holds several
quantities the KTRU asks by name («Частота обновления экрана», «Время отклика, мс»): when no spec is named like the
requirement, the card's only quantity in its very unit is read (dev3: «характеристика не найдена»). Traps: another
scale of the dimension (ГГц), a bound («до 4,6 ГГц»), a mode or part qualifier («базовая»), two quantities."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

PANEL = '27" IPS, 1920 × 1080 (Full HD), 16:9, 75 Гц, 4 мс (GtG), 250 кд/м², 1000:1'
MONITOR = product("MN-1", 'Монитор 27" IPS', [("Матрица", PANEL), ("Интерфейсы", "2 × HDMI 1.4"), ("Питание", "22 Вт")])
TWO = product("MN-2", "Монитор", [("Матрица", "IPS, 75 Гц, 5 мс"), ("Режимы", "60 Гц / 75 Гц")])
LAPTOP = product("NB-1", "Ноутбук", [("Платформа", "Intel Core i5-1335U до 4,6 ГГц"), ("Wi-Fi", "802.11ax")])
SHELF = Shelf(MONITOR, TWO, LAPTOP)


def decide(card, name: str, unit: str | None = None, **bounds) -> str:
    (req,) = from_characteristic(Characteristic(name=name, kind="range", unit=unit, **bounds))
    return SHELF.decide(req, card)


def test_the_only_quantity_in_the_unit_is_read():
    assert decide(MONITOR, "Частота обновления экрана", "Гц", min="75", min_inclusive=True) == "yes"
    assert decide(MONITOR, "Частота обновления экрана", "Гц", min="144", min_inclusive=True) == "no"
    assert decide(MONITOR, "Время отклика, мс", max="6", max_inclusive=False) == "yes"
    assert decide(MONITOR, "Время отклика, мс", max="1", max_inclusive=True) == "no"


def test_no_quantity_is_read_when_it_could_be_another():
    assert decide(MONITOR, "Частота процессора", "ГГц", min="2", min_inclusive=True) == "unknown"  # another scale
    assert decide(TWO, "Частота обновления экрана", "Гц", min="75", min_inclusive=True) == "unknown"  # three in Гц
    assert decide(LAPTOP, "Частота процессора базовая", "ГГц", min="2", min_inclusive=True) == "unknown"  # a bound
    assert decide(LAPTOP, "Тактовая частота", "ГГц", min="2", min_inclusive=True) == "unknown"  # «до 4,6 ГГц»


SPEAKERS = product("MN-3", 'Монитор 24"', [("Диагональ", 24, "дюйм"), ("Встроенные динамики", "есть, 2 × 2 Вт")])
MONO = product("MF-1", "МФУ A3", [("Печать", "32 стр/мин (A4), 600 × 600 dpi, выход первой страницы 6,4 с, 55 дБ")])
SHELF2 = Shelf(SPEAKERS, MONO)


def test_only_a_combined_spec_and_an_unnamed_clause_are_read():
    (power,) = from_characteristic(Characteristic(name="Потребляемая мощность", kind="range", unit="Вт", max="18"))
    assert SHELF2.decide(power, SPEAKERS) == "unknown"  # the speakers' power, in a spec of one measure
    (first,) = from_characteristic(
        Characteristic(name="Время выхода первого цветного отпечатка", kind="range", unit="с", max="12")
    )
    assert SHELF2.decide(first, MONO) == "unknown"  # a clause naming its own thing (a mono page)


SCREEN = product("MN-4", 'Монитор 21,5"', [("Экран", '21,5" IPS, 1920×1080, 75 Гц, 5 мс'), ("Разъёмы", "HDMI, VGA")])
SCREEN2 = product("NB-4", "Ноутбук", [("Экран", '15,6" IPS, 1920×1080, 60/144 Гц'), ("Вес", "1,8 кг")])
TABLET = product("TB-1", "Планшет", [("Аккумулятор", "10 200 мА·ч (39 Вт·ч), быстрая зарядка 45 Вт")])
SHELF3 = Shelf(SCREEN, SCREEN2, TABLET)


def test_the_spec_may_name_the_thing_of_the_requirement():
    """dev4: «Частота обновления экрана ≥ 60 Гц» on a monitor's «Экран: …, 75 Гц, …» was not found."""
    (rate,) = from_characteristic(Characteristic(name="Частота обновления экрана", kind="range", unit="Гц", min="60"))
    assert SHELF3.decide(rate, SCREEN) == "yes"
    assert SHELF3.decide(rate, SCREEN2) == "unknown"  # trap: two rates in the spec, none is read
    (energy,) = from_characteristic(Characteristic(name="Емкость аккумулятора", kind="range", unit="Вт·ч", min="45"))
    assert SHELF3.decide(energy, TABLET) == "no"  # trap: 45 is the charging power in Вт, the energy is 39 Вт·ч
