"""A switch's level and dynamic routing are read from the whole card (issue 15: «Уровень коммутатора: L3»,
«Поддержка протоколов динамической маршрутизации: OSPF, BGP» and «Поддержка протокола OSPF» left "unknown" on
cards listing «Маршрутизация: статическая, RIP, OSPF, BGP» or named «Коммутатор L3»). Traps: «L2+» is no L3,
«MPLS L3VPN» states no level, «L3 Lite» decides nothing, static routing is no dynamic routing, «RIPng» is no
RIP, a versioned protocol needs its version, a card naming some of the asked protocols decides nothing."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

L3 = product(
    "SW-L3", "Коммутатор Qtech QSW-4610, L3, 24 × 1G, 4 × 10G SFP+",
    [("Маршрутизация", "статическая, RIP v1/v2, OSPFv2/v3, BGP4, VRRP"), ("Управление", "CLI, Web, SNMP v1/v2c/v3")],
)  # fmt: skip
FUNCTIONS = product(
    "SW-F", "Коммутатор NetSkat MS-4852P 48×GE PoE+",
    [("Функциональность", "L3: статическая маршрутизация, OSPFv2, VRRP; стекирование до 8 устройств")],
)  # fmt: skip
L2PLUS = product(
    "SW-L2P", "Коммутатор Eltex MES2448P, 48 портов 1G PoE+, L2+",
    [("Тип коммутатора", "управляемый, L2+"), ("Функции", "Voice VLAN, IGMP Snooping, ACL, MPLS L3VPN relay")],
)  # fmt: skip
LITE = product("SW-LITE", "Коммутатор управляемый 24 порта", [("Уровень", "L3 Lite (статические маршруты, RIP)")])
UNMANAGED = product("SW-U", "Коммутатор неуправляемый 8×1GbE", [("Порты 1 Гбит/с RJ-45", 8, "шт")])
STATIC = product(
    "RT-S", "Маршрутизатор офисный 5 портов",
    [("Маршрутизация", "статическая"), ("VPN", "IPsec, L2TP")],
)  # fmt: skip
RIPNG = product("RT-NG", "Маршрутизатор IPv6", [("Протоколы маршрутизации", "статическая, RIPng")])
NO_OSPF = product("RT-N", "Маршрутизатор", [("OSPF", "нет"), ("Протоколы маршрутизации", "статическая")])
SHELF = Shelf(L3, FUNCTIONS, L2PLUS, LITE, UNMANAGED, STATIC, RIPNG, NO_OSPF)


def req(name: str, *values: str):
    (found,) = from_characteristic(Characteristic(name=name, kind="values", values=list(values)))
    return found


def test_the_level_is_read_in_the_name_or_any_spec():
    level = req("Уровень коммутатора", "L3")
    assert SHELF.decide(level, L3) == "yes"
    assert SHELF.decide(level, FUNCTIONS) == "yes"  # «L3: статическая маршрутизация, OSPFv2»
    assert SHELF.decide_name(L3, "Коммутатор L3, 24 порта 1G", "L3") == "yes"


def test_l2_plus_and_unmanaged_are_no_l3():
    level = req("Уровень коммутатора", "L3")
    assert SHELF.decide(level, L2PLUS) == "no"  # trap: «MPLS L3VPN» on the card states no level
    assert SHELF.decide(level, UNMANAGED) == "no"
    assert SHELF.decide(level, LITE) == "unknown"  # trap: «L3 Lite» is reduced, the specialist decides
    assert SHELF.decide(req("Уровень коммутатора", "L2", "L2+", "L3"), L2PLUS) == "yes"


def test_dynamic_routing_needs_every_asked_protocol():
    dynamic = req("Поддержка протоколов динамической маршрутизации", "OSPF", "BGP")
    assert SHELF.decide(dynamic, L3) == "yes"
    assert SHELF.decide(dynamic, FUNCTIONS) == "unknown"  # OSPF named, BGP not: not proven, not refuted
    assert SHELF.decide(req("Поддержка протоколов динамической маршрутизации", "OSPFv2, BGP-4"), L3) == "yes"
    assert SHELF.decide(req("Поддержка протоколов динамической маршрутизации", "OSPFv3"), FUNCTIONS) == "unknown"
    assert SHELF.decide(req("Поддержка протокола OSPF", "Да"), FUNCTIONS) == "yes"
    assert SHELF.decide(req("Поддержка протокола OSPF", "Наличие"), L3) == "yes"


def test_static_routing_is_no_dynamic_routing():
    dynamic = req("Поддержка протоколов динамической маршрутизации", "Да")
    assert SHELF.decide(dynamic, STATIC) == "no"
    assert SHELF.decide(dynamic, UNMANAGED) == "no"
    assert SHELF.decide(dynamic, L3) == "yes"  # trap: «статическая, RIP …, OSPF» also lists static routing
    assert SHELF.decide(dynamic, L2PLUS) == "unknown"  # an L2+ card silent on routing: not refuted
    assert SHELF.decide(req("Поддержка протокола RIP", "Да"), RIPNG) != "yes"  # trap: RIPng is IPv6's RIP
    assert SHELF.decide(req("Поддержка протокола OSPF", "Да"), NO_OSPF) != "yes"  # trap: «OSPF: нет»
