"""A cable's screening asked under a name no spec of the card has («Тип экранирования», «Конструкция кабеля», «U/UTP»
in the line's name) is decided on the card's only spec naming a screening class, whatever its name («Тип кабеля:
UTP», «Конструкция: F/UTP», «Экран: нет»; `value_classes.json` `align_by_value`)."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

UTP = product("CB-U", "Кабель UTP кат. 5e", [("Тип кабеля", "UTP"), ("Категория", "5e")])
FTP = product("CB-F", "Кабель F/UTP кат. 6", [("Конструкция", "F/UTP (общий экран из фольги)"), ("Категория", "6")])
CORD = product("PC-3", "Патч-корд кат. 6, 3 м", [("Категория", "6"), ("Экран", "нет")])
TWO = product("CB-2", "Кабель кат. 6", [("Тип кабеля", "UTP"), ("Исполнение экрана", "F/UTP"), ("Категория", "6")])
SHELF = Shelf(UTP, FTP, CORD, TWO)


def asked(name: str, value: str):
    (req,) = from_characteristic(Characteristic(name=name, kind="values", values=[value]))
    return req


def test_the_screening_spec_is_found_by_its_value():
    assert SHELF.decide(asked("Тип экранирования", "U/UTP"), UTP) == "yes"
    assert SHELF.decide(asked("Конструкция кабеля", "U/UTP (неэкранированный)"), CORD) == "yes"


def test_another_screening_is_no():
    assert SHELF.decide(asked("Тип экранирования", "U/UTP"), FTP) == "no"


def test_two_specs_naming_a_screening_decide_nothing():
    assert SHELF.decide(asked("Конструкция кабеля", "U/UTP"), TWO) == "unknown"
