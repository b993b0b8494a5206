"""dev2's fresh cards state counts as multiples («Процессоры: 2 × Xeon …») and mounting as a class under any name
(«Форм-фактор: универсальный: стоечный 19\\" 2U или напольный»). Each rule with a right case and a trap that must not
become "yes". Hand-made cards."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

TWIN = product("SRV-2", "Сервер 2U", [("Процессоры", "2 × Intel Xeon Silver 4310 (12 ядер, 24 потока, 2,1 ГГц)"),
                                      ("Блоки питания", "2 × 1200 Вт, горячая замена"),
                                      ("Форм-фактор", "стоечный 2U")])  # fmt: skip
SINGLE = product("SRV-1", "Сервер", [("Процессор", "Intel Xeon Silver 4310"), ("Форм-фактор", "напольный (Tower)")])
PORTS = product("SW-1", "Сервер", [("Процессор", "Intel Xeon Silver 4310 (2 × 12 ядер)"), ("Web", "нет")])
UNIVERSAL = product("UPS-RT", "ИБП 2 кВА Rack/Tower", [("Форм-фактор", 'универсальный: стоечный 19" 2U или напольный'),
                                                       ("Тип ИБП", "онлайн, с двойным преобразованием")])  # fmt: skip
TOWER = product("UPS-T", "ИБП 3 кВА", [("Исполнение", "напольное (Tower)"), ("Тип", "линейно-интерактивный")])
RACK_NO = product("UPS-N", "ИБП 1 кВА", [("Монтаж в стойку", "нет")])
SWITCH = product("SW-W", "Коммутатор", [("Управление", "управляемый: CLI, Web-интерфейс, SNMP")])
SHELF = Shelf(TWIN, SINGLE, PORTS, UNIVERSAL, TOWER, RACK_NO, SWITCH)


def req(name: str, kind: str = "values", **fields):
    (found,) = from_characteristic(Characteristic(name=name, kind=kind, **fields))
    return found


def at_least(name: str, n: int):
    return req(name, kind="range", min=n, unit="шт")


def test_a_count_stated_as_a_multiple_of_its_own_spec():
    assert SHELF.decide(at_least("Количество процессоров", 2), TWIN) == "yes"
    assert SHELF.decide(at_least("Количество установленных блоков питания", 2), TWIN) == "yes"
    assert SHELF.decide(at_least("Количество процессоров", 4), TWIN) == "no"
    assert SHELF.decide_name(TWIN, "Сервер 2U, два процессора", "два процессора") == "yes"


def test_no_multiple_or_several_kinds_prove_no_count():
    assert SHELF.decide(at_least("Количество процессоров", 2), SINGLE) == "unknown"
    assert SHELF.decide(at_least("Количество процессоров", 2), PORTS) == "unknown"  # a multiple of cores


def test_each_part_count_is_read_in_the_parts_spec():
    assert SHELF.decide(at_least("Количество ядер каждого установленного процессора", 12), TWIN) == "yes"
    assert SHELF.decide(at_least("Количество ядер каждого установленного процессора", 16), TWIN) == "no"


def test_mounting_is_read_by_its_class_under_any_spec_name():
    assert SHELF.decide(req("Тип сервера", values=["Стоечный"]), TWIN) == "yes"
    assert SHELF.decide(req("Тип сервера", values=["Отдельностоящий"]), TWIN) == "no"
    assert SHELF.decide(req("Тип сервера", values=["Отдельностоящий"]), SINGLE) == "yes"
    assert SHELF.decide_name(TOWER, "ИБП стоечный 2 кВА", "стоечный") == "no"
    assert SHELF.decide_name(UNIVERSAL, "ИБП стоечный 2 кВА", "стоечный") == "yes"


def test_a_ups_topology_is_read_by_its_class():
    assert SHELF.decide(req("Тип ИБП", values=["On-Line"]), TOWER) == "no"


def test_a_presence_naming_a_mounting_class_is_proven_by_the_class():
    rack = req('Возможность установки в стойку 19"', values=["Да"])
    assert SHELF.decide(rack, UNIVERSAL) == "yes"
    assert SHELF.decide(rack, TOWER) != "yes"
    assert SHELF.decide(rack, RACK_NO) != "yes"


def test_a_web_interface_is_its_latin_name():
    assert SHELF.decide(req("Наличие веб-интерфейса управления", values=["Да"]), SWITCH) == "yes"
    assert SHELF.decide(req("Наличие веб-интерфейса управления", values=["Да"]), PORTS) == "unknown"
