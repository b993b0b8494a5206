"""A clause denying a thing beside others, and a slot «для» a thing, prove no presence (issue 15, false «yes» classes of
main found by presence13): «Поддержка протокола VRRP» was «yes» on «Протоколы: STP, RSTP, без VRRP», «Наличие
SNMP-карты» on «Интерфейсы: USB, RS-232, слот для SNMP-карты» (`matching/offered.py`). What the clauses do say still
proves: STP, the slot itself, a card «в комплекте», and a lone «нет» stays the spec's own answer. Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import item_requirements
from matching.offered import stated_clauses
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Item
from tests.matching.conftest import product

CARDS = {
    p.sku: product_card(p)
    for p in (
        product("SW-1", "Коммутатор управляемый", [("Протоколы", "STP, RSTP, без VRRP"), ("Порты", "24 × RJ-45")]),
        product("SW-2", "Коммутатор", [("Функции", "VLAN, QoS, VRRP не поддерживается")]),
        product("UPS-1", "ИБП", [("Интерфейсы", "USB, RS-232, слот для SNMP-карты")]),
        product("UPS-2", "ИБП", [("Интерфейсы", "USB, RS-232, слот для SNMP-карты (карта в комплекте)")]),
        product("UPS-3", "ИБП", [("SNMP-карта", "нет"), ("Интерфейсы", "USB")]),
    )
}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, name: str, value: str = "Да") -> str:
    ch = Characteristic(name=name, kind="values", values=[value])
    (req,) = item_requirements(Item(index=1, name="Оборудование", characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def test_a_denied_clause_proves_no_presence():
    assert stated_clauses("STP, RSTP, без VRRP") == ("STP", "RSTP")
    assert stated_clauses("нет") == ("нет",)
    assert decide("SW-1", "Поддержка протокола VRRP") != "yes"
    assert decide("SW-2", "Поддержка протокола VRRP") != "yes"


def test_the_affirmed_clauses_still_prove():
    assert decide("SW-1", "Поддержка протокола STP") == "yes"
    assert decide("SW-2", "Поддержка VLAN") == "yes"


def test_a_slot_is_room_not_the_card():
    assert decide("UPS-1", "Наличие SNMP-карты") != "yes"
    assert decide("UPS-1", "Наличие слота для SNMP-карты") == "yes"
    assert decide("UPS-2", "Наличие SNMP-карты") == "yes"


def test_a_lone_denial_is_the_answer():
    assert decide("UPS-3", "Наличие SNMP-карты") == "no"
    assert decide("UPS-3", "Наличие SNMP-карты", "Нет") == "yes"
