"""What a value offers only under a condition proves nothing (issue 15, the dev8 trap set: 16 false «yes» of main):
a licence, an edition, firmware or the model of a series («OSPF, BGP — при установке лицензии», «RAID 6 — после
обновления прошивки (ожидается)», «— в зависимости от модели серии»), a marker after a dash holding for the list
before it («OSPF, BGP — опционально»), and a bracket excluding items («(кроме RAID 5 и RAID 10)», «(без SSTP)»);
`matching/offered.py`, also read by the routing reading. What the value offers as it is still proves, and a spec
about a licence itself («Лицензия: бессрочная») is no condition. Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import item_requirements
from matching.offered import offered_clauses
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Item
from tests.matching.conftest import product

CARDS = {
    p.sku: product_card(p)
    for p in (
        product("RT-1", "Маршрутизатор", [("Маршрутизация", "статическая, RIP; OSPF, BGP — при установке лицензии")]),
        product("RT-2", "Маршрутизатор", [("Маршрутизация", "статическая, RIP, OSPF, BGP")]),
        product("SW-1", "Коммутатор", [("Маршрутизация", "статическая; OSPF, BGP — опционально")]),
        product("NAS-1", "Сетевое хранилище", [("Массив", "0, 1, 50 (кроме RAID 5 и RAID 10)")]),
        product("NAS-2", "Сетевое хранилище", [("Массив", "0, 1, 5, 10 — в зависимости от модели серии")]),
    )
}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, name: str, *values: str) -> str:
    ch = Characteristic(name=name, kind="values", values=list(values))
    (req,) = item_requirements(Item(index=1, name="Оборудование", characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def test_clauses_offered_as_they_are():
    kept = offered_clauses("статическая; OSPF, BGP — опционально, лицензия L3")
    assert "статическая" in kept and not {"OSPF", "BGP — опционально"} & set(kept)
    assert offered_clauses("USB, RS-232, SNMP-карта опционально") == ("USB", "RS-232")
    assert offered_clauses("IPsec, L2TP, PPTP (без SSTP и OpenVPN)") == ("IPsec", "L2TP", "PPTP")
    assert offered_clauses("0, 1, 5 — в зависимости от модели серии") is None
    assert offered_clauses("бессрочная, OEM") == ("бессрочная, OEM",)


def test_a_condition_proves_no_routing_protocol():
    assert decide("RT-1", "Протоколы маршрутизации", "OSPF", "BGP") != "yes"
    assert decide("SW-1", "Протоколы маршрутизации", "OSPF") != "yes"
    assert decide("RT-2", "Протоколы маршрутизации", "OSPF", "BGP") == "yes"


def test_excluded_or_conditional_levels_prove_nothing():
    assert decide("NAS-1", "Массив", "5") != "yes"
    assert decide("NAS-2", "Массив", "5") != "yes"
    assert offered_clauses("0, 1, 50 (кроме RAID 5 и RAID 10)") == ("0", "1", "50")
