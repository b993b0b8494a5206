"""A value whose leading number is a count ("Сетевой интерфейс: 1 × RJ-45, 2,5 Гбит/с") is read in the asked
dimension (the rate 2,5 Гбит/с), not as 1 Мбит/с: a 2,5 Гбит/с desktop failed «не менее 1000 Мбит/с» on dev."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

REST = [("Процессор", "Intel Core i7-13700"), ("Оперативная память", 32, "ГБ"), ("Накопитель SSD", 1, "ТБ"),
        ("Скорость вращения вентилятора", 1200, "об/мин"), ("Мощность блока питания", 500, "Вт")]
PC = product("PC", "Компьютер", [("Сетевой интерфейс", "1 × RJ-45, 2,5 Гбит/с"), *REST])
TWO = product("PC2", "Компьютер", [("Сетевой интерфейс", "1 × RJ-45 1 Гбит/с, 1 × SFP+ 10 Гбит/с"), *REST])
SHELF = Shelf(PC, TWO, *(product(f"P{i}", "Компьютер", REST) for i in range(6)))


def speed(at_least: float):
    (req,) = from_characteristic(Characteristic(name="Скорость сетевого интерфейса", kind="range", min=at_least,
                                                unit="Мбит/с"))  # fmt: skip
    return req


def test_the_rate_a_list_states_is_compared_in_its_unit():
    assert SHELF.decide(speed(1000), PC) == "yes"
    assert SHELF.decide(speed(5000), PC) == "no"


def test_two_rates_in_one_value_leave_it_to_the_specialist():
    assert SHELF.decide(speed(5000), TWO) == "unknown"
