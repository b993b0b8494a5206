"""Ports a value counts by their speed ("Сетевые порты: 2 × 1 Гбит/с") are kinds: a count of ports at one speed
(«Количество сетевых портов 1 Гбит/с») counts the ports of that speed only (issue 15: left "unknown"; a NAS
with 1 Гбит/с ports only has no 10 Гбит/с one). Hand-made cards."""

from __future__ import annotations

from matching.cards import counted_kinds
from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

NAS = product("NAS-2", "Сетевое хранилище", [("Сетевые порты", "2 × 1 Гбит/с"), ("Количество отсеков", 4, "шт")])
MIXED = product(
    "NAS-M", "Сетевое хранилище", [("Сетевые порты", "4 × 1 Гбит/с, 2 × 10 Гбит/с"), ("Количество отсеков", 8, "шт")]
)  # fmt: skip
PSU = product("SRV-1", "Сервер", [("Блоки питания", "2 × 1200 Вт"), ("Количество процессоров", 2, "шт")])
SHELF = Shelf(NAS, MIXED, PSU)


def count(name: str, least: str):
    (req,) = from_characteristic(Characteristic(name=name, kind="range", min=least, unit="шт"))
    return req


def test_a_speed_counted_in_a_value_is_a_kind():
    assert counted_kinds("4 × 1 Гбит/с, 2 × 10 Гбит/с") == (
        (frozenset({"gigabit"}), 4), (frozenset({"tengigabit"}), 2),
    )  # fmt: skip
    # Sizes of another dimension are no kinds (each of two power supplies: 1200 Вт).
    assert counted_kinds("2 × 1200 Вт") == ()


def test_ports_of_the_asked_speed_are_counted():
    assert SHELF.decide(count("Количество сетевых портов 1 Гбит/с", "2"), NAS) == "yes"
    assert SHELF.decide(count("Количество сетевых портов 1 Гбит/с", "4"), NAS) == "no"
    assert SHELF.decide(count("Количество сетевых портов 10 Гбит/с", "2"), MIXED) == "yes"
    assert SHELF.decide(count("Количество сетевых портов 10 Гбит/с", "4"), MIXED) == "no"


def test_no_port_of_another_speed_proves_it():
    assert SHELF.decide(count("Количество сетевых портов 10 Гбит/с", "1"), NAS) == "no"
    # A speed the value does not list under a name that is not the card's: left to the specialist.
    assert SHELF.decide(count("Количество портов 2,5 Гбит/с", "1"), NAS) != "yes"
