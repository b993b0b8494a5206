"""KTRU characteristic names wrap the card's spec name in words that never change which value is meant (dev, dev2,
dev3: «не уверены … та же характеристика» on pairs labelled «yes»): «Срок гарантии производителя» is the card's
«Гарантия», «Поддерживаемые частотные диапазоны» its «Диапазоны» (in GHz), «Материал проводника» its «Проводник»,
«Поддерживаемые уровни RAID» its «RAID», «… одновременно подключенных клиентов» its «Количество клиентов» (a bound),
«Количество встроенных в корпус портов USB 3.2 Gen 1 Type-A» its «USB 3.2 Gen1 Type-A», «Скорость цветной печати в
формате А4» its «Скорость цветной печати». Words that change the value still block: «максимальное» against a plain
number, «в формате А3», another generation, another band's unit. Hand-made cards."""

from __future__ import annotations

from matching.alignment import condition_words
from matching.requirements import from_characteristic, name_tokens
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

SERVER = product(
    "SR-1", "Сервер 2U", [("RAID", "аппаратный контроллер, RAID 0/1/5/6/10/50/60"), ("Гарантия", "3 года")]
)
SMALL = product("SR-2", "Сервер Tower", [("RAID", "программный RAID 0/1"), ("Гарантия", "1 год")])
AP = product(
    "AP-1", "Точка доступа Wi-Fi 6E", [("Диапазоны", "2,4 ГГц, 5 ГГц, 6 ГГц"), ("Количество клиентов", "до 1000")]
)
AP_FLAT = product(
    "AP-2", "Точка доступа Wi-Fi 6", [("Диапазон температур", "0–40 °C"), ("Количество клиентов", "1000")]
)
CABLE = product("CB-1", "Кабель витая пара U/UTP cat.5e", [("Проводник", "многопроволочная медь, 26 AWG")])
CCA = product("CB-2", "Кабель витая пара U/UTP cat.5e", [("Проводник", "CCA (алюминий, покрытый медью), 24 AWG")])
LAPTOP = product("NB-1", 'Ноутбук 15,6"', [("USB 3.2 Gen1 Type-A", "2"), ("USB 3.2 Gen2 Type-C", "1")])
MFU = product("MF-1", "МФУ лазерное цветное A4", [("Скорость цветной печати", 30, "стр/мин")])
MFU_A3 = product("MF-2", "МФУ лазерное A3", [("Скорость печати", "32 стр/мин (A4), 16 стр/мин (A3)")])
SHELF = Shelf(SERVER, SMALL, AP, AP_FLAT, CABLE, CCA, LAPTOP, MFU, MFU_A3)


def at_least(name: str, low: str, unit: str | None = None):
    (req,) = from_characteristic(Characteristic(name=name, kind="range", min=low, unit=unit))
    return req


def values(name: str, *asked: str):
    (req,) = from_characteristic(Characteristic(name=name, kind="values", values=list(asked)))
    return req


def test_manufacturer_warranty_in_months_on_years():
    req = at_least("Срок гарантии производителя", "36", "месяцев")
    assert SHELF.decide(req, SERVER) == "yes"  # 3 года = 36 месяцев, not 3 < 36
    assert SHELF.decide(req, SMALL) == "no"


def test_frequency_bands_on_the_card_bands_not_on_another_range():
    req = values("Поддерживаемые частотные диапазоны", "2,4 ГГц", "5 ГГц", "6 ГГц")
    assert SHELF.decide(req, AP) == "yes"
    assert SHELF.decide(req, AP_FLAT) == "unknown"  # a temperature range is no frequency band


def test_conductor_material():
    req = values("Материал проводника", "медь")
    assert SHELF.decide(req, CABLE) == "yes"
    assert SHELF.decide(req, CCA) != "yes"  # copper-clad aluminium says «медью» but is no copper conductor


def test_raid_levels_on_the_raid_spec():
    req = values("Поддерживаемые уровни RAID", "0", "1", "5", "10")
    assert SHELF.decide(req, SERVER) == "yes"
    assert SHELF.decide(req, SMALL) == "no"


def test_concurrent_clients_bound_by_an_upper_bound_only():
    req = at_least("Максимальное количество одновременно подключенных клиентов", "500")
    assert SHELF.decide(req, AP) == "yes"  # «до 1000» is the maximum
    assert SHELF.decide(req, AP_FLAT) == "unknown"  # a plain 1000 may be a recommended number, not the maximum


def test_ports_built_into_the_body_of_one_generation():
    req = at_least("Количество встроенных в корпус портов USB 3.2 Gen 1 Type-A", "2")
    assert SHELF.decide(req, LAPTOP) == "yes"
    assert name_tokens("USB 3.2 Gen 1") == name_tokens("USB 3.2 Gen1")
    other = at_least("Количество встроенных в корпус портов USB 3.2 Gen 2 Type-A", "1")
    assert SHELF.decide(other, LAPTOP) != "yes"
    assert name_tokens("Встроенный в корпус") == ("встроить", "корпус")  # nothing but the phrase keeps its words


def test_a4_is_the_format_speeds_are_given_for():
    req = at_least("Скорость цветной печати в формате А4, стр/мин", "25")
    assert SHELF.decide(req, MFU) == "yes"
    assert SHELF.decide(at_least("Скорость цветной печати в формате А4, стр/мин", "35"), MFU) == "no"
    assert SHELF.decide(at_least("Скорость цветной печати в формате А3, стр/мин", "25"), MFU) == "unknown"
    assert name_tokens("Поддержка формата А4") == ("поддержка", "формат", "a4")  # no condition without «в»


def test_a4_still_selects_its_part_of_a_value_stating_several():
    assert condition_words("Скорость печати в формате А4") == {"формат", "a4"}
    assert SHELF.decide(at_least("Скорость печати в формате А4, стр/мин", "30"), MFU_A3) == "yes"
    assert SHELF.decide(at_least("Скорость печати в формате А4, стр/мин", "40"), MFU_A3) == "no"
