"""A UPS's emergency power off and external battery modules under their names (issue 15: «Интерфейс аварийного
отключения (EPO)» left "unknown" on «Интерфейсы: RS-232, USB, EPO», «Возможность подключения внешних батарейных
модулей» on «Батареи: внешние … в отдельном батарейном шкафу» and «Подключение внешних батарей: да»). Traps: built-in
batteries prove no external ones («Подключение внешних батарей: нет» refuses), «EPO: нет» proves no EPO."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

TOWER = product(
    "UPS-6K", "ИБП онлайн 6 кВА",
    [("Батареи", "внешние, 16 × 12 В 9 А·ч в отдельном батарейном шкафу"),
     ("Интерфейсы", "RS-232, USB, EPO, слот SNMP")],
)  # fmt: skip
RACK = product("UPS-10K", "ИБП 10 кВА", [("Подключение внешних батарей", "да"), ("Интерфейсы", "USB, RS-232")])
SMALL = product(
    "UPS-1K", "ИБП 1000 ВА",
    [("Батареи", "встроенные, 2 × 12 В 7 А·ч"), ("Подключение внешних батарей", "нет"), ("EPO", "нет")],
)  # fmt: skip
SHELF = Shelf(TOWER, RACK, SMALL)


def present(name: str):
    (found,) = from_characteristic(Characteristic(name=name, kind="values", values=["Да"]))
    return found


def test_emergency_power_off():
    epo = present("Интерфейс аварийного отключения (EPO)")
    assert SHELF.decide(epo, TOWER) == "yes"
    assert SHELF.decide(epo, RACK) != "yes"
    assert SHELF.decide(epo, SMALL) != "yes"  # trap: «EPO: нет»


def test_external_battery_modules():
    modules = present("Возможность подключения внешних батарейных модулей")
    assert SHELF.decide(modules, TOWER) == "yes"
    assert SHELF.decide(modules, RACK) == "yes"
    assert SHELF.decide(modules, SMALL) == "no"  # trap: built-in batteries, external ones refused
