"""Whether a switch is managed and the SNMP version it speaks are read from the whole card (issue 15: «Коммутатор
неуправляемый» left "unknown" against «Коммутатор управляемый …», «управляемый» against «управление CLI, Web, SNMP
v2c/v3», «SNMP не ниже v3» against «SNMP v1/v2c/v3»). Traps: web-only management («Web-управляемый», «Smart»)
proves no managed switch yet is no unmanaged one; «SNMP» without versions proves no version; a card saying both
decides nothing."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

NAMED = product("SW-M", "Коммутатор управляемый Vortex VS-2426P, 24 порта PoE", [("Порты", "24 × 1G PoE")])
MEANS = product(
    "SW-C", "Коммутатор NetSkat MS-4852P 48×GE PoE+",
    [("Функциональность", "стекирование до 8 устройств; управление CLI, Web, SNMP v2c/v3")],
)  # fmt: skip
SMART = product("SW-S", "Коммутатор Web-управляемый 16 портов", [("Управление", "Web-интерфейс")])
PLAIN = product("SW-U", "Коммутатор 5 портов 10/100/1000", [("Управление", "неуправляемый")])
OLD_SNMP = product("SW-O", "Коммутатор управляемый 8 портов", [("Управление", "Web, SNMP v1/v2c")])
BARE_SNMP = product("SW-B", "Коммутатор управляемый 24 порта", [("Управление", "Web, SNMP")])
SHELF = Shelf(NAMED, MEANS, SMART, PLAIN, OLD_SNMP, BARE_SNMP)


def test_an_unmanaged_switch_asked():
    line = "Коммутатор неуправляемый 5 портов 10/100/1000"
    assert SHELF.decide_name(PLAIN, line, "неуправляемый") == "yes"
    assert SHELF.decide_name(NAMED, line, "неуправляемый") == "no"
    assert SHELF.decide_name(MEANS, line, "неуправляемый") == "no"
    assert SHELF.decide_name(SMART, line, "неуправляемый") == "no"  # web management is management


def test_a_managed_switch_asked():
    line = "Коммутатор 24 порта 1G PoE+, управляемый"
    assert SHELF.decide_name(MEANS, line, "управляемый") == "yes"  # CLI, SNMP: full management
    assert SHELF.decide_name(PLAIN, line, "управляемый") == "no"
    assert SHELF.decide_name(SMART, line, "управляемый") == "unknown"  # trap: web-only is no proof
    (managed,) = from_characteristic(Characteristic(name="Управляемый", kind="values", values=["Да"]))
    assert SHELF.decide(managed, MEANS) == "yes"
    assert SHELF.decide(managed, PLAIN) == "no"


def test_an_snmp_version_at_least():
    (v3,) = from_characteristic(
        Characteristic(name="Поддержка протокола SNMP", kind="values", values=["версии не ниже v3"])
    )
    assert SHELF.decide(v3, MEANS) == "yes"
    assert SHELF.decide(v3, OLD_SNMP) == "no"
    assert SHELF.decide(v3, BARE_SNMP) == "unknown"  # trap: SNMP without versions
