"""A display's matrix technology asked as «Технология изготовления матрицы дисплея» is written by laptop and monitor
cards inside their combined screen spec («Экран: 15,6" IPS, 1920×1080, 144 Гц», «Дисплей: 14", IPS, 1920×1200»):
the card's only spec naming a matrix class decides it (`value_classes.json` `align_by_value` family `matrix`;
dev4: three laptops and a monitor were «характеристика не найдена»)."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

IPS = product("NB-I", "Ноутбук 15,6", [("Экран", '15,6" IPS, 1920×1080, 144 Гц'), ("Память", "16 ГБ DDR5")])
TN = product("NB-T", "Ноутбук 15,6", [("Дисплей", '15,6", TN, 1366×768, матовый'), ("Память", "8 ГБ")])
SENSOR = product("NB-S", "Ноутбук 14", [("Экран", '14", 1920×1080'), ("Веб-камера", "1 Мп, матрица CMOS")])
TWO = product("MN-2", "Монитор 24", [("Экран", '23,8" IPS, 1920×1080'), ("Покрытие", "VA-панель, антибликовое")])
SHELF = Shelf(IPS, TN, SENSOR, TWO)
ASKED = "IPS (PLS, ADS, AAS, FFS, SFT, New Mode2, Vistarich)"


def asked(value: str):
    (req,) = from_characteristic(
        Characteristic(name="Технология изготовления матрицы дисплея", kind="values", values=[value])
    )
    return req


def test_the_matrix_is_read_in_the_screen_spec():
    assert SHELF.decide(asked(ASKED), IPS) == "yes"
    assert SHELF.decide(asked("IPS (или эквивалент)"), IPS) == "yes"


def test_another_matrix_is_no():
    assert SHELF.decide(asked(ASKED), TN) == "no"


def test_a_webcam_sensor_or_two_matrices_decide_nothing():
    # trap: «матрица» of the webcam is no display matrix, and of two specs naming different matrices none is read
    assert SHELF.decide(asked(ASKED), SENSOR) == "unknown"
    assert SHELF.decide(asked(ASKED), TWO) == "unknown"
