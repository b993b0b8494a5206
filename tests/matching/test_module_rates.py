"""A transceiver's data rate («Скорость передачи данных: 10 Гбит/с») read from its standard or its name's speed when
the card states no rate («Стандарт: 10GBASE-SR», «Трансивер SFP+ 10G SR»), or from its one rate spec named in
fewer words («Скорость: 1,25 Гбит/с»); a nominal speed and its line rate are one rate (1000BASE-X: 1 and
1,25 Гбит/с). Digital diagnostics is one feature under its names (DDM, DOM, «Цифровая диагностика»). Issue 15: left
"unknown". Traps: a line rate is no other speed; two speeds decide nothing; a switch's port standard is no
module's rate; cable diagnostics is no DDM."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

SR = product(
    "SFP-SR", "Трансивер SFP+ 10G SR 850 нм MM 300 м",
    [("Стандарт", "10GBASE-SR"), ("Длина волны", "850 нм"), ("Цифровая диагностика (DOM)", "да")],
)  # fmt: skip
LX_STANDARD = product("SFP-LXS", "Модуль SFP", [("Стандарт", "1000BASE-LX"), ("Длина волны", 1310, "нм")])
LX_RATE = product("SFP-LXR", "Модуль SFP 1000BASE-LX, SM, 20 км, LC", [("Скорость", "1,25 Гбит/с"), ("DDM", "есть")])
DUAL = product("SFP-D", "Модуль SFP+ 1G/10G dual rate", [("Стандарт", "1000BASE-LX / 10GBASE-LR")])
SWITCH = product(
    "SW-10G", "Коммутатор управляемый 24 порта",
    [("Интерфейсы 10GBASE-R (SFP+)", 4, "шт"), ("Диагностика кабеля", "да")],
)  # fmt: skip
SHELF = Shelf(SR, LX_STANDARD, LX_RATE, DUAL, SWITCH)


def rate(*bounds: str):
    low, high = bounds if len(bounds) == 2 else (bounds[0], None)
    (found,) = from_characteristic(
        Characteristic(name="Скорость передачи данных", kind="range", min=low, max=high, unit="Гбит/с")
    )
    return found


def test_the_rate_of_the_standard_or_the_name():
    assert SHELF.decide(rate("10", "10"), SR) == "yes"
    assert SHELF.decide(rate("1"), LX_STANDARD) == "yes"
    assert SHELF.decide(rate("10", "10"), LX_STANDARD) == "no"
    assert SHELF.decide(rate("1.25", "1.25"), LX_STANDARD) == "yes"  # trap: the line rate of the same standard


def test_a_line_rate_is_the_nominal_speed():
    assert SHELF.decide(rate("1.25", "1.25"), LX_RATE) == "yes"
    assert SHELF.decide(rate("1", "1"), LX_RATE) == "yes"
    assert SHELF.decide(rate("10"), LX_RATE) == "no"


def test_two_speeds_or_no_module_decide_nothing():
    assert SHELF.decide(rate("10", "10"), DUAL) == "unknown"
    assert SHELF.decide(rate("1", "1"), DUAL) == "unknown"
    assert SHELF.decide(rate("10"), SWITCH) != "yes"  # trap: the switch's ports are no module's rate


def test_digital_diagnostics_under_its_names():
    (ddm,) = from_characteristic(Characteristic(name="Цифровая диагностика (DDM)", kind="values", values=["Да"]))
    assert SHELF.decide(ddm, LX_RATE) == "yes"  # «DDM: есть»
    assert SHELF.decide(ddm, SR) == "yes"  # «Цифровая диагностика (DOM): да»
    assert SHELF.decide(ddm, SWITCH) != "yes"  # trap: cable diagnostics
