"""Ports counted in pieces and by a copper speed (issue 15, session 13, dev7 18/1 and 4/1): «Медные порты: 24 шт.
10/100/1000BASE-T», «Оптические порты: 4 шт. 1000BASE-X SFP (не комбо)» listed no port for «Количество портов
10/100/1000BASE-T», «Количество портов SFP» or a line's «24 порта 1 Гбит/с + 4 SFP» (the speed after the count is the
ports' kind); «Порт: 1 x 2,5GbE RJ45», «Порты: 1 x 2,5GbE (PoE in), 1 x 1GbE» none for «Количество портов Ethernet со
скоростью не менее 2,5 Гбит/с». Traps: combo ports counted twice, 100 Мбит/с ports with 1G uplinks for «24 порта
1 Гбит/с», a 1G port for a 2,5G bound, a PoE input counted as a PoE port, a closed list of ports of no named form
(«2 x 10GbE», copper or SFP+) failing a count of RJ-45 ports. Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import item_requirements
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Item
from tests.matching.conftest import product

CARDS = {
    p.sku: product_card(p)
    for p in (
        product(
            "SW-PCS",
            "Коммутатор управляемый L2",
            [("Медные порты", "24 шт. 10/100/1000BASE-T"), ("Оптические порты", "4 шт. 1000BASE-X SFP (не комбо)")],
        ),
        product("SW-FE", "Коммутатор", [("Порты", "24 × 10/100BASE-TX, 2 × 1000BASE-X SFP")]),
        product("SW-COMBO", "Коммутатор управляемый", [("Порты", "24 × 10/100/1000BASE-T, 4 × комбо 1000BASE-T/SFP")]),
        product("AP-25", "Точка доступа Wi-Fi 6", [("Порт", "1 x 2,5GbE RJ45 с PoE-входом")]),
        product("AP-25IN", "Точка доступа Wi-Fi 6", [("Порты", "1 x 2,5GbE (PoE in), 1 x 1GbE")]),
        product("AP-1G", "Точка доступа Wi-Fi 6", [("Порты", "2 x 1GbE (PoE in)")]),
        product("AP-RJ", "Точка доступа Wi-Fi 6", [("Порты", "1 x RJ-45 (PoE in)")]),
        product("AP-10G", "Точка доступа Wi-Fi 7", [("Порты", "2 x 10GbE")]),
    )
}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, name: str, least: str, line: str = "Коммутатор") -> str:
    ch = Characteristic(name=name, kind="range", min=least, unit="шт")
    (req,) = item_requirements(Item(index=1, name=line, characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def in_name(sku: str, line: str) -> dict[str, str]:
    reqs = item_requirements(Item(index=1, name=line, characteristics=[]))
    return {r.name: check(r, CARDS[sku], VOCAB).status for r in reqs}


def test_ports_counted_in_pieces():
    assert decide("SW-PCS", "Количество портов 10/100/1000BASE-T", "24") == "yes"
    assert decide("SW-PCS", "Количество портов SFP", "4") == "yes"
    assert decide("SW-PCS", "Количество портов SFP", "8") != "yes"
    said = in_name("SW-PCS", "Коммутатор управляемый 24 порта 1 Гбит/с + 4 SFP")
    assert said["4 SFP (в наименовании)"] == "yes"
    assert said["24 порта 1 Гбит/с (в наименовании)"] == "yes"  # the speed written after the count is the ports'
    assert not any(name.startswith("1 Гбит/с") for name in said)


def test_speed_after_count_is_the_counted_ports_kind():
    said = in_name("SW-FE", "Коммутатор 24 порта 1 Гбит/с")
    assert said["24 порта 1 Гбит/с (в наименовании)"] != "yes"  # trap: 24 ports of 100 Мбит/с, 1G SFP uplinks


def test_combo_ports_never_counted_twice():
    assert decide("SW-COMBO", "Количество портов 10/100/1000BASE-T", "24") == "yes"
    assert decide("SW-COMBO", "Количество портов 10/100/1000BASE-T", "28") == "unknown"  # trap: 24 + 4 combo
    assert decide("SW-COMBO", "Количество портов SFP", "4") == "yes"
    assert decide("SW-COMBO", "Количество портов SFP", "6") == "unknown"  # a list with combo cages closes nothing


def test_ethernet_port_of_a_copper_speed():
    name = "Количество портов Ethernet со скоростью не менее 2,5 Гбит/с"
    assert decide("AP-25", name, "1", "Точка доступа") == "yes"
    assert decide("AP-25IN", name, "1", "Точка доступа") == "yes"
    assert decide("AP-25IN", name, "2", "Точка доступа") != "yes"  # trap: its second port runs at 1 Гбит/с
    assert decide("AP-1G", name, "1", "Точка доступа") != "yes"  # trap: 1 Гбит/с ports only
    assert decide("AP-25IN", "Количество портов Ethernet", "2", "Точка доступа") == "yes"
    assert decide("AP-1G", "Количество портов Ethernet", "2", "Точка доступа") == "yes"


def test_powered_input_is_no_poe_port():
    assert decide("AP-25IN", "Количество портов с поддержкой PoE", "1", "Точка доступа") != "yes"


def test_list_of_ports_of_no_named_form_closes_no_count_of_rj45():
    assert decide("AP-10G", "Количество портов Ethernet", "2", "Точка доступа") == "unknown"  # copper or SFP+


def test_a_list_naming_no_speed_closes_no_count_of_a_speed():
    name = "Количество портов Ethernet 2,5 Гбит/с"
    assert decide("AP-1G", name, "1", "Точка доступа") == "no"  # a closed list of 1 Гбит/с ports
    assert decide("AP-RJ", name, "1", "Точка доступа") == "unknown"  # «1 × RJ-45»: of what speed?
