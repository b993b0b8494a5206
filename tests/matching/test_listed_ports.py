"""Ports counted by kind from what a card lists ("Порты: 8 × 10/100/1000BASE-T (RJ-45), 2 × 10GBASE-X SFP+", a name's
"8 × GE, 4 × 10G SFP+"): dev batches 10 and 11 left firewalls, routers and IP phones "unknown" on every port count."""

from __future__ import annotations

from matching.namegrammar import name_requirements
from matching.ports import listed_ports, wanted_kind
from matching.requirements import Requirement, from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

FIREWALL = product("FW", "Межсетевой экран 1U", [
    ("Порты", "8 × 10/100/1000BASE-T (RJ-45), 2 × 10GBASE-X SFP+, 1 × MGMT RJ-45, 1 × консоль"),
    ("Сетевые интерфейсы", "8 × 10/100/1000BASE-T"),
])  # fmt: skip
ROUTER = product("RT", "Маршрутизатор ESR-1250, 1U, 8 × GE, 4 × 10G SFP+, 2 БП", [("Оперативная память", 8, "ГБ")])
PHONE = product("PH", "IP-телефон", [("Сетевые порты", "2 × RJ-45 10/100 Мбит/с (LAN/PC, мост)")])
SHELF = Shelf(FIREWALL, ROUTER, PHONE)


def count(name: str, at_least: int) -> Requirement:
    (req,) = from_characteristic(Characteristic(name=name, kind="range", min=at_least, unit="шт"))
    return req


def test_a_listed_kind_is_counted_and_management_ports_are_not():
    assert SHELF.decide(count("Количество портов Ethernet 10/100/1000 Мбит/с (RJ-45)", 8), FIREWALL) == "yes"
    assert SHELF.decide(count("Количество портов SFP+ 10 Гбит/с", 2), FIREWALL) == "yes"
    # 8 copper data ports and a management one: not 9 (and the two lists of the same ports are not summed).
    assert SHELF.decide(count("Количество портов Ethernet", 9), FIREWALL) == "unknown"
    assert SHELF.decide(count("Количество портов SFP+ 10 Гбит/с", 3), FIREWALL) == "unknown"  # never "no" here


def test_the_speed_of_a_listed_port_must_be_the_asked_one():
    assert SHELF.decide(count("Количество портов Ethernet", 2), PHONE) == "yes"
    # Its one port list («Сетевые порты») is closed: no gigabit port, so "no" (matching.ports.fewer_listed).
    assert SHELF.decide(count("Количество портов Ethernet 10/100/1000 Мбит/с", 2), PHONE) == "no"


def test_ports_counted_in_a_cards_name_and_sfp_plus_cages_taking_sfp():
    assert SHELF.decide(count("Количество портов SFP", 2), ROUTER) == "yes"
    assert SHELF.decide(count("Количество портов 10/100/1000 Мбит/с RJ-45", 8), ROUTER) == "yes"
    assert SHELF.decide_name(ROUTER, "Маршрутизатор 8×1G, 4×10G SFP+", "4×10G SFP+") == "yes"
    assert SHELF.decide_name(ROUTER, "Маршрутизатор 4×1G, 2 SFP", "4×1G") == "yes"


def test_a_count_with_other_words_is_not_a_kind_count():
    # Power is a kind a listed port may name («2 × RJ-45 с PoE+»): see test_powered_port_counts.
    assert wanted_kind(count("Количество портов с поддержкой PoE+ (IEEE 802.3at)", 2)) == frozenset({"poeplus"})
    assert wanted_kind(count("Количество портов SFP+, укомплектованных трансиверами", 2)) is None
    assert listed_ports("2 × 150 Вт, резервирование 1+1") == ()


def test_a_port_speed_after_a_times_sign_is_a_count_of_those_ports():
    reqs = {r.name: r for r in name_requirements("Маршрутизатор 4×1G, 2 SFP, VPN")}
    assert reqs["4×1G (в наименовании)"].min == 4.0
    assert not any(r.dimension == "rate" for r in reqs.values())  # the speed is the kind counted, not a bound


SWITCH = product("SW", "Коммутатор неуправляемый", [
    ("Порты", "8 × 10/100/1000 Мбит/с RJ-45"), ("PoE", "порты 1–4, 802.3af/at"),
])  # fmt: skip
POWERED = product("PW", "Коммутатор", [("Порты", "6 × RJ-45 10/100/1000, 2 × RJ-45 10/100/1000 PoE+")])
SILENT = product("SL", "Маршрутизатор", [("Порты", "4 × RJ-45, 2 × SFP")])


def test_a_closed_port_list_decides_only_the_kinds_it_names():
    # dev3 023/1: «8 × … RJ-45» says nothing of PoE (another spec says which ports give power): not "no"; here
    # «PoE: порты 1–4» counts them (matching.poeports), and 8 are more than it says.
    assert Shelf(SWITCH).decide(count("Количество портов RJ-45 с поддержкой PoE", 4), SWITCH) == "yes"
    assert Shelf(SWITCH).decide(count("Количество портов RJ-45 с поддержкой PoE", 8), SWITCH) == "unknown"
    assert Shelf(SILENT).decide(count("Количество портов 10/100/1000 Мбит/с", 4), SILENT) == "unknown"
    # Traps: a list naming PoE on some ports, or speeds on its ports, is closed for them.
    assert Shelf(POWERED).decide(count("Количество портов RJ-45 с поддержкой PoE", 4), POWERED) == "no"
    assert Shelf(SWITCH).decide(count("Количество портов 10 Гбит/с", 2), SWITCH) == "no"


AP = product("AP", "Точка доступа", [("Порты LAN", "1 × 10/100/1000BASE-T (RJ-45)"), ("Питание", "PoE 802.3at")])
AP_SFP = product("AS", "Точка доступа", [("Порты LAN", "1 × 10/100/1000BASE-T (RJ-45)"), ("Uplink", "слот SFP")])


def present(name: str) -> Requirement:
    (req,) = from_characteristic(Characteristic(name=name, kind="values", values=["Да"]))
    return req


def test_a_closed_port_list_without_the_asked_kind_denies_its_presence():
    # dev3 006/1: «Наличие порта SFP» on an access point whose one port list is «1 × RJ-45».
    assert Shelf(AP).decide(present("Наличие порта SFP"), AP) == "no"
    # Traps: another spec names the kind; a power the list is silent on.
    assert Shelf(AP_SFP).decide(present("Наличие порта SFP"), AP_SFP) != "no"
    assert Shelf(AP).decide(present("Наличие порта PoE"), AP) != "no"
