"""The wired network interface's speed asked under no spec's name («Скорость передачи данных сетевого интерфейса:
не менее 1000 Мбит/с») is read where the card lists the interface with its speed («Интерфейсы: USB 2.0, Ethernet
10/100/1000Base-T», «Порты: …, RJ-45 (1 Гбит/с)»); another port's or link's speed (an SFP's, a radio's) never is
(`ports.json` `wired_speed`, matching/portspeeds.py)."""

from __future__ import annotations

from tests.matching.conftest import Shelf, at_least, product

PRINTER = product("PR-1", "Принтер A4", [("Интерфейсы", "USB 2.0, Ethernet 10/100/1000Base-T"), ("Wi-Fi", "нет")])
LAPTOP = product("NB-1", 'Ноутбук 15,6"', [("Порты", "2 × USB 3.2 Gen 1, HDMI 1.4b, RJ-45 (1 Гбит/с), аудио 3,5 мм")])
SLOW = product("MC-1", "Медиаконвертер", [("Порты", "1 × RJ-45 10/100 Мбит/с, 1 × SFP 1 Гбит/с")])
OLD = product("PR-2", "Принтер", [("Интерфейсы", "USB 2.0, Ethernet 10/100Base-TX")])
RADIO = product("AP-1", "Точка доступа", [("Радио", "Wi-Fi 5, до 867 Мбит/с"), ("Порты", "1 × SFP 1 Гбит/с")])
TWO = product("SR-1", "Сервер", [("Сеть", "2 × RJ-45 1 Гбит/с, 2 × RJ-45 10GBase-T 10 Гбит/с")])
SHELF = Shelf(PRINTER, LAPTOP, SLOW, OLD, RADIO, TWO)
ASKED = at_least("Скорость передачи данных сетевого интерфейса", 1000, "Мбит/с")


def test_the_interface_listed_with_its_speed_proves_it():
    assert SHELF.decide(ASKED, PRINTER) == "yes"
    assert SHELF.decide(at_least("Скорость передачи данных сетевого адаптера", 1000, "Мбит/с"), LAPTOP) == "yes"


def test_a_slower_copper_interface_fails():
    assert SHELF.decide(ASKED, OLD) == "no"


def test_an_sfp_fast_enough_is_no_proof_either_way():
    assert SHELF.decide(ASKED, SLOW) == "unknown"


def test_a_radio_or_sfp_speed_is_not_the_interface_speed():
    assert SHELF.decide(ASKED, RADIO) == "unknown"


def test_two_copper_speeds_decide_nothing():
    assert SHELF.decide(at_least("Скорость передачи данных сетевого интерфейса", 10, "Гбит/с"), TWO) == "unknown"
